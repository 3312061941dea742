"""A morning's recovery inputs typed in a real 80x24 terminal (tmux), then read from the log."""

from __future__ import annotations

import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from tests.support.terminal import (
    ESCAPE_GAP_S,
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


@pytest.fixture
def demo_log(tmp_path: Path) -> Path:
    log = write_demo_log(tmp_path)
    with open_log(log) as repo:  # this morning's inputs are not in yet
        repo.delete_recovery(repo.today())
    return log


def test_a_mornings_recovery_by_keys(demo_log: Path, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "tui", "--db", str(demo_log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        term.wait_for("Guidance, not medical advice.")  # home
        term.keys("r")
        screen = term.wait_for("nothing logged on this day yet")
        assert "· today" in screen and "target 12 cups" in screen

        # One line for the morning; a typo is explained and kept.
        type_line(term, "s 7:30 q4 w+2 p30 bw 81.2 st2")
        screen = term.wait_for("Logged sleep 7 h 30")
        assert "7 h 30" in screen and "4/5 good" in screen and "81.2 kg" in screen
        type_line(term, "c 60 q 7")
        screen = term.wait_for("q 7 is out of range")
        assert entry_line(screen) == "c 60 q 7"
        term.keys("BSpace", "BSpace", "BSpace", "BSpace")
        wait_until(term, lambda s: entry_line(s) == "c 60", "deleting the typo")
        term.keys("Enter")
        term.wait_for("Logged carbs +60 g")

        # Water from the empty line, then the fields: correct protein to the day's total.
        term.keys("+")
        term.wait_for("water +1 cup (3 today)")
        leave_entry(term)
        term.keys("Down", "Down", "Down", "Enter")
        term.wait_for("Grams for the day")
        time.sleep(ESCAPE_GAP_S)  # the dialog's line takes the focus a moment after it shows
        term.keys("C-u")
        term.keys("-l", "--", "120")
        term.keys("Enter")
        screen = term.wait_for("Protein corrected")
        assert "120 g" in screen

        # Yesterday, then back.
        term.keys("Left")
        screen = term.wait_for("yesterday")
        term.keys("t")
        term.wait_for("· today")
        term.keys("i")
        term.wait_for("esc Fields")  # the line has the focus: q and t are text now
        type_text(term, "n quads tight")
        leave_entry(term)
        term.keys("q")
        screen = term.wait_for("[exited 0]")
        assert "Traceback" not in screen

    with open_log(demo_log) as repo:
        today = repo.recovery(repo.today())
        yesterday = repo.recovery(repo.today() - timedelta(days=1))
    assert (today.sleep_hours, today.sleep_quality, today.water_cups) == (7.5, 4, 3)
    assert (today.protein_g, today.carbs_g, today.bodyweight_kg, today.stress) == (
        120,
        60,
        81.2,
        2,
    )
    assert yesterday is not None  # the demo's, untouched
