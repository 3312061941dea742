"""A journal whose log file was deleted or moved away (by hand, a sync tool, a cleanup) while
restday had changes in it: those changes are in no other file. The next write starts a new
log; it must not empty the journal (that lost a set shown as saved), but keep it aside."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from storage.log.journal import journal_path

NOW = "2026-12-06T17:00:00+00:00"


def restday(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "RESTDAY_NOW": NOW, "TZ": "UTC"},
        timeout=120,
    )


def test_a_journal_whose_log_was_deleted_is_kept_aside(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    for line in ("bench 60x5", "bench 72.5x5"):
        assert restday("log", "--db", str(log), line).returncode == 0
    assert b"72.5" in journal_path(log).read_bytes()  # the second set is in the journal only
    log.unlink()
    done = restday("log", "--db", str(log), "squat 80x5")
    assert done.returncode == 0, done.stderr
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("log.json.journal.")]
    assert [b"72.5" in p.read_bytes() for p in kept] == [True], kept


def test_an_import_into_a_deleted_log_keeps_its_journal_aside(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    for line in ("bench 60x5", "bench 72.5x5"):
        assert restday("log", "--db", str(log), line).returncode == 0
    log.unlink()
    sample = tmp_path / "strong.csv"
    sample.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE\n"
        '2026-11-30 18:00:00,"Push",30m,"Bench Press (Barbell)",1,100,5,0,0,,,\n'
    )
    done = restday("import", "--db", str(log), "--unit", "kg", str(sample))
    assert done.returncode == 0, done.stderr
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("log.json.journal.")]
    assert [b"72.5" in p.read_bytes() for p in kept] == [True], kept
