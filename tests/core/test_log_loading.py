"""Loading the log, tried with real files and real `restday` processes: a log of the right
shape with a bad record, a log that is not a regular file or is far too big, and a bad
`--at` or TZ. Each gets one plain line (never "unexpected ..." or a traceback), and a log
with a bad record is only read, never written, until it is fixed."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from storage.log.atomic_json import MAX_LOG_BYTES
from storage.log.repository import Repository
from tests.support.terminal import restday as restday_isolated

Doc = dict[str, Any]
PLAIN = {"NO_COLOR": "1"}
restday = partial(restday_isolated, env=PLAIN)


def assert_plain(run: subprocess.CompletedProcess[str], status: int) -> str:
    """The run failed with `status` and said why in one plain line."""
    assert run.returncode == status, (run.stdout, run.stderr)
    message = run.stderr.strip()
    assert message.count("\n") == 0, message
    assert "unexpected" not in message and "Traceback" not in message, message
    return message


@pytest.fixture
def log(tmp_path: Path) -> Path:
    """A log made by `restday log`: a workout with two sets, the rest timer, settings."""
    path = tmp_path / "log.json"
    for entry in ("bench 100x5@8", "squat 120x5@8"):
        done = restday(tmp_path, "log", "--db", str(path), entry)
        assert done.returncode == 0, done.stderr
    data = json.loads(path.read_bytes())
    data["settings"] = {"1": {"id": "settings-1", "unit": "kg", "schema_version": 1}}
    data["recovery"] = {"1": {"id": "recovery-1", "day": "2026-11-24", "sleep_hours": 7.5}}
    path.write_bytes(json.dumps(data).encode())
    return path


def first(data: dict[str, Doc], table: str) -> Doc:
    return data[table]["1"]


# name -> (how the file is spoilt, the table of the bad record, its id, what is wrong)
BAD_RECORDS: dict[str, tuple[Callable[[dict], None], str, str | None, str]] = {
    "weight as text": (
        lambda d: first(d, "sets").update(weight_kg="abc"),
        "sets",
        None,
        "weight_kg",
    ),
    "schema version as text": (
        lambda d: first(d, "settings").update(schema_version="2"),
        "settings",
        "settings-1",
        "schema_version",
    ),
    "sleep as the text NaN": (
        lambda d: first(d, "recovery").update(sleep_hours="NaN"),
        "recovery",
        "recovery-1",
        "sleep_hours",
    ),
    "a set without its reps": (
        lambda d: first(d, "sets").pop("reps"),
        "sets",
        None,
        "reps",
    ),
    "a recovery day that is not a date": (
        lambda d: first(d, "recovery").update(day="garbage"),
        "recovery",
        "recovery-1",
        "day",
    ),
    "sleep out of range": (
        lambda d: first(d, "recovery").update(sleep_hours=1e300),
        "recovery",
        "recovery-1",
        "sleep",
    ),
    "a set without an id": (
        lambda d: first(d, "sets").pop("id"),
        "sets",
        None,
        "id",
    ),
}


def spoil(log: Path, case: str) -> tuple[str, str]:
    """Spoil the log as `case` says; the bad record's table and id (or "no id")."""
    how, table, record_id, _ = BAD_RECORDS[case]
    data = json.loads(log.read_bytes())
    how(data)
    log.write_bytes(json.dumps(data).encode())
    return table, record_id or first(data, table).get("id", "no id")


@pytest.mark.parametrize("case", BAD_RECORDS)
def test_a_bad_record_is_named_and_nothing_is_written(tmp_path: Path, log: Path, case) -> None:
    table, record_id = spoil(log, case)
    field = BAD_RECORDS[case][3]
    before = log.read_bytes()

    logged = assert_plain(restday(tmp_path, "log", "--db", str(log), "bench 100x5"), 1)
    assert "read-only" in logged and str(log) in logged
    assert table in logged and record_id in logged and field in logged

    csv = tmp_path / "strong.csv"
    csv.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE\n"
        "2026-11-20 18:00:00,Push,1h,Bench Press (Barbell),1,100,5,0,0,,,8\n"
    )
    imported = assert_plain(
        restday(tmp_path, "import", "--db", str(log), "--unit", "kg", str(csv)), 1
    )
    assert "read-only" in imported and record_id in imported
    assert log.read_bytes() == before

    # An export holds everything or is not made.
    exported = assert_plain(restday(tmp_path, "export", "--db", str(log)), 1)
    assert "cannot be exported whole" in exported and record_id in exported

    # Reading works on the good records, and says what is wrong with the others.
    shown = restday(tmp_path, "status", "--db", str(log))
    assert shown.returncode == 0, shown.stderr
    assert "unexpected" not in shown.stderr and "Traceback" not in shown.stderr
    assert record_id in shown.stderr and "read-only" in shown.stderr
    assert shown.stdout.startswith("restday · readiness on ")
    assert log.read_bytes() == before


