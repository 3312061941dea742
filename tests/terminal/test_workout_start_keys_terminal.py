"""The workout screen's start and first keys in a real 80x24 terminal (tmux) at a person's
pace: what the screen says a key does, it does."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tests.support.terminal import (
    Terminal,
    isolated,
    start_with_a_set,
    type_slowly,
)


def test_ctrl_n_on_the_start_screen_does_what_the_message_says(tmp_path: Path) -> None:
    """No workout yet; "zercher squat 60x5" and Enter says "no exercise matches 'zercher
    squat'; ... ctrl+n creates it", but Ctrl+N there does nothing at all."""
    log = tmp_path / "log.json"
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        term.wait_for("Home")
        term.keys("w")
        term.wait_for("Empty workout")
        type_slowly(term, "zercher squat 60x5\r")
        term.wait_for("ctrl+n creates it")
        term.keys("C-n")
        term.wait_for("New exercise", timeout=5)
        term.keys("Tab")
        type_slowly(term, "quads\r")
        term.wait_for("Created Zercher Squat: Enter logs the line typed.")
        time.sleep(1)
        term.keys("Enter")
        term.wait_for("60 kg x 5", timeout=5)


def test_question_mark_on_an_empty_line_opens_help_during_a_workout(tmp_path: Path) -> None:
    """README: "`?` (line empty) or F1: every key". On the start screen `?` opens help, but
    once a set is logged, `?` on the empty line types a '?' into it instead."""
    log = tmp_path / "log.json"
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        start_with_a_set(term)
        time.sleep(1)
        type_slowly(term, "?")
        term.wait_for("closes this", timeout=5)


def test_the_empty_workouts_hint_names_the_key_that_picks(tmp_path: Path) -> None:
    """An empty workout says "Type one: bench 100x5 or press p to pick." but on the
    workout screen `p` types a p into the line (picking is Alt+P, as the right-hand
    panel and the footer say): a new user pressing p gets a 'p' in the entry line."""
    log = tmp_path / "log.json"
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        term.wait_for("Home")
        term.keys("w")
        term.wait_for("Empty workout")
        term.keys("Enter")
        screen = term.wait_for("No exercise yet")
        assert "press p to pick" not in " ".join(screen.split()), screen


def test_the_start_list_never_cuts_a_templates_exercises_silently(tmp_path: Path) -> None:
    """The start list shows "Full body  Back Squat, Bench Press, Barbell Row": the
    starter has 5 exercises (the templates screen says "5 exercises · Back Squat, Bench
    Press, Barbell Row…"), yet the list shows 3 with no "…" and room to spare at 80x24."""
    log = tmp_path / "log.json"
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        term.wait_for("Home")
        term.keys("w")
        screen = term.wait_for("Empty workout")
    line = next(line for line in screen.splitlines() if "Full body" in line)
    shown = line.strip("▊▎ ")
    assert shown.endswith("…") or shown.count(",") == 4, line
