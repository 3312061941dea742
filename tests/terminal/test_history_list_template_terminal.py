"""`T` on History's sessions list in a real 80x24 terminal (tmux): never silent."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tests.support.terminal import (
    Terminal,
    isolated,
    settled,
    type_slowly,
    write_demo_log,
)


def test_T_on_a_session_in_the_history_list_is_never_silent(tmp_path: Path) -> None:
    """History, Sessions view, a session highlighted: `T` did nothing and said nothing (it
    only works once the session is opened with Enter). README: "`T` on a session in History
    does the same for any past session"; issue 14: "`T` never does nothing silently"."""
    log = write_demo_log(tmp_path)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        term.wait_for("Guidance, not medical advice.")
        term.keys("y")
        term.wait_for("Tab: next view")
        term.keys("Tab")
        term.wait_for("newest first")
        before = settled(term)
        type_slowly(term, "T")
        time.sleep(1.5)
        after = term.screen()
        assert after != before, f"T did nothing and said nothing:\n{after}"
