"""The rest timer in a real terminal: counting down costs little over SSH, on the idle
screen and in the big-digit view."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

from tests.support.terminal import Terminal, isolated

LIMIT_BYTES_PER_S = 2048


# three ticks of the timer: enough to tell a few hundred bytes a second from a redraw a tick
MEASURE_S = 3.0


def _bytes_per_second(term: Terminal, out: Path) -> float:
    """What the app writes to its terminal over MEASURE_S seconds of idle."""
    out.write_bytes(b"")
    target = ["-t", term.name]
    subprocess.run(
        ["tmux", "pipe-pane", "-o", *target, f"cat >> {shlex.quote(str(out))}"], check=True
    )
    time.sleep(MEASURE_S)
    subprocess.run(["tmux", "pipe-pane", *target], check=True)  # stop capturing
    time.sleep(0.2)
    return out.stat().st_size / MEASURE_S


def test_running_timer_writes_little_to_the_terminal(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    env = isolated(tmp_path)
    logged = subprocess.run(
        [sys.executable, "-m", "tui", "log", "--db", str(log), "bench 100x5@8"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )
    assert logged.returncode == 0, logged.stderr
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=env) as term:
        screen = term.wait_for("rest  2:5")  # the set's rest is counting down
        assert "restday" in screen.splitlines()[0]
        time.sleep(1)  # start-up done
        idle = _bytes_per_second(term, tmp_path / "idle.out")

        term.keys("Escape")  # out of the entry line, then the big view
        time.sleep(0.3)  # Escape and t together would read as alt+t
        term.keys("t")
        term.wait_for("of 3:00 rest")
        time.sleep(1)
        big = _bytes_per_second(term, tmp_path / "big.out")
        screen = term.screen()
        assert "Resting after Bench Press" in screen and "Traceback" not in screen

    print(f"bytes/s: idle {idle:.0f}, big view {big:.0f}")
    assert idle < LIMIT_BYTES_PER_S, f"idle screen with a timer: {idle:.0f} bytes/s"
    assert big < LIMIT_BYTES_PER_S, f"big-digit view: {big:.0f} bytes/s"
