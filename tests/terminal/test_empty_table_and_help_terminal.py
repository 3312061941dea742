"""Two edges of the workout screen found in a real terminal (tmux) at a person's pace: Up on
an empty set table (it crashed the app), and a set typed over help (it was dropped)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.support.terminal import (
    Terminal,
    isolated,
    leave_entry,
    open_log,
    start_empty_workout,
    type_slowly,
    write_demo_log,
)


def test_escape_then_up_on_an_empty_workout_does_not_crash(tmp_path: Path) -> None:
    """Escape then Up on a workout with no sets yet (the set table is empty) must leave the
    app running, and a set typed next is logged."""
    log = write_demo_log(tmp_path)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        start_empty_workout(term)
        leave_entry(term)
        term.keys("Up")
        type_slowly(term, "bench 100x5")
        term.keys("Enter")
        screen = term.wait_for("100 kg x 5")
        assert "Traceback" not in screen
        term.keys("C-q")
        term.wait_for("[exited 0]")
    with open_log(log) as repo:
        workout = repo.workouts()[-1]
        assert [(s.weight_kg, s.reps) for s in repo.sets(workout=workout.id)] == [(100, 5)]


def test_a_set_typed_while_help_is_open_is_logged(tmp_path: Path) -> None:
    """`?` on the empty entry line opens help over the workout; a set typed next, at a
    person's pace, then Enter, must not be dropped: it reaches the entry line and is
    logged (help says letters and digits always type into the line here)."""
    log = write_demo_log(tmp_path)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        term.wait_for("Guidance, not medical advice.")
        term.keys("w")
        term.wait_for("Empty workout")
        type_slowly(term, "bench 100x5")
        term.keys("Enter")
        term.wait_for("100 kg x 5")
        term.keys("?")
        term.wait_for("Escape, ? or q closes this")
        type_slowly(term, "110x3")
        term.keys("Enter")
        term.wait_for("110 kg x 3")
        term.keys("C-q")
        term.wait_for("[exited 0]")
    with open_log(log) as repo:
        workout = repo.workouts()[-1]
        assert [(s.weight_kg, s.reps) for s in repo.sets(workout=workout.id)] == [
            (100, 5),
            (110, 3),
        ]
