"""A whole workout logged by keys in a real 80x24 terminal (tmux), then read from the log."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from storage.repository import Repository
from tests.terminal import Terminal

ESCAPE_GAP_S = 0.3  # Escape and the next key read as alt+key if they come together


def wait_until(term: Terminal, check: Callable[[str], bool], what: str, timeout: float = 15):
    deadline = time.monotonic() + timeout
    while True:
        screen = term.screen()
        if check(screen):
            return screen
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen on screen:\n{screen}")
        time.sleep(0.1)


def entry_line(screen: str) -> str:
    """What the entry line (above the footer, inside its border) holds."""
    return screen.splitlines()[-3].strip("▊▎ ")


def type_text(term: Terminal, text: str, *, then: str = "") -> None:
    """Type `text` into the entry line and wait until it shows `then` (what was typed), as a
    lifter looks before pressing Enter."""
    term.keys("-l", "--", text)
    wait_until(term, lambda s: entry_line(s) == (then or text), f"typing {text!r}")


def type_line(term: Terminal, line: str) -> None:
    """Type a line into the entry line and press Enter."""
    if line:
        type_text(term, line)
    term.keys("Enter")


def log_set(term: Terminal, line: str, shown: str, times: int = 1) -> str:
    """Type a set and wait until `shown` is on screen `times` times."""
    type_line(term, line)
    return wait_until(term, lambda s: s.count(shown) >= times, f"{line!r} showing {shown!r}")


def leave_entry(term: Terminal) -> None:
    term.keys("Escape")
    time.sleep(ESCAPE_GAP_S)


def isolated(tmp_path: Path) -> dict[str, str]:
    """Keep the user's own config (keymap) and data out of it."""
    return {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}


@pytest.fixture
def demo_log(tmp_path: Path) -> Path:
    """Six weeks of the demo's upper/lower split, ending today: templates and history."""
    log = tmp_path / "log.json"
    subprocess.run(
        [sys.executable, "-m", "tui", "demo", "--db", str(log), "--weeks", "6"],
        check=True,
        capture_output=True,
        env={**os.environ, **isolated(tmp_path)},
    )
    return log


def test_a_whole_workout_by_keys(demo_log: Path, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "tui", "--db", str(demo_log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        # No workout yet: start Upper A with its letter.
        screen = term.wait_for("Empty workout")
        assert "d  Upper A" in screen
        term.keys("d")
        screen = term.wait_for("target 4x5 @8")
        assert "▸1 Bench Press" in screen and "last: " in screen

        # Bench: a warm-up, an absolute set, Enter repeats it, then relative forms.
        log_set(term, "w 60x5", "60 kg x 5")
        log_set(term, "100x5@8", "100 kg x 5 @8")
        log_set(term, "", "100 kg x 5 @8", times=2)
        log_set(term, "+2.5x5", "102.5 kg x 5")
        screen = log_set(term, "x4", "102.5 kg x 4")
        assert "▸1 Bench Press        4/4" in screen  # work sets against the target

        # Exercise 2 of today's by its number; a typo is explained and kept for fixing.
        type_line(term, "2")
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
        term.keys("d")  # delete it again from the table
        screen = term.wait_for("Deleted bw x 10")
        assert "Upper A · 9 sets" in screen and screen.count("bw x 10") == 1  # the message

        # Finish: session RPE with one key, a note, Enter.
        term.keys("f")
        term.wait_for("Press 0-9")
        term.keys("8")
        term.wait_for("Session RPE 8")
        term.keys("-l", "--", "solid session")
        term.wait_for("solid session")
        term.keys("Enter")
        screen = term.wait_for("Workout finished")
        assert "8 working sets" in screen and "session RPE 8" in screen
        term.keys("q")
        screen = term.wait_for("[exited 0]")
        assert "Traceback" not in screen

    with Repository(demo_log) as repo:
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
