"""A log whose names and notes hold escape sequences (imported from a crafted file, or
written by an older restday), in a real terminal: the home screen, the sessions and a
session's detail show the text and send the terminal none of the sequences (no window
title set, nothing written to the clipboard)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.core.test_terminal_text import CRAFTED, MARKUP, crafted_csv
from tests.support.terminal import Terminal, isolated
from tui.format.words import ellipsized

INJECTED = (b"]0;pwned", b"]52;", "\x9b".encode(), b"\x1b[2J\xc2")


def test_the_app_draws_crafted_text_without_its_escapes(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    env = isolated(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "tui", "import", "--db", str(log), "--unit", "kg",
         str(crafted_csv(tmp_path / "crafted.csv"))],
        check=True, capture_output=True, env={**os.environ, **env},
    )  # fmt: skip
    # as an older restday would have kept it: the escapes in the log itself
    text = log.read_text().replace("Push ", "Push " + json.dumps(CRAFTED)[1:-1], 1)
    log.write_text(text)
    output = tmp_path / "terminal-output"
    with Terminal([sys.executable, "-m", "tui", "--db", str(log)], env=env) as term:
        term._tmux("pipe-pane", "-o", "-t", term.name, f"cat >> {output}")
        home = term.wait_for("Evil Squat")  # a lift going backwards, once the log is read
        term.keys("y")
        term.wait_for("Tab: next view")
        term.keys("Tab")
        term.wait_for(ellipsized(f"Push {MARKUP}", 18))  # a name too long ends with "…"
        term.keys("Enter")
        screen = term.wait_for(f"Push {MARKUP}")
        assert ellipsized(f"Evil Squat {MARKUP}", 22) in screen
        assert "Guidance, not medical advice." in home
        title = term._tmux("display-message", "-p", "-t", term.name, "#{pane_title}")
        term.keys("q")
    written = output.read_bytes()
    assert b"Evil Squat" in written
    for sequence in INJECTED:
        assert sequence not in written
    assert "pwned" not in title