def test_a_fixed_log_can_be_written_again(tmp_path: Path, log: Path) -> None:
    spoil(log, "weight as text")
    assert_plain(restday(tmp_path, "log", "--db", str(log), "bench 100x5"), 1)
    data = json.loads(log.read_bytes())
    first(data, "sets")["weight_kg"] = 100.0
    log.write_bytes(json.dumps(data).encode())
    done = restday(tmp_path, "log", "--db", str(log), "bench 100x5")
    assert done.returncode == 0, done.stderr
    with Repository(log, read_only=True) as repo:  # the set is in the journal
        assert len(repo.sets()) == 3


def test_a_log_spoilt_after_a_write_is_checked_again(tmp_path: Path, log: Path) -> None:
    """The check of a log restday wrote itself is remembered by the file's stamp; any
    change made by something else, even of the same size, is checked again."""
    done = restday(tmp_path, "log", "--db", str(log), "bench 100x5")
    assert done.returncode == 0, done.stderr
    with Repository(log) as repo:
        repo.fold()  # the set, in the journal, into the file restday writes
    raw = log.read_bytes()
    spoilt = raw.replace(b'"reps":5', b'"reps":0', 1)  # out of range, of the same size
    assert len(spoilt) == len(raw) and spoilt != raw
    log.write_bytes(spoilt)
    assert_plain(restday(tmp_path, "log", "--db", str(log), "bench 100x5"), 1)
    assert log.read_bytes() == spoilt


# -- --at and TZ --------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "9999-12-31", "2027-11-24", "junk"])
def test_a_bad_at_is_a_usage_error(tmp_path: Path, log: Path, day: str) -> None:
    message = assert_plain(restday(tmp_path, "status", "--db", str(log), "--at", day), 2)
    assert "--at" in message


def test_a_good_at_still_works(tmp_path: Path, log: Path) -> None:
    shown = restday(tmp_path, "status", "--db", str(log), "--at", "2026-11-20")
    assert shown.returncode == 0, shown.stderr


@pytest.mark.parametrize(
    "tz", ["UTC+99", "UTC-30", "Nope/Zone", ":/etc/passwd", "EST5EDT,M3.2.0,M11.1.0"]
)
@pytest.mark.parametrize("command", ["status", "log"])
def test_a_bad_tz_is_said_plainly(tmp_path: Path, log: Path, tz: str, command: str) -> None:
    before = log.read_bytes()
    args = ["bench 100x5"] if command == "log" else []
    message = assert_plain(
        restday(tmp_path, command, "--db", str(log), *args, env={**PLAIN, "TZ": tz}), 2
    )
    assert f"TZ={tz!r}" in message
    assert log.read_bytes() == before


@pytest.mark.parametrize(
    "tz", ["Europe/Berlin", ":America/New_York", "", "/etc/localtime", "utc", ":Utc"]
)
def test_a_good_tz_still_works(tmp_path: Path, log: Path, tz: str) -> None:
    if tz.startswith("/") and not Path(tz).is_file():
        pytest.skip("no /etc/localtime here")
    shown = restday(tmp_path, "status", "--db", str(log), env={**PLAIN, "TZ": tz})
    assert shown.returncode == 0, shown.stderr


def test_a_log_whose_timezone_is_utc_in_lower_case_is_read_and_written(
    tmp_path: Path, log: Path
) -> None:
    """UTC named "utc" in any case, as it was when pendulum named the days' zones: a log saved
    with it then is no log with a bad record now."""
    data = json.loads(log.read_bytes())
    first(data, "settings")["timezone"] = "utc"
    log.write_bytes(json.dumps(data).encode())
    shown = restday(tmp_path, "log", "--db", str(log), "bench 100x5@8")
    assert shown.returncode == 0, shown.stderr
    assert "set 3 of today's workout" in shown.stdout


@pytest.mark.parametrize("key", [str(2**63), str(2**64 + 1)])
def test_a_set_under_a_key_past_64_bits_is_read_and_added_to(
    tmp_path: Path, log: Path, key: str
) -> None:
    """A key no restday makes but that a log edited by hand may hold (the index of a
    workout's sets holds doc ids in machine integers)."""
    data = json.loads(log.read_bytes())
    data["sets"][key] = data["sets"].pop("1")
    log.write_bytes(json.dumps(data).encode())
    shown = restday(tmp_path, "log", "--db", str(log), "bench 102.5x5@8")
    assert shown.returncode == 0, shown.stderr
    assert "set 3 of today's workout" in shown.stdout
    with Repository(log) as repo:
        workout = repo.sets()[0].workout
        assert [s.weight_kg for s in repo.sets(workout=workout)] == [100, 120, 102.5]
        assert [s.weight_kg for s in repo.snapshot().sets(workout=workout)] == [100, 120, 102.5]


