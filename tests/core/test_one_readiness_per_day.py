"""One readiness per day, the morning's (scoring spec 6): for every day of the 12-week demo
log, `restday status --at DAY` (its function), the history screen's mornings and the home
screen's assessment with the clock set to that day say the same readiness and band."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from scoring.mornings import morning_scores
from storage.log.repository import Repository
from storage.read.readiness import read_assessment, read_readiness
from storage.read.score_window import read_span
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tui.commands.status import morning_of

DAYS = 12 * 7
LAST = TUESDAY_EVENING.date()
FIRST = LAST - timedelta(days=DAYS - 1)


def home_at(log: Path, moment: datetime):
    """What the home screen works out with the clock at `moment` (`HomeScreen._score`)."""
    with Repository(log, clock=FakeClock(moment), read_only=True) as repo:
        return read_readiness(repo, repo.clock()).assessment


@pytest.fixture(scope="module")
def said(twelve_week_demo: Path) -> dict[date, tuple]:
    """Each day's (status, history's morning, first working set, last moment) as the log
    stands now."""
    with Repository(twelve_week_demo, clock=FakeClock(TUESDAY_EVENING), read_only=True) as repo:
        days = [FIRST + timedelta(days=k) for k in range(DAYS)]
        history = dict(morning_scores(read_span(repo, FIRST, LAST), days, repo.now()))
        firsts = {}
        for entry in repo.sets(since=FIRST, until=LAST):
            if not entry.warmup and entry.day not in firsts:
                firsts[entry.day] = entry.timestamp
        return {
            day: (
                read_readiness(repo, morning_of(repo, day)).assessment,
                history[day],
                firsts.get(day),
                morning_of(repo, day),
            )
            for day in days
        }


def test_history_says_each_morning_as_status_does(said) -> None:
    """Readiness and band (the caps applied: a deload week's Reduce, a Rest day for a
    broad decline) on every day."""
    bands = set()
    for day, (status, morning, _first, _end) in said.items():
        assert morning.readiness == pytest.approx(status.readiness, abs=1e-9), day
        assert morning.band == status.band, day
        bands.add(status.band)
    assert bands == {"Train as planned", "Reduce", "Rest day"}


def test_home_says_each_morning_as_status_does_once_it_is_fixed(
    said, twelve_week_demo: Path
) -> None:
    """Home, the clock on the day: an hour after its first working set, or in its last
    minute on a day without one (the day's score is read then: spec 6)."""
    for day, (status, _morning, first, end) in said.items():
        moment = first + timedelta(hours=1) if first is not None else end
        home = home_at(twelve_week_demo, min(moment, end))
        assert home.day == day
        assert home.band == status.band, day
        assert home.readiness == pytest.approx(status.readiness, abs=1e-9), day


def test_home_just_before_the_days_first_set_says_the_days_score(
    said, twelve_week_demo: Path
) -> None:
    """Before its first set, today's score is read now (fatigue decays through the morning,
    so it creeps up by tenths an hour); logging the first set fixes it where it then stood:
    the score a minute before the first set is the day's, so the set changes nothing."""
    for day, (status, _morning, first, _end) in said.items():
        if first is None or day == LAST:
            continue
        home = home_at(twelve_week_demo, first - timedelta(minutes=1))
        assert home.readiness == pytest.approx(status.readiness, abs=0.1), day
        assert home.band == status.band, day


def test_history_s_day_says_each_morning_as_status_does(said, twelve_week_demo: Path) -> None:
    """History's day (Enter on the calendar) reads the morning's assessment alone
    (`read_assessment`, without the checklist, plan and tomorrow that status works out):
    the same assessment, every day."""
    with Repository(twelve_week_demo, clock=FakeClock(TUESDAY_EVENING), read_only=True) as repo:
        for day, (status, _morning, _first, end) in said.items():
            assert read_assessment(repo, end) == status, day
