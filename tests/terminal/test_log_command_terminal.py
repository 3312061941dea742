"""A set logged from the shell (`restday log`) shows in the app opened after it, with the
rest timer it started running."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.terminal import Terminal, isolated


def test_a_set_logged_from_the_shell_shows_in_the_app(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    env = isolated(tmp_path)
    logged = subprocess.run(
        [sys.executable, "-m", "tui", "log", "--db", str(log), "bench 100x5@8"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    assert "Bench Press" in logged.stdout
    with Terminal([sys.executable, "-m", "tui", "--db", str(log)], env=env) as term:
        term.wait_for("workout in progress (w)")
        term.keys("w")
        screen = term.wait_for("100 kg x 5 @8")
        assert screen.splitlines()[0].lstrip().startswith("restday")
        assert "rest" in screen.splitlines()[0]  # the timer the shell started is running
        term.keys("C-q")  # on the workout screen a plain q types
        screen = term.wait_for("[exited 0]")
        assert "Traceback" not in screen
