"""The model on the 12-week demo log, each morning of its 12 weeks: the good weeks read
"Train as planned", the fatigue episode "Reduce" then "Rest day", so all three bands show."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from scoring import BANDS, REDUCE, REST, TRAIN, assess
from storage.demo import generate_demo
from storage.model.days import day_start
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.read.score_window import training_log

END = date(2026, 3, 18)
NOW = datetime(2026, 3, 18, 10, tzinfo=UTC)
WEEKS = 12


@pytest.fixture(scope="module")
def demo():
    return generate_demo(END, weeks=WEEKS, seed=1, tz="UTC", exercises=BUILTIN_BY_ID, now=NOW)


@pytest.fixture(scope="module")
def mornings(demo):
    """Each day's result at 10:00, after the morning's entries and before training."""
    days = [END - timedelta(days=k) for k in range(WEEKS * 7 - 1, -1, -1)]
    starts = {day: day_start(day, "UTC", 4) for day in days}
    log = training_log(demo.sets, BUILTIN_BY_ID, demo.recovery, demo.symptoms, day_starts=starts)
    return {day: assess(log, starts[day] + timedelta(hours=6)) for day in days}


def test_all_three_bands_show(mornings):
    assert {result.band for result in mornings.values()} == set(BANDS)


def test_the_good_weeks_read_train_as_planned(demo, mornings):
    ((first, _),) = demo.episodes
    before = [result for day, result in mornings.items() if day < first]
    assert len(before) >= 7 * 7
    assert [r.day for r in before if r.band != TRAIN] == []
    assert all(r.overrides == () and r.deload is None for r in before)
    assert mornings[END].band == TRAIN


def test_the_fatigue_episode_reads_reduce_then_rest_day(demo, mornings):
    ((first, last),) = demo.episodes
    episode = [mornings[first + timedelta(days=k)] for k in range(2, (last - first).days + 2)]
    assert all(r.band in (REDUCE, REST) for r in episode)
    assert [r.band for r in episode].count(REST) >= 4
    assert episode[-1].band == REST  # the morning after the last training day


def test_the_episode_shows_its_causes(demo, mornings):
    ((_, last),) = demo.episodes
    worst = mornings[last]  # before its last, tenth training day
    assert worst.readiness < 34
    assert {x.factor for x in worst.contributors[:3]} & {"Motivation", "Sleep duration"}
    after = mornings[last + timedelta(days=1)]
    assert after.consecutive_days == 10
    assert {"Bench Press", "Back Squat"} <= {d.name for d in after.declines}
    assert after.band == REST
    assert any(reason.endswith("muscle groups)") for reason in after.overrides)  # broad decline
    assert after.deload is not None


def test_one_lift_or_a_day_off_never_reads_as_a_rest_day(demo, mornings):
    """Outside the fatigue episode and the days off right after it, no Rest day (v1 gave
    seven in a row for one lift's decline)."""
    ((first, last),) = demo.episodes
    outside = [r for day, r in mornings.items() if not first <= day <= last + timedelta(days=2)]
    assert [r.day for r in outside if r.band == REST] == []
