"""With NO_COLOR, what colour shows is shown by a glyph too, in a real terminal: the
calendar's readiness bands (▲ train, ◆ reduce, ▼ rest; hollow without training) and the
set under the cursor (◂)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tests.support.logs import log_with_sets
from tests.support.terminal import (
    ESCAPE_GAP_S,
    Terminal,
    isolated,
    type_slowly,
    wait_until,
    write_demo_log,
)

NO_COLOR = {"NO_COLOR": "1", "TERM": "xterm-256color", "COLORTERM": ""}


def test_the_calendars_bands_are_glyphs_without_colour(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path, weeks=12)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env={**NO_COLOR, **isolated(tmp_path)}) as term:
        term.wait_for("Guidance, not medical advice.")
        type_slowly(term, "yv")
        screen = term.wait_for("▲ train", timeout=30)
        assert "◆ reduce" in screen and "▼ rest" in screen
        screen = wait_until(
            term,
            lambda s: sum(glyph in "\n".join(s.splitlines()[3:11]) for glyph in "▲△◆◇▼▽") >= 3,
            "the mornings scored",
            timeout=60,
        )
        calendar = "\n".join(screen.splitlines()[3:11])
        assert "█" not in calendar and "░" not in calendar  # no band by colour alone
        term.keys("q")
        assert "Traceback" not in term.wait_for("[exited 0]")


def test_the_set_under_the_cursor_is_marked_without_colour(tmp_path: Path) -> None:
    log = log_with_sets(tmp_path / "log.json")
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env={**NO_COLOR, **isolated(tmp_path)}) as term:
        term.wait_for("Guidance, not medical advice.")
        type_slowly(term, "w")
        term.wait_for("100 kg x 5")
        term.keys("Escape")
        time.sleep(ESCAPE_GAP_S)

        def marked(screen: str) -> list[bool]:
            rows = [line for line in screen.splitlines() if "│" in line and "100 kg x 5" in line]
            return [("◂" in row) for row in rows]

        wait_until(term, lambda s: marked(s) == [False, False, True], "the last set marked")
        term.keys("Up")
        wait_until(term, lambda s: marked(s) == [False, True, False], "the mark moved up")
        term.keys("C-q")
        assert "Traceback" not in term.wait_for("[exited 0]")
