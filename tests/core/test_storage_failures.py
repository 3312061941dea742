"""When the log cannot be read or written: the file is left byte-for-byte as it was, and
the error is one line that names the file and says what to do."""

from __future__ import annotations

import errno
import json
import os
import shlex
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from storage.errors import CorruptLogError, ReadOnlyLogError, StorageError, WriteFailedError
from storage.log.atomic_json import BACKUPS_KEPT, AtomicJSONStorage, backup_paths
from storage.log.journal import journal_path
from storage.log.repository import Repository, SaveFailedError
from storage.log.tables import LogDB
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import Recovery, Settings, SymptomEntry, Template, TemplateItem
from tests.support.logs import on_disk

BENCH = BUILTIN_BY_ID["bench-press"]
NOW = datetime(2026, 3, 10, 18, 0, tzinfo=UTC)
IS_ROOT = os.geteuid() == 0


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return tmp_path / "log.json"


def snapshot(path: Path) -> tuple[bytes, int, bytes]:
    """The log file, its mtime and its journal."""
    changes = journal_path(path)
    return (
        path.read_bytes(),
        path.stat().st_mtime_ns,
        changes.read_bytes() if changes.exists() else b"",
    )


def temp_files(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f".{path.name}.*.tmp"))


def assert_one_line(message: str, path: Path) -> None:
    assert "\n" not in message
    assert str(path) in message


def make_log(path: Path, sets: int = 3) -> list[str]:
    """A real log with a workout and some sets; returns the sets' ids."""
    with Repository(path, clock=lambda: NOW) as repo:
        repo.save_settings(Settings(timezone="Europe/Berlin"))
        workout = repo.start_workout("Push")
        return [repo.log_set(workout, BENCH, 100, 5).id for _ in range(sets)]


def stored_set_ids(path: Path) -> set[str]:
    return {doc["id"] for doc in on_disk(path).get("sets", {}).values()}


# -- logs that cannot be read -------------------------------------------------------------

GARBAGE = b"\x00\x13garbage \xff\xfe not json at all {{{"


