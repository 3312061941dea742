"""The footer in a real 80x24 terminal, moving between screens at a person's pace: every
key whole, nothing in the last column (it showed `Commandse`, `Commandsb`), `?` there when
a key was left out."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tests.support.terminal import (
    ESCAPE_GAP_S,
    Terminal,
    isolated,
    type_slowly,
    wait_until,
    write_demo_log,
)


def _footer(screen: str) -> str:
    return screen.splitlines()[-1]


def _whole(footer: str) -> bool:
    """No key cut before the palette key, nothing after it ("^p Commandse")."""
    keys, bar, palette = footer.partition("▏")
    return bool(bar) and palette.rstrip() == "^p Commands" and keys.endswith(" ")


def test_the_footer_never_cuts_a_word_on_any_screen(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env=isolated(tmp_path)) as term:
        term.wait_for("Guidance, not medical advice.")
        for keys, shows in [
            ("y", "Tab: next view"),
            ("\t", "Sessions"),
            ("\t", "Progress"),
            ("\t", "Trends"),
            ("r", "Sleep quality"),
            ("\x1b", "Correct"),
            ("s", "Symptoms ·"),
            ("\x1b", "? Help"),
            ("M-h", "Guidance, not medical advice."),  # letters type on Symptoms
            ("y", "Tab: next view"),
        ]:
            if keys == "\x1b":
                term.keys("Escape")
                time.sleep(ESCAPE_GAP_S)
            elif keys == "\t":
                term.keys("Tab")
            elif keys.startswith("M-"):
                term.keys(keys)
            else:
                type_slowly(term, keys)
            screen = wait_until(term, lambda s, t=shows: t in s, shows)
            time.sleep(0.3)  # the footer follows the bindings after a refresh
            footer = _footer(term.screen())
            assert _whole(footer), f"after {keys!r}: {footer!r}"
        assert "? Help" in _footer(screen) and "Year before" not in _footer(screen)
