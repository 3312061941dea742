"""FitNotes' CSV export: one row per set with the day only ("2020-09-13"), in row order.
The older layout states the unit in the header ("Weight (lbs)", "Weight (kgs)"), the newer
one in a "Weight Unit" column ("kgs", "lbs"), and adds a "Comment" column."""

from __future__ import annotations

from datetime import datetime

from storage.exchange.importing.csv_rows import (
    CellError,
    clean,
    distance_factor,
    first_line,
    header_key,
    parse_clock,
    parse_int,
    parse_number,
    read_header,
    read_records,
    read_rows,
    show,
    sniff_delimiter,
    split_unit,
    weight_unit,
)
from storage.exchange.importing.rows import ImportedRow, ParsedFile

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


def parse_fitnotes_date(value: str) -> datetime:
    text = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise CellError(f"date {show(value)} is not a date like 2020-09-13")


def read_fitnotes(text: str) -> ParsedFile:
    """Every row of a FitNotes export; rows that cannot be read are skipped with the
    reason. Each row's start is its day at 00:00 and its workout name is ""."""
    delimiter = sniff_delimiter(first_line(text))
    parsed = ParsedFile(format="fitnotes", variant="FitNotes")
    records = read_rows(text, delimiter)
    header = read_header(records, parsed.skipped)
    if header is None:
        return parsed
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
    if "weight_unit" in index:
        parsed.variant = "FitNotes, unit column"
    elif header_unit:
        parsed.variant = f"FitNotes, {header_unit}"
    missing = [name for name in ("date", "exercise") if name not in index]
    reader = _RowReader(index, header_unit)
    parsed.rows.extend(read_records(records, parsed.skipped, missing, len(header), reader.read))
    return parsed


class _RowReader:
    def __init__(self, index: dict[str, int], unit: str | None) -> None:
        self.unit = unit
        self.dates: dict[str, datetime] = {}
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

        value = fields[self.i_date]
        start = self.dates.get(value)
        if start is None:
            start = parse_fitnotes_date(value)
            self.dates[value] = start
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