# -- files that are not a log -------------------------------------------------------------


@pytest.mark.parametrize("command", [["status"], ["log", "bench 100x5"], ["export"]])
def test_a_fifo_as_the_log_does_not_hang(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "log.json"
    os.mkfifo(fifo)
    run = restday(tmp_path, command[0], "--db", str(fifo), *command[1:], timeout=30)
    message = assert_plain(run, 1)
    assert "not a regular file" in message and str(fifo) in message


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_as_the_log_is_not_read(tmp_path: Path, device: str) -> None:
    link = tmp_path / "log.json"
    link.symlink_to(device)
    for target in (device, str(link)):
        run = restday(tmp_path, "status", "--db", target, timeout=30)
        message = assert_plain(run, 1)
        assert "not a regular file" in message


def test_a_log_far_too_big_is_not_read(tmp_path: Path) -> None:
    huge = tmp_path / "log.json"
    with open(huge, "wb") as fh:
        fh.truncate(MAX_LOG_BYTES + 1)  # sparse: no disk space used
    for command in (["status"], ["log", "bench 100x5"]):
        run = restday(tmp_path, command[0], "--db", str(huge), *command[1:], timeout=30)
        message = assert_plain(run, 1)
        assert "larger than 2 GB" in message and str(huge) in message
    assert huge.stat().st_size == MAX_LOG_BYTES + 1


def test_a_fifo_as_the_recent_copy_does_not_hang(tmp_path: Path, log: Path) -> None:
    recent = log.with_name(log.name + ".recent")
    recent.unlink(missing_ok=True)
    os.mkfifo(recent)
    shown = restday(tmp_path, "status", "--db", str(log), timeout=30)
    assert shown.returncode == 0, shown.stderr


def test_a_fifo_as_the_journal_does_not_hang(tmp_path: Path, log: Path) -> None:
    journal = log.with_name(log.name + ".journal")
    journal.unlink(missing_ok=True)
    os.mkfifo(journal)
    for command in (["status"], ["log", "bench 100x5"]):
        run = restday(tmp_path, command[0], "--db", str(log), *command[1:], timeout=30)
        message = assert_plain(run, 1)
        assert "not a regular file" in message and str(journal) in message


@pytest.mark.parametrize("beside", [".checked", ".recent.checked"])
def test_a_fifo_as_a_note_of_the_last_check_is_not_waited_on(
    tmp_path: Path, log: Path, beside: str
) -> None:
    """`log.json.checked` only spares a check: a FIFO there is as good as none."""
    assert restday(tmp_path, "status", "--db", str(log)).returncode == 0  # the recent copy
    note = log.with_name(log.name + beside)
    note.unlink(missing_ok=True)
    os.mkfifo(note)
    for command in (["status"], ["log", "bench 100x5"]):
        run = restday(tmp_path, command[0], "--db", str(log), *command[1:], timeout=30)
        assert run.returncode == 0, run.stderr
    assert stat.S_ISFIFO(note.stat().st_mode)  # left as it is


def test_a_fifo_as_the_lock_file_is_said_plainly(tmp_path: Path, log: Path) -> None:
    lock = log.with_name(log.name + ".lock")
    lock.unlink()
    os.mkfifo(lock)
    assert restday(tmp_path, "status", "--db", str(log), timeout=30).returncode == 0  # reads
    message = assert_plain(restday(tmp_path, "log", "--db", str(log), "bench 100x5"), 1)
    assert f"{lock} is a FIFO (named pipe), not a regular file" in message


def test_a_log_is_read_into_a_buffer_of_its_size_not_of_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each read of the log and of its journal asked for 2 GB (the limit) at once: a
    buffer of that size for a moment, which a phone may refuse (MemoryError)."""
    import storage.regular_file

    path = tmp_path / "log.json"
    path.write_bytes(b"x" * 100_000)
    asked: list[int] = []
    read = os.read

    def counted(fd: int, size: int) -> bytes:
        asked.append(size)
        return read(fd, size)

    monkeypatch.setattr(storage.regular_file.os, "read", counted)
    data = storage.regular_file.read_regular_file(path, MAX_LOG_BYTES, offset=1000)
    assert data == b"x" * 99_000
    assert max(asked) <= 100_000 + storage.regular_file.READ_CHUNK
