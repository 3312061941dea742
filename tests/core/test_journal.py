"""The log's journal: a saved change is one fsynced line beside the log, which every reader
applies and a writer folds into the file. Killed writers (SIGKILL: no cleanup) and torn
lines never cost a saved change, and a change is never applied twice."""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
import threading
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from storage.errors import CorruptLogError, ReadOnlyLogError
from storage.log import journal
from storage.log.journal import journal_path
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from tests.support.logs import demo_log_at, on_disk

ROOT = Path(__file__).resolve().parents[2]
BENCH = BUILTIN_BY_ID["bench-press"]
NOW = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)

# Logs `count` sets, one line with its id on stdout once each is saved, then waits to be
# killed (or, with "close", closes the log and ends).
WRITER = """\
import sys
from datetime import datetime

from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID

now = datetime.fromisoformat(sys.argv[2])
repo = Repository(sys.argv[1], clock=lambda: now)
workout = repo.todays_workout()
for _ in range(int(sys.argv[3])):
    entry = repo.log_set(workout, BUILTIN_BY_ID["bench-press"], 100, 5)
    print(entry.id, flush=True)
if sys.argv[4] == "close":
    repo.close()
else:
    print("waiting", flush=True)
    sys.stdin.read()
"""


def start_writer(tmp_path: Path, log: Path, count: int, then: str) -> subprocess.Popen[str]:
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    return subprocess.Popen(
        [sys.executable, str(script), str(log), NOW.isoformat(), str(count), then],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def read_acks(proc: subprocess.Popen[str], count: int) -> list[str]:
    assert proc.stdout is not None
    watchdog = threading.Timer(60, proc.kill)  # a hung writer fails the test, not CI
    watchdog.start()
    try:
        acks = [proc.stdout.readline().strip() for _ in range(count)]
    finally:
        watchdog.cancel()
    assert all(len(ack) == 32 for ack in acks), acks
    return acks


def kill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


def stored_set_ids(log: Path) -> set[str]:
    with Repository(log, read_only=True) as repo:
        return {entry.id for entry in repo.sets()}


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return demo_log_at(tmp_path / "log.json", 8, NOW)


def test_saving_a_set_appends_one_line_and_leaves_the_file(log: Path) -> None:
    before = (log.stat().st_ino, log.read_bytes())
    with Repository(log, clock=lambda: NOW) as repo:
        entry = repo.log_set(repo.todays_workout(), BENCH, 100, 5)
        assert (log.stat().st_ino, log.read_bytes()) == before
        lines = journal_path(log).read_bytes().splitlines()
        assert len(lines) == 2  # the workout, then the set with its rest timer
        assert entry.id in lines[1].decode()
        assert entry.id in {d["id"] for d in on_disk(log)["sets"].values()}
    assert oct(journal_path(log).stat().st_mode & 0o777) == "0o600"


def test_another_process_sees_a_journalled_set(log: Path, tmp_path: Path) -> None:
    with Repository(log, clock=lambda: NOW) as mine:
        sets_before = len(mine.sets())
        stamp = mine.stamp
        proc = start_writer(tmp_path, log, 1, "wait")
        try:
            (ack,) = read_acks(proc, 1)
            assert proc.stdout is not None and proc.stdout.readline() == "waiting\n"
            assert ack not in {d["id"] for d in json.loads(log.read_bytes())["sets"].values()}
            assert mine.refresh()  # the journal's line changed the log's stamp
            assert mine.stamp != stamp
            assert mine.set_entry(ack) is not None
            assert len(mine.sets()) == sets_before + 1
            assert mine.snapshot().set_entry(ack) is not None
            assert ack in stored_set_ids(log)  # a fresh reader, read-only
        finally:
            kill(proc)


def test_a_killed_writers_sets_are_replayed_on_open_and_folded_on_close(
    log: Path, tmp_path: Path
) -> None:
    proc = start_writer(tmp_path, log, 5, "wait")
    acks = read_acks(proc, 5)
    kill(proc)  # no close: the sets are in the journal only
    in_file = {d["id"] for d in json.loads(log.read_bytes())["sets"].values()}
    assert in_file.isdisjoint(acks)
    assert set(acks) <= stored_set_ids(log)
    with Repository(log, clock=lambda: NOW) as repo:
        later = repo.log_set(repo.todays_workout(), BENCH, 105, 3)
        assert [s.order for s in repo.sets(workout=later.workout)][-1] == 6
    assert journal_path(log).read_bytes() == b""  # folded on close
    in_file = {d["id"] for d in json.loads(log.read_bytes())["sets"].values()}
    assert {*acks, later.id} <= in_file


def test_a_torn_last_line_is_ignored_and_cut_off_by_the_next_save(log: Path) -> None:
    with Repository(log, clock=lambda: NOW) as repo:
        first = repo.log_set(repo.todays_workout(), BENCH, 100, 5)
        good = journal_path(log).read_bytes()
        # A writer killed (or a machine that lost power) mid-append leaves part of a line.
        for torn in (b'{"v":1,"c":{"sets":{"999":{"id":"x', b"\x00" * 300, b"{}\n\x00\x00"):
            journal_path(log).write_bytes(good + torn)
            with Repository(log, clock=lambda: NOW) as other:
                assert [s.id for s in other.sets(workout=first.workout)] == [first.id]
                second = other.log_set(other.todays_workout(), BENCH, 100, 5)
                assert journal_path(log).read_bytes().startswith(good)
                assert torn not in journal_path(log).read_bytes()
                other.delete_set(second.id)
                other.fold()
                good = journal_path(log).read_bytes()
        assert repo.set_entry(first.id) is not None


def test_a_damaged_line_before_good_ones_is_reported_with_a_way_out(log: Path) -> None:
    with Repository(log, clock=lambda: NOW) as repo:
        repo.log_set(repo.todays_workout(), BENCH, 100, 5)
        repo.log_set(repo.todays_workout(), BENCH, 100, 5)
        lines = journal_path(log).read_bytes().splitlines(keepends=True)
    journal_path(log).write_bytes(lines[0] + b"garbage\n" + b"".join(lines[1:]))
    before = (log.read_bytes(), journal_path(log).read_bytes())
    with pytest.raises(CorruptLogError) as excinfo:
        Repository(log)
    message = str(excinfo.value)
    assert "line 2 of the journal is damaged" in message
    assert "left exactly as it is" in message
    assert shlex.join(["mv", str(journal_path(log)), f"{journal_path(log)}.broken"]) in message
    assert (log.read_bytes(), journal_path(log).read_bytes()) == before


def test_a_crash_between_the_fold_and_emptying_the_journal_applies_nothing_twice(
    log: Path, tmp_path: Path
) -> None:
    """The fold replaces the file, then the process dies before it empties the journal: the
    journal applied over the new file changes nothing (whole documents, not increments)."""
    script = tmp_path / "folder.py"
    script.write_text(
        "import os, sys\n"
        "from datetime import date, datetime\n"
        "from storage.log import journal\n"
        "from storage.log.repository import Repository\n"
        "now = datetime.fromisoformat(sys.argv[2])\n"
        "repo = Repository(sys.argv[1], clock=lambda: now)\n"
        "repo.add_intake(date(2025, 1, 1), water_cups=1, protein_g=30)\n"
        "repo.add_intake(date(2025, 1, 1), water_cups=2)\n"
        "journal.clear = lambda path: os.kill(os.getpid(), 9)\n"
        "repo.fold()\n"
    )
    result = subprocess.run(
        [sys.executable, str(script), str(log), NOW.isoformat()],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert journal_path(log).read_bytes().count(b"\n") == 2  # not emptied
    folded = json.loads(log.read_bytes())["recovery"]  # the file has both changes
    assert [d.get("water_cups") for d in folded.values() if d["day"] == "2025-01-01"] == [3]
    with Repository(log, clock=lambda: NOW) as repo:
        recovery = repo.recovery(date(2025, 1, 1))
        assert recovery is not None
        assert (recovery.water_cups, recovery.protein_g) == (3, 30)
        repo.add_intake(date(2025, 1, 1), water_cups=1)  # cuts the old lines off
        assert repo.recovery(date(2025, 1, 1)).water_cups == 4
    with Repository(log, read_only=True) as repo:
        assert repo.recovery(date(2025, 1, 1)).water_cups == 4


@pytest.mark.parametrize("trial", range(5))
def test_sigkill_right_after_a_set_is_acknowledged_loses_nothing(
    log: Path, tmp_path: Path, trial: int
) -> None:
    """A writer logs sets on a sizeable log and is killed the moment it reports one saved:
    every reported set is in the log when it is opened again."""
    before = stored_set_ids(log)
    proc = start_writer(tmp_path, log, 50, "wait")
    acks = read_acks(proc, trial + 1)  # killed right after the (trial + 1)th
    kill(proc)
    after = stored_set_ids(log)
    assert before <= after
    # Every reported set is there; sets saved but not yet reported may be too (how many
    # depends on how fast the kill lands on a loaded machine).
    assert set(acks) <= after


def test_the_journal_is_folded_once_it_grows_past_its_bound(
    log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal, "FOLD_BYTES", 4096)
    with Repository(log, clock=lambda: NOW) as repo:
        workout = repo.todays_workout()
        for _ in range(20):
            repo.log_set(workout, BENCH, 100, 5)
            bound = journal.fold_bytes(log.stat().st_size)
            assert journal_path(log).stat().st_size <= bound + 2048
        assert len(repo.sets(workout=workout.id)) == 20
        assert log.stat().st_size > 4096 * journal.FOLD_SHARE  # the bound was the file's share
    with Repository(log, read_only=True) as repo:
        assert len(repo.sets(since=NOW.date())) == 20


def test_the_journal_of_a_long_log_grows_to_a_share_of_its_file() -> None:
    """A fold rewrites the whole file: on a ten-year log (16 MB) one every 256 KB of
    journal cost `restday log` 60 KB a set; a share of the file keeps it a few lines'."""
    assert journal.fold_bytes(1000) == journal.FOLD_BYTES
    ten_years = 16 * 1024**2
    assert journal.fold_bytes(ten_years) == ten_years // journal.FOLD_SHARE
    assert journal.fold_bytes(2 * ten_years) == 2 * journal.fold_bytes(ten_years)


def test_a_line_from_a_newer_restday_makes_the_log_read_only(log: Path) -> None:
    with Repository(log, clock=lambda: NOW) as repo:
        first = repo.log_set(repo.todays_workout(), BENCH, 100, 5)
    newer = b'{"v":2,"ops":[["something", "new"]]}\n'
    journal_path(log).write_bytes(newer)
    before = (log.read_bytes(), journal_path(log).read_bytes())
    with Repository(log, clock=lambda: NOW) as repo:
        assert repo.read_only
        assert "newer restday" in repo.read_only_reason
        assert repo.set_entry(first.id) is not None  # what the file holds is read
        with pytest.raises(ReadOnlyLogError, match="newer restday"):
            repo.log_set(repo.todays_workout(), BENCH, 100, 5)
    assert (log.read_bytes(), journal_path(log).read_bytes()) == before
