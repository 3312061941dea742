"""A copy of the log's recent weeks beside it (`log.json.recent`), so that `restday status`
in an SSH login banner answers without parsing years of history.

The copy is itself a log file and holds what the readiness model, today's plan and
`restday log` read: the settings, the templates, the tables of the user's exercises and of
the rest timer as stored, and the workouts with their sets, the recovery entries and the
symptom entries of the score's window (the `RECENT_DAYS` days up to today, none after
it), plus the recovery entry with the latest bodyweight before them, each under the key
the log stores it under.
It is made of the log file with its journal folded in, and records which file that was
(inode, mtime, size) and each table's highest key in it (`restday log` adds to the log
through it, under keys above those: `recent_storage`). While the log file is that one,
the changes saved since are the lines of the log's journal (`journal.py`: whole
documents by key), and `open_recent` applies them over the copy: a set logged with
`restday log` leaves the copy usable. A rewrite of the log file (a fold, a backup copied
back) makes it stale, and the next `status` copies it anew. The app refreshes it when it closes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

from storage.errors import StorageError
from storage.log import journal
from storage.log.atomic_json import MAX_LOG_BYTES, disk_stamp, read_log_bytes
from storage.log.durable import write_durably
from storage.log.reader import LogReader, Tables
from storage.log.repository import Repository
from storage.log.schema import known_good, remember_good
from storage.log.snapshot import LogSnapshot
from storage.model.records import Exercise, Record, RestPeriod, utc_now
from storage.paths import real_path
from storage.read.score_window import WINDOW_DAYS

# The days `restday status` reads for today: the score's window and the day before it (a
# moment early in a day can fall in the day before by the machine's clock).
RECENT_DAYS = WINDOW_DAYS + 2
META = "recent"
# Copied whole, as stored: the user's exercises (which a typed name is matched against)
# and the rest timer (a logged set takes its place).
WHOLE_TABLES = (Exercise.TABLE, RestPeriod.TABLE)


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
    if stamp is None or repo.journalled:  # the fold failed: the file is not what was read
        return
    today = repo.today()
    since = today - timedelta(days=RECENT_DAYS - 1)
    workouts = repo.workouts(since, today)
    settings = repo.settings()  # none stored: the copy, like the log, reads the defaults
    records: list[Record] = [settings] if repo.doc_id(settings) is not None else []
    records += repo.templates()  # today's plan starts from one
    records += workouts
    records += [s for w in workouts for s in repo.sets(workout=w.id)]
    records += repo.recoveries(since, today)
    earlier = repo.latest_bodyweight(since - timedelta(days=1))
    weighed = None if earlier is None else repo.recovery(earlier[0])
    if weighed is not None:
        records.append(weighed)
    records += repo.symptoms(since, today)
    stored = repo.stored()
    meta = {
        "file": list(stamp[:3]),
        "since": since.isoformat(),
        "until": today.isoformat(),
        "top": highest_keys(stored),
        "latest": latest_day(stored),
        # The key of the bodyweight before the copy's weeks: while it stands, the copy and
        # journal know the bodyweight of any day since (`recent_storage`).
        "weighed": None if weighed is None else repo.doc_id(weighed),
    }
    if earlier is not None and (weighed is None or weighed.bodyweight_kg != earlier[1]):
        meta["top"] = None  # that bodyweight is not in the copy: `restday log` reads the log
    tables: dict[str, dict[str, object]] = {META: {"1": meta}}
    for name in WHOLE_TABLES:  # as stored: `restday log` adds to them (`recent_storage`)
        tables[name] = dict(stored.get(name, {}))
    for record in records:
        key = repo.doc_id(record)
        if key is None:  # not stored under a key of its own: the journal could not follow it
            return
        tables.setdefault(record.TABLE, {})[str(key)] = record.to_doc()
    copy = recent_path(repo.path)
    with contextlib.suppress(OSError):
        write_durably(copy, [orjson.dumps(tables)])
        remember_good(copy, disk_stamp(copy))  # made of checked records: not checked again


def highest_keys(tables: Tables) -> dict[str, int] | None:
    """Each table's highest key (None: a key that is not a number, which TinyDB never
    makes: the copy then records none, and `restday log` reads the whole log)."""
    try:
        return {name: max(map(int, docs), default=0) for name, docs in tables.items()}
    except ValueError:
        return None


def latest_day(tables: Tables) -> str | None:
    """The latest day any record is of (ISO), if any is: a copy whose last day it is not
    after holds every record of a later day that the log file holds (none)."""
    days = (doc.get("day") for docs in tables.values() for doc in docs.values())
    return max((day for day in days if isinstance(day, str)), default=None)


def read_copy(log: Path) -> tuple[Tables, dict[str, Any]] | None:
    """The tables of the recent copy of `log` (the real path) and what it records of
    itself (`META`), if restday wrote it as it is; else None."""
    path = recent_path(log)
    copied = disk_stamp(path)
    if copied is None or not known_good(path, copied):  # changed since restday wrote it
        return None
    try:
        tables = orjson.loads(read_log_bytes(path))
        meta = tables.pop(META, {}).get("1", {})
    except (StorageError, orjson.JSONDecodeError, AttributeError):
        return None
    return (tables, meta) if isinstance(meta, dict) else None


def open_recent(
    log: Path, first_day: date, last_day: date, *, clock: Callable[[], datetime] = utc_now
) -> LogReader | None:
    """The recent copy of `log` with the changes in the log's journal applied (its days told
    by `clock`), if it is of the log file as it is now and holds every day from `first_day`
    to `last_day`; else None."""
    log = real_path(log)
    copy = read_copy(log)
    if copy is None:
        return None
    tables, meta = copy
    stamp = disk_stamp(log)
    if stamp is None or meta.get("file") != list(stamp[:3]):
        return None
    try:
        since, until = date.fromisoformat(meta["since"]), date.fromisoformat(meta["until"])
    except (KeyError, TypeError, ValueError):
        return None
    if since > first_day or until < last_day:
        return None
    try:
        read = journal.read_journal(journal.journal_path(log), MAX_LOG_BYTES)
    except (OSError, journal.JournalDamagedError):
        return None
    # A writer that folded meanwhile emptied the journal after replacing the file: the
    # file unchanged after the journal was read means the journal read belongs to it.
    after = disk_stamp(log)
    if read.newer or after is None or after[:3] != stamp[:3]:
        return None
    for change in read.changes:
        journal.apply(tables, change)
    return LogSnapshot(recent_path(log), tables, stamp, clock=clock)


def open_recent_window(
    log: Path, last_day: date, *, clock: Callable[[], datetime] = utc_now
) -> LogSnapshot | None:
    """The recent copy of `log` if it holds the days the score of `last_day` reads (its
    window and the day before it); else None (see `open_recent`)."""
    return open_recent(log, last_day - timedelta(days=WINDOW_DAYS + 1), last_day, clock=clock)


def read_recent(
    log: Path, *, clock: Callable[[], datetime] = utc_now
) -> tuple[LogSnapshot, tuple[int, ...]] | None:
    """Today's recent weeks of `log`, from its recent copy if it is current (a moment, on a
    ten-year log): a snapshot of the copy, and the stamp of the version of the log it is
    of; else None. The stamp is taken before the journal is read: should the log change
    meanwhile, it is not the whole log's stamp, and the copy is not taken for the log."""
    recent = open_recent_window(log, clock().astimezone().date(), clock=clock)
    return None if recent is None else (recent, recent.stamp)
