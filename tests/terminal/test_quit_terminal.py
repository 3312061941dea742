"""Leaving the app with changes the log did not take, in a real terminal with real
processes: another copy holds the log's lock (stopped with Ctrl-Z), the disk refuses the
write, the log is a newer restday's. Nothing hangs, quitting asks first, and the sets not
saved are printed as `restday log` commands that log them again."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.log.atomic_json import LOCK_WAIT_S, lock_path
from tests.support.logs import log_with_sets, written_by_a_newer_restday
from tests.support.terminal import Terminal, isolated, open_log

# Wide enough that a printed command (with the test's long path) is one line on screen.
SIZE = "220x30"
HOLDER = """\
import fcntl, sys, time
lock = open(sys.argv[1], "ab+")
fcntl.flock(lock, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(600)
"""
LIMITED = """\
import os, resource, sys
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))  # a write past it: EFBIG
os.execv(sys.executable, [sys.executable, *sys.argv[2:]])
"""


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return log_with_sets(tmp_path / "log.json")  # today's workout, open: 3 sets of bench


@pytest.fixture
def holder(tmp_path: Path, log: Path) -> Iterator[subprocess.Popen]:
    """Another process holding the log's lock, stopped as by Ctrl-Z."""
    script = tmp_path / "holder.py"
    script.write_text(HOLDER)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(lock_path(log))], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "held\n"
        os.kill(proc.pid, signal.SIGSTOP)
        yield proc
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGCONT)
            proc.kill()
            proc.wait()


def let_go(holder: subprocess.Popen) -> None:
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()


def app(log: Path) -> list[str]:
    return [sys.executable, "-m", "tui", "--db", str(log)]


def log_a_set(term: Terminal, line: str, shown: str) -> None:
    term.wait_for("Guidance, not medical advice.")
    term.keys("w")
    term.wait_for("100 kg x 5 @8")
    term.keys("-l", "--", line)
    term.keys("Enter")
    term.wait_for(shown)


def quit_and_leave(term: Terminal) -> tuple[str, float]:
    """Ctrl+Q (on the workout screen a plain q types), then leave anyway in the dialog; the
    screen after exit, and how long it took."""
    start = time.monotonic()
    term.keys("C-q")
    term.wait_for("not saved yet", timeout=LOCK_WAIT_S + 10)
    term.keys("l")
    screen = term.wait_for("[exited", timeout=LOCK_WAIT_S + 10)
    return screen, time.monotonic() - start


def printed_commands(screen: str) -> list[str]:
    return [line.strip() for line in screen.splitlines() if line.startswith("restday log ")]


def run_printed(command: str, tmp_path: Path) -> None:
    """Run a command restday printed, as the user would paste it."""
    args = shlex.split(command)
    assert args[:2] == ["restday", "log"]
    subprocess.run(
        [sys.executable, "-m", "tui", *args[1:]],
        check=True,
        capture_output=True,
        env={**os.environ, **isolated(tmp_path)},
    )


def weights(log: Path) -> list[tuple[float, int, float | None]]:
    with open_log(log) as repo:
        return [(s.weight_kg, s.reps, s.rpe) for s in repo.sets()]


def test_quit_with_a_held_lock_asks_and_prints_the_set(
    tmp_path: Path, log: Path, holder: subprocess.Popen
) -> None:
    with Terminal(app(log), size=SIZE, env=isolated(tmp_path)) as term:
        log_a_set(term, "bench 110x5@8", "110 kg x 5 @8")
        screen = term.wait_for("NOT SAVED YET", timeout=LOCK_WAIT_S + 10)
        assert f"pid {holder.pid}" in screen and "holder.py" in screen
        screen, took = quit_and_leave(term)
        assert took < 3 * LOCK_WAIT_S + 5  # seconds, not for ever
    assert "[exited 1]" in screen and "Traceback" not in screen
    assert "1 change was NOT saved" in screen and f"pid {holder.pid}" in screen
    assert "kept" not in screen
    (command,) = printed_commands(screen)
    assert command == shlex.join(["restday", "log", "--db", str(log), "Bench Press 110kgx5@8"])
    assert weights(log) == [(100, 5, 8)] * 3
    let_go(holder)
    run_printed(command, tmp_path)
    assert weights(log) == [(100, 5, 8)] * 3 + [(110, 5, 8)]


