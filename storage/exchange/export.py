"""`restday export`: the whole log as restday JSON (which `restday import` reads back
exactly), or as CSV, one row per set, for spreadsheets (which `restday import` reads back
as its sets and workouts: `storage.exchange.importing.restday_csv`).

The JSON holds every stored record as the log stores it (`Record.to_doc`), in the order the
repository reads them, so that importing it into an empty log and exporting again gives the
same bytes (apart from `exported`, the moment of the export):

    {"restday_export": 1, "exported": "...", "log_schema": 1,
     "settings": {...} | null, "exercises": [...], "templates": [...], "workouts": [...],
     "sets": [...], "recoveries": [...], "symptoms": [...], "rest_period": {...} | null}

`settings` is null while the log holds no settings of its own (restday's defaults apply);
`exercises` are the user's own: the built-in library is restday's, not the log's, and sets
refer to its exercises by their ids.

A log written by a newer restday holds what this one does not know, so its JSON export is
every document as stored, under the log's real `log_schema`, with the tables this restday
has no section for in `other_tables` (name -> documents): nothing is left out, this
restday's import refuses it and the newer one reads it. Its CSV export is refused (a row
per set cannot carry what this restday does not know).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from typing import Any
from zoneinfo import ZoneInfo

import orjson

from storage.errors import StorageError
from storage.log.repository import Repository
from storage.model.records import (
    SCHEMA_VERSION,
    Exercise,
    Record,
    Recovery,
    RestPeriod,
    SetEntry,
    Settings,
    SymptomEntry,
    Template,
    Workout,
)
from storage.model.units import exact_load

EXPORT_FORMAT = "restday_export"
EXPORT_VERSION = 1

# The lists of an export, in the order they are written and imported (what is referred to
# comes before what refers to it), and the records each holds.
SECTION_RECORDS: dict[str, type[Record]] = {
    "exercises": Exercise,
    "templates": Template,
    "workouts": Workout,
    "sets": SetEntry,
    "recoveries": Recovery,
    "symptoms": SymptomEntry,
}
SECTIONS: tuple[str, ...] = tuple(SECTION_RECORDS)
OTHER_TABLES = "other_tables"
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")

# What a spreadsheet reads as the start of a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS: tuple[str, ...] = (
    "Date",
    "Time",
    "Workout",
    "Exercise",
    "Set",
    "Weight",
    "Unit",
    "Reps",
    "RPE",
    "Set type",
    "Bodyweight",
    "Assisted",
    "Seconds",
    "Distance (m)",
    "Group",
    "Rest (s)",
    "Notes",
    "Workout notes",
    "Workout start",
    "Workout duration (min)",
    "Session RPE",
)
# A set's type as the CSV names it (`SetEntry.type_name`), and back.
CSV_SET_TYPES = {
    "working": "working",
    "warmup": "warm-up",
    "drop": "drop",
    "failure": "failure",
    "amrap": "AMRAP",
}


def stored_settings(repo: Repository) -> Settings | None:
    """The log's own settings, or None while it has none (restday's defaults apply: then
    each `settings()` call makes a new default record, with a new id)."""
    first, second = repo.settings(), repo.settings()
    return first if first.id == second.id else None


def user_exercises(repo: Repository) -> list[Exercise]:
    """The exercises the log holds: the user's own (the built-in library is restday's)."""
    return [e for e in repo.exercises() if not e.builtin]


class NewerLogError(StorageError):
    """The log was written by a newer restday and the export cannot carry all of it."""


def newer_schema(repo: Repository) -> int | None:
    """The log's schema if a newer restday wrote it, else None."""
    version = repo.settings().schema_version
    return version if version > SCHEMA_VERSION else None


def export_document(repo: Repository) -> dict[str, Any]:
    """The export as a JSON-ready dict."""
    version = newer_schema(repo)
    if version is not None:
        return _as_stored(repo, version)
    settings = stored_settings(repo)
    rest = repo.rest_period()
    records = {
        "exercises": user_exercises(repo),
        "templates": repo.templates(),
        "workouts": repo.workouts(),
        "sets": repo.sets(),
        "recoveries": repo.recoveries(),
        "symptoms": repo.symptoms(),
    }
    document: dict[str, Any] = {
        EXPORT_FORMAT: EXPORT_VERSION,
        "exported": repo.now().isoformat(timespec="seconds"),
        "log_schema": SCHEMA_VERSION,
        "settings": None if settings is None else settings.to_doc(),
    }
    for section in SECTIONS:
        document[section] = [record.to_doc() for record in records[section]]
    document["rest_period"] = None if rest is None else rest.to_doc()
    return document


