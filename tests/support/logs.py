"""The logs the tests start from: a few sets, or the demo as it stands at a moment."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import orjson

from storage.demo import generate_demo, write_demo
from storage.log import journal
from storage.log.atomic_json import MAX_LOG_BYTES
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


def on_disk(path: Path) -> dict[str, dict[str, dict]]:
    """What is saved of the log at `path`, read from disk as any restday reads it: the
    file, with the changes in its journal (`storage.log.journal`) applied."""
    tables = orjson.loads(path.read_bytes())
    for change in journal.read_journal(journal.journal_path(path), MAX_LOG_BYTES).changes:
        journal.apply(tables, change)
    return tables


def written_by_a_newer_restday(path: Path, schema_version: int = 999) -> Path:
    """`path` as a newer restday leaves it: a log schema this one cannot write. Edited in
    the file (its journal folded in), as this restday refuses to write such a log itself."""
    data = on_disk(path) if path.exists() else {}
    settings = data.setdefault("settings", {}).setdefault("1", {"id": "settings"})
    settings["schema_version"] = schema_version
    path.write_bytes(orjson.dumps(data))
    journal.journal_path(path).unlink(missing_ok=True)
    return path
