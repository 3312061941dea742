"""A journal is refused as saved over another log file only when it is: never for a log
that legitimate writes left as it is (keys reused after a delete, a writer killed between
its fold and emptying the journal, the rest timer stopped and started again)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from storage.log.journal import journal_path

NOW = "2026-12-06T17:00:00+00:00"

# Two repositories on one log in one child (each reads the other's writes from disk, so the
# next set takes the key of the set deleted before it, as TinyDB numbers keys), then a fold
# killed (SIGKILL) between the rewrite of the file and the emptying of the journal.
# `killed` is the fold, or another rewrite of the file (the kill is at the same point).
KILLED_FOLD = """\
import os, signal, sys
from datetime import datetime

from storage.log.atomic_json import AtomicJSONStorage
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID

now = datetime.fromisoformat(sys.argv[2])
a = Repository(sys.argv[1], clock=lambda: now)
b = Repository(sys.argv[1], clock=lambda: now)
bench = BUILTIN_BY_ID["bench-press"]
{code}
AtomicJSONStorage._replaced = lambda self: os.kill(os.getpid(), signal.SIGKILL)
{killed}
"""


def killed_fold(log: Path, code: str, killed: str = "a.fold()") -> None:
    done = subprocess.run(
        [sys.executable, "-c", KILLED_FOLD.format(code=code, killed=killed), str(log), NOW],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr


def restday(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "RESTDAY_NOW": NOW, "TZ": "UTC"},
        timeout=120,
    )


def exported(log: Path) -> dict:
    result = restday("export", "--db", str(log))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_set_logged_after_a_killed_fold_of_a_reused_key_keeps_the_log_open(
    tmp_path: Path,
) -> None:
    log = tmp_path / "log.json"
    assert restday("log", "--db", str(log), "squat 100x5").returncode == 0
    killed_fold(
        log,
        """\
first = a.log_set(a.todays_workout(), bench, 60, 5)
b.delete_set(first.id)
kept = a.log_set(a.todays_workout(), bench, 70, 5)
assert a._storage.read()["sets"].keys() == b._storage.read()["sets"].keys()
""",
    )
    assert journal_path(log).stat().st_size > 0  # the journal repeats the new file
    done = restday("log", "--db", str(log), "bench 80x5")
    assert done.returncode == 0, done.stderr
    weights = sorted(s["weight_kg"] for s in exported(log)["sets"])
    assert weights == [70, 80, 100]


IMPORT = """\
from datetime import date, timedelta
from storage.model.records import SetEntry, Workout

first = a.log_set(a.todays_workout(), bench, 60, 5)
{fold}
b.delete_set(first.id)
start = datetime(2026, 12, 1, 17, tzinfo=now.tzinfo)
workout = Workout(start=start, end=start + timedelta(hours=1), day=date(2026, 12, 1))
imported = [
    SetEntry(workout=workout.id, exercise="squat", weight_kg=1 + i / 10, reps=3,
             timestamp=start + timedelta(seconds=i), order=i + 1, day=date(2026, 12, 1))
    for i in range(1001)
]
"""
IMPORTED = "a.import_records([workout, *imported])"  # more than MOST_DOCS: a rewrite


@pytest.mark.parametrize("fold", ["", "a.fold()"], ids=["set-in-journal", "set-in-file"])
def test_an_import_killed_before_it_emptied_the_journal_keeps_every_set(
    tmp_path: Path, fold: str
) -> None:
    """The journal's lines are of the file before the import; the import took the key of a
    set they deleted. Applied again over the imported file, they must neither refuse it nor
    delete the imported set under that key."""
    log = tmp_path / "log.json"
    assert restday("log", "--db", str(log), "squat 100x5").returncode == 0
    killed_fold(log, IMPORT.replace("{fold}", fold), IMPORTED)
    done = restday("log", "--db", str(log), "bench 80x5")
    assert done.returncode == 0, done.stderr
    weights = sorted(s["weight_kg"] for s in exported(log)["sets"])
    assert weights == sorted([80, 100, *(1 + i / 10 for i in range(1001))])
