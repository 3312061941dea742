"""A whole workout logged by keys in a real 80x24 terminal (tmux), then read from the log."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.support.terminal import (
    Terminal,
    entry_line,
    isolated,
    leave_entry,
    open_log,
    type_line,
    type_text,
    wait_until,
    write_demo_log,
)


def log_set(term: Terminal, line: str, shown: str, times: int = 1) -> str:
    """Type a set and wait until `shown` is in the set table `times` times (the entry line
    names the set Enter repeats too)."""
    type_line(term, line)

    def in_table(screen: str) -> int:
        return sum(row.count(shown) for row in screen.splitlines() if "│" in row)

    return wait_until(term, lambda s: in_table(s) >= times, f"{line!r} showing {shown!r}")


@pytest.fixture
def demo_log(tmp_path: Path) -> Path:
    return write_demo_log(tmp_path)


def test_a_whole_workout_by_keys(demo_log: Path, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "tui", "--db", str(demo_log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        # No workout yet: start Upper A, fourth of the choices.
        term.wait_for("Guidance, not medical advice.")  # home
        term.keys("w")
        screen = term.wait_for("Empty workout")
        assert "Upper A" in screen
        term.keys("Home", "Down", "Down", "Down", "Enter")
        term.wait_for("plan 4x5@8")
        screen = term.wait_for("▸1 Bench Press")
        assert "last: " in screen

        # Bench: a warm-up, an absolute set, Enter repeats it, then relative forms.
        log_set(term, "w 60x5", "60 kg x 5")
        log_set(term, "100x5@8", "100 kg x 5 @8")
        log_set(term, "", "100 kg x 5 @8", times=2)
        log_set(term, "+2.5x5", "102.5 kg x 5")
        screen = log_set(term, "x4", "102.5 kg x 4")
        assert "▸1 Bench Press        4/4" in screen  # work sets against the target

        # Exercise 2 of today's by its number; a typo is explained and kept for fixing.
        type_line(term, "#2")
        term.wait_for("▸2 Barbell Row")
        log_set(term, "80x8", "80 kg x 8")
        type_line(term, "75x8@12")
        screen = term.wait_for("RPE must be 6-10")
        assert entry_line(screen) == "75x8@12"  # still there, to fix
        term.keys("BSpace")
        wait_until(term, lambda s: entry_line(s) == "75x8@1", "deleting a character")
        term.keys("BSpace")
        wait_until(term, lambda s: entry_line(s) == "75x8@", "deleting a character")
        type_text(term, "8", then="75x8@8")
        term.keys("Enter")
        term.wait_for("75 kg x 8 @8")
        log_set(term, "-5x8", "70 kg x 8")

        # A library exercise by name, with its sets.
        type_line(term, "face")
        term.wait_for("first time: no earlier sets")
        log_set(term, "20x15", "20 kg x 15")
        log_set(term, "bw x10", "bw x 10")  # not a face pull, but the form is accepted
        leave_entry(term)
        term.keys("M-d")  # delete it again from the table: Alt+d (tmux sends Escape d)
        screen = term.wait_for("Deleted bw x 10")
        assert "Upper A · 9 sets" in screen and screen.count("bw x 10") == 1  # the message

        # Finish: session RPE with one key, a note, Enter.
        term.keys("M-F")
        term.wait_for("Press 0-9")
        term.keys("8")
        term.wait_for("Session RPE 8")
        term.keys("-l", "--", "solid session")
        term.wait_for("solid session")
        term.keys("Enter")
        screen = term.wait_for("Workout finished")
        assert "8 working sets" in screen and "session RPE 8" in screen
        term.keys("C-q")  # on the workout screen q types
        screen = term.wait_for("[exited 0]")
        assert "Traceback" not in screen

    with open_log(demo_log) as repo:
        workout = repo.workouts()[-1]
        template = next(t for t in repo.templates() if t.name == "Upper A")
        sets = repo.sets(workout=workout.id)
    assert (workout.name, workout.template) == ("Upper A", template.id)
    assert (workout.session_rpe, workout.notes) == (8, "solid session")
    assert workout.end is not None and workout.end >= workout.start
    assert [(s.exercise, s.weight_kg, s.reps, s.rpe, s.warmup) for s in sets] == [
        ("bench-press", 60.0, 5, None, True),
        ("bench-press", 100.0, 5, 8.0, False),
        ("bench-press", 100.0, 5, 8.0, False),
        ("bench-press", 102.5, 5, None, False),
        ("bench-press", 102.5, 4, None, False),
        ("barbell-row", 80.0, 8, None, False),
        ("barbell-row", 75.0, 8, 8.0, False),
        ("barbell-row", 70.0, 8, None, False),
        ("face-pull", 20.0, 15, None, False),
    ]
    assert [s.order for s in sets] == list(range(1, 10))
