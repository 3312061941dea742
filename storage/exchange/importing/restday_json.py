"""restday's own JSON export (`storage.exchange.export`) back into a log.

Reading checks the whole file before anything is written: the format marker and version,
every record's fields and their types, its values as typed input's are checked (ranges,
known muscles, a timezone and unit restday knows, dates from 1900 to next year), and that
sets and templates refer to workouts and exercises the file (or restday's library) has.
Importing writes all or nothing in one save: records whose id the log holds already are
left as they are, so importing the same export twice adds nothing, and into an empty log it
reproduces the exported log exactly.
The export's settings (and a running rest timer) are applied only to an empty log.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import orjson

from storage.exchange.export import EXPORT_FORMAT, EXPORT_VERSION, SECTIONS, stored_settings
from storage.exchange.importing.errors import BadExport
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
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
    TemplateItem,
    Workout,
)
from storage.model.validation import MAX_NOTE_CHARS, check_record
from storage.model.words import counted

SECTION_TYPES: dict[str, type[Record]] = {
    "exercises": Exercise,
    "templates": Template,
    "workouts": Workout,
    "sets": SetEntry,
    "recoveries": Recovery,
    "symptoms": SymptomEntry,
}
# How a summary names the records of each section: (one, many).
NOUNS: dict[str, tuple[str, str]] = {
    "workouts": ("workout", "workouts"),
    "sets": ("set", "sets"),
    "recoveries": ("recovery entry", "recovery entries"),
    "symptoms": ("symptom entry", "symptom entries"),
    "templates": ("template", "templates"),
    "exercises": ("exercise", "exercises"),
}
_NOT_EXPORT = "not a restday export"


# -- reading -------------------------------------------------------------------------------


def read_restday_export(text: str | bytes, *, today: date) -> list[Record]:
    """The records of a restday export, ready for `Repository.import_records`: the settings
    first (when the export has the log's own), then exercises, templates, workouts, sets,
    recovery and symptom entries, and the rest timer last (when one was running). Each
    record passes the checks typed input gets (`validation.check_record`, dates up to the
    end of `today`'s next year). Raises `BadExport`, with a one-line reason, for anything
    else."""
    return _read(text, today, [])[1]


def _read(text: str | bytes, today: date, cut: list[str]) -> tuple[dict[str, Any], list[Record]]:
    """The export's document and records; `cut` gets the records whose note was cut to
    `MAX_NOTE_CHARS` (a log from before the limit), named as the summary names them."""
    document = _parse(text)
    records: list[Record] = []
    record = functools.partial(_record, today=today, cut=cut)
    if document.get("settings") is not None:
        records.append(record(Settings, document["settings"], "the settings"))
    ids: dict[str, set[str]] = {}
    for section in SECTIONS:
        cls = SECTION_TYPES[section]
        items = document.get(section, [])
        if not isinstance(items, list):
            raise BadExport(f'{_NOT_EXPORT} that restday can read: "{section}" is not a list')
        seen: set[str] = set()
        one = NOUNS[section][0]
        for number, doc in enumerate(items, 1):
            read = record(cls, doc, f"{one} {number}")
            if read.id in seen:
                raise BadExport(f"{one} {number}: the id {read.id!r} appears twice")
            seen.add(read.id)
            records.append(read)
        ids[section] = seen
    if document.get("rest_period") is not None:
        records.append(record(RestPeriod, document["rest_period"], "the rest timer"))
    _check_references(records, ids)
    return document, records


def _parse(text: str | bytes) -> dict[str, Any]:
    if isinstance(text, str):
        text = text.removeprefix("\ufeff")
    try:
        document = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise BadExport(f"{_NOT_EXPORT}: it is not valid JSON ({exc})") from None
    if not isinstance(document, dict) or EXPORT_FORMAT not in document:
        raise BadExport(
            f'{_NOT_EXPORT}: it has no "{EXPORT_FORMAT}" marker (export the log again with '
            "restday export --format json)"
        )
    version = document[EXPORT_FORMAT]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise BadExport(f'{_NOT_EXPORT}: its "{EXPORT_FORMAT}" marker is {version!r}')
    if version > EXPORT_VERSION:
        raise BadExport(
            f"the export was written by a newer restday (export format {version}; this "
            f"restday reads {EXPORT_VERSION}): upgrade restday to import it"
        )
    schema = document.get("log_schema", SCHEMA_VERSION)
    if isinstance(schema, bool) or not isinstance(schema, int):
        raise BadExport(f'{_NOT_EXPORT} that restday can read: "log_schema" is {schema!r}')
    if schema > SCHEMA_VERSION:
        raise BadExport(
            f"the export was written by a newer restday (log schema {schema}; this restday "
            f"knows {SCHEMA_VERSION}): upgrade restday to import it"
        )
    return document


def _record(cls: type[Record], doc: Any, what: str, *, today: date, cut: list[str]) -> Record:
    if not isinstance(doc, dict):
        raise BadExport(f"{what} is not a record: {_shown(doc)}")
    problem = _problem(cls, doc)
    if problem is None:
        try:
            record = cls.from_doc(doc)
            notes = getattr(record, "notes", "")
            if len(notes) > MAX_NOTE_CHARS:
                record = dataclasses.replace(record, notes=notes[:MAX_NOTE_CHARS])
                cut.append(what)
            check_record(record, today)
            return record
        except (TypeError, ValueError, KeyError) as exc:  # ValidationError is a ValueError
            problem = str(exc)
    ident = doc.get("id")
    where = f"{what} (id {ident})" if isinstance(ident, str) else what
    raise BadExport(f"{where} cannot be imported: {problem}")


def _problem(cls: type, doc: dict[str, Any]) -> str | None:
    """What is wrong with a record's document, or None."""
    fields = _fields(cls)
    for name in doc:
        if name not in fields:
            return f"unknown field {name!r}"
    for name, (hint, required) in fields.items():
        if name not in doc:
            if required:
                return f"the field {name!r} is missing"
            continue
        value = doc[name]
        if typing.get_args(hint) == (TemplateItem,) and isinstance(value, list):
            for number, item in enumerate(value, 1):
                if not isinstance(item, dict):
                    return f"{name}: item {number} is not a record: {_shown(item)}"
                problem = _problem(TemplateItem, item)
                if problem is not None:
                    return f"{name}: item {number}: {problem}"
        if not _fits(value, hint):
            return f"{name} {_shown(value)} is not {_describe(hint)}"
    if isinstance(doc.get("id"), str) and not doc["id"]:
        return "its id is empty"
    return None


@functools.cache
def _fields(cls: type) -> dict[str, tuple[Any, bool]]:
    """A record type's fields: name -> (type, whether a document must have it)."""
    hints = typing.get_type_hints(cls)
    return {
        f.name: (
            hints[f.name],
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
    }


def _fits(value: Any, hint: Any) -> bool:
    """Whether a JSON value is what a field of this type is stored as."""
    return _checker(hint)(value)


@functools.cache
def _checker(hint: Any) -> Callable[[Any], bool]:
    """The check of `_fits` for one type, worked out once."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        checks = [_checker(arg) for arg in args]
        return lambda value: any(check(value) for check in checks)
    if hint is type(None):
        return lambda value: value is None
    if hint is bool:
        return lambda value: value is True or value is False
    if hint is int:
        return lambda value: type(value) is int
    if hint is float:
        return lambda value: type(value) is float or type(value) is int
    if hint is str:
        return lambda value: type(value) is str
    if hint is datetime:
        return _moment
    if hint is date:
        return _day
    if origin is tuple or origin is list:
        item = _checker(args[0])
        return lambda value: type(value) is list and all(item(v) for v in value)
    if origin is dict:
        entry = _checker(args[1])
        return lambda value: type(value) is dict and all(entry(v) for v in value.values())
    if hint is TemplateItem:
        return lambda value: type(value) is dict and _problem(TemplateItem, value) is None
    return lambda value: False


def _moment(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _day(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _describe(hint: Any) -> str:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (types.UnionType, typing.Union) and len(args) == 1:
        return f"{_describe(args[0])} or null"
    names = {
        bool: "true or false",
        int: "a whole number",
        float: "a number",
        str: "text",
        datetime: "a time with its UTC offset (ISO 8601)",
        date: "a date (YYYY-MM-DD)",
        TemplateItem: "a template item",
    }
    if hint in names:
        return names[hint]
    origin = typing.get_origin(hint)
    inner = typing.get_args(hint)
    if origin in (tuple, list):
        return "a list of texts" if inner[0] is str else "a list of records"
    if origin is dict:
        return f"an object of {'whole numbers' if inner[1] is int else 'numbers'}"
    return str(hint)


def _shown(value: Any) -> str:
    text = orjson.dumps(value).decode()
    return text if len(text) <= 40 else text[:37] + "..."


def _check_references(records: list[Record], ids: dict[str, set[str]]) -> None:
    exercises = ids["exercises"] | BUILTIN_BY_ID.keys()
    for record in records:
        if isinstance(record, SetEntry):
            if record.workout not in ids["workouts"]:
                raise BadExport(
                    f"set {record.id} belongs to workout {record.workout!r}, which the "
                    "export does not have"
                )
            wanted = [record.exercise]
        elif isinstance(record, Template):
            wanted = [item.exercise for item in record.items]
        else:
            continue
        for exercise in wanted:
            if exercise not in exercises:
                raise BadExport(
                    f"{type(record).__name__.removesuffix('Entry').lower()} {record.id} "
                    f"refers to exercise {exercise!r}, which neither the export nor this "
                    "restday's exercise library has (was it written by a newer restday?)"
                )


# -- importing -----------------------------------------------------------------------------


@dataclass
class ImportSummary:
    """What importing an export added, or would add (`dry_run`), and what it left."""

    dry_run: bool = False
    exported: datetime | None = None  # when the export was made, if it says
    added: dict[str, int] = field(default_factory=dict)  # section -> records added
    already: dict[str, int] = field(default_factory=dict)  # section -> ids already there
    matched: list[tuple[str, str]] = field(default_factory=list)  # (export's, log's) names
    recovery_kept: int = 0  # days with a recovery entry in the log already: the log's kept
    # "applied", "kept" (the log was not empty: its own, different ones stay), "same" (the
    # log has the same already) or "none" (the export has none: restday's defaults were used)
    settings: str = "none"
    settings_unit: str = ""  # the unit of the settings applied, or of the log's kept ones
    rest_period: bool = False  # the export's rest timer was (or would be) applied
    notes_cut: list[str] = field(default_factory=list)  # records whose note was cut

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    def __str__(self) -> str:
        lines = []
        verb = "Would import" if self.dry_run else "Imported"
        if self.total_added:
            lines.append(f"{verb} {_listing(self.added)}.")
        else:
            lines.append("Nothing new to import: everything in the export is in the log already.")
        if any(self.already.values()):
            lines.append(f"Already in the log, kept as they are: {_listing(self.already)}.")
        if self.matched:
            pairs = ", ".join(f"{a} → {b}" if a != b else a for a, b in self.matched)
            lines.append(f"Exercises matched by name to the log's own: {pairs}.")
        if self.recovery_kept:
            days = counted(self.recovery_kept, "day")
            lines.append(
                f"Recovery entries for {days} the log has an entry for already: the log's kept."
            )
        if self.notes_cut:
            lines.append(
                f"Notes longer than {MAX_NOTE_CHARS:,} characters, cut to {MAX_NOTE_CHARS:,} "
                f"characters: {', '.join(self.notes_cut)}."
            )
        if self.settings == "applied":
            would = "would be" if self.dry_run else "were"
            lines.append(f"The export's settings {would} applied (unit {self.settings_unit}).")
        elif self.settings == "kept":
            lines.append(
                "The export's settings were not applied: the log holds records already, so "
                f"it keeps its own (unit {self.settings_unit})."
            )
        return "\n".join(lines)


def _listing(counts: dict[str, int]) -> str:
    parts = [counted(counts[s], *NOUNS[s]) for s in NOUNS if counts.get(s)]
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def import_restday_export(
    repo: Repository, text: str | bytes, *, dry_run: bool = False
) -> ImportSummary:
    """Import a restday export into `repo` in one save (nothing on `dry_run`), and say what
    came in. Raises `BadExport` before writing anything if the file cannot be imported."""
    cut: list[str] = []
    document, records = _read(text, repo.today(), cut)
    if dry_run:
        summary, _ = _plan(repo, records)
    else:
        with repo.transaction():  # under the lock, on the log as it is now
            summary, writes = _plan(repo, records)
            if writes.replace_settings is not None:
                # An empty log with settings of its own: they make way for the export's,
                # which keep their id (the log holds one settings record).
                repo.clear_settings()
            if writes.records:
                repo.import_records(writes.records)
    summary.dry_run = dry_run
    summary.exported = _exported(document)
    summary.notes_cut = cut
    return summary


@dataclass
class _Writes:
    records: list[Record] = field(default_factory=list)
    replace_settings: str | None = None  # the id of the log's settings to replace


def _plan(repo: Repository, records: list[Record]) -> tuple[ImportSummary, _Writes]:
    summary = ImportSummary()
    writes = _Writes()
    exercises = repo.exercises()
    have = {
        "exercises": {e.id for e in exercises},
        "templates": {t.id for t in repo.templates()},
        "workouts": {w.id for w in repo.workouts()},
        "sets": {s.id for s in repo.sets()},
        "recoveries": set(),
        "symptoms": {s.id for s in repo.symptoms()},
    }
    recovery_days = {}
    for entry in repo.recoveries():
        have["recoveries"].add(entry.id)
        recovery_days[entry.day] = entry.id
    rest = repo.rest_period()
    empty = rest is None and not any(ids - BUILTIN_BY_ID.keys() for ids in have.values())
    by_name = {}
    for exercise in exercises:
        for name in (exercise.name, *exercise.aliases):
            by_name.setdefault(name.strip().casefold(), exercise)
    renamed: dict[str, str] = {}  # an export's exercise id -> the log's, matched by name

    for record in records:
        if isinstance(record, Settings):
            _plan_settings(repo, record, empty, summary, writes)
            continue
        if isinstance(record, RestPeriod):
            if empty:
                writes.records.append(record)
                summary.rest_period = True
            continue
        section = next(s for s, cls in SECTION_TYPES.items() if isinstance(record, cls))
        if record.id in have[section]:
            summary.already[section] = summary.already.get(section, 0) + 1
            continue
        if isinstance(record, Exercise):
            match = by_name.get(record.name.strip().casefold())
            if match is not None:
                renamed[record.id] = match.id
                summary.matched.append((record.name, match.name))
                continue
        if isinstance(record, Recovery) and record.day in recovery_days:
            summary.recovery_kept += 1
            continue
        if isinstance(record, SetEntry) and record.exercise in renamed:
            record = dataclasses.replace(record, exercise=renamed[record.exercise])
        if isinstance(record, Template) and any(i.exercise in renamed for i in record.items):
            items = [
                dataclasses.replace(i, exercise=renamed.get(i.exercise, i.exercise))
                for i in record.items
            ]
            record = dataclasses.replace(record, items=items)
        if isinstance(record, Workout) and renamed.keys() & record.groups.keys():
            groups = {renamed.get(e, e): group for e, group in record.groups.items()}
            record = dataclasses.replace(record, groups=groups)
        writes.records.append(record)
        summary.added[section] = summary.added.get(section, 0) + 1
    return summary, writes


def _plan_settings(
    repo: Repository, settings: Settings, empty: bool, summary: ImportSummary, writes: _Writes
) -> None:
    own = stored_settings(repo)
    same = own is not None and own.to_doc() == settings.to_doc()
    if not empty:
        alike = _content(own or repo.settings()) == _content(settings)
        summary.settings = "same" if alike else "kept"
        summary.settings_unit = (own or repo.settings()).unit
        return
    summary.settings = "same" if same else "applied"
    summary.settings_unit = settings.unit
    if same:
        return  # the log has exactly these already
    if own is not None:
        writes.replace_settings = own.id
    writes.records.insert(0, settings)


def _content(settings: Settings) -> dict[str, Any]:
    """The settings themselves, without when they were saved."""
    doc = settings.to_doc()
    for stamp in ("id", "created", "updated", "day"):
        doc.pop(stamp, None)
    return doc


def _exported(document: dict[str, Any]) -> datetime | None:
    try:
        return datetime.fromisoformat(document["exported"])
    except (KeyError, TypeError, ValueError):
        return None
