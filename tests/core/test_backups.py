"""The log's daily backups: only restday's own (`log.json.bak-YYYY-MM-DD`) are pruned or
recommended, the newest good one by its date, never one dated after today; a user's own
copies beside the log are never touched. The way back the messages print is a shell command
that works whatever the folder is called."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from storage.log.atomic_json import BACKUPS_KEPT, backup_paths, newest_good_backup
from storage.log.journal import journal_path
from storage.log.repository import Repository
from storage.log.tables import LogDB
from storage.model.exercise_library import BUILTIN_BY_ID
from tests.support.terminal import restday

NOW = datetime(2026, 3, 10, 18, 0, tzinfo=UTC)
TODAY = NOW.date()


class Calendar:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


def sets_log(count: int) -> bytes:
    """A log file holding `count` (bare) documents in a table of its own (not one of
    restday's: their records are checked when the log is read)."""
    return json.dumps({"docs": {str(i): {"n": i} for i in range(1, count + 1)}}).encode()


def test_pruning_never_deletes_a_users_own_copies(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    log.write_bytes(sets_log(1))
    own = {
        "log.json.bak-0-before-migration": sets_log(2),
        "log.json.bak-original": sets_log(3),
        "log.json.bak-2026-2-1": sets_log(4),  # not restday's name: no zero padding
        "log.json.bak-2026-02-01.old": sets_log(5),
        "log.json.bak-20260201": sets_log(6),
    }
    for name, content in own.items():
        (tmp_path / name).write_bytes(content)
    today = Calendar(date(2026, 2, 20))
    db = LogDB(log, today=today)
    for day in range(12):
        db.insert({"day": day})
        today.day += timedelta(days=1)
    db.close()

    for name, content in own.items():
        assert (tmp_path / name).read_bytes() == content, name
    assert [p.name for p in backup_paths(log)] == [
        f"log.json.bak-{date(2026, 3, 3) - timedelta(days=n)}" for n in range(BACKUPS_KEPT)
    ]


def test_the_newest_good_backup_goes_by_date_and_validity_not_by_name(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    log.write_bytes(b'{"sets": {"1": ')
    (tmp_path / "log.json.bak-original").write_bytes(sets_log(1))
    dated = tmp_path / "log.json.bak-2026-03-08"
    dated.write_bytes(sets_log(11))
    (tmp_path / "log.json.bak-2026-03-09").write_bytes(b"{not json")  # newer, but broken
    (tmp_path / "log.json.bak-2099-01-01").write_bytes(sets_log(2))  # a wrong clock's
    assert newest_good_backup(log, TODAY) == dated
    assert backup_paths(log, TODAY)[0].name == "log.json.bak-2026-03-09"


def test_a_backup_dated_in_the_future_is_neither_recommended_nor_counted(
    tmp_path: Path,
) -> None:
    log = tmp_path / "log.json"
    future = tmp_path / "log.json.bak-2099-01-01"
    future.write_bytes(sets_log(2))
    today = Calendar(date(2026, 2, 20))
    db = LogDB(log, today=today)
    for day in range(10):
        db.insert({"day": day})
        today.day += timedelta(days=1)
    db.close()
    # A wrong clock's backup is kept (it holds the log as it was then) and takes no place
    # among the seven newest.
    assert future.read_bytes() == sets_log(2)
    assert len(backup_paths(log, today.day)) == BACKUPS_KEPT
    assert newest_good_backup(log, today.day) == tmp_path / "log.json.bak-2026-03-01"


@pytest.mark.parametrize("folder", ["O'Brien", 'say "hi" $HOME `x` & me', "plain"])
def test_the_printed_restore_command_works_in_any_folder(tmp_path: Path, folder: str) -> None:
    """A real `restday status` on a broken log prints the way back; a shell runs it."""
    home = tmp_path / folder
    home.mkdir()
    log = home / "log.json"
    (home / "log.json.bak-original").write_bytes(sets_log(1))
    good = home / f"log.json.bak-{TODAY - timedelta(days=2)}"
    good.write_bytes(sets_log(11))
    (home / "log.json.bak-2099-01-01").write_bytes(sets_log(2))
    log.write_bytes(b'{"sets": {"1": ')

    result = restday(tmp_path, "status", "--db", str(log), now=NOW)
    assert result.returncode == 1
    message = result.stderr.strip()
    assert "\n" not in message
    assert f"The newest good backup is {good}" in message
    command = message.split("to restore it, run: ", 1)[1]
    subprocess.run(["sh", "-c", command], check=True, timeout=10)
    assert log.read_bytes() == good.read_bytes()


@pytest.mark.parametrize("folder", ["O'Brien", "it's $HOME"])
def test_the_printed_move_aside_command_works_in_any_folder(tmp_path: Path, folder: str) -> None:
    home = tmp_path / folder
    home.mkdir()
    log = home / "log.json"
    log.write_bytes(b"garbage")
    result = restday(tmp_path, "status", "--db", str(log), now=NOW)
    assert result.returncode == 1
    command = result.stderr.strip().split("move it aside: ", 1)[1]
    subprocess.run(["sh", "-c", command], check=True, timeout=10)
    assert not log.exists()
    assert (home / "log.json.broken").read_bytes() == b"garbage"


def test_restoring_a_backup_moves_the_journal_of_the_broken_log_aside(tmp_path: Path) -> None:
    """Changes in the journal belong to the log they were saved over, not to an older
    backup: the printed way back sets them aside (kept), so none lands on the backup."""
    log = tmp_path / "log.json"
    repo = Repository(log, clock=lambda: NOW)  # left open: its sets wait in the journal
    repo.log_set(repo.todays_workout(), BUILTIN_BY_ID["bench-press"], 100, 5)
    repo.log_set(repo.todays_workout(), BUILTIN_BY_ID["bench-press"], 100, 5)
    journal = journal_path(log)
    assert journal.stat().st_size > 0
    log.write_bytes(b'{"sets": {"1": ')

    result = restday(tmp_path, "status", "--db", str(log), now=NOW)
    assert result.returncode == 1
    command = result.stderr.strip().split("to restore it, run: ", 1)[1]
    subprocess.run(["sh", "-c", command], check=True, timeout=10)
    assert not journal.exists() and journal.with_name(journal.name + ".broken").exists()
    assert restday(tmp_path, "status", "--db", str(log), now=NOW).returncode == 0
