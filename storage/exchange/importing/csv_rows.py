"""What the CSV readers (Strong, Hevy, FitNotes) share: the header line and delimiter, the
rows with the line each starts on, and cell parsing that fails with a reason a person can
read ("reps 'ten' is not a number") rather than Python's."""

from __future__ import annotations

import csv
import itertools
import math
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from storage.exchange.importing.rows import Skip, SkippedRow

BOM = "\ufeff"
T = TypeVar("T")

# csv's default field limit (128 KiB) is a guard, not a format rule; a long note is fine.
_FIELD_LIMIT = 10 * 1024 * 1024


class CellError(ValueError):
    """One cell cannot be read; the message is the reason the row is skipped."""


def strip_bom(text: str) -> str:
    return text[1:] if text.startswith(BOM) else text


def first_line(text: str) -> str:
    """The first line of `text` without its line end (and without a byte-order mark)."""
    text = strip_bom(text)
    for i, ch in enumerate(text):
        if ch in "\r\n":
            return text[:i]
    return text


def sniff_delimiter(header: str) -> str:
    """';' or '\\t' when the header line has more of them than commas, else ','."""
    best = ","
    count = header.count(",")
    for delimiter in (";", "\t"):
        n = header.count(delimiter)
        if n > count:
            best, count = delimiter, n
    return best


def header_key(name: str) -> str:
    """A header cell as looked up in the readers' tables: lower case, single spaces."""
    return " ".join(name.replace(BOM, "").strip().strip('"').split()).casefold()


def read_rows(lines: Iterable[str]) -> tuple[str, Iterator[tuple[int, list[str] | None, str]]]:
    """The delimiter of an export's lines (from its first) and every record in them as
    (line it starts on, fields, ""), header included; a record the csv module cannot read
    comes as (line, None, reason). Blank lines are left out. The lines are read as the
    records are: give a file opened with newline="", and it is never held whole."""
    lines = iter(lines)
    first = strip_bom(next(lines, ""))
    delimiter = sniff_delimiter(first_line(first))
    return delimiter, _records(itertools.chain((first,), lines), delimiter)


def _records(lines: Iterable[str], delimiter: str) -> Iterator[tuple[int, list[str] | None, str]]:
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    reader = csv.reader(lines, delimiter=delimiter)
    previous = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if reader.line_num == previous:  # no progress: nothing more can be read
                yield previous + 1, None, f"cannot be read as CSV ({error})"
                return
            yield previous + 1, None, f"cannot be read as CSV ({error})"
            previous = reader.line_num
            continue
        line = previous + 1
        previous = reader.line_num
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            continue
        yield line, fields, ""


def clean(value: float) -> float:
    """Float noise from unit conversions removed: 149.99999999999997 -> 150.0."""
    value = round(value, 3)
    return 0.0 if value == 0 else value


_DECIMAL_COMMA = re.compile(r"^-?\d+,\d+$")


def parse_number(value: str, what: str) -> float | None:
    """A decimal number; None for an empty cell. A decimal comma ("62,5") is read; NaN and
    infinity are not numbers."""
    text = value.strip()
    if not text:
        return None
    if _DECIMAL_COMMA.match(text):
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise CellError(f"{what} {show(value)} is not a number") from None
    if not math.isfinite(number):
        raise CellError(f"{what} {show(value)} is not a number")
    return clean(number)


def parse_int(value: str, what: str) -> int | None:
    """A whole number, also when written as a float ("10.0"); None for an empty cell."""
    number = parse_number(value, what)
    if number is None:
        return None
    if number != int(number):
        raise CellError(f"{what} {show(value)} is not a whole number")
    return int(number)


_CLOCK_PART = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def parse_clock(value: str, what: str) -> float | None:
    """Seconds from "0:01:30", "1:30" or a number of seconds ("90"); None when empty."""
    text = value.strip()
    if not text:
        return None
    if ":" not in text:
        seconds = parse_number(text, what)
        if seconds is not None and seconds < 0:
            raise CellError(f"{what} {show(value)} is negative")
        return seconds
    parts = text.split(":")
    if len(parts) > 3 or not all(_CLOCK_PART.fullmatch(p.strip()) for p in parts):
        raise CellError(f"{what} {show(value)} is not a time like 0:01:30")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return clean(total)


_DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-z]+)")
_DURATION_UNITS = {
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
    "std": 3600,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "sek": 1,
}


MAX_DURATION_S = 7 * 86400


