"""The rows of an export turned into the log's records, a workout at a time.

Rows are grouped into workouts by their start and workout name; a rest-timer row becomes
the rest taken before the next set; every row holding reps, a time or a distance becomes a
set of its kind; set types (warm-up, drop, failure) and supersets are kept, RPE where
restday's scale (6-10, half steps) has it. Each workout's id comes from the file's format,
its start and its name, and each set's from its workout's and its place in it, so that
importing the same file again finds everything already there and adds nothing.

Records come out as each workout's last row is read (`workout_ends` says which row that is,
from a first pass over the file), so only the workouts still being read are held: a file
whose workouts' rows are next to each other, as every app writes them, holds one.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import cache

from storage.errors import ValidationError
from storage.exchange.importing.errors import ExportChanged
from storage.exchange.importing.names import ExerciseNames
from storage.exchange.importing.rows import ImportedRow, ParsedFile, SkippedRow, SkippedRows
from storage.log.repository import Repository
from storage.model.days import day_of
from storage.model.records import MAX_SET_REPS, SET_TYPES, Exercise, Record, SetEntry, Workout
from storage.model.units import to_kg
from storage.model.validation import (
    MAX_NOTE_CHARS,
    MAX_WEIGHT_KG,
    check_day,
    check_record,
    check_rpe,
)

SET_SPACING_S = 150  # between sets when the file gives no workout length
DATE_ONLY_START = time(12, 0)  # a workout known by its date alone (FitNotes)
NOTE_CUT = f"a note longer than {MAX_NOTE_CHARS:,} characters, cut to {MAX_NOTE_CHARS:,} characters"
IN_PROGRESS_FINISHED = (
    "a workout in progress on a day the log holds one in progress already: "
    "imported finished, at its last set"
)


class UnitNeeded(ValueError):
    """The file's weights carry no unit and none was given."""


@dataclass
class ImportPlan:
    """What an import brings in, as its summary tells it (counts, names, skipped rows);
    `records` holds the records themselves only when planned whole (`plan_import`)."""

    source: str  # what the file was read as
    unit: str  # the unit of the file's weights, where it does not say
    workout_count: int = 0
    set_count: int = 0
    first_day: date | None = None
    last_day: date | None = None
    new_exercises: list[Exercise] = field(default_factory=list)
    skipped: SkippedRows = field(default_factory=SkippedRows)
    changed: SkippedRows = field(default_factory=SkippedRows)  # rows imported changed: why
    already: int = 0  # workouts imported before, left as they are
    adjustments: Counter[str] = field(default_factory=Counter)  # what was changed, how often
    mapped: dict[str, str] = field(default_factory=dict)  # a file's name -> exercise name
    weight_units: Counter[str] = field(default_factory=Counter)  # sets with a weight, by unit
    records: list[Record] = field(default_factory=list)

    @property
    def file_unit(self) -> str | None:
        """The unit most of the file's weights are in; None when it has none."""
        return max(self.weight_units, key=self.weight_units.__getitem__, default=None)

    @property
    def workouts(self) -> list[Workout]:
        return [r for r in self.records if isinstance(r, Workout)]

    @property
    def sets(self) -> list[SetEntry]:
        return [r for r in self.records if isinstance(r, SetEntry)]


def lacks_unit(row: ImportedRow) -> bool:
    """Whether the row has a weight with no unit the file states."""
    return row.unit is None and bool(row.weight)


def needs_unit(rows: Iterable[ImportedRow]) -> bool:
    return any(map(lacks_unit, rows))


def workout_key(row: ImportedRow) -> int:
    """Which workout a row is in (a hash: two workouts sharing one only hold the first's
    rows a little longer)."""
    return hash((row.start, row.workout))


def workout_ends(rows: Iterable[ImportedRow]) -> dict[int, int]:
    """The line of each workout's last row, by `workout_key`."""
    return {workout_key(row): row.line for row in rows}


