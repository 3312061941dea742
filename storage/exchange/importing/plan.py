"""The rows of an export turned into the log's records, and written in one save.

Rows are grouped into workouts by their start and workout name, in file order; a rest-timer
row becomes the rest taken before the next set; warm-ups stay marked, RPE is kept where
restday's scale (6-10, half steps) has it. Each workout's id comes from the file's format,
its start and its name, and each set's from its workout's and its place in it, so that
importing the same file again finds everything already there and adds nothing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import cache

from storage.errors import ValidationError
from storage.exchange.importing.names import ExerciseNames
from storage.exchange.importing.rows import ImportedRow, ParsedFile, SkippedRow
from storage.log.repository import Repository
from storage.model.days import day_of
from storage.model.records import Exercise, SetEntry, Workout
from storage.model.validation import MAX_WEIGHT_KG, check_day, check_record, check_rpe

KG_PER_LB = 0.45359237
SET_SPACING_S = 150  # between sets when the file gives no workout length
DATE_ONLY_START = time(12, 0)  # a workout known by its date alone (FitNotes)
MAX_REPS = 100


class UnitNeeded(ValueError):
    """The file's weights carry no unit and none was given."""


@dataclass
class ImportPlan:
    source: str  # what the file was read as
    unit: str  # the unit of the file's weights, where it does not say
    workouts: list[Workout] = field(default_factory=list)
    sets: list[SetEntry] = field(default_factory=list)
    new_exercises: list[Exercise] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    already: int = 0  # workouts imported before, left as they are
    adjustments: Counter[str] = field(default_factory=Counter)  # what was changed, how often
    mapped: dict[str, str] = field(default_factory=dict)  # a file's name -> exercise name

    @property
    def first_day(self) -> date | None:
        return min((w.day for w in self.workouts), default=None)

    @property
    def last_day(self) -> date | None:
        return max((w.day for w in self.workouts), default=None)

    @property
    def records(self) -> list:
        return [*self.new_exercises, *self.workouts, *self.sets]


def needs_unit(parsed: ParsedFile) -> bool:
    """Whether some weight in the file has no unit the file states."""
    return any(row.unit is None and row.weight for row in parsed.rows)


def plan_import(
    parsed: ParsedFile,
    *,
    exercises: Sequence[Exercise],
    unit: str | None,
    timezone: str,
    rollover_hour: int,
    now: datetime,
    exists: Callable[[str], bool] = lambda workout_id: False,
    progress: Callable[[int], None] | None = None,
) -> ImportPlan:
    """What importing `parsed` would add: `exists(workout_id)` says which workouts the log
    holds already. Raises UnitNeeded when weights have no unit and `unit` is None."""
    if unit is None and needs_unit(parsed):
        raise UnitNeeded("the file does not say whether its weights are kg or lb")
    plan = ImportPlan(source=parsed.variant or parsed.format, unit=unit or "kg")
    plan.skipped.extend(parsed.skipped)
    names = ExerciseNames(exercises)
    zone = _zone(timezone)
    groups: dict[tuple[datetime, str], list[ImportedRow]] = {}
    for row in parsed.rows:
        groups.setdefault((row.start, row.workout), []).append(row)
    today = day_of(now, timezone, rollover_hour)
    done = 0
    for (start, name), rows in groups.items():
        try:
            check_day("date", start, today)
        except ValidationError as exc:  # before any day arithmetic, which it could overflow
            plan.skipped.extend(SkippedRow(row.line, str(exc)) for row in rows)
            continue
        workout_id = _workout_id(parsed.format, start, name)
        if exists(workout_id):
            plan.already += 1
        else:
            _plan_workout(plan, parsed.format, workout_id, rows, names, zone, rollover_hour, now)
        done += len(rows)
        if progress is not None:
            progress(done)
    plan.new_exercises = [replace(e, created=now, updated=now) for e in names.new_exercises]
    plan.skipped.sort(key=lambda skipped: skipped.line)
    return plan