def unreadable_logs(good: bytes) -> dict[str, tuple[bytes, str]]:
    return {
        "garbage": (GARBAGE, "not valid JSON"),
        "truncated": (good[: len(good) // 2], "not valid JSON"),
        "empty": (b"", "empty"),
        "whitespace": (b" \n\t\n", "empty"),
        "a list": (b'[{"id": 1}]', "not a restday log"),
        "a number": (b"42", "not a restday log"),
        "tables of lists": (b'{"sets": [1, 2, 3]}', "not a restday log"),
        "documents that are not objects": (b'{"settings": {"1": 5}}', "not a restday log"),
    }


CASES = list(unreadable_logs(b"").keys())


@pytest.mark.parametrize("case", CASES)
def test_unreadable_log_is_left_alone_with_a_clear_message(log: Path, case: str) -> None:
    make_log(log)
    content, problem = unreadable_logs(log.read_bytes())[case]
    log.write_bytes(content)
    before = snapshot(log)
    # No backup exists yet for any day but today's first write; remove them all so the
    # message offers the "move it aside" way out.
    for backup in backup_paths(log):
        backup.unlink()
    with pytest.raises(CorruptLogError) as excinfo:
        Repository(log)
    message = str(excinfo.value)
    assert_one_line(message, log)
    assert problem in message
    assert "left exactly as it is" in message
    assert shlex.join(["mv", str(log), f"{log}.broken"]) in message
    assert snapshot(log) == before
    assert temp_files(log) == []
    assert backup_paths(log) == []


@pytest.mark.parametrize("case", CASES)
def test_unreadable_log_refuses_table_writes(log: Path, case: str) -> None:
    make_log(log)
    content, _ = unreadable_logs(log.read_bytes())[case]
    log.write_bytes(content)
    before = snapshot(log)
    for db in (LogDB(log), LogDB(log, storage=AtomicJSONStorage)):
        with pytest.raises(CorruptLogError):
            db.table("sets").insert({"a": 1})
        with pytest.raises(CorruptLogError):
            db.table("sets").update({"a": 2})
        with pytest.raises(CorruptLogError):
            db.table("sets").all()
        db.close()
    assert snapshot(log) == before
    assert temp_files(log) == []


def test_log_that_becomes_unreadable_while_open_is_not_overwritten(log: Path) -> None:
    make_log(log)
    with Repository(log, clock=lambda: NOW) as repo:
        workout = repo.open_workout()
        assert workout is not None
        log.write_bytes(GARBAGE)  # another program (an editor, a sync tool) breaks it
        before = snapshot(log)
        with pytest.raises(CorruptLogError, match="left exactly as it is"):
            repo.log_set(workout, BENCH, 100, 5)
        with pytest.raises(CorruptLogError):
            repo.sets()
    assert snapshot(log) == before


def test_corrupt_log_message_names_the_good_backup_and_the_cp_command(log: Path) -> None:
    day = [date(2026, 3, 1)]
    db = LogDB(log, today=lambda: day[0])
    db.table("sets").insert({"n": 1})
    day[0] = date(2026, 3, 2)
    db.table("sets").insert({"n": 2})  # first write of the 2nd: backs up the log as it was
    db.close()
    backup = log.with_name("log.json.bak-2026-03-02")
    assert backup_paths(log) == [backup]
    log.write_bytes(b'{"sets": {"1": {"n": 1}, "2": {"n"')  # cut off mid-write
    before = snapshot(log)

    with pytest.raises(CorruptLogError) as excinfo:
        Repository(log)
    message = str(excinfo.value)
    assert_one_line(message, log)
    assert f"The newest good backup is {backup}" in message
    command = shlex.join(["cp", str(backup), str(log)])
    assert command in message
    assert message.endswith(command)
    assert snapshot(log) == before

    # The command it gives works.
    subprocess.run(shlex.split(command), check=True)
    with Repository(log) as repo:
        assert repo.settings().schema_version == 1
    assert json.loads(log.read_bytes()) == {"sets": {"1": {"n": 1}}}


def test_corrupt_backups_are_skipped_for_an_older_good_one(log: Path) -> None:
    log.write_bytes(GARBAGE)
    good = log.with_name("log.json.bak-2026-03-01")
    good.write_bytes(b'{"sets": {}}')
    bad = log.with_name("log.json.bak-2026-03-02")
    bad.write_bytes(b"{")
    with pytest.raises(CorruptLogError) as excinfo:
        Repository(log)
    message = str(excinfo.value)
    assert shlex.join(["cp", str(good), str(log)]) in message
    assert str(bad) not in message


# -- a log from a newer restday -----------------------------------------------------------


def test_log_from_a_newer_version_opens_read_only(log: Path) -> None:
    ids = make_log(log)
    data = json.loads(log.read_bytes())
    (settings_doc,) = data["settings"].values()
    settings_doc["schema_version"] = 99
    settings_doc["a_field_from_the_future"] = {"x": 1}
    log.write_bytes(json.dumps(data).encode())
    before = snapshot(log)

    with Repository(log, clock=lambda: NOW) as repo:
        assert repo.read_only
        assert "newer" in repo.read_only_reason
        # Reads work.
        assert repo.settings().schema_version == 99
        assert [s.id for s in repo.sets()] == ids
        workout = repo.open_workout()
        assert workout is not None
        assert repo.counts().sets == 3
        # Every write is refused.
        writes = [
            lambda: repo.log_set(workout, BENCH, 100, 5),
            lambda: repo.start_workout(),
            lambda: repo.finish_workout(workout, 7),
            lambda: repo.save_settings(Settings(unit="lb")),
            lambda: repo.save_recovery(Recovery(day=date(2026, 3, 10), sleep_hours=8)),
            lambda: repo.add_intake(date(2026, 3, 10), water_cups=1),
            lambda: repo.save_symptoms(SymptomEntry(timestamp=NOW, energy=3)),
            lambda: repo.save_template(
                Template(name="A", items=[TemplateItem(exercise="bench-press", sets=3, reps=5)])
            ),
            lambda: repo.delete_set(ids[0]),
            lambda: repo.delete_workout(workout.id),
            lambda: repo.import_records([]),
        ]
        for write in writes:
            with pytest.raises(ReadOnlyLogError) as excinfo:
                write()
            message = str(excinfo.value)
            assert_one_line(message, log)
            assert "newer" in message
            assert "upgrade restday" in message
        assert repo.pending == 0
        repo.flush()
        # The storage underneath refuses too.
        with pytest.raises(ReadOnlyLogError):
            repo._db.table("sets").insert({"x": 1})
    assert snapshot(log) == before
    assert temp_files(log) == []


def test_log_opened_read_only_refuses_writes(log: Path) -> None:
    make_log(log)
    before = snapshot(log)
    with Repository(log, read_only=True) as repo:
        assert repo.sets()
        with pytest.raises(ReadOnlyLogError, match=str(log)):
            repo.start_workout()
    assert snapshot(log) == before


# -- writes that fail ---------------------------------------------------------------------


class Faults:
    """Make file-system calls that touch the log's directory fail, as a full disk or a
    read-only file system would."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, directory: Path) -> None:
        self.monkeypatch = monkeypatch
        self.directory = str(directory)
        self.failures = 0

    def _ours(self, *paths: object) -> bool:
        return any(str(p).startswith(self.directory) for p in paths)

    def _fd_ours(self, fd: int) -> bool:
        try:
            return os.readlink(f"/proc/self/fd/{fd}").startswith(self.directory)
        except OSError:
            return False

    def _error(self, code: int, filename: str | None = None) -> OSError:
        self.failures += 1
        return OSError(code, os.strerror(code), filename)

    def open(self, code: int) -> None:
        """Opening a file to write in the directory fails (a temp file, the journal)."""
        real = os.open

        def fake(path, flags, *args, **kwargs):
            writes = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
            if writes and self._ours(path) and not str(path).endswith(".lock"):
                raise self._error(code, str(path))
            return real(path, flags, *args, **kwargs)

        self.monkeypatch.setattr(os, "open", fake)

    def mkstemp(self, code: int) -> None:
        real = tempfile.mkstemp

        def fake(*args, **kwargs):
            if self._ours(kwargs.get("dir")):
                raise self._error(code, kwargs.get("dir"))
            return real(*args, **kwargs)

        self.monkeypatch.setattr(tempfile, "mkstemp", fake)

    def replace(self, code: int) -> None:
        real = os.replace

        def fake(src, dst, *args, **kwargs):
            if self._ours(dst):
                raise self._error(code, str(src))
            return real(src, dst, *args, **kwargs)

        self.monkeypatch.setattr(os, "replace", fake)

    def write(self, code: int) -> None:
        real = os.write

        def fake(fd, data):
            if self._fd_ours(fd):
                raise self._error(code)
            return real(fd, data)

        self.monkeypatch.setattr(os, "write", fake)

    def fsync(self, code: int) -> None:
        real = os.fsync

        def fake(fd):
            if self._fd_ours(fd) and not os.path.isdir(f"/proc/self/fd/{fd}"):
                raise self._error(code)
            return real(fd)

        self.monkeypatch.setattr(os, "fsync", fake)

    def clear(self) -> None:
        self.monkeypatch.undo()


FAULTS = [
    ("open", errno.EROFS, "Read-only file system"),
    ("open", errno.EACCES, "Permission denied"),
    ("write", errno.ENOSPC, "No space left on device"),
    ("fsync", errno.EIO, "Input/output error"),
]
REWRITE_FAULTS = [
    ("mkstemp", errno.EROFS, "Read-only file system"),
    ("mkstemp", errno.EACCES, "Permission denied"),
    ("replace", errno.ENOSPC, "No space left on device"),
    ("write", errno.ENOSPC, "No space left on device"),
    ("fsync", errno.EIO, "Input/output error"),
]


@pytest.fixture
def faults(monkeypatch: pytest.MonkeyPatch, log: Path) -> Iterator[Faults]:
    yield Faults(monkeypatch, log.parent)


@pytest.mark.parametrize(("call", "code", "strerror"), FAULTS)
def test_failed_save_is_kept_and_saved_by_flush(
    log: Path, faults: Faults, call: str, code: int, strerror: str
) -> None:
    saved = make_log(log)
    with Repository(log, clock=lambda: NOW) as repo:
        workout = repo.open_workout()
        assert workout is not None
        before = snapshot(log)
        getattr(faults, call)(code)

        with pytest.raises(SaveFailedError) as excinfo:
            repo.log_set(workout, BENCH, 110, 3)
        message = str(excinfo.value)
        assert_one_line(message, log)
        assert strerror in message
        assert "unchanged" in message
        assert "1 change(s) not saved." in message
        assert "kept in memory" not in message  # the process may be ending: no promise
        assert faults.failures >= 1
        assert repo.pending == 1
        assert snapshot(log) == before
        assert temp_files(log) == []

        # Still failing: flush says so again, nothing changes, nothing is dropped.
        with pytest.raises(SaveFailedError):
            repo.flush()
        assert repo.pending == 1
        assert snapshot(log) == before

        faults.clear()
        repo.flush()
        assert repo.pending == 0
        repo.flush()  # nothing left: a no-op
        stored = stored_set_ids(log)
        assert set(saved) <= stored
        assert len(stored) == 4
        (new,) = stored - set(saved)
        assert [s.weight_kg for s in repo.sets() if s.id == new] == [110]
    assert temp_files(log) == []


@pytest.mark.parametrize(("call", "code", "strerror"), REWRITE_FAULTS)
def test_a_fold_the_disk_refuses_leaves_the_changes_in_the_journal(
    log: Path, faults: Faults, call: str, code: int, strerror: str
) -> None:
    saved = make_log(log)
    with Repository(log, clock=lambda: NOW) as repo:
        workout = repo.open_workout()
        assert workout is not None
        new = repo.log_set(workout, BENCH, 110, 3)  # in the journal
        before = snapshot(log)
        getattr(faults, call)(code)
        with pytest.raises(WriteFailedError, match=strerror):
            repo.fold()
        assert snapshot(log) == before
        assert temp_files(log) == []
        assert stored_set_ids(log) == {*saved, new.id}
        faults.clear()
        repo.fold()
        assert journal_path(log).read_bytes() == b""
    assert {d["id"] for d in json.loads(log.read_bytes())["sets"].values()} == {*saved, new.id}


def test_failed_saves_are_saved_with_the_next_change(log: Path, faults: Faults) -> None:
    make_log(log, sets=1)
    with Repository(log, clock=lambda: NOW) as repo:
        workout = repo.open_workout()
        assert workout is not None
        before = snapshot(log)
        faults.write(errno.ENOSPC)
        for pending in (1, 2):
            with pytest.raises(SaveFailedError, match=f"{pending} change\\(s\\) not saved"):
                repo.log_set(workout, BENCH, 120, 1)
            assert repo.pending == pending
        with pytest.raises(SaveFailedError, match="3 change\\(s\\) not saved"):
            repo.add_intake(date(2026, 3, 10), protein_g=30)
        assert snapshot(log) == before
        faults.clear()
        repo.log_set(workout, BENCH, 125, 1)  # the next change saves all four
        assert repo.pending == 0
    with Repository(log, clock=lambda: NOW) as repo:
        assert sorted(s.weight_kg for s in repo.sets()) == [100, 120, 120, 125]
        assert len({s.id for s in repo.sets()}) == 4
        recovery = repo.recovery(date(2026, 3, 10))
        assert recovery is not None
        assert recovery.protein_g == 30  # applied once, not once per retry


def test_directory_sync_failing_after_the_replace_is_not_a_failed_save(
    log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the new file is moved over the log the change has happened: calling it failed
    would be false, and the retry would apply it twice (an intake counted twice)."""
    import storage.log.durable

    day = date(2026, 3, 10)
    with Repository(log, clock=lambda: NOW) as repo, Repository(log) as other:
        repo.add_intake(day, protein_g=10)
        assert other.recovery(day).protein_g == 10

        def refuse(directory: Path) -> None:
            raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))

        monkeypatch.setattr(storage.log.durable, "sync_directory", refuse)
        repo.add_intake(day, protein_g=10)
        assert repo.pending == 0
        repo.flush()
        assert repo.recovery(day).protein_g == 20
        assert other.recovery(day).protein_g == 20  # other copies see the change
    assert json.loads(log.read_bytes())["recovery"]["1"]["protein_g"] == 20