def parse_duration(value: str, what: str) -> int | None:
    """Whole seconds from "31m", "1h 3m", "38min", "1h", "18s", "1:03:00" or "1894", up to
    a week; None when empty."""
    seconds = _duration_s(value, what)
    if seconds is not None and seconds > MAX_DURATION_S:
        raise CellError(f"{what} {show(value)} is longer than a week")
    return seconds


def _duration_s(value: str, what: str) -> int | None:
    text = value.strip().casefold()
    if not text:
        return None
    if ":" in text or _is_plain_number(text):
        seconds = parse_clock(text, what)
        return None if seconds is None else int(round(seconds))
    total = 0.0
    end = 0
    for match in _DURATION_PART.finditer(text):
        if text[end : match.start()].strip():
            break
        factor = _DURATION_UNITS.get(match.group(2))
        if factor is None:
            break
        total += float(match.group(1).replace(",", ".")) * factor
        end = match.end()
    else:
        if end and not text[end:].strip():
            return int(round(total))
    raise CellError(f"{what} {show(value)} is not a duration like 1h 3m")


def _is_plain_number(text: str) -> bool:
    return _CLOCK_PART.fullmatch(text) is not None


# Distance units as the exports write them, in metres.
DISTANCE_UNITS = {
    "m": 1.0,
    "meter": 1.0,
    "meters": 1.0,
    "metre": 1.0,
    "metres": 1.0,
    "km": 1000.0,
    "kms": 1000.0,
    "kilometers": 1000.0,
    "kilometres": 1000.0,
    "mi": 1609.344,
    "mile": 1609.344,
    "miles": 1609.344,
    "ft": 0.3048,
    "feet": 0.3048,
    "yd": 0.9144,
    "yds": 0.9144,
    "yards": 0.9144,
}

WEIGHT_UNITS = {
    "kg": "kg",
    "kgs": "kg",
    "kilograms": "kg",
    "lb": "lb",
    "lbs": "lb",
    "pounds": "lb",
}


def weight_unit(value: str) -> str | None:
    """ "kg" or "lb" for a unit cell ("kgs", "lbs", ...); None when empty; CellError when
    unknown."""
    text = value.strip().casefold()
    if not text:
        return None
    unit = WEIGHT_UNITS.get(text)
    if unit is None:
        raise CellError(f"weight unit {show(value)} is not kg or lb")
    return unit


def distance_factor(value: str) -> float | None:
    """Metres per unit for a distance-unit cell; None when empty; CellError when unknown."""
    text = value.strip().casefold()
    if not text:
        return None
    factor = DISTANCE_UNITS.get(text)
    if factor is None:
        raise CellError(f"distance unit {show(value)} is not m, km, mi, ft or yd")
    return factor


def show(value: str) -> str:
    """A cell as quoted in a reason, cut short when long."""
    text = value if len(value) <= 40 else value[:37] + "..."
    return repr(text)


_UNIT_SUFFIX = re.compile(r"^(.*?)\s*\(([^()]*)\)$")


def split_unit(key: str) -> tuple[str, str]:
    """A header key and the unit in its brackets: "weight (kg)" -> ("weight", "kg");
    ("weight", "") when it has none."""
    match = _UNIT_SUFFIX.match(key)
    if match is None:
        return key, ""
    return match.group(1), match.group(2).strip()


def field_count_reason(fields: list[str], columns: int) -> str:
    """Why a record with the wrong number of fields is skipped; "" when it can be read
    (extra fields are allowed when they are all empty, as after a trailing delimiter)."""
    if len(fields) == columns:
        return ""
    if len(fields) > columns and not any(f.strip() for f in fields[columns:]):
        return ""
    return f"has {len(fields)} fields where the header has {columns}"


def read_records(
    records: Iterable[tuple[int, list[str] | None, str]],
    skip: Skip,
    missing: list[str],
    columns: int,
    read: Callable[[int, list[str]], T],
) -> Iterator[T]:
    """What `read(line, fields)` makes of each record that can be read; every other record
    goes to `skip`, with why."""
    for line, fields, reason in records:
        if fields is not None:
            if missing:
                reason = f"the header has no {' or '.join(missing)} column"
            else:
                reason = field_count_reason(fields, columns)
            if not reason:
                try:
                    yield read(line, fields)
                    continue
                except CellError as error:
                    reason = str(error)
        skip(SkippedRow(line, reason))


def read_header(
    records: Iterator[tuple[int, list[str] | None, str]], skip: Skip
) -> list[str] | None:
    """The first record that can be read (the header), or None for a file without one;
    records before it go to `skip`, with why."""
    for line, fields, reason in records:
        if fields is not None:
            return fields
        skip(SkippedRow(line, reason))
    return None
