"""The app in a real terminal with a keymap that is not a file it can read (a FIFO): it
opens, says so, and keeps its default keys."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.support.logs import log_with_sets
from tests.support.terminal import Terminal, isolated


def test_a_fifo_as_the_keymap_does_not_hang_the_app(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    log_with_sets(log)
    env = isolated(tmp_path)
    keymap = Path(env["XDG_CONFIG_HOME"]) / "restday" / "keymap.toml"
    keymap.parent.mkdir(parents=True)
    os.mkfifo(keymap)
    with Terminal([sys.executable, "-m", "tui", "--db", str(log)], env=env) as term:
        screen = term.wait_for("Keymap not used")
        assert "FIFO" in screen
        term.wait_for("Guidance, not medical advice.")
        term.keys("q")
        assert "Traceback" not in term.wait_for("[exited 0]")
