"""Strong's CSV exports, in all the layouts seen: commas with 12, 10 or 11 columns (no
notes, no duration), semicolons with unit columns (and "Workout Duration" at the end),
Strong 6's fully quoted semicolons with the units in the header ("Weight (kg)"), and
headers in the app's language (German at least).

Rows are as Strong writes them: one per set, and since Strong 6 also one per rest timer
(Set Order "Rest Timer": an `ImportedRow` with `rest_s` and no reps) and per exercise note
(Set Order "Note": its text goes into the `notes` of that exercise's sets that have none)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime

from storage.exchange.importing.csv_rows import (
    DISTANCE_UNITS,
    WEIGHT_UNITS,
    CellError,
    clean,
    distance_factor,
    header_key,
    parse_duration,
    parse_int,
    parse_number,
    read_header,
    read_records,
    read_rows,
    show,
    split_unit,
    weight_unit,
)
from storage.exchange.importing.rows import (
    ImportedRow,
    ParsedFile,
    RowStream,
    Skip,
    SkippedRow,
    parse_text,
)

# Header names (as `header_key` spells them, without a bracketed unit) -> column.
STRONG_COLUMNS = {
    "workout #": "workout_no",
    "date": "date",
    "workout name": "workout",
    "duration": "duration",
    "workout duration": "duration",
    "exercise name": "exercise",
    "set order": "set_order",
    "weight": "weight",
    "weight unit": "weight_unit",
    "reps": "reps",
    "rpe": "rpe",
    "distance": "distance",
    "distance unit": "distance_unit",
    "seconds": "seconds",
    "notes": "notes",
    "workout notes": "workout_notes",
}
# The same in the app's other languages.
LOCALISED_COLUMNS = {
    # German
    "workout-nr.": "workout_no",
    "datum": "date",
    "workout-name": "workout",
    "dauer": "duration",
    "workout-dauer": "duration",
    "name der übung": "exercise",
    "übung": "exercise",
    "reihenfolge festlegen": "set_order",
    "satzreihenfolge": "set_order",
    "gewicht": "weight",
    "gewichtseinheit": "weight_unit",
    "wiederh.": "reps",
    "wiederholungen": "reps",
    "entfernung": "distance",
    "distanz": "distance",
    "entfernungseinheit": "distance_unit",
    "sekunden": "seconds",
    "notizen": "notes",
    "workout-notizen": "workout_notes",
}
STRONG_COLUMNS.update(LOCALISED_COLUMNS)

# Set Order cells that are not numbers.
SET_KIND_CELLS = {
    "w": "warmup",
    "warm_up": "warmup",
    "warmup": "warmup",
    "warm-up": "warmup",
    "d": "drop",
    "drop": "drop",
    "dropset": "drop",
    "drop_set": "drop",
    "f": "failure",
    "failure": "failure",
}
REST_CELLS = {"rest timer", "rest_timer", "rest", "ruhezeit", "pausenzeit"}
# An exercise with one of these names is a rest timer too, whatever its Set Order says.
REST_EXERCISES = {"rest timer", "ruhezeit"}
NOTE_CELLS = {"note", "notes", "notiz", "notizen"}

# Plain "Distance" with no unit column: Strong's older exports write kilometres (the
# sample's rows of 0.5 and 1.0 on a rowing machine in 115-250 s can only be km).
DEFAULT_DISTANCE_FACTOR = 1000.0

_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %I:%M:%S %p",
    "%Y-%m-%d %I:%M %p",
    "%Y-%m-%dT%H:%M:%S",
)


def strong_column(key: str) -> str | None:
    """The column a header key names, or None."""
    base, unit = split_unit(key)
    column = STRONG_COLUMNS.get(base)
    if column == "duration" and unit in ("sec", "s", "seconds", "sek"):
        return "duration_sec"
    return column


@functools.lru_cache(maxsize=256)  # a workout's rows share their date
def parse_strong_date(value: str) -> datetime:
    text = " ".join(value.replace("\u202f", " ").replace("\xa0", " ").split())
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise CellError(f"date {show(value)} is not a date like 2021-07-07 18:35:21")


class _Layout:
    """Where each column is in this file, and the units its header states."""

    def __init__(self, header: list[str]) -> None:
        self.index: dict[str, int] = {}
        self.weight_unit: str | None = None
        self.distance_factor: float | None = None
        self.localised = False
        for i, cell in enumerate(header):
            key = header_key(cell)
            column = strong_column(key)
            if column is None or column in self.index:
                continue
            self.index[column] = i
            self.localised = self.localised or split_unit(key)[0] in LOCALISED_COLUMNS
            unit = split_unit(key)[1]
            if column == "weight" and unit:
                self.weight_unit = WEIGHT_UNITS.get(unit)
            if column == "distance" and unit:
                self.distance_factor = DISTANCE_UNITS.get(unit)
        self.columns = len(header)


def _variant(layout: _Layout, delimiter: str) -> str:
    name = "Strong 6" if "workout_no" in layout.index else "Strong"
    parts = [name, {";": "semicolons", "\t": "tabs"}.get(delimiter, "commas")]
    if "weight_unit" in layout.index:
        parts.append("unit columns")
    if layout.localised:
        parts.append("German headers")
    return ", ".join(parts)


def strong_rows(lines: Iterable[str], skip: Skip) -> RowStream:
    """The rows of a Strong export as they are read; rows that cannot be read are skipped
    with the reason."""
    delimiter, records = read_rows(lines)
    header = read_header(records, skip)
    if header is None:
        return RowStream("strong", "Strong", iter(()))
    layout = _Layout(header)
    missing = [name for name in ("date", "exercise") if name not in layout.index]
    rows = _with_notes(
        read_records(records, skip, missing, layout.columns, _RowReader(layout).read), skip
    )
    return RowStream("strong", _variant(layout, delimiter), rows)


def read_strong(text: str) -> ParsedFile:
    """Every row of a Strong export held in memory."""
    return parse_text(strong_rows, text)


def _with_notes(rows: Iterable[ImportedRow | _Note], skip: Skip) -> Iterator[ImportedRow]:
    """Strong 6's note rows: the text goes to the same exercise's sets (not rest timers)
    that have no notes of their own, in the rows of its workout next to it (a workout's
    rows are held until the next workout's begin)."""
    key: tuple[datetime, str] | None = None
    workout: list[ImportedRow] = []
    notes: list[_Note] = []
    for row in rows:
        if (row.start, row.workout) != key:
            yield from _noted(workout, notes, skip)
            key, workout, notes = (row.start, row.workout), [], []
        if isinstance(row, _Note):
            notes.append(row)
        else:
            workout.append(row)
    yield from _noted(workout, notes, skip)


def _noted(workout: list[ImportedRow], notes: list[_Note], skip: Skip) -> list[ImportedRow]:
    for note in notes:
        found = False
        for i, row in enumerate(workout):
            if row.exercise != note.exercise:
                continue
            found = True
            if not row.notes and row.rest_s is None:
                workout[i] = replace(row, notes=note.text)
        if not found:
            skip(
                SkippedRow(
                    note.line, f"a note on {note.exercise!r} with no sets of it: {show(note.text)}"
                )
            )
    return workout


@dataclass(frozen=True, slots=True)
class _Note:
    """A note row: text for the sets of one exercise in one workout."""

    line: int
    start: datetime
    workout: str
    exercise: str
    text: str


@functools.lru_cache(maxsize=256)
def _strong_duration(value: str) -> int | None:
    seconds = parse_duration(value, "duration")
    if seconds is not None and seconds < 0:
        raise CellError(f"duration {show(value)} is negative")
    return seconds


class _RowReader:
    def __init__(self, layout: _Layout) -> None:
        self.layout = layout
        ix = layout.index
        self.i_date = ix.get("date", -1)
        self.i_exercise = ix.get("exercise", -1)
        self.i_workout = ix.get("workout", -1)
        self.i_duration = ix.get("duration", -1)
        self.i_duration_sec = ix.get("duration_sec", -1)
        self.i_set_order = ix.get("set_order", -1)
        self.i_weight = ix.get("weight", -1)
        self.i_weight_unit = ix.get("weight_unit", -1)
        self.i_reps = ix.get("reps", -1)
        self.i_rpe = ix.get("rpe", -1)
        self.i_distance = ix.get("distance", -1)
        self.i_distance_unit = ix.get("distance_unit", -1)
        self.i_seconds = ix.get("seconds", -1)
        self.i_notes = ix.get("notes", -1)
        self.i_workout_notes = ix.get("workout_notes", -1)

    def _duration(self, fields: list[str]) -> int | None:
        if self.i_duration_sec >= 0:
            value = fields[self.i_duration_sec]
        elif self.i_duration >= 0:
            value = fields[self.i_duration]
        else:
            return None
        return _strong_duration(value)

    def read(self, line: int, fields: list[str]) -> ImportedRow | _Note:
        """The row, or a note row's note."""

        def cell(i: int) -> str:
            return fields[i] if i >= 0 else ""

        start = parse_strong_date(fields[self.i_date])
        exercise = fields[self.i_exercise].strip()
        workout = cell(self.i_workout).strip()
        if not exercise:
            raise CellError("the exercise name is empty")
        order_cell = cell(self.i_set_order).strip()
        order_key = order_cell.casefold()
        set_order: int | None = None
        kind = "normal"
        if order_key in NOTE_CELLS:
            return _Note(line, start, workout, exercise, cell(self.i_notes).strip())
        seconds = parse_number(cell(self.i_seconds), "seconds")
        duration_s = self._duration(fields)
        if order_key in REST_CELLS or exercise.casefold() in REST_EXERCISES:
            if seconds is None or seconds < 0:
                raise CellError("a rest timer without a length in seconds")
            return ImportedRow(
                line=line,
                start=start,
                workout=workout,
                exercise=exercise,
                duration_s=duration_s,
                rest_s=int(round(seconds)),
                notes=cell(self.i_notes).strip(),
                workout_notes=cell(self.i_workout_notes).strip(),
            )
        if order_key in SET_KIND_CELLS:
            kind = SET_KIND_CELLS[order_key]
        elif order_cell:
            try:
                set_order = parse_int(order_cell, "set order")
            except CellError:
                raise CellError(
                    f"set order {show(order_cell)} is not a number, W, D, F or Rest Timer"
                ) from None
            if set_order is not None and set_order < 0:
                raise CellError(f"set order {show(order_cell)} is negative")
        weight = parse_number(cell(self.i_weight), "weight")
        if weight == 0:
            weight = None
        unit = self.layout.weight_unit
        if self.i_weight_unit >= 0:
            unit = weight_unit(fields[self.i_weight_unit]) or unit
        reps = parse_int(cell(self.i_reps), "reps")
        if reps is not None and reps < 0:
            raise CellError(f"reps {show(cell(self.i_reps))} is negative")
        rpe = parse_number(cell(self.i_rpe), "RPE")
        if rpe is not None and not 0 <= rpe <= 10:
            raise CellError(f"RPE {show(cell(self.i_rpe))} is not between 0 and 10")
        distance = parse_number(cell(self.i_distance), "distance")
        distance_m: float | None = None
        if distance:
            factor = self.layout.distance_factor
            if self.i_distance_unit >= 0:
                factor = distance_factor(fields[self.i_distance_unit]) or factor
            if distance < 0:
                raise CellError(f"distance {show(cell(self.i_distance))} is negative")
            distance_m = clean(distance * (factor or DEFAULT_DISTANCE_FACTOR))
        if seconds is not None and seconds < 0:
            raise CellError(f"seconds {show(cell(self.i_seconds))} is negative")
        if not seconds:
            seconds = None
        if reps == 0 and (seconds is not None or distance_m is not None):
            reps = None
        return ImportedRow(
            line=line,
            start=start,
            workout=workout,
            exercise=exercise,
            duration_s=duration_s,
            set_order=set_order,
            kind=kind,
            weight=weight,
            unit=unit,
            reps=reps,
            rpe=rpe or None,
            distance_m=distance_m,
            seconds=seconds,
            notes=cell(self.i_notes).strip(),
            workout_notes=cell(self.i_workout_notes).strip(),
        )