def _as_stored(repo: Repository, version: int) -> dict[str, Any]:
    """The export of a log from a newer restday: every table and field as stored. A table
    this restday keeps one record in (settings, the rest timer) that holds more is also
    given whole in `other_tables`, so that no document is left out."""
    tables = repo.stored()
    singles = (Settings.TABLE, RestPeriod.TABLE)
    sections = {section: record.TABLE for section, record in SECTION_RECORDS.items()}
    document: dict[str, Any] = {
        EXPORT_FORMAT: EXPORT_VERSION,
        "exported": repo.now().isoformat(timespec="seconds"),
        "log_schema": version,
    }
    order = {"settings": Settings.TABLE, **sections, "rest_period": RestPeriod.TABLE}
    for key, table in order.items():
        docs = list(tables.get(table, {}).values())
        document[key] = docs if key in sections else next(iter(docs), None)
    document[OTHER_TABLES] = {
        name: list(table.values())
        for name, table in tables.items()
        if name not in sections.values() and (name not in singles or len(table) > 1)
    }
    return document


def export_json(repo: Repository) -> str:
    """The whole log as restday JSON (indented, one key per line; ends with a newline)."""
    return orjson.dumps(export_document(repo), option=orjson.OPT_INDENT_2).decode() + "\n"


def export_csv(repo: Repository) -> str:
    """One row per set (warm-ups included), oldest first, weights in the user's unit to the
    gram the log keeps (`storage.model.units.exact_load`: 225 lb, 102.058 kg), the unit in
    its own column, a timed
    set's seconds and a distance set's metres (and time) in theirs; the
    date is the training day (a set after midnight, before the day's rollover hour, belongs
    to the evening before), the time is local. Text that a spreadsheet would run as a
    formula is neutralised (`_text`). Lines end in CRLF (RFC 4180): then a note holding a
    lone CR is quoted, not split into two rows."""
    version = newer_schema(repo)
    if version is not None:
        raise NewerLogError(
            f"the log was written by a newer restday (log schema {version}; this restday "
            f"knows {SCHEMA_VERSION}): CSV would leave out what this restday does not know. "
            "Export it with --format json, which keeps everything, or upgrade restday"
        )
    unit = repo.settings().unit
    zone = ZoneInfo(repo.timezone)
    names = {e.id: e.name for e in repo.exercises()}
    workouts: dict[str, Workout] = {w.id: w for w in repo.workouts()}
    numbers: Counter[tuple[str, str]] = Counter()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in repo.sets():
        workout = workouts.get(entry.workout)
        numbers[(entry.workout, entry.exercise)] += 1
        local = entry.timestamp.astimezone(zone)
        day = entry.day or local.date()
        writer.writerow(
            (
                day.isoformat(),
                local.strftime("%H:%M"),
                spreadsheet_text(workout.name if workout else ""),
                spreadsheet_text(names.get(entry.exercise, entry.exercise)),
                numbers[(entry.workout, entry.exercise)],
                _decimal(exact_load(entry.weight_kg, unit)),
                unit,
                entry.reps,
                "" if entry.rpe is None else _decimal(entry.rpe),
                CSV_SET_TYPES[entry.type_name],
                _yes_no(entry.bodyweight),
                _yes_no(entry.assisted),
                "" if entry.duration_s is None else entry.duration_s,
                "" if entry.distance_m is None else _decimal(entry.distance_m),
                spreadsheet_text(entry.group or ""),
                "" if entry.rest_s is None else entry.rest_s,
                spreadsheet_text(entry.notes),
                spreadsheet_text(workout.notes if workout else ""),
                "" if workout is None else f"{workout.start.astimezone(zone):%Y-%m-%d %H:%M:%S}",
                _duration(workout),
                "" if workout is None or workout.session_rpe is None else workout.session_rpe,
            )
        )
    return out.getvalue()


def spreadsheet_text(value: str) -> str:
    """A text cell, with a single quote before one that starts like a formula (`=`, `+`,
    `-`, `@`, tab, CR: OWASP's advice against CSV injection); a cell that is just a number
    ("-5") stays as it is, a number."""
    if value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def _decimal(value: float) -> str:
    """At most three decimals, trailing zeros left out: 102.058, 225, 0.5."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _duration(workout: Workout | None) -> str:
    minutes = None if workout is None else workout.duration_minutes
    return "" if minutes is None else str(round(minutes))
