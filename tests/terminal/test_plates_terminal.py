"""The plate and warm-up calculators in a real 80x24 terminal (tmux), typed at a person's
pace: the warm-up ramp before the bench's first working set is logged with Enter set by
set, the plates a side show beside the set being typed, and alt+c gives them for any
load."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tests.support.terminal import Terminal, isolated, type_slowly, wait_until, write_demo_log


def test_warm_ups_then_plates_beside_the_set_and_for_any_load(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path, weeks=2)
    env = isolated(tmp_path)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=env) as term:
        term.wait_for("Guidance, not medical advice.")
        term.keys("w")
        term.wait_for("Empty workout")
        term.keys("Enter")
        term.wait_for("Started")
        type_slowly(term, "bench")
        term.keys("Enter")
        screen = term.wait_for("warm-up 1/")
        assert "Enter logs w 20kg x 10" in screen and "20 kg: the bar alone" in screen
        term.keys("Enter")
        term.wait_for("warm-up 2/")
        term.keys("Enter")
        term.wait_for("warm-up 3/")
        term.keys("M-k")  # Alt+k: the rest of the ramp skipped
        term.wait_for("Warm-ups skipped")
        type_slowly(term, "102.5x5")
        term.wait_for("102.5 kg: 25 15 1.25 a side")
        type_slowly(term, "\b\b\b\b\b\b\b103x5")
        term.wait_for("103 kg: plates make 102.5 or 105")
        term.keys("C-u", "M-c")  # Alt+c: the plates for any load
        term.wait_for("Plates for which load (kg)?")
        type_slowly(term, "143")
        term.keys("Enter")
        screen = term.wait_for("143 kg: plates make 142.5 or 145")
        assert all(len(line) <= 80 for line in screen.splitlines())
        term.keys("C-q")
        wait_until(term, lambda s: "[exited" in s or "quit" in s.lower(), "quitting")
        time.sleep(0.5)
