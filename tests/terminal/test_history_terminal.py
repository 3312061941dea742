"""History's charts in a real terminal (tmux, 80x24) with 16 colours and with none: only
16-colour codes (or greys) reach the terminal, the series of one chart differ in colour, and
without colour they still differ by their markers, which the legend names."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest

from tests.support.terminal import Terminal, is_grey, isolated, sgr_colours, write_demo_log

SIXTEEN = re.compile(r"^(3[0-7]|9[0-7])$")  # a foreground of the 16 colours


def open_trends(term: Terminal) -> str:
    term.wait_for("Guidance, not medical advice.")
    term.keys("y")
    term.wait_for("Tab: next view")
    term.keys("BTab")  # shift+Tab: from the calendar back round to the trends
    screen = term.wait_for("P peripheral", timeout=30)
    deadline = time.monotonic() + 30
    while "working out the scores" in screen and time.monotonic() < deadline:
        time.sleep(0.2)
        screen = term.screen()
    return screen


@pytest.mark.parametrize(
    ("env", "allowed"),
    [
        (
            {"NO_COLOR": "1", "TERM": "xterm-256color", "COLORTERM": ""},
            lambda code: code in ("39", "49") or (code[:5] in ("38;5;", "48;5;") and is_grey(code)),
        ),
        ({"TERM": "xterm", "COLORTERM": ""}, lambda code: ";" not in code),
    ],
    ids=["NO_COLOR", "xterm-16"],
)
def test_charts_read_with_16_colours_or_none(tmp_path: Path, env: dict, allowed) -> None:
    log = write_demo_log(tmp_path, weeks=12)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env={**env, **isolated(tmp_path)}) as term:
        screen = open_trends(term)
        assert "+ P peripheral" in screen and "x C central" in screen
        chart = screen.splitlines()[3:18]
        assert any("+" in row for row in chart) and any("x" in row for row in chart)
        codes = sgr_colours(term)
        assert all(allowed(code) for code in codes), sorted(codes)
        if "NO_COLOR" not in env:
            assert len({code for code in codes if SIXTEEN.match(code)}) >= 3, sorted(codes)
        term.keys("BTab")  # the exercise's progress
        term.wait_for("p: pick another exercise")
        codes = sgr_colours(term)
        assert all(allowed(code) for code in codes), sorted(codes)
        term.keys("q")
        assert "Traceback" not in term.wait_for("[exited 0]")
