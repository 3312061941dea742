"""The app shell in a real terminal (tmux): a terminal too small, signals and a dropped SSH
connection, colours (none, 16), and a log that cannot be read."""

from __future__ import annotations

import fcntl
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from storage.log.atomic_json import lock_path
from tests.support.logs import log_with_sets
from tests.support.terminal import (
    ESCAPE_GAP_S,
    Terminal,
    is_grey,
    isolated,
    open_log,
    sgr_colours,
    wait_until,
)


def test_too_small_in_a_real_terminal(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    log_with_sets(log)
    env = isolated(tmp_path)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="44x20", env=env) as term:
        screen = term.wait_for("Home needs 45x20 (this is 44x20)")
        assert "medical advice" not in screen
        term.resize("80x24")
        screen = term.wait_for("FRONT")  # the body map: the full layout
        assert "needs" not in screen and "Guidance, not medical advice." in screen
        term.resize("80x22")  # a phone's layout: the score, its reasons and the plan
        screen = wait_until(term, lambda s: "FRONT" not in s, "home's compact layout")
        assert "needs" not in screen and "Guidance, not medical advice." in screen
        term.resize("80x24")
        term.wait_for("FRONT")
        term.keys("q")
        assert "Traceback" not in term.wait_for("[exited 0]")


WRAPPER = '''
"""Run a command; write its pid and, when it ends, its exit status (survives a hang-up)."""
import signal, subprocess, sys
from pathlib import Path

pid_file, status_file, *command = sys.argv[1:]
signal.signal(signal.SIGHUP, lambda *_: None)  # a handler: the child gets the default
child = subprocess.Popen(command)
Path(pid_file).write_text(str(child.pid))
Path(status_file).write_text(str(child.wait()))
'''


def _wait_for_file(path: Path, timeout: float = 15) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and (text := path.read_text()):
            return text
        time.sleep(0.05)
    raise AssertionError(f"{path} was not written")


def _log_a_set_in_a_terminal(tmp_path: Path) -> tuple[Terminal, Path, Path, int]:
    log = tmp_path / "log.json"
    wrapper = tmp_path / "wrapper.py"
    wrapper.write_text(WRAPPER)
    pid_file, status_file = tmp_path / "pid", tmp_path / "status"
    command = [sys.executable, str(wrapper), str(pid_file), str(status_file)]
    command += [sys.executable, "-m", "tui", "--db", str(log)]
    term = Terminal(command, env=isolated(tmp_path))
    try:
        term.wait_for("Guidance, not medical advice.")  # home
        term.keys("w")
        term.wait_for("Empty workout")
        term.keys("Enter")
        term.wait_for("Workout ·")
        term.keys("bench 100x5@8", "Enter")
        term.wait_for("100 kg x 5")
    except BaseException:
        term.close()
        raise
    return term, log, status_file, int(_wait_for_file(pid_file))


def _logged_sets(log: Path) -> list:
    with open_log(log) as repo:
        return [(s.exercise, s.weight_kg, s.reps, s.rpe) for s in repo.sets()]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_signal_saves_and_exits_cleanly(tmp_path: Path, signum: int) -> None:
    term, log, status_file, pid = _log_a_set_in_a_terminal(tmp_path)
    with term:
        os.kill(pid, signum)
        assert _wait_for_file(status_file) == "0"
        screen = term.wait_for("[exited 0]")
        # the terminal is restored: the app's screen is gone, the shell's text is back
        assert "Bench Press" not in screen and "Traceback" not in screen
    assert _logged_sets(log) == [("bench-press", 100, 5, 8)]


def test_hang_up_saves_and_exits_cleanly(tmp_path: Path) -> None:
    """The SSH connection drops: the terminal itself goes away (SIGHUP, then no tty)."""
    term, log, status_file, _pid = _log_a_set_in_a_terminal(tmp_path)
    term.close()
    assert _wait_for_file(status_file) == "0"
    assert _logged_sets(log) == [("bench-press", 100, 5, 8)]
    assert not list(tmp_path.glob("*.tmp*"))


def test_a_signal_while_the_last_save_waits_for_the_lock_loses_nothing(tmp_path: Path) -> None:
    """Quit while another process holds the log's lock: the app waits to save, and a
    SIGTERM meanwhile (an impatient supervisor) does not end it before it has."""
    term, log, status_file, pid = _log_a_set_in_a_terminal(tmp_path)
    with term, open(lock_path(log), "rb+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as another copy of restday mid-write
        term.keys("x6", "Enter")
        term.wait_for("100 kg x 6")
        term.keys("Escape")
        time.sleep(ESCAPE_GAP_S)
        term.keys("q")
        time.sleep(0.5)
        os.kill(pid, signal.SIGTERM)
        time.sleep(0.5)
        assert not status_file.exists()  # still waiting to save
        fcntl.flock(lock, fcntl.LOCK_UN)
        assert _wait_for_file(status_file) == "0"
    assert _logged_sets(log) == [("bench-press", 100, 5, 8), ("bench-press", 100, 6, None)]


@pytest.mark.parametrize(
    ("env", "allowed"),
    [
        # NO_COLOR: greys only (and the terminal's default colours, 39/49)
        (
            {"NO_COLOR": "1", "TERM": "xterm-256color", "COLORTERM": ""},
            lambda code: code in ("39", "49") or (code[:5] in ("38;5;", "48;5;") and is_grey(code)),
        ),
        # TERM=xterm: the 16 colours, no 256-colour or true-colour codes
        (
            {"TERM": "xterm", "COLORTERM": ""},
            lambda code: ";" not in code,
        ),
    ],
    ids=["NO_COLOR", "xterm-16"],
)
def test_runs_without_colour_or_with_16(tmp_path: Path, env: dict, allowed) -> None:
    log = tmp_path / "log.json"
    log_with_sets(log)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env={**isolated(tmp_path), **env}) as term:
        term.wait_for("14 days")  # home, with its score worked out
        codes = sgr_colours(term)
        assert codes and all(allowed(code) for code in codes), sorted(codes)
        term.keys("?")
        term.wait_for("Everywhere")
        codes = sgr_colours(term)
        assert all(allowed(code) for code in codes), sorted(codes)
        term.keys("Escape")  # alone: Escape and q at once would be alt+q
        deadline = time.monotonic() + 10
        while "Everywhere" in term.screen() and time.monotonic() < deadline:
            time.sleep(0.1)
        term.keys("q")
        assert "Traceback" not in term.wait_for("[exited 0]")


def test_unreadable_log_is_one_line_in_a_real_terminal(tmp_path: Path) -> None:
    """With the real screens, whether they wait for LogOpened or read the log at mount."""
    log = tmp_path / "log.json"
    log.write_text('{"sets": {"1": ')
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env=isolated(tmp_path)) as term:
        screen = term.wait_for("[exited 1]")
    lines = [line for line in screen.splitlines() if line.strip()]
    assert lines[-1] == "[exited 1]"
    message = "".join(lines[:-1])  # one line, wrapped at 80 columns
    assert message.startswith("restday: error: ") and "cannot be read" in message
    assert len(lines[:-1]) == -(-len(message) // 80)
    assert "Traceback" not in screen
    assert log.read_text() == '{"sets": {"1": '
