"""Hevy's CSV export: one row per set, with the workout's title, start and end repeated;
weights in `weight_kg` or `weight_lbs`, distances in `distance_km` or `distance_miles`.

Times come as "9 Apr 2026, 17:18" (older exports) or ISO ("2026-04-09T17:18:00Z",
"...+02:00"); an ISO time's offset is dropped and its wall-clock kept as written."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import datetime

from storage.exchange.importing.csv_rows import (
    CellError,
    clean,
    header_key,
    parse_int,
    parse_number,
    read_header,
    read_records,
    read_rows,
    show,
)
from storage.exchange.importing.rows import ImportedRow, ParsedFile, RowStream, Skip, parse_text

SET_TYPES = {
    "normal": "normal",
    "warmup": "warmup",
    "warm_up": "warmup",
    "dropset": "drop",
    "drop_set": "drop",
    "drop": "drop",
    "failure": "failure",
}

_UNIT_COLUMNS = {
    "weight_kg": ("weight", "kg"),
    "weight_lbs": ("weight", "lb"),
    "weight_lb": ("weight", "lb"),
    "distance_km": ("distance", 1000.0),
    "distance_miles": ("distance", 1609.344),
    "distance_meters": ("distance", 1.0),
    "distance_m": ("distance", 1.0),
}

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
# "9 Apr 2026, 17:18" (English month names, whatever the process's locale)
_HEVY_TIME = re.compile(
    r"(\d{1,2}) ([A-Za-z]{3})[A-Za-z]*\.? (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?"
)


@functools.lru_cache(maxsize=256)  # a workout's rows share their times
def parse_hevy_time(value: str, what: str) -> datetime:
    """A naive datetime: "9 Apr 2026, 17:18", or ISO with its offset (if any) dropped."""
    text = value.strip()
    match = _HEVY_TIME.fullmatch(text)
    try:
        if match is not None:
            day, month, year, hour, minute, second = match.groups()
            return datetime(
                int(year),
                _MONTHS[month.casefold()],
                int(day),
                int(hour),
                int(minute),
                int(second or 0),
            )
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except (ValueError, KeyError):
        raise CellError(f"{what} {show(value)} is not a time like 9 Apr 2026, 17:18") from None


def hevy_rows(lines: Iterable[str], skip: Skip) -> RowStream:
    """The rows of a Hevy export as they are read; rows that cannot be read are skipped
    with the reason."""
    _delimiter, records = read_rows(lines)
    header = read_header(records, skip)
    if header is None:
        return RowStream("hevy", "Hevy", iter(()))
    index: dict[str, int] = {}
    weight_unit: str | None = None
    factor = 1000.0
    for i, cell in enumerate(header):
        key = header_key(cell)
        if key in _UNIT_COLUMNS:
            column, unit = _UNIT_COLUMNS[key]
            if column in index:
                continue
            if column == "weight":
                weight_unit = str(unit)
            else:
                factor = float(unit)
            key = column
        index.setdefault(key, i)
    variant = f"Hevy, {'lb' if weight_unit == 'lb' else 'kg'}"
    missing = [name for name in ("start_time", "exercise_title") if name not in index]
    reader = _RowReader(index, weight_unit, factor)
    return RowStream(
        "hevy", variant, read_records(records, skip, missing, len(header), reader.read)
    )


def read_hevy(text: str) -> ParsedFile:
    """Every row of a Hevy export held in memory."""
    return parse_text(hevy_rows, text)


class _RowReader:
    def __init__(self, index: dict[str, int], unit: str | None, factor: float) -> None:
        self.unit = unit
        self.factor = factor
        get = index.get
        self.i_title = get("title", -1)
        self.i_start = get("start_time", -1)
        self.i_end = get("end_time", -1)
        self.i_description = get("description", -1)
        self.i_exercise = get("exercise_title", -1)
        self.i_superset = get("superset_id", -1)
        self.i_notes = get("exercise_notes", -1)
        self.i_set_index = get("set_index", -1)
        self.i_set_type = get("set_type", -1)
        self.i_weight = get("weight", -1)
        self.i_reps = get("reps", -1)
        self.i_distance = get("distance", -1)
        self.i_seconds = get("duration_seconds", -1)
        self.i_rpe = get("rpe", -1)

    def read(self, line: int, fields: list[str]) -> ImportedRow:
        def cell(i: int) -> str:
            return fields[i] if i >= 0 else ""

        start = parse_hevy_time(fields[self.i_start], "start_time")
        end_cell = cell(self.i_end).strip()
        end = parse_hevy_time(end_cell, "end_time") if end_cell else None
        duration_s = None
        if end is not None and end >= start:
            duration_s = int((end - start).total_seconds())
        exercise = fields[self.i_exercise].strip()
        if not exercise:
            raise CellError("the exercise title is empty")
        set_type = cell(self.i_set_type).strip().casefold() or "normal"
        kind = SET_TYPES.get(set_type)
        if kind is None:
            raise CellError(
                f"set_type {show(cell(self.i_set_type))} is not normal, warmup, dropset or failure"
            )
        index = parse_int(cell(self.i_set_index), "set_index")
        if index is not None and index < 0:
            raise CellError(f"set_index {show(cell(self.i_set_index))} is negative")
        weight = parse_number(cell(self.i_weight), "weight") or None
        reps = parse_int(cell(self.i_reps), "reps")
        if reps is not None and reps < 0:
            raise CellError(f"reps {show(cell(self.i_reps))} is negative")
        distance = parse_number(cell(self.i_distance), "distance")
        if distance is not None and distance < 0:
            raise CellError(f"distance {show(cell(self.i_distance))} is negative")
        seconds = parse_number(cell(self.i_seconds), "duration_seconds")
        if seconds is not None and seconds < 0:
            raise CellError(f"duration_seconds {show(cell(self.i_seconds))} is negative")
        rpe = parse_number(cell(self.i_rpe), "rpe")
        if rpe is not None and not 0 <= rpe <= 10:
            raise CellError(f"rpe {show(cell(self.i_rpe))} is not between 0 and 10")
        distance_m = clean(distance * self.factor) if distance else None
        seconds = seconds or None
        if reps == 0 and (seconds is not None or distance_m is not None):
            reps = None
        return ImportedRow(
            line=line,
            start=start,
            workout=cell(self.i_title).strip(),
            exercise=exercise,
            end=end,
            duration_s=duration_s,
            set_order=None if index is None else index + 1,
            kind=kind,
            weight=weight,
            unit=self.unit,
            reps=reps,
            rpe=rpe or None,
            distance_m=distance_m,
            seconds=seconds,
            notes=cell(self.i_notes).strip(),
            workout_notes=cell(self.i_description).strip(),
            superset=cell(self.i_superset).strip(),
        )
