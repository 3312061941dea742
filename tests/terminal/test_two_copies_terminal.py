"""Two copies of the app in two real terminals (tmux) on one log: a note one copy adds
keeps the other's edit of the set; a workout note being typed while the other copy
finishes the workout stays open, and is kept with the finish."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.support.logs import log_with_sets
from tests.support.terminal import (
    Terminal,
    isolated,
    open_log,
    type_line,
    type_slowly,
)


def answer(term: Terminal, text: str) -> None:
    """Type `text` in the dialog on screen and press Enter once it shows."""
    term.keys("-l", "--", text)
    term.wait_for(text)
    term.keys("Enter")


def test_two_apps_on_one_log_keep_each_others_changes(tmp_path: Path) -> None:
    log = log_with_sets(tmp_path / "log.json", sets=1)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    env = isolated(tmp_path)
    with Terminal(command, env=env) as a, Terminal(command, env=env) as b:
        for term in (a, b):
            term.wait_for("Guidance, not medical advice.")
            term.keys("w")
            term.wait_for("100 kg x 5 @8")

        # B edits the set; A, which still shows 100x5@8, notes it: both stay.
        b.keys("M-e")  # Alt+e: edit the set
        b.wait_for("Editing the set")
        b.keys("C-u")
        type_line(b, "110x5@9")
        b.wait_for("Set changed")
        a.keys("M-n")  # Alt+n: a note on the set
        a.wait_for("Note on this set")
        answer(a, "paused")
        a.wait_for("110 kg x 5 @9")  # merged: A shows the set as stored

        # A notes the workout; B finishes it meanwhile: A follows (the workout is over),
        # the note being typed stays, and is kept with B's finish.
        a.keys("M-N")  # Alt+Shift+N: a note on the workout
        a.wait_for("Note on today's workout")
        b.keys("M-F")  # Alt+Shift+F: finish
        b.wait_for("How hard was the whole session?")
        b.keys("8")
        b.wait_for("Enter to finish")
        b.keys("Enter")
        b.wait_for("Workout finished")
        type_slowly(a, "new shoes")
        a.keys("Enter")
        a.wait_for("No workout in progress")
        for term in (a, b):
            term.keys("C-q")
            term.wait_for("[exited 0]")

    with open_log(log) as repo:
        (workout,) = repo.workouts()
        (entry,) = repo.sets()
    assert (workout.session_rpe, workout.notes) == (8, "new shoes") and workout.end is not None
    assert (entry.weight_kg, entry.rpe, entry.notes) == (110, 9, "paused")