def write_plan(repo: Repository, plan: ImportPlan) -> int:
    """Write the plan's records in one save, all or nothing; workouts that reached the log
    since the plan was made (another import running at once) are left out. Returns the
    number of sets written."""
    with repo.transaction():
        fresh = {w.id for w in plan.workouts if repo.workout(w.id) is None}
        known = {e.id for e in repo.exercises()}
        records = [e for e in plan.new_exercises if e.id not in known]
        records += [w for w in plan.workouts if w.id in fresh]
        sets = [s for s in plan.sets if s.workout in fresh]
        repo.import_records([*records, *sets])
    return len(sets)


def _plan_workout(
    plan: ImportPlan,
    source_format: str,
    workout_id: str,
    rows: list[ImportedRow],
    names: ExerciseNames,
    zone,
    rollover_hour: int,
    now: datetime,
) -> None:
    first = rows[0]
    start = first.start
    if source_format == "fitnotes" and start.time() == time(0, 0):
        start = datetime.combine(start.date(), DATE_ONLY_START)
    start = start.replace(tzinfo=zone)
    end = _end(first, start)
    day = day_of(start, zone.name, rollover_hour)
    today = day_of(now, zone.name, rollover_hour)
    sets: list[tuple[int, SetEntry]] = []
    rest: int | None = None
    for row in rows:
        if row.rest_s is not None and row.reps is None:
            rest = row.rest_s
            continue
        entry = _set(plan, row, names)
        if entry is None:
            continue
        sets.append((row.line, replace(entry, workout=workout_id, day=day, rest_s=rest)))
        rest = None
    if not sets:
        return
    spacing = SET_SPACING_S
    if end is not None and end > start:
        spacing = (end - start).total_seconds() / len(sets)
    if end is None:
        end = start + timedelta(seconds=round(spacing * len(sets)))
    workout = Workout(
        id=workout_id,
        day=day,
        start=start,
        end=end,
        name=first.workout,
        notes=first.workout_notes,
        created=now,
        updated=now,
    )
    try:
        check_record(workout, today)
    except ValidationError as exc:
        plan.skipped.extend(SkippedRow(row.line, str(exc)) for row in rows)
        return
    placed = []
    for line, entry in sets:
        n = len(placed) + 1
        entry = replace(
            entry,
            id=f"{workout_id}-{n:03d}",
            order=n,
            timestamp=start + timedelta(seconds=round(spacing * (n - 1))),
            created=now,
            updated=now,
        )
        try:
            check_record(entry, today)  # what typed input is checked by, as the last word
        except ValidationError as exc:
            plan.skipped.append(SkippedRow(line, str(exc)))
            continue
        placed.append(entry)
    if placed:
        plan.sets.extend(placed)
        plan.workouts.append(workout)


def _set(plan: ImportPlan, row: ImportedRow, names: ExerciseNames) -> SetEntry | None:
    """The set a row holds, or None (the row is added to the skipped with why)."""

    def skip(reason: str) -> None:
        plan.skipped.append(SkippedRow(row.line, reason))

    if not row.reps:
        if row.seconds or row.distance_m:
            skip("a timed or distance entry (cardio, a hold): restday logs sets of reps")
        else:
            skip("no reps")
        return None
    if row.reps > MAX_REPS:
        skip(f"{row.reps} reps: restday takes 1 to {MAX_REPS}")
        return None
    weight = row.weight or 0.0
    if weight < 0:
        skip(f"a negative weight ({weight:g}): assisted sets are not taken")
        return None
    weight_kg = round(weight * KG_PER_LB, 3) if (row.unit or plan.unit) == "lb" else weight
    if weight_kg > MAX_WEIGHT_KG:
        skip(f"{weight:g} {row.unit or plan.unit} is over {MAX_WEIGHT_KG:g} kg")
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
    match = names.match(row.exercise, row.category)
    plan.mapped[row.exercise] = match.exercise.name
    notes = row.notes
    if row.kind in ("drop", "failure"):
        notes = " ".join(filter(None, (f"{row.kind} set", notes)))
    return SetEntry(
        workout="",
        exercise=match.exercise.id,
        weight_kg=weight_kg,
        reps=row.reps,
        rpe=rpe,
        warmup=warmup,
        bodyweight=weight_kg == 0,
        notes=notes,
        timestamp=datetime.min,
    )


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
