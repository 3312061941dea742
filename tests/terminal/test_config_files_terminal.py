"""The app in a real terminal with a keymap that is not a file it can read (a FIFO): it
opens, says so, and keeps its default keys."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.support.logs import log_with_sets
from tests.support.terminal import Terminal, entry_line, isolated, type_slowly


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


def test_a_bad_keymap_line_is_named_in_80x24_and_the_other_lines_apply(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    log_with_sets(log)
    env = isolated(tmp_path)
    keymap = Path(env["XDG_CONFIG_HOME"]) / "restday" / "keymap.toml"
    keymap.parent.mkdir(parents=True)
    keymap.write_text('[keys]\nhelp = "f1"\nquit = 7\n"screen.wrokout" = "ctrl+w"\n')
    with Terminal([sys.executable, "-m", "tui", "--db", str(log)], env=env) as term:
        screen = term.wait_for("The other lines apply.")  # the whole notice is on screen
        toast = [line.split("▌", 1)[1].strip() for line in screen.splitlines() if "▌" in line]
        flat = " ".join(toast)
        assert "lines 3-4 not used" in flat and 'line 3: "quit" must be a' in flat
        assert 'line 4: unknown binding id "screen.wrokout"' in flat
        term.keys("r")
        term.wait_for("Sleep quality")
        type_slowly(term, "s 7")  # the entry line has the focus, and F1 still opens help
        term.keys("F1")
        term.wait_for("Everywhere")
        term.keys("F1")
        assert "s 7" in entry_line(term.wait_for("Sleep quality"))
