"""A superset made with Alt+G in a real 80x24 terminal (tmux), typed at a person's pace,
is still there when restday is started again: the log keeps it before its exercises all
have sets, and a set moves through it."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.support.terminal import Terminal, isolated, type_slowly, wait_until


def test_a_superset_made_with_alt_g_is_kept_when_restday_starts_again(tmp_path: Path) -> None:
    log, env = tmp_path / "log.json", isolated(tmp_path)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=env) as term:
        term.wait_for("Home")
        term.keys("w")
        term.wait_for("Empty workout")
        term.keys("Enter")
        type_slowly(term, "squat 100x5\r")
        term.wait_for("100 kg x 5")
        type_slowly(term, "dip\r")  # gone to: no set of dips yet
        term.wait_for("▸2 Dip")
        term.keys("M-g")
        term.wait_for("Dip is a superset with Back Squat")
        term.keys("C-q")
        wait_until(term, lambda s: "[exited 0]" in s, "quitting")
    with Terminal(command, size="80x24", env=env) as term:
        term.wait_for("Home")
        term.keys("w")
        term.wait_for("no rest: next Dip")  # the panel; the list may be a frame behind
        wait_until(term, lambda s: "▸1┌Back Squat" in s and " 2└Dip" in s, "the superset listed")
        type_slowly(term, "100x5\r")
        term.wait_for("Superset: now Dip.")
        term.wait_for("rest after Dip: 2:00")
