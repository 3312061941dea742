"""What restday imports before its first frame: the app and the home screen, without the
log's reader and writer or the scoring model (the log's writer imports those once the
frame is on screen): a ten-year log's start-up is not slowed by modules it does not need
yet."""

from __future__ import annotations

import json
import subprocess
import sys

FIRST_FRAME = ("tui.commands.main", "tui.app", "tui.screens.home.screen")
NOT_YET = ("scoring", "storage.log", "storage.read", "tinydb", "orjson")


def test_the_first_frame_needs_neither_the_log_nor_the_score() -> None:
    script = (
        f"import importlib, json, sys\nfor name in {FIRST_FRAME!r}:\n"
        "    importlib.import_module(name)\nprint(json.dumps(sorted(sys.modules)))"
    )
    found = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    loaded = json.loads(found)
    early = [m for m in loaded if any(m == n or m.startswith(f"{n}.") for n in NOT_YET)]
    assert early == []
