"""Symptoms logged by keys in a real 80x24 terminal (tmux) with the installed `restday`
command, then read from the log."""

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
    wait_until,
    write_demo_log,
)
from tui.screens.symptoms.screen import ENTRY_HINT

RESTDAY = str(Path(sys.executable).with_name("restday"))  # the installed command


@pytest.fixture
def demo_log(tmp_path: Path) -> Path:
    return write_demo_log(tmp_path)


def test_symptoms_by_keys(demo_log: Path, tmp_path: Path) -> None:
    with open_log(demo_log) as repo:
        before = len(repo.symptoms())
    with Terminal([RESTDAY, "--db", str(demo_log)], size="80x24", env=isolated(tmp_path)) as term:
        term.wait_for("Guidance, not medical advice.")  # home
        term.keys("s")
        screen = term.wait_for("New entry · starts from")
        assert "• trained in the last 3 days" in screen and "FRONT" in screen

        # A quick-entry line: shown at once, the line cleared.
        type_line(term, "weak 3 energy 2 mood 3 mot 2 quads 4 hams 5 chest 2")
        screen = term.wait_for("Logged a new entry today")
        assert entry_line(screen) == ENTRY_HINT  # empty: the placeholder shows
        assert "3/10  mild: the bar moves slower" in screen
        assert "2/5  low: tire quickly" in screen
        assert "▸ " in screen and "counts  weak 3 en 2 mood 3 mot 2" in screen

        # The body map: down to the quads, 1 then 0 is 10; + is soreness here, not the timer.
        leave_entry(term)
        term.keys("Down", "Down", "Down")
        term.wait_for("quads 4 · arrows move")
        term.keys("1", "0")
        term.wait_for("Updated the entry of today")
        wait_until(term, lambda s: "quads 10" in s, "quads set to 10")
        term.keys("Right", "+")
        term.wait_for("adductors 1.")

        # A note, then a line that is out of range: explained, kept, nothing saved.
        term.keys("M-N")  # Alt+Shift+N: letters type on this screen
        term.wait_for("Note on this entry")
        term.keys("-l", "--", "slept badly")
        term.wait_for("slept badly")
        term.keys("Enter")
        term.wait_for("notes       slept badly")
        wait_until(term, lambda s: "Note on this entry" not in s, "the note's dialog closing")
        type_line(term, "energy 7")  # letters reach the line from the body map
        screen = term.wait_for("energy 7 is out of range: energy is 1-5")
        assert entry_line(screen) == "energy 7"

        leave_entry(term)
        term.keys("C-q")  # q types here
        screen = term.wait_for("[exited 0]")
        assert "Traceback" not in screen

    with open_log(demo_log) as repo:
        entries = repo.symptoms()
    assert len(entries) == before + 1
    entry = entries[-1]
    assert (entry.weakness, entry.energy, entry.mood, entry.motivation) == (3, 2, 3, 2)
    assert (entry.soreness["quads"], entry.soreness["hamstrings"]) == (10, 5)
    assert (entry.soreness["chest"], entry.soreness["adductors"]) == (2, 1)
    assert entry.notes == "slept badly"
