"""A copy of the log's recent weeks beside it (`log.json.recent`), so that `restday status`
in an SSH login banner answers without parsing years of history.

The copy is itself a log file, opened read-only with the same `Repository`, and holds what
the readiness model and today's plan read: the settings, the user's exercises and
templates, and the workouts with their sets, the recovery entries and the symptom entries
of the score's window (the `RECENT_DAYS` days up to today, none after it), plus the latest
bodyweight before them.
It records the `disk_stamp` of the version of the log it was copied from and is used only
while the log still has that stamp: any write by any restday, or a backup copied back,
makes it stale, and the next `status` copies it anew. The app refreshes it when it closes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import orjson

from storage.errors import StorageError
from storage.log.atomic_json import disk_stamp, read_log_bytes
from storage.log.durable import write_durably
from storage.log.repository import Repository
from storage.log.schema import remember_good
from storage.log.snapshot import LogSnapshot
from storage.model.records import Record, Recovery, utc_now
from storage.paths import real_path
from storage.read.score_window import WINDOW_DAYS

# The days `restday status` reads for today: the score's window and the day before it (a
# moment early in a day can fall in the day before by the machine's clock).
RECENT_DAYS = WINDOW_DAYS + 2
META = "recent"


def recent_path(log: Path) -> Path:
    return log.with_name(log.name + ".recent")


def write_recent(repo: Repository) -> None:
    """Copy the recent weeks of the log `repo` holds (as saved: nothing is written while
    changes are waiting) beside it. Best effort: a copy that can't be written is left out,
    and `status` reads the whole log instead."""
    if repo.pending or repo.read_only:
        return
    with contextlib.suppress(StorageError):  # the copy is of the file, not of a journal
        repo.fold()  # folded later: the copy's stamp would be stale at once
    stamp = repo.stamp
    if stamp is None:
        return
    today = repo.today()
    since = today - timedelta(days=RECENT_DAYS - 1)
    workouts = repo.workouts(since, today)
    records: list[Record] = [repo.settings()]
    records += [e for e in repo.exercises() if not e.builtin]
    records += repo.templates()  # today's plan starts from one
    records += workouts
    records += [s for w in workouts for s in repo.sets(workout=w.id)]
    records += repo.recoveries(since, today)
    earlier = repo.latest_bodyweight(since - timedelta(days=1))
    if earlier is not None:
        records.append(Recovery(day=earlier[0], bodyweight_kg=earlier[1]))
    records += repo.symptoms(since, today)
    tables: dict[str, dict[str, object]] = {
        META: {"1": {"stamp": list(stamp), "since": since.isoformat(), "until": today.isoformat()}}
    }
    for record in records:
        table = tables.setdefault(record.TABLE, {})
        table[str(len(table) + 1)] = record.to_doc()
    copy = recent_path(repo.path)
    with contextlib.suppress(OSError):
        write_durably(copy, [orjson.dumps(tables)])
        remember_good(copy, disk_stamp(copy))  # made of checked records: not checked again


def open_recent(
    log: Path, first_day: date, last_day: date, *, clock: Callable[[], datetime] = utc_now
) -> Repository | None:
    """The recent copy of `log`, read-only (its days told by `clock`), if it is of the log
    as it is now and holds every day from `first_day` to `last_day`; else None."""
    log = real_path(log)
    path = recent_path(log)
    try:
        meta = orjson.loads(read_log_bytes(path)).get(META, {}).get("1", {})
    except (StorageError, orjson.JSONDecodeError, AttributeError):
        return None
    stamp = disk_stamp(log)
    if stamp is None or meta.get("stamp") != list(stamp):
        return None
    try:
        since, until = date.fromisoformat(meta["since"]), date.fromisoformat(meta["until"])
    except (KeyError, TypeError, ValueError):
        return None
    if since > first_day or until < last_day:
        return None
    try:
        return Repository(path, clock=clock, read_only=True)
    except StorageError:
        return None


def open_recent_window(
    log: Path, last_day: date, *, clock: Callable[[], datetime] = utc_now
) -> Repository | None:
    """The recent copy of `log` if it holds the days the score of `last_day` reads (its
    window and the day before it); else None (see `open_recent`)."""
    return open_recent(log, last_day - timedelta(days=WINDOW_DAYS + 1), last_day, clock=clock)


def read_recent(
    log: Path, *, clock: Callable[[], datetime] = utc_now
) -> tuple[LogSnapshot, tuple[int, ...]] | None:
    """Today's recent weeks of `log`, from its recent copy if it is current (a moment, on a
    ten-year log): a snapshot of the copy, and the stamp of the version of the log it is
    of; else None. The stamp is taken before the copy is checked: should the log change
    meanwhile, it is not the whole log's stamp, and the copy is not taken for the log."""
    stamp = disk_stamp(real_path(log))
    recent = open_recent_window(log, clock().astimezone().date(), clock=clock)
    if stamp is None or recent is None:
        return None
    try:
        return recent.snapshot(), stamp
    finally:
        recent.close()