def plan_import(
    parsed: ParsedFile,
    *,
    exercises: Sequence[Exercise],
    unit: str | None,
    timezone: str,
    rollover_hour: int,
    now: datetime,
    exists: Callable[[str], bool] = lambda workout_id: False,
    in_progress: Callable[[date], bool] = lambda day: False,
) -> ImportPlan:
    """What importing a file read whole would add, records included."""
    if unit is None and needs_unit(parsed.rows):
        raise UnitNeeded("the file does not say whether its weights are kg or lb")
    plan = ImportPlan(source=parsed.variant or parsed.format, unit=unit or "kg")
    plan.skipped.extend(parsed.skipped)
    plan.records = list(
        plan_records(
            plan,
            parsed.format,
            parsed.rows,
            ends=workout_ends(parsed.rows),
            exercises=exercises,
            timezone=timezone,
            rollover_hour=rollover_hour,
            now=now,
            exists=exists,
            in_progress=in_progress,
        )
    )
    return plan


def plan_records(
    plan: ImportPlan,
    source_format: str,
    rows: Iterable[ImportedRow],
    *,
    ends: Mapping[int, int],
    exercises: Sequence[Exercise],
    timezone: str,
    rollover_hour: int,
    now: datetime,
    exists: Callable[[str], bool] = lambda workout_id: False,
    in_progress: Callable[[date], bool] = lambda day: False,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Record]:
    """The records importing `rows` adds (new exercises before their first set), each
    workout's as its last row (`ends`) is read; `plan` counts them, and the rows skipped
    with why; a row after its workout's end raises `ExportChanged`. `exists(workout_id)`
    says which workouts the log holds already, `in_progress(day)` whether it holds one in
    progress on that day. The unit of weights the file gives none for is `plan.unit`."""
    names = ExerciseNames(exercises)
    zone = _zone(timezone)
    today = day_of(now, timezone, rollover_hour)
    open_days = _OpenDays(in_progress)
    reading: dict[tuple[datetime, str], list[ImportedRow]] = {}
    for done, row in enumerate(rows, 1):
        key = (row.start, row.workout)
        held = reading.setdefault(key, [])
        held.append(row)
        if progress is not None and done % 1000 == 0:
            progress(done)
        end = ends.get(workout_key(row), 0)
        if row.line > end:  # else a workout could be written twice
            raise ExportChanged("the file changed while it was read; nothing was written")
        if row.line == end:
            del reading[key]
            yield from _workout(
                plan, source_format, held, names, zone, today, rollover_hour, now, exists, open_days
            )
    for held in reading.values():  # workouts sharing a `workout_key` with a later one
        yield from _workout(
            plan, source_format, held, names, zone, today, rollover_hour, now, exists, open_days
        )


def _workout(
    plan: ImportPlan,
    source_format: str,
    rows: list[ImportedRow],
    names: ExerciseNames,
    zone,
    today: date,
    rollover_hour: int,
    now: datetime,
    exists: Callable[[str], bool],
    open_days: _OpenDays,
) -> list[Record]:
    start, name = rows[0].start, rows[0].workout
    try:
        check_day("date", start, today)
    except ValidationError as exc:  # before any day arithmetic, which it could overflow
        plan.skipped.extend(SkippedRow(row.line, str(exc)) for row in rows)
        return []
    workout_id = _workout_id(source_format, start, name)
    if exists(workout_id):
        plan.already += 1
        return []
    known = len(plan.new_exercises)
    records = _plan_workout(
        plan, source_format, workout_id, rows, names, zone, rollover_hour, now, open_days
    )
    fresh = [replace(e, created=now, updated=now) for e in names.new_exercises_since(known)]
    plan.new_exercises.extend(fresh)
    if records:
        workout = records[0]
        assert isinstance(workout, Workout)
        plan.workout_count += 1
        plan.set_count += len(records) - 1
        plan.first_day = min(filter(None, (plan.first_day, workout.day)))
        plan.last_day = max(filter(None, (plan.last_day, workout.day)))
    return [*fresh, *records]


