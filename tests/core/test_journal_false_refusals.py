"""A journal is refused as saved over another log file only when it is: never for a log
that legitimate writes left as it is (keys reused after a delete, a writer killed between
its fold and emptying the journal, the rest timer stopped and started again)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.log import journal
from storage.log.journal import journal_path, replaced_record
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import SetEntry, Workout
from tests.support.clock import TUESDAY_EVENING
from tests.support.terminal import exported, restday

NOW = TUESDAY_EVENING.isoformat()  # the moment `restday` runs the commands at

# Two repositories on one log in one child (each reads the other's writes from disk, so the
# next set takes the key of the set deleted before it, as TinyDB numbers keys), then a fold
# killed (SIGKILL) between the rewrite of the file and the emptying of the journal.
# `killed` is the fold, or another rewrite of the file (`killing` says which is killed).
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
def killing(storage):
    return True
{code}
def replaced(storage, replaced=AtomicJSONStorage._replaced):
    if killing(storage):
        os.kill(os.getpid(), signal.SIGKILL)
    replaced(storage)
AtomicJSONStorage._replaced = replaced
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


def test_changes_after_a_folded_run_of_the_journal_are_read_over_the_file_it_made() -> None:
    logged, deleted = {"sets": {"7": {"id": "a"}}}, {"sets": {"7": None}}
    reused, later = {"sets": {"7": {"id": "b"}}}, {"sets": {"8": {"id": "c"}}}
    folded = {"sets": {"7": {"id": "b"}}}
    assert replaced_record(folded, [logged, deleted, reused, later]) is None
    # A file that holds none of the journal's records is still another file.
    other = {"sets": {"7": {"id": "x"}}}
    assert replaced_record(other, [logged, deleted, reused, later]) == "record 7 of its sets table"


def test_a_set_logged_after_a_killed_fold_of_a_reused_key_keeps_the_log_open(
    tmp_path: Path,
) -> None:
    log = tmp_path / "log.json"
    assert restday(tmp_path, "log", "--db", str(log), "squat 100x5").returncode == 0
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
    done = restday(tmp_path, "log", "--db", str(log), "bench 80x5")
    assert done.returncode == 0, done.stderr
    weights = sorted(s["weight_kg"] for s in exported(tmp_path, log)["sets"])
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
def killing(storage):  # the rewrite of the import, not a fold before it
    return workout.id.encode() in storage.path.read_bytes()
"""
IMPORTS = {
    "records": "a.import_records([workout, *imported])",  # more than MOST_DOCS: a rewrite
    "streamed": "a.import_stream([workout, *imported])",  # a whole write (`bulk_write`)
}


@pytest.mark.parametrize("imported", IMPORTS.values(), ids=IMPORTS.keys())
@pytest.mark.parametrize("fold", ["", "a.fold()"], ids=["set-in-journal", "set-in-file"])
def test_an_import_killed_before_it_emptied_the_journal_keeps_every_set(
    tmp_path: Path, fold: str, imported: str
) -> None:
    """The journal's lines are of the file before the import; the import took the key of a
    set they deleted. Applied again over the imported file, they must neither refuse it nor
    delete the imported set under that key."""
    log = tmp_path / "log.json"
    assert restday(tmp_path, "log", "--db", str(log), "squat 100x5").returncode == 0
    killed_fold(log, IMPORT.replace("{fold}", fold), imported)
    done = restday(tmp_path, "log", "--db", str(log), "bench 80x5")
    assert done.returncode == 0, done.stderr
    weights = sorted(s["weight_kg"] for s in exported(tmp_path, log)["sets"])
    assert weights == sorted([80, 100, *(1 + i / 10 for i in range(1001))])


class Killed(BaseException):
    """The writer dies here (SIGKILL): nothing after this point of its write happens."""


def _die() -> None:
    raise Killed


STEPS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                *("log", "delete", "undo", "rest", "fold", "killed fold"),
                *("import", "killed import", "streamed import", "killed streamed import"),
            ]
        ),
        st.sampled_from("ab"),
        st.integers(0, 50),
    ),
    max_size=30,
)


