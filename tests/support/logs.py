"""The logs the tests start from: a few sets, or the demo as it stands at a moment."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from storage.demo import generate_demo, write_demo
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from tests.support.clock import TUESDAY_EVENING


def log_with_sets(path: Path, sets: int = 3, at: datetime = TUESDAY_EVENING) -> Path:
    """A log with one workout of `sets` sets of bench press, 100 kg x 5 @8, started `at`."""
    with Repository(path, clock=lambda: at) as repo:
        workout = repo.start_workout("Upper A")
        bench = repo.exercise("bench-press")
        for _ in range(sets):
            repo.log_set(workout, bench, 100, 5, rpe=8)
    return path


def demo_log_at(path: Path, weeks: int, now: datetime = TUESDAY_EVENING) -> Path:
    """The demo log (its upper/lower split, seed 1, in UTC), `weeks` long, as it stands at
    `now`: its last day is `now`'s, with what the demo lifter had logged by then."""
    with Repository(path, clock=lambda: now) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
        log = generate_demo(
            now.date(), weeks=weeks, seed=1, tz="UTC", exercises=BUILTIN_BY_ID, now=now
        )
        write_demo(repo, log)
    return path


def as_if_written_by_a_newer_restday(path: Path, version: int = 999) -> Path:
    """Mark the log as a newer restday would (its settings' schema version above ours);
    restday itself refuses to write such a version, so it is written into the file."""
    with Repository(path) as repo:
        repo.save_settings(repo.settings())
    data = json.loads(path.read_bytes())
    for doc in data["settings"].values():
        doc["schema_version"] = version
    path.write_bytes(json.dumps(data).encode())
    return path
