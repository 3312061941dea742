"""Another process holds the log's lock (a copy of restday stopped with Ctrl-Z mid-write):
nothing waits for it for ever. A writer waits a few seconds, then gives up with a message
that names the holder (its pid and command), and writes nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.errors import LockHeldError
from storage.log.atomic_json import LOCK_WAIT_S, lock_path
from storage.log.repository import Repository
from tests.support.logs import log_with_sets
from tests.support.terminal import isolated

HOLDER = """\
import fcntl, sys, time
lock = open(sys.argv[1], "ab+")
fcntl.flock(lock, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(600)
"""


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return log_with_sets(tmp_path / "log.json")


@pytest.fixture
def holder(tmp_path: Path, log: Path) -> Iterator[subprocess.Popen]:
    """A separate process holding the log's lock, then stopped as by Ctrl-Z."""
    script = tmp_path / "holder.py"
    script.write_text(HOLDER)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(lock_path(log)), "--stopped-copy"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline() == "held\n"
        os.kill(proc.pid, signal.SIGSTOP)
        yield proc
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGCONT)
            proc.kill()
            proc.wait()


def test_restday_log_gives_up_on_a_held_lock_naming_the_holder(
    tmp_path: Path, log: Path, holder: subprocess.Popen
) -> None:
    before = log.read_bytes()
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "tui", "log", "--db", str(log), "bench 110x5@8"],
        capture_output=True,
        text=True,
        env={**os.environ, **isolated(tmp_path)},
        timeout=60,
    )
    took = time.monotonic() - start
    assert result.returncode == 1
    assert LOCK_WAIT_S <= took < LOCK_WAIT_S + 10
    message = result.stderr
    assert message.count("\n") == 1 and message.startswith("restday: error: ")
    assert f"pid {holder.pid}" in message
    assert "holder.py" in message and "--stopped-copy" in message  # its command
    assert str(log) in message
    assert "nothing was written" in message
    assert "Traceback" not in message
    assert log.read_bytes() == before


def test_the_lock_is_taken_once_the_holder_lets_go(log: Path, holder: subprocess.Popen) -> None:
    with Repository(log) as repo:
        with pytest.raises(LockHeldError, match=f"pid {holder.pid}"):
            repo.log_set(repo.todays_workout(), repo.exercise("bench-press"), 110, 5)
        os.kill(holder.pid, signal.SIGKILL)  # its lock goes with it
        holder.wait()
        repo.log_set(repo.todays_workout(), repo.exercise("bench-press"), 110, 5)
    with Repository(log) as repo:
        assert sorted(s.weight_kg for s in repo.sets()) == [100, 100, 100, 110]


def test_a_restday_holder_is_named_by_the_pid_it_wrote(log: Path) -> None:
    """Where /proc/locks says nothing (another system), the pid a restday writes beside the
    writers' counter while it holds the lock names it."""
    with Repository(log) as repo:
        storage = repo._storage
        with storage.locked():
            raw = lock_path(log).read_bytes()
        assert int.from_bytes(raw[8:16], "little") == os.getpid()