def test_quit_while_a_set_waits_for_the_lock_asks_within_seconds(
    tmp_path: Path, log: Path, holder: subprocess.Popen
) -> None:
    """q at once after a set, while its save still waits for the lock: the app says it is
    saving, then asks once the wait gives up."""
    with Terminal(app(log), size=SIZE, env=isolated(tmp_path)) as term:
        log_a_set(term, "bench 105x3", "105 kg x 3")
        screen, took = quit_and_leave(term)
        assert took < 3 * LOCK_WAIT_S + 5
    assert "[exited 1]" in screen
    assert printed_commands(screen) == [
        shlex.join(["restday", "log", "--db", str(log), "Bench Press 105kgx3"])
    ]


def test_a_signal_with_a_held_lock_ends_within_seconds_and_prints_the_set(
    tmp_path: Path, log: Path, holder: subprocess.Popen
) -> None:
    with Terminal(app(log), size=SIZE, env=isolated(tmp_path)) as term:
        log_a_set(term, "w bench 60x5", "60 kg x 5")
        term.wait_for("NOT SAVED YET", timeout=LOCK_WAIT_S + 10)
        pane = int(term._tmux("display", "-p", "-t", term.name, "#{pane_pid}"))
        (restday,) = Path(f"/proc/{pane}/task/{pane}/children").read_text().split()
        os.kill(int(restday), signal.SIGTERM)
        screen = term.wait_for("[exited", timeout=LOCK_WAIT_S + 10)
    assert "[exited 1]" in screen and "kept" not in screen
    assert printed_commands(screen) == [
        shlex.join(["restday", "log", "--db", str(log), "w Bench Press 60kgx5"])
    ]


def test_quit_on_a_full_disk_asks_and_prints_the_sets(tmp_path: Path, log: Path) -> None:
    """A real write failure in the real process: a file size limit far below a set's line
    in the journal, so nothing can be saved (EFBIG, as ENOSPC on a full disk)."""
    wrapper = tmp_path / "limited.py"
    wrapper.write_text(LIMITED)
    limit = 16
    command = [sys.executable, str(wrapper), str(limit), *app(log)[1:]]
    before = log.read_bytes()
    with Terminal(command, size=SIZE, env=isolated(tmp_path)) as term:
        log_a_set(term, "bench 100x5x2", "100 kg x 5")
        screen = term.wait_for("NOT SAVED YET", timeout=10)
        assert "File too large" in screen
        screen, _ = quit_and_leave(term)
    assert "[exited 1]" in screen and "Traceback" not in screen
    assert "2 changes were NOT saved" in screen and "File too large" in screen
    assert "kept" not in screen and "saved with the next change" not in screen
    commands = printed_commands(screen)
    assert commands == [shlex.join(["restday", "log", "--db", str(log), "Bench Press 100kgx5"])] * 2
    assert log.read_bytes() == before
    for printed in commands:
        run_printed(printed, tmp_path)
    assert weights(log) == [(100, 5, 8)] * 3 + [(100, 5, None)] * 2


def test_a_newer_restdays_log_says_so_and_takes_no_set(tmp_path: Path, log: Path) -> None:
    written_by_a_newer_restday(log)
    before = log.read_bytes()
    with Terminal(app(log), size="80x24", env=isolated(tmp_path)) as term:
        screen = term.wait_for("READ-ONLY: nothing you enter is saved")  # once it is read
        assert "READ-ONLY: nothing you enter is saved" in screen.splitlines()[1]
        assert "newer restday" in screen
        term.keys("w")
        term.wait_for("100 kg x 5 @8")
        assert "READ-ONLY" in term.screen().splitlines()[1]
        term.keys("-l", "--", "bench 110x5")
        term.keys("Enter")
        screen = term.wait_for("not logged: this log cannot be changed")
        assert "110 kg x 5" not in screen and "NOT SAVED YET" not in screen
        term.keys("C-q")
        screen = term.wait_for("[exited")
    assert "[exited 0]" in screen and "NOT saved" not in screen
    assert log.read_bytes() == before