@settings(max_examples=400, deadline=None)
@given(steps=STEPS)
def test_two_copies_logging_deleting_undoing_folding_and_killed_keep_the_log_whole(
    steps: list[tuple[str, str, int]],
) -> None:
    """Two repositories on one log, a copy killed between a rewrite of the file and the
    emptying of the journal now and then (another takes its place): after every step the
    log opens, without refusal, and holds exactly the sets saved."""
    now = datetime.fromisoformat(NOW)
    bench = BUILTIN_BY_ID["bench-press"]
    with tempfile.TemporaryDirectory() as tmp, mock.patch.object(journal, "MOST_DOCS", 4):
        log = Path(tmp) / "log.json"
        repos = {name: Repository(log, clock=lambda: now) for name in "ab"}
        saved: dict[str, SetEntry] = {}
        deleted: dict[str, list[SetEntry]] = {"a": [], "b": []}
        imports = 0
        for step, name, pick in steps:
            repo = repos[name]
            killing = step.startswith("killed")
            if killing:
                repo._storage._replaced = _die  # type: ignore[method-assign]
            try:
                if step == "log":
                    entry = repo.log_set(repo.todays_workout(), bench, 60 + pick, 5)
                    saved[entry.id] = entry
                elif step == "delete" and saved:
                    entry = saved.pop(sorted(saved)[pick % len(saved)])
                    repo.delete_set(entry.id)
                    deleted[name].append(entry)
                elif step == "undo" and deleted[name]:
                    entry = repo.restore_set(deleted[name].pop())
                    saved[entry.id] = entry
                elif step == "rest":
                    repo.stop_rest()
                elif step.endswith("fold"):
                    repo.fold()
                elif step.endswith("import"):
                    imports += 1
                    day = date(2026, 10, 1) + timedelta(days=imports)
                    start = datetime.combine(day, time(17), now.tzinfo)
                    workout = Workout(start=start, end=start + timedelta(hours=1), day=day)
                    sets = [
                        SetEntry(
                            workout=workout.id,
                            exercise="squat",
                            weight_kg=100 + i,
                            reps=3,
                            timestamp=start + timedelta(minutes=i),
                            order=i + 1,
                            day=day,
                        )
                        for i in range(4)  # with the workout, more than MOST_DOCS
                    ]
                    if "streamed" in step:
                        repo.import_stream([workout, *sets])
                    else:
                        repo.import_records([workout, *sets])
                    saved.update((s.id, s) for s in sets)
            except Killed:
                if step.endswith("import"):
                    with Repository(log, clock=lambda: now, read_only=True) as fresh:
                        stored = {s.id for s in fresh.sets()}
                    if stored & {s.id for s in sets}:  # killed once the file was replaced,
                        saved.update((s.id, s) for s in sets)  # not in a fold before it
                os.close(repo._storage._lock_fd)
                repos[name] = Repository(log, clock=lambda: now)
            else:
                if killing:  # nothing to fold: the copy lives on
                    del repo._storage._replaced
            with Repository(log, clock=lambda: now, read_only=True) as fresh:
                assert {s.id: s.weight_kg for s in fresh.sets()} == {
                    s.id: s.weight_kg for s in saved.values()
                }
        for repo in repos.values():
            repo.close()


WRITER = """\
import sys
from datetime import datetime

from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID

now = datetime.fromisoformat(sys.argv[2])
with Repository(sys.argv[1], clock=lambda: now) as repo:
    for reps in range(1, 31):
        entry = repo.log_set(repo.todays_workout(), BUILTIN_BY_ID["bench-press"], 50, reps)
        print(entry.id, flush=True)
        if sys.argv[3] == "fold":
            repo.fold()
"""


def test_a_log_replaced_by_another_writers_folds_never_has_its_journal_kept_aside(
    tmp_path: Path,
) -> None:
    """Folds replace the file (atomically) over and over while another copy appends to the
    journal through a symlink: the log is never missing, so no journal goes aside."""
    data = tmp_path / "data"
    data.mkdir()
    link = tmp_path / "log.json"
    link.symlink_to(data / "log.json")
    assert restday(tmp_path, "log", "--db", str(link), "squat 100x5").returncode == 0
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), NOW, mode],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path, mode in ((data / "log.json", "fold"), (link, "append"))
    ]
    logged = set()
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        logged.update(out.split())
    assert len(logged) == 60
    assert not [p.name for p in data.iterdir() if "without-its-log" in p.name]
    assert logged <= {s["id"] for s in exported(tmp_path, link)["sets"]}
