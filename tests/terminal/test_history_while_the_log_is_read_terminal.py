"""`y` at once after start-up on a ten-year log (issue 17), in a real terminal (tmux, 80x24):
History opens on the recent weeks from their copy while the whole log is still being read
(the header says so, the day under the cursor is described, nothing is shaded), a key typed
meanwhile does what it says, and the whole log's calendar follows on the same day."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tests.support.terminal import Terminal, isolated, type_slowly, write_demo_log


def test_y_at_start_up_opens_on_the_recent_weeks_then_the_whole_log(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path, weeks=520)  # `restday demo` leaves the recent copy too
    assert log.with_name("log.json.recent").exists()
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env=isolated(tmp_path)) as term:
        term.wait_for("Peripheral", timeout=30)  # home's score, from the recent copy
        type_slowly(term, "y")
        deadline = time.monotonic() + 15
        while "Tuesday 24 November 2026" not in (screen := term.screen()):
            assert time.monotonic() < deadline, screen
            time.sleep(0.02)
        assert "History · reading your log…" in screen
        assert "volume  reading your log…" in screen
        assert not any(shade in screen for shade in "░▒▓█")
        term.keys("Up")  # the day before: a training day of the recent weeks
        screen = term.wait_for("Monday 23 November 2026  1 workout")
        recent_day = next(line for line in screen.splitlines() if "Monday 23 November" in line)
        screen = term.wait_for("volume  low", timeout=30)  # the whole log's shading
        assert "reading your log" not in screen
        assert recent_day.strip() in screen
        term.keys("q")
        assert "Traceback" not in term.wait_for("[exited 0]")


def test_a_key_held_down_that_changes_nothing_never_stalls_the_read(tmp_path: Path) -> None:
    """A key with nothing to draw (no binding: `z`), held down (auto-repeat, a key every
    40 ms) while the ten-year log is read: each key held the read until a frame was written,
    none came, and the read stalled for as long as the key was held (over 12 s)."""
    log = write_demo_log(tmp_path, weeks=520)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env=isolated(tmp_path)) as term:
        term.wait_for("Peripheral", timeout=30)
        type_slowly(term, "y")
        term.wait_for("History · reading your log…")
        started = time.monotonic()
        while "volume  low" not in (screen := term.screen()):
            assert time.monotonic() - started < 8, screen
            term.keys("z")
            time.sleep(0.04)
        term.keys("q")
        assert "Traceback" not in term.wait_for("[exited 0]")