def test_failed_write_through_the_table_leaves_the_file(log: Path, faults: Faults) -> None:
    db = LogDB(log)
    db.insert({"a": 1})
    before = snapshot(log)
    faults.mkstemp(errno.EROFS)  # a read-only file system: no temp file, no journal
    faults.open(errno.EROFS)
    with pytest.raises(WriteFailedError) as excinfo:
        db.insert({"a": 2})
    assert_one_line(str(excinfo.value), log)
    assert "Read-only file system" in str(excinfo.value)
    assert snapshot(log) == before
    assert db.all() == [{"a": 1}]  # memory was not left ahead of the file
    faults.clear()
    db.insert({"a": 3})
    assert [d["a"] for d in db.all()] == [1, 3]
    db.close()


def test_a_disk_too_full_for_the_days_backup_still_takes_the_change(
    log: Path, faults: Faults
) -> None:
    """The day's first change copies the log aside; a disk with room for the change's line
    but not for a copy of the whole log saves the change, and a later change makes the
    backup once there is room."""
    with Repository(log, clock=lambda: NOW) as repo:
        workout = repo.start_workout()
        for path in backup_paths(log):
            path.unlink()
        faults.mkstemp(errno.ENOSPC)  # no room for a copy of the log
        repo.log_set(workout, BENCH, 100, 5)
        assert repo.pending == 0 and backup_paths(log) == []
        faults.clear()
        repo.log_set(workout, BENCH, 100, 5)
        assert len(backup_paths(log)) == 1
    with Repository(log, clock=lambda: NOW) as repo:
        assert len(repo.sets()) == 2


