"""The whole app, as a real process in a real 80x24 terminal, on one fixed log, on any day
and at any hour: a training day, a rest day in the week, a weekend day, and just after
midnight, which still belongs to the day before (the day rolls over at 4:00). On each, a
set, a recovery line and a symptom entry land on that training day, and every screen says
which day it is."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.support.terminal import (
    TUESDAY_EVENING,
    Terminal,
    isolated,
    leave_entry,
    open_log,
    start_empty_workout,
    type_line,
    write_demo_log,
)

# (the moment the app runs at, the training day it belongs to)
DAYS = {
    "a training day": (TUESDAY_EVENING, date(2026, 11, 24)),
    "a rest day": (datetime(2026, 11, 25, 12, 0, tzinfo=UTC), date(2026, 11, 25)),
    "a weekend day": (datetime(2026, 11, 28, 10, 0, tzinfo=UTC), date(2026, 11, 28)),
    "just after midnight": (datetime(2026, 11, 25, 0, 30, tzinfo=UTC), date(2026, 11, 24)),
}


@pytest.fixture(scope="module")
def fixed_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo log ending on Tuesday 24 November 2026, as the demo writes it that evening."""
    return write_demo_log(tmp_path_factory.mktemp("any-day"), weeks=6)


def short(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


@pytest.mark.parametrize("when", DAYS.values(), ids=DAYS.keys())
def test_a_day_of_the_app(fixed_log: Path, tmp_path: Path, when: tuple[datetime, date]) -> None:
    now, day = when
    log = tmp_path / "log.json"
    log.write_bytes(fixed_log.read_bytes())
    with open_log(log, now) as repo:
        recovered = repo.recovery(day)
        water_before = (recovered.water_cups if recovered else None) or 0
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path, now)) as term:
        term.wait_for(f"Home · {short(day)}")
        term.wait_for("Guidance, not medical advice.")

        start_empty_workout(term)
        type_line(term, "bench 100x5@8")
        term.wait_for("100 kg x 5 @8")

        term.keys("M-r")  # Alt+r: on the workout screen a plain r types
        screen = term.wait_for(f"Recovery · {short(day)}")
        assert f"{day:%A} {day.day} {day:%B %Y} · today" in screen
        type_line(term, "w+2")
        term.wait_for(f"water +2 cups ({water_before + 2} today)")

        leave_entry(term)
        term.keys("s")
        term.wait_for(f"Symptoms · {short(day)}")
        type_line(term, "weak 2")
        term.wait_for("Logged a new entry today")

        term.keys("M-y")  # Alt+y: on the symptoms screen a plain y types
        term.wait_for(f"{day:%A} {day.day} {day:%B %Y}")  # the calendar's cursor: today

        term.keys("Escape")
        term.wait_for(f"Home · {short(day)}")
        term.keys("q")
        screen = term.wait_for("[exited 0]")
        assert "Traceback" not in screen

    with open_log(log, now) as repo:
        (workout,) = [w for w in repo.workouts() if w.start >= now.replace(microsecond=0)]
        assert workout.day == day
        assert [(s.weight_kg, s.reps, s.day) for s in repo.sets(workout=workout.id)] == [
            (100, 5, day)
        ]
        assert repo.recovery(day).water_cups == water_before + 2
        newest = repo.symptoms()[-1]
        assert (newest.weakness, newest.day) == (2, day)
