"""Two copies of restday writing one log at the same moment lose nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import Recovery

SETS_EACH = 300
INTAKES_EACH = 100
DAY = date(2026, 3, 10)
BENCH = BUILTIN_BY_ID["bench-press"]

WORKER = """\
import os
import sys
import time
from datetime import date

from storage.model.exercise_library import BUILTIN_BY_ID
from storage.log.repository import Repository

log, go, job, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
repo = Repository(log)
bench = BUILTIN_BY_ID["bench-press"]
print("ready", flush=True)
while not os.path.exists(go):
    time.sleep(0.001)
for _ in range(count):
    time.sleep(0.001)  # a breath between changes: a waiting writer polls for the lock
    if job == "sets":
        print(repo.log_set(repo.todays_workout(), bench, 100, 5).id)
    else:
        repo.add_intake(date(2026, 3, 10), protein_g=1)
repo.close()
"""


def race(tmp_path: Path, job: str, count: int) -> list[list[str]]:
    """Run two workers on one log, released together; return what each printed."""
    log = tmp_path / "log.json"
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), str(log), str(go), job, str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        for proc in procs:
            assert proc.stdout is not None
            assert proc.stdout.readline() == "ready\n"
        go.touch()
        results = [proc.communicate(timeout=60) for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    for proc, (_, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert err == ""
    return [out.split() for out, _ in results]


def test_two_processes_logging_sets_at_once_lose_none(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    first, second = race(tmp_path, "sets", SETS_EACH)
    assert len(first) == len(second) == SETS_EACH
    assert len(set(first) | set(second)) == 2 * SETS_EACH  # distinct ids

    raw = json.loads(log.read_bytes())  # valid JSON, by the standard library's reading
    docs = raw["sets"]
    assert len(docs) == 2 * SETS_EACH
    assert {doc["id"] for doc in docs.values()} == set(first) | set(second)
    assert len({doc["id"] for doc in docs.values()}) == 2 * SETS_EACH
    with Repository(log) as repo:
        sets = repo.sets()
        assert len(sets) == 2 * SETS_EACH
        assert {s.id for s in sets} == set(first) | set(second)
        workouts = {w.id for w in repo.workouts()}
        assert {s.workout for s in sets} <= workouts
        assert repo.counts().sets == 2 * SETS_EACH

    # They really did race: the two writers' sets alternate in the order they were stored.
    owner = {i: 0 for i in first} | {i: 1 for i in second}
    by_doc_id = [owner[docs[key]["id"]] for key in sorted(docs, key=int)]
    switches = sum(a != b for a, b in zip(by_doc_id, by_doc_id[1:], strict=False))
    assert switches >= 2


def test_reading_a_workouts_sets_while_another_process_writes(tmp_path: Path, monkeypatch) -> None:
    """`sets(workout=...)` reads the documents and then its index; a write by another
    process in between must not break the read (it raised KeyError under load)."""
    log = tmp_path / "log.json"
    with Repository(log) as mine, Repository(log) as theirs:
        workout = mine.start_workout()
        first = mine.log_set(workout, BENCH, 100, 5)
        assert mine.sets(workout=workout.id) == [first]  # index built and cached
        second = theirs.log_set(workout, BENCH, 100, 5)  # makes the cached index stale

        real_read = mine._storage.read
        reads = 0

        def read():
            nonlocal reads
            reads += 1
            if reads == 2:  # after sets() read the documents, before it rebuilds its index
                theirs.log_set(workout, BENCH, 100, 5)
            return real_read()

        monkeypatch.setattr(mine._storage, "read", read)
        seen = mine.sets(workout=workout.id)
        assert reads >= 2
        assert [s.id for s in seen] == [first.id, second.id]
        monkeypatch.undo()
        assert len(mine.sets(workout=workout.id)) == 3


def test_two_processes_logging_sets_at_once_number_them_uniquely(tmp_path: Path) -> None:
    race(tmp_path, "sets", 50)
    raw = json.loads((tmp_path / "log.json").read_bytes())
    assert len(raw["workouts"]) == 1  # both found the same open workout
    numbers = sorted(doc["order"] for doc in raw["sets"].values())
    assert numbers == list(range(1, 101))


def test_two_processes_adding_intake_at_once_count_every_gram(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    race(tmp_path, "intake", INTAKES_EACH)
    raw = json.loads(log.read_bytes())
    (doc,) = raw["recovery"].values()  # one recovery entry for the day, not one each
    assert doc["day"] == DAY.isoformat()
    with Repository(log) as repo:
        recovery = repo.recovery(DAY)
        assert isinstance(recovery, Recovery)
        assert recovery.protein_g == 2 * INTAKES_EACH
