"""What each record of restday's tables must hold, checked when a log is read from disk.

A log can be valid JSON of the right shape and still hold a record restday never wrote: an
edit by hand, a sync tool, another program. Each record of each table restday knows is
checked for its fields' types (what `records.py` declares) and then as typed input and
every import are (`validation.check_record`). A record that fails is left out of what is
read and named, with its table and id, in one line; the storage keeps the log read-only
until it is fixed (`AtomicJSONStorage.problem`). Tables and fields restday does not know
are left alone, and so is a log written by a newer restday (its records are its own).

Checking every record of a ten-year log takes longer than parsing it, so it is done only
when a version of the log is read that was not checked before: the `disk_stamp` of the
newest version known to be good is kept beside the log (`log.json.checked`), put there
after a check that found nothing and after each write by restday (whose records passed
validation on their way in). Any other change to the file changes its stamp.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import os
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import orjson

from storage.errors import ValidationError
from storage.model import validation
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
from storage.regular_file import NotReadableFileError, open_regular_file, read_regular_file

Tables = dict[str, dict[str, Any]]
Check = Callable[[Any], str | None]  # what is wrong with a value, None if nothing

RECORDS: dict[str, type[Record]] = {
    cls.TABLE: cls
    for cls in (Settings, Exercise, Workout, SetEntry, Recovery, SymptomEntry, Template, RestPeriod)
}
SHOWN_CHARS = 40  # of a bad value, in the message


@dataclass(frozen=True)
class BadRecord:
    table: str
    key: str
    """The record's key in its table in the file."""
    record_id: str | None
    problem: str

    def describe(self) -> str:
        which = f"id {self.record_id}" if self.record_id else "no id"
        return f"{self.table} record {_plain(self.key)} ({which}): {self.problem}"


def bad_records(tables: Tables, today: date) -> list[BadRecord]:
    """Every record of a known table that restday cannot read as it is, in file order (its
    dates are checked up to the end of the year after `today`)."""
    if _newer(tables):
        return []
    bad = []
    for name, table in tables.items():
        cls = RECORDS.get(name)
        if cls is None:
            continue
        keys_by_id: dict[str, str] = {}  # of the readable records so far
        for key, doc in table.items():
            problem = record_problem(cls, key, doc, today)
            if problem is None:
                # Every change finds a record by its id: a second one would be out of reach.
                problem = _same_id(keys_by_id.setdefault(doc["id"], key), key, name)
            if problem is not None:
                record_id = doc.get("id")
                shown_id = _plain(record_id) if isinstance(record_id, str) else None
                bad.append(BadRecord(name, key, shown_id, problem))
    return bad


def _same_id(first: str, key: str, table: str) -> str | None:
    return None if first == key else f"its id is the id of {table} record {_plain(first)} too"


def record_problem(cls: type[Record], key: str, doc: dict[str, Any], today: date) -> str | None:
    """What is wrong with one stored record, None if nothing."""
    if not key.isdecimal():
        return "its key in the table is not a number"
    record = None
    if _fields_fit(cls, doc):  # then only a moment or a day may be wrong: read, they are parsed
        with contextlib.suppress(TypeError, ValueError):
            record = cls.from_doc(doc)
    if record is None or not _aware(record):
        problem = _fields_problem(cls, doc)
        if problem is not None:
            return problem
        record = cls.from_doc(doc)
    try:
        validation.check_record(record, today)
    except ValidationError as exc:
        return str(exc)
    return None


def _aware(record: Record) -> bool:
    return all(
        moment is None or moment.tzinfo is not None
        for moment in (getattr(record, name) for name in record.DATETIME_FIELDS)
    )


def without(tables: Tables, bad: list[BadRecord]) -> Tables:
    """`tables` with the bad records left out (a new dict for each table that had any)."""
    if not bad:
        return tables
    tables = dict(tables)
    for record in bad:
        table = tables[record.table] = dict(tables[record.table])
        del table[record.key]
    return tables


def describe(bad: list[BadRecord]) -> str:
    """Why the log is only read, in one line: the first bad record, and how many more."""
    more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
    return (
        f"it holds a record restday cannot read: {bad[0].describe()}{more}; correct or "
        "remove it in the file, or put back a backup"
    )


# -- the stamp of the newest version known to be good -------------------------------------


CHECKED_BYTES = 256  # a stamp: a few numbers


def checked_path(log: Path) -> Path:
    return log.with_name(log.name + ".checked")


def known_good(log: Path, stamp: tuple[int, ...] | None) -> bool:
    try:
        raw = read_regular_file(checked_path(log), CHECKED_BYTES)
        return stamp is not None and orjson.loads(raw) == list(stamp)
    except (OSError, NotReadableFileError, orjson.JSONDecodeError):
        return False


def remember_good(log: Path, stamp: tuple[int, ...] | None) -> None:
    """Best effort: without it, the next read checks the log again. Only ever written to a
    regular file (a named pipe there would block the open)."""
    if stamp is None:
        return
    with contextlib.suppress(OSError):  # NotReadableFileError included: left as it is
        fd = open_regular_file(checked_path(log), os.O_WRONLY | os.O_CREAT)
        try:
            os.ftruncate(fd, 0)
            os.write(fd, orjson.dumps(list(stamp)))
        finally:
            os.close(fd)