def write_plan(repo: Repository, plan: ImportPlan) -> int:
    """Write the plan's records in one save, all or nothing; workouts that reached the log
    since the plan was made (another import running at once) are left out. Returns the
    number of sets written."""
    return repo.import_stream(plan.records).get(SetEntry.TABLE, 0)


def _plan_workout(
    plan: ImportPlan,
    source_format: str,
    workout_id: str,
    rows: list[ImportedRow],
    names: ExerciseNames,
    zone,
    rollover_hour: int,
    now: datetime,
    open_days: _OpenDays,
) -> list[Record]:
    """The workout's record and its sets' (none when no row is a set the log takes)."""
    first = rows[0]
    start = first.start
    if source_format == "fitnotes" and start.time() == time(0, 0):
        start = datetime.combine(start.date(), DATE_ONLY_START)
    start = start.replace(tzinfo=zone)
    end = _end(first, start)
    day = day_of(start, zone.name, rollover_hour)
    today = day_of(now, zone.name, rollover_hour)
    sets: list[tuple[ImportedRow, SetEntry]] = []
    rest: int | None = None
    for row in rows:
        if row.rest_s is not None and row.reps is None:
            rest = row.rest_s
            continue
        entry = _set(plan, row, names)
        if entry is None:
            continue
        rest = row.rest_s if rest is None else rest
        sets.append((row, replace(entry, workout=workout_id, day=day, rest_s=rest)))
        rest = None
    if not sets:
        return []
    times = _set_times(start, end, [row.at for row, _entry in sets], zone)
    if end is None and source_format == "restday-csv":  # a workout in progress when exported
        if open_days.holds(day):
            end = times[-1]
            plan.changed.append(SkippedRow(first.line, IN_PROGRESS_FINISHED))
    elif end is None:
        end = times[-1] + timedelta(seconds=SET_SPACING_S)
    workout = Workout(
        id=workout_id,
        day=day,
        start=start,
        end=end,
        name=first.workout,
        notes=_note(plan, first.line, first.workout_notes),
        session_rpe=first.session_rpe,
        created=now,
        updated=now,
    )
    try:
        check_record(workout, today)
    except ValidationError as exc:
        plan.skipped.extend(SkippedRow(row.line, str(exc)) for row in rows)
        return []
    placed: list[Record] = []
    for (row, entry), at in zip(sets, times, strict=True):
        n = len(placed) + 1
        entry = replace(
            entry,
            id=f"{workout_id}-{n:03d}",
            order=n,
            timestamp=at,
            created=now,
            updated=now,
        )
        try:
            check_record(entry, today)  # what typed input is checked by, as the last word
        except ValidationError as exc:
            plan.skipped.append(SkippedRow(row.line, str(exc)))
            continue
        placed.append(entry)
    if placed and workout.end is None:
        open_days.imported.add(day)
    return [workout, *placed] if placed else []


def _set_times(
    start: datetime, end: datetime | None, given: list[datetime | None], zone
) -> list[datetime]:
    """Each set's time: its own where the file gives it (restday's CSV), else spaced evenly
    over the workout (`SET_SPACING_S` apart when its length is unknown); kept within the
    workout and in the file's order (a time given to the minute can fall before the
    workout's start, given to the second)."""
    spacing = SET_SPACING_S
    if end is not None and end > start:
        spacing = (end - start).total_seconds() / len(given)
    times: list[datetime] = []
    for n, at in enumerate(given):
        moment = (
            start + timedelta(seconds=round(spacing * n)) if at is None else at.replace(tzinfo=zone)
        )
        moment = max(moment, times[-1] if times else start)
        times.append(moment if end is None else min(moment, end))
    return times


@dataclass
class _OpenDays:
    """The days that hold a workout in progress: in the log (`logged(day)`), or among the
    workouts imported so far."""

    logged: Callable[[date], bool]
    imported: set[date] = field(default_factory=set)

    def holds(self, day: date) -> bool:
        return day in self.imported or self.logged(day)