@pytest.mark.skipif(IS_ROOT, reason="root ignores directory permissions; simulated above")
def test_read_only_directory(log: Path) -> None:
    make_log(log)
    with Repository(log, clock=lambda: NOW) as repo:
        workout = repo.open_workout()
        assert workout is not None
        before = snapshot(log)
        log.parent.chmod(0o500)
        try:
            with pytest.raises(SaveFailedError) as excinfo:
                repo.log_set(workout, BENCH, 110, 3)
            message = str(excinfo.value)
            assert_one_line(message, log)
            assert "Permission denied" in message
            assert repo.pending == 1
            assert snapshot(log) == before
            assert repo.sets()  # reading still works
        finally:
            log.parent.chmod(0o700)
        repo.flush()
        assert repo.pending == 0
    assert len(stored_set_ids(log)) == 4


@pytest.mark.skipif(IS_ROOT, reason="root ignores directory permissions; simulated above")
def test_read_only_directory_without_a_lock_file(log: Path) -> None:
    make_log(log)
    log.with_name("log.json.lock").unlink()
    log.parent.chmod(0o500)
    try:
        with Repository(log, clock=lambda: NOW) as repo:  # reading needs no lock file
            workout = repo.open_workout()
            assert workout is not None
            with pytest.raises(SaveFailedError, match="Permission denied"):
                repo.log_set(workout, BENCH, 110, 3)
            assert repo.pending == 1
    finally:
        log.parent.chmod(0o700)