# -- fields --------------------------------------------------------------------------------


def _newer(tables: Tables) -> bool:
    """Whether a newer restday wrote the log (a valid schema version above ours)."""
    for doc in tables.get(Settings.TABLE, {}).values():
        version = doc.get("schema_version")
        if type(version) is int and version > SCHEMA_VERSION:
            return True
    return False


def _fields_fit(cls: type, doc: dict[str, Any]) -> bool:
    """`_fields_problem(cls, doc) is None`, quicker: a ten-year log has 50 000 records."""
    types_of, checks, required = _plan(cls)
    if not required <= doc.keys():
        return False
    for name, value in doc.items():
        allowed = types_of.get(name)
        if allowed is not None:
            if type(value) not in allowed or (type(value) is float and not math.isfinite(value)):
                return False
        elif (check := checks.get(name)) is not None and check(value) is not None:
            return False
    return True


@cache
def _plan(cls: type) -> tuple[dict[str, frozenset[type]], dict[str, Check], frozenset[str]]:
    """For `_fields_fit`: the types a field of a plain type may have (None too if it is
    optional; a moment or a day is text here, parsed when the record is read), the check
    of each other field, and the fields a document must have."""
    types_of: dict[str, frozenset[type]] = {}
    checks: dict[str, Check] = {}
    for name, hint in typing.get_type_hints(cls).items():
        if name not in _spec(cls):
            continue
        args = typing.get_args(hint)
        optional = typing.get_origin(hint) in (typing.Union, types.UnionType)
        inner = next(a for a in args if a is not type(None)) if optional else hint
        allowed = _PLAIN.get(inner) or (_TEXT if inner in (date, datetime) else None)
        if allowed is None:
            checks[name] = _spec(cls)[name][0]
        else:
            types_of[name] = allowed | {type(None)} if optional else allowed
    required = frozenset(n for n, (_, needed) in _spec(cls).items() if needed or n == "id")
    return types_of, checks, required


_TEXT = frozenset({str})
_PLAIN: dict[Any, frozenset[type]] = {
    str: frozenset({str}),
    int: frozenset({int}),
    bool: frozenset({bool}),
    float: frozenset({int, float}),
}


def _fields_problem(cls: type, doc: dict[str, Any]) -> str | None:
    for name, (check, required) in _spec(cls).items():
        if name not in doc:
            if required or name == "id":
                return f"{name} is missing"
            continue
        problem = check(doc[name])
        if problem is not None:
            return f"{name} {problem}"
    return None


@cache
def _spec(cls: type) -> dict[str, tuple[Check, bool]]:
    """Each field of a record class: its check, and whether a document must have it."""
    hints = typing.get_type_hints(cls)
    return {
        f.name: (
            _check_for(hints[f.name]),
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
    }


def _check_for(hint: Any) -> Check:
    """The check of a value of type `hint`: a phrase that follows the field's name."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        (inner,) = (a for a in args if a is not type(None))
        check = _check_for(inner)
        return lambda v: None if v is None else check(v)
    if origin is tuple or origin is list:
        item = _check_for(args[0])
        return lambda v: (
            f"must be a list, not {_shown(v)}"
            if type(v) is not list
            else next((f"item {i}: {p}" for i, p in enumerate(map(item, v), 1) if p), None)
        )
    if origin is dict:
        value = _check_for(args[1])
        return lambda v: (
            f"must be an object, not {_shown(v)}"
            if type(v) is not dict
            else next((f"{_shown(k)} {value(x)}" for k, x in v.items() if value(x)), None)
        )
    if dataclasses.is_dataclass(hint):
        return lambda v: (
            _fields_problem(hint, v) if type(v) is dict else f"must be an object, not {_shown(v)}"
        )
    return _SIMPLE[hint]


def _number(v: Any) -> str | None:
    if (type(v) is float and math.isfinite(v)) or type(v) is int:
        return None
    return f"must be a number, not {_shown(v)}"


def _datetime(v: Any) -> str | None:
    if type(v) is str:
        with contextlib.suppress(ValueError):
            if datetime.fromisoformat(v).tzinfo is not None:
                return None
    return f"must be a moment with its UTC offset (ISO 8601), not {_shown(v)}"


def _date(v: Any) -> str | None:
    if type(v) is str:
        with contextlib.suppress(ValueError):
            date.fromisoformat(v)
            return None
    return f"must be a day (YYYY-MM-DD), not {_shown(v)}"


def _of_type(kind: type, what: str) -> Check:
    return lambda v: None if type(v) is kind else f"must be {what}, not {_shown(v)}"


_SIMPLE: dict[Any, Check] = {
    str: _of_type(str, "text"),
    int: _of_type(int, "a whole number"),
    bool: _of_type(bool, "true or false"),
    float: _number,
    datetime: _datetime,
    date: _date,
}


def _shown(value: Any) -> str:
    """A value from the file, short and printable (repr escapes control characters)."""
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def _plain(text: str) -> str:
    """Text from the file (a key, an id) shown as it is, but never a control character."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
