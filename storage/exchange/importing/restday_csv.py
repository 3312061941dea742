"""restday's own CSV export (`storage.exchange.export.export_csv`), read back: one row per
set with its workout's name, start, length, notes and session RPE repeated; weights in the
unit of the row's Unit column, a timed set's seconds and a distance set's metres in theirs.
Each set keeps its own time (its training day and local time, to the minute); a workout
without a duration is one that was in progress."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from storage.exchange.export import CSV_COLUMNS, CSV_SET_TYPES, FORMULA_STARTS
from storage.exchange.importing.csv_rows import (
    CellError,
    header_key,
    parse_int,
    parse_number,
    read_header,
    read_records,
    read_rows,
    show,
)
from storage.exchange.importing.rows import ImportedRow, ParsedFile, RowStream, Skip, parse_text

COLUMN_KEYS = {header_key(column): column for column in CSV_COLUMNS}
NEEDED = ("Date", "Workout", "Exercise", "Weight", "Unit", "Reps", "Workout start")
_KINDS = {name: kind for kind, name in CSV_SET_TYPES.items()} | {"working": "normal"}


def is_restday_csv(keys: set[str]) -> bool:
    """Whether a header's keys (`header_key`) are restday's CSV export's."""
    return {header_key(column) for column in NEEDED} <= keys


def restday_csv_rows(lines: Iterable[str], skip: Skip) -> RowStream:
    """The rows of restday's CSV export as they are read; rows that cannot be read are
    skipped with the reason."""
    _delimiter, records = read_rows(lines)
    header = read_header(records, skip)
    if header is None:
        return RowStream("restday-csv", "restday CSV", iter(()))
    index: dict[str, int] = {}
    for i, cell in enumerate(header):
        column = COLUMN_KEYS.get(header_key(cell))
        if column is not None:
            index.setdefault(column, i)
    missing = [name for name in NEEDED if name not in index]
    reader = _RowReader(index)
    return RowStream(
        "restday-csv", "restday CSV", read_records(records, skip, missing, len(header), reader.read)
    )


def read_restday_csv(text: str) -> ParsedFile:
    """Every row of restday's CSV export held in memory."""
    return parse_text(restday_csv_rows, text)


def cell_text(value: str) -> str:
    """A text cell as written before `export.spreadsheet_text` guarded it."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


class _RowReader:
    def __init__(self, index: dict[str, int]) -> None:
        self.index = index

    def read(self, line: int, fields: list[str]) -> ImportedRow:
        def cell(column: str) -> str:
            i = self.index.get(column, -1)
            return fields[i].strip() if i >= 0 else ""

        start = _time(cell("Workout start"))
        minutes = parse_number(cell("Workout duration (min)"), "workout duration")
        end = None if minutes is None or minutes < 0 else start + timedelta(minutes=minutes)
        at = _set_time(cell("Date"), cell("Time"), start)
        exercise = cell_text(cell("Exercise"))
        if not exercise:
            raise CellError("the exercise is empty")
        set_type = cell("Set type") or "working"
        kind = _KINDS.get(set_type)
        if kind is None:
            raise CellError(f"set type {show(set_type)} is not one of {', '.join(_KINDS)}")
        weight = parse_number(cell("Weight"), "weight")
        if weight is not None and weight < 0:
            raise CellError(f"weight {show(cell('Weight'))} is negative")
        if _yes(cell("Assisted"), "assisted") and weight:
            weight = -weight  # how the import takes an assisted set
        unit = cell("Unit").casefold() or None
        if unit not in (None, "kg", "lb"):
            raise CellError(f"unit {show(cell('Unit'))} is not kg or lb")
        rest = parse_int(cell("Rest (s)"), "rest")
        session_rpe = parse_int(cell("Session RPE"), "session RPE")
        return ImportedRow(
            line=line,
            start=start,
            workout=cell_text(cell("Workout")),
            exercise=exercise,
            end=end,
            at=at,
            set_order=parse_int(cell("Set"), "set"),
            kind=kind,
            weight=weight,
            unit=unit,
            reps=parse_int(cell("Reps"), "reps"),
            rpe=parse_number(cell("RPE"), "RPE"),
            distance_m=parse_number(cell("Distance (m)"), "distance"),
            seconds=parse_number(cell("Seconds"), "seconds"),
            notes=cell_text(cell("Notes")),
            workout_notes=cell_text(cell("Workout notes")),
            superset=cell_text(cell("Group")),
            rest_s=rest,
            bodyweight=_yes(cell("Bodyweight"), "bodyweight"),
            session_rpe=session_rpe,
        )


def _time(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise CellError(
            f"workout start {show(value)} is not a time like 2026-03-02 18:00"
        ) from None


def _set_time(day: str, clock: str, start: datetime) -> datetime | None:
    """A set's moment from its training day and local time; None without a time. A set
    after midnight belongs to the day before (the training day), so of that day's and the
    next day's clock time, the one nearer its workout's start is the set's."""
    if not clock:
        return None
    try:
        on_day = datetime.combine(date.fromisoformat(day), time.fromisoformat(clock))
    except ValueError:
        raise CellError(
            f"date {show(day)} and time {show(clock)} are not like 2026-03-02 and 18:05"
        ) from None
    if on_day.date() == date.max:
        return on_day
    return min(on_day, on_day + timedelta(days=1), key=lambda moment: abs(moment - start))


def _yes(value: str, what: str) -> bool:
    if value.casefold() not in ("yes", "no", ""):
        raise CellError(f"{what} {show(value)} is not yes or no")
    return value.casefold() == "yes"
