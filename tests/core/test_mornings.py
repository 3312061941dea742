"""The score each morning over a span (the history screen's calendar and trends) is the
score the home screen's 14-day history gives for the same mornings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scoring import assess
from scoring.mornings import morning_scores
from storage.log.repository import Repository
from storage.read.score_window import read_span, read_window
from tests.support.clock import FakeClock

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def repo(twelve_week_demo: Path) -> Repository:
    """The 12-week demo log (conftest.py), read only."""
    return Repository(twelve_week_demo, clock=FakeClock(NOW), read_only=True)


def test_each_morning_scores_as_the_home_screens_history(repo: Repository) -> None:
    for moment in (NOW, NOW - timedelta(days=30, hours=2)):
        history = assess(read_window(repo, moment), moment).history  # today's included
        first, last = history[0][0], history[-1][0]
        days = [day for day, _r in history]
        scores = dict(morning_scores(read_span(repo, first, last), days, moment))
        for day, readiness in history:
            if readiness is None:
                assert scores[day].readiness is None
            else:
                assert scores[day].readiness == pytest.approx(readiness, abs=1e-9)


def test_a_long_span_at_once(repo: Repository) -> None:
    last = NOW.date()
    first = last - timedelta(days=83)
    days = [first + timedelta(days=k) for k in range(84)]
    scores = dict(morning_scores(read_span(repo, first, last), days, NOW))
    assert len(scores) == 84
    bands = {s.band for s in scores.values() if s.readiness is not None}
    assert bands == {"Train as planned", "Reduce", "Rest day"}  # the demo's fatigue episode
    for score in scores.values():
        for value in (score.readiness, score.peripheral, score.central):
            assert value is None or 0 <= value <= 100