def _set(plan: ImportPlan, row: ImportedRow, names: ExerciseNames) -> SetEntry | None:
    """The set a row holds, of the kind its cells say: reps, a timed hold (seconds) or a
    distance (with its time, if any); or None (the row is added to the skipped with why)."""

    def skip(reason: str) -> None:
        plan.skipped.append(SkippedRow(row.line, reason))

    seconds = round(row.seconds) if row.seconds else None
    distance_m = round(row.distance_m, 3) if row.distance_m else None
    if not (row.reps or seconds or distance_m):
        skip("a weight without reps, time or distance" if row.weight else "nothing in it")
        return None
    if row.reps and row.reps > MAX_SET_REPS:
        skip(f"{row.reps} reps: restday takes 1 to {MAX_SET_REPS}")
        return None
    weight = row.weight or 0.0
    unit = row.unit or plan.unit
    weight_kg = round(to_kg(abs(weight), unit), 3) if unit == "lb" else abs(weight)
    if weight_kg > MAX_WEIGHT_KG:
        skip(f"{weight:g} {unit} is over {MAX_WEIGHT_KG:g} kg")
        return None
    warmup = row.kind == "warmup"
    rpe = row.rpe
    if rpe is not None and warmup:
        plan.adjustments["RPE of a warm-up set left out"] += 1
        rpe = None
    if rpe is not None:
        try:
            check_rpe(rpe)
        except ValidationError:
            plan.adjustments["RPE outside 6-10 (or not a half step) left out"] += 1
            rpe = None
    if rpe is not None and row.kind == "failure" and rpe != 10:
        plan.adjustments["RPE of a set to failure read as 10"] += 1
        rpe = None
    notes = row.notes
    if row.reps and (seconds or distance_m):
        # A set of reps holds no time or distance: they stay with it as its note.
        measured = (f"{seconds} s" if seconds else "", f"{distance_m:g} m" if distance_m else "")
        notes = " ".join(filter(None, (*measured, notes)))
        plan.adjustments["time or distance of a set of reps kept in its note"] += 1
        seconds = distance_m = None
    notes = _note(plan, row.line, notes)
    match = names.match(row.exercise, row.category)
    plan.mapped[row.exercise] = match.exercise.name
    if weight:
        plan.weight_units[unit] += 1
    return SetEntry(
        workout="",
        exercise=match.exercise.id,
        weight_kg=weight_kg,
        reps=row.reps or 0,
        rpe=rpe,
        warmup=warmup,
        # Unless the file says, a set of reps without a load is a bodyweight set; a
        # negative load is an assisted one.
        bodyweight=(
            (bool(row.reps) and weight_kg == 0 if row.bodyweight is None else row.bodyweight)
            or weight < 0
        ),
        assisted=weight < 0 and weight_kg > 0,
        duration_s=seconds,
        distance_m=distance_m,
        set_type=row.kind if row.kind in SET_TYPES else "",
        group=row.superset or None,
        notes=notes,
        timestamp=datetime.min,
    )


def _note(plan: ImportPlan, line: int, notes: str) -> str:
    """`notes`, cut to `MAX_NOTE_CHARS` with the line listed among the changed."""
    if len(notes) <= MAX_NOTE_CHARS:
        return notes
    plan.changed.append(SkippedRow(line, NOTE_CUT))
    return notes[:MAX_NOTE_CHARS]


def _end(row: ImportedRow, start: datetime) -> datetime | None:
    if row.end is not None and row.end >= row.start:
        return row.end.replace(tzinfo=start.tzinfo)
    if row.duration_s:
        return start + timedelta(seconds=row.duration_s)
    return None


def _workout_id(source_format: str, start: datetime, name: str) -> str:
    digest = hashlib.sha1(f"{source_format}|{start.isoformat()}|{name}".encode()).hexdigest()
    return f"imp-{digest[:24]}"


@cache
def _zone(name: str):
    import pendulum

    return pendulum.timezone(name)