def test_unreadable_log_file_is_a_storage_error(log: Path, monkeypatch) -> None:
    make_log(log)
    real_open = os.open

    def fake_open(file, *args, **kwargs):
        if str(file) == str(log):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("os.open", fake_open)
    with pytest.raises(StorageError) as excinfo:
        Repository(log)
    assert_one_line(str(excinfo.value), log)
    assert "Permission denied" in str(excinfo.value)


# -- backups ------------------------------------------------------------------------------


class Calendar:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


def test_first_write_of_a_day_backs_up_the_log(log: Path) -> None:
    today = Calendar(date(2026, 3, 1))
    storage = AtomicJSONStorage(log, today=today)
    storage.read()
    storage.write({"sets": {"1": {"n": 1}}})
    assert backup_paths(log) == []  # nothing to back up before the log existed
    storage.write({"sets": {"1": {"n": 1}, "2": {"n": 2}}})
    first = log.with_name("log.json.bak-2026-03-01")
    assert backup_paths(log) == [first]
    assert json.loads(first.read_bytes()) == {"sets": {"1": {"n": 1}}}  # before the write
    storage.write({"sets": {"1": {"n": 1}, "2": {"n": 2}, "3": {"n": 3}}})
    assert backup_paths(log) == [first]  # one a day
    assert json.loads(first.read_bytes()) == {"sets": {"1": {"n": 1}}}

    today.day = date(2026, 3, 2)
    before = log.read_bytes()
    storage.write({"sets": {}})
    second = log.with_name("log.json.bak-2026-03-02")
    assert backup_paths(log) == [second, first]
    assert second.read_bytes() == before
    storage.close()


