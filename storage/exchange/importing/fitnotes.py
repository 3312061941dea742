"""FitNotes' CSV export: one row per set with the day only ("2020-09-13"), in row order.
The older layout states the unit in the header ("Weight (lbs)", "Weight (kgs)"), the newer
one in a "Weight Unit" column ("kgs", "lbs"), and adds a "Comment" column."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import datetime

from storage.exchange.importing.csv_rows import (
    CellError,
    clean,
    distance_factor,
    header_key,
    parse_clock,
    parse_int,
    parse_number,
    read_header,
    read_records,
    read_rows,
    show,
    split_unit,
    weight_unit,
)
from storage.exchange.importing.rows import ImportedRow, ParsedFile, RowStream, Skip, parse_text

FITNOTES_COLUMNS = {
    "date": "date",
    "exercise": "exercise",
    "category": "category",
    "weight": "weight",
    "weight unit": "weight_unit",
    "reps": "reps",
    "distance": "distance",
    "distance unit": "distance_unit",
    "time": "time",
    "comment": "comment",
}

_DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")


def fitnotes_column(key: str) -> str | None:
    """The column a header key names ("weight (lbs)" -> "weight"), or None."""
    return FITNOTES_COLUMNS.get(split_unit(key)[0])


@functools.lru_cache(maxsize=256)  # a day's rows share their date
def parse_fitnotes_date(value: str) -> datetime:
    text = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise CellError(f"date {show(value)} is not a date like 2020-09-13")


def fitnotes_rows(lines: Iterable[str], skip: Skip) -> RowStream:
    """The rows of a FitNotes export as they are read; rows that cannot be read are
    skipped with the reason. Each row's start is its day at 00:00 and its workout name is
    ""."""
    _delimiter, records = read_rows(lines)
    header = read_header(records, skip)
    if header is None:
        return RowStream("fitnotes", "FitNotes", iter(()))
    index: dict[str, int] = {}
    header_unit: str | None = None
    for i, cell in enumerate(header):
        key = header_key(cell)
        column = fitnotes_column(key)
        if column is None or column in index:
            continue
        index[column] = i
        if column == "weight":
            try:
                header_unit = weight_unit(split_unit(key)[1])
            except CellError:
                header_unit = None
    variant = "FitNotes"
    if "weight_unit" in index:
        variant = "FitNotes, unit column"
    elif header_unit:
        variant = f"FitNotes, {header_unit}"
    missing = [name for name in ("date", "exercise") if name not in index]
    reader = _RowReader(index, header_unit)
    rows = read_records(records, skip, missing, len(header), reader.read)
    return RowStream("fitnotes", variant, rows)


def read_fitnotes(text: str) -> ParsedFile:
    """Every row of a FitNotes export held in memory."""
    return parse_text(fitnotes_rows, text)


class _RowReader:
    def __init__(self, index: dict[str, int], unit: str | None) -> None:
        self.unit = unit
        get = index.get
        self.i_date = get("date", -1)
        self.i_exercise = get("exercise", -1)
        self.i_category = get("category", -1)
        self.i_weight = get("weight", -1)
        self.i_weight_unit = get("weight_unit", -1)
        self.i_reps = get("reps", -1)
        self.i_distance = get("distance", -1)
        self.i_distance_unit = get("distance_unit", -1)
        self.i_time = get("time", -1)
        self.i_comment = get("comment", -1)

    def read(self, line: int, fields: list[str]) -> ImportedRow:
        def cell(i: int) -> str:
            return fields[i] if i >= 0 else ""

        start = parse_fitnotes_date(fields[self.i_date])
        exercise = fields[self.i_exercise].strip()
        if not exercise:
            raise CellError("the exercise name is empty")
        weight = parse_number(cell(self.i_weight), "weight") or None
        unit = self.unit
        if self.i_weight_unit >= 0:
            unit = weight_unit(fields[self.i_weight_unit]) or unit
        reps = parse_int(cell(self.i_reps), "reps")
        if reps is not None and reps < 0:
            raise CellError(f"reps {show(cell(self.i_reps))} is negative")
        distance = parse_number(cell(self.i_distance), "distance")
        distance_m = None
        if distance:
            if distance < 0:
                raise CellError(f"distance {show(cell(self.i_distance))} is negative")
            factor = distance_factor(cell(self.i_distance_unit))
            if factor is None:
                raise CellError(f"distance {show(cell(self.i_distance))} has no unit")
            distance_m = clean(distance * factor)
        seconds = parse_clock(cell(self.i_time), "time") or None
        if reps == 0 and (seconds is not None or distance_m is not None):
            reps = None
        return ImportedRow(
            line=line,
            start=start,
            workout="",
            exercise=exercise,
            category=cell(self.i_category).strip(),
            weight=weight,
            unit=unit,
            reps=reps,
            distance_m=distance_m,
            seconds=seconds,
            notes=cell(self.i_comment).strip(),
        )
