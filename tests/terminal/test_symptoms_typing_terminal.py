"""Typing a symptom line in a real 80x24 terminal (tmux) at a person's pace: letters reach
the line wherever the focus is."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tests.support.terminal import (
    Terminal,
    isolated,
    type_slowly,
    write_demo_log,
)


def test_a_symptom_line_typed_after_escape_is_not_read_as_body_map_keys(
    tmp_path: Path,
) -> None:
    """Symptoms, the demo's morning entry (mood 5). Escape (say, to dismiss a message),
    then "mood 3" and Enter at a person's pace: the letters went to the body map and the
    3 set the soreness of the muscle under its cursor: "Logged a new entry today 18:00:
    front delts 3.", mood still 5. Letters that begin a symptom line (as on the workout
    screen) should reach the line; a digit straight after them is part of it."""
    log = write_demo_log(tmp_path)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        term.wait_for("Guidance, not medical advice.")
        term.keys("s")
        term.wait_for("Today:")
        term.keys("Escape")
        time.sleep(0.4)
        type_slowly(term, "mood 3\r")
        time.sleep(1.5)
        screen = term.screen()
    assert "front delts 3." not in screen, screen
    assert "mood          3/5" in screen, screen