@pytest.mark.parametrize(("call", "code", "strerror"), FAULTS)
def test_a_backup_that_cannot_be_written_leaves_the_log(
    log: Path, faults: Faults, call: str, code: int, strerror: str
) -> None:
    today = Calendar(date(2026, 3, 1))
    storage = AtomicJSONStorage(log, today=today)
    storage.read()
    storage.write({"sets": {"1": {"n": 1}}})
    before = snapshot(log)
    getattr(faults, call)(code)  # the day's first write backs up the log first: that fails
    with pytest.raises(WriteFailedError, match=strerror):
        storage.write({"sets": {"1": {"n": 1}, "2": {"n": 2}}})
    assert snapshot(log) == before
    assert backup_paths(log) == []
    assert temp_files(log) == []
    faults.clear()
    storage.read()
    storage.write({"sets": {"1": {"n": 1}, "2": {"n": 2}}})
    (backup,) = backup_paths(log)
    assert backup.read_bytes() == before[0]
    storage.close()


def test_newest_seven_backups_are_kept(log: Path) -> None:
    today = Calendar(date(2026, 2, 20))
    db = LogDB(log, today=today)
    for i in range(12):
        db.insert({"day": i})
        db.insert({"day": i, "again": True})
        today.day += timedelta(days=1)
    db.close()
    backups = backup_paths(log)
    assert BACKUPS_KEPT == 7
    assert [p.name for p in backups] == [
        f"log.json.bak-{date(2026, 3, 3) - timedelta(days=n)}" for n in range(7)
    ]
    for backup in backups:
        json.loads(backup.read_bytes())  # each one a good log
    assert temp_files(log) == []


def test_backups_count_is_configurable(log: Path) -> None:
    today = Calendar(date(2026, 2, 20))
    storage = AtomicJSONStorage(log, today=today, backups=0)
    for i in range(3):
        storage.read()
        storage.write({"t": {"1": {"i": i}}})
        today.day += timedelta(days=1)
    assert backup_paths(log) == []
    storage.close()


def test_backups_are_named_by_the_date_on_the_logs_clock(log: Path) -> None:
    make_log(log)
    (backup,) = backup_paths(log)
    assert backup.name == f"log.json.bak-{NOW.astimezone().date().isoformat()}"
