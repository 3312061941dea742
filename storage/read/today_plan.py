"""What today's plan starts from (scoring spec section 7): the exercises of today's workout,
as its template has them, else as the last workout of the same name did them; before a
workout is started, the template next in the lifter's rotation (of the templates used in
the last 28 days, the one used longest ago).

`planned_workout(repo, day)` reads them with the workout's name, `planned_template(repo,
day)` the template they are of before a workout is begun; `load_step_kg(unit)` is the
load step the plan rounds to (2.5 kg, or 5 lb for a lifter in lb); `plan_for` makes the plan
of them, and `read_today_plan` the plan of one workout on its own (the workout screen's).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from scoring.constants import SCORING
from scoring.plan import Plan, PlanItem, PlannedItem, plan_timeline
from storage.log.reader import LogReader
from storage.model.records import SetEntry, Template, Workout
from storage.model.template_plan import plan_of_sets
from storage.model.units import to_kg
from storage.model.validation import MAX_WEIGHT_KG

if TYPE_CHECKING:
    from scoring.assessment import Assessment
    from scoring.timeline import Timeline

# How far back the last workout of the same name is looked for: the scoring window.
LOOKBACK_DAYS = 61
BODYWEIGHT = "bodyweight"  # the equipment of a move that lifts the body
# The templates in rotation: those used in the last four weeks.
ROTATION_DAYS = 28


def load_step_kg(unit: str) -> float:
    """The plan's load step in kilograms for a lifter who reads `unit`."""
    return to_kg(SCORING.load_step_lb, unit) if unit == "lb" else SCORING.load_step_kg


def plan_for(
    timeline: Timeline,
    assessment: Assessment,
    planned: tuple[str, list[PlannedItem]],
    unit: str,
) -> Plan:
    """The plan of `planned` (`planned_workout`) for the assessment's day, in `unit`'s load
    step."""
    name, items = planned
    step = load_step_kg(unit)
    return plan_timeline(timeline, assessment, items, step, name=name, max_load_kg=MAX_WEIGHT_KG)


def read_today_plan(repo: LogReader, moment: datetime, workout: Workout) -> Plan | None:
    """Today's plan at `moment` for `workout` as the caller holds it (its save may still be
    on its way); the day's assessment is read only when there is something to plan."""
    from scoring.assessment import assess_timeline
    from scoring.timeline import Timeline
    from storage.read.score_window import read_window

    day = repo.day_of(moment)
    found = _of_workout(repo, workout, day)
    if found is None:
        return None
    timeline = Timeline(read_window(repo, moment))
    assessment = assess_timeline(timeline, moment)
    return plan_for(timeline, assessment, _weighed(repo, found, day), repo.settings().unit)


def stop_start(
    sets: Iterable[SetEntry], bodyweight_kg: float | None
) -> tuple[SetEntry, float] | None:
    """The set an exercise's stop rule counts from and its e1RM (kg): its first working set
    today with an e1RM (a drop set is meant lighter: not one)."""
    from storage.read.records_so_far import set_e1rm

    for entry in sets:
        found = set_e1rm(entry, bodyweight_kg) if entry.set_type != "drop" else None
        if found is not None:
            return entry, found[0]
    return None


def stop_floor(
    item: PlanItem | None, sets: Iterable[SetEntry], bodyweight_kg: float | None
) -> float | None:
    """The e1RM (kg) under which the plan's stop rule ends the exercise, from today's `sets`
    of it; none before its first working set or without a stop rule."""
    start = stop_start(sets, bodyweight_kg)
    return None if item is None or start is None else item.stop_floor(start[1])


def stop_floors(repo: LogReader, plan: Plan, moment: datetime) -> dict[str, float]:
    """The stop floor of each exercise of `plan` whose first working set was logged on the
    plan's day by `moment` (`restday status --json`)."""
    day = plan.day
    done = [
        s
        for w in repo.workouts(since=day, until=day)
        for s in sorted(repo.sets(workout=w.id), key=lambda s: s.timestamp)
        if s.timestamp <= moment
    ]
    latest = repo.latest_bodyweight(day)
    bodyweight = latest[1] if latest is not None else None
    floors = {
        item.exercise: stop_floor(
            item, [s for s in done if s.exercise == item.exercise], bodyweight
        )
        for item in plan.items
    }
    return {exercise: floor for exercise, floor in floors.items() if floor is not None}


def planned_workout(repo: LogReader, day: date) -> tuple[str, list[PlannedItem]] | None:
    """The name and planned exercises of `day`'s latest workout, or before one is started
    the template next in rotation (None: nothing to plan from)."""
    found = _source(repo, day)
    return None if found is None else _weighed(repo, found, day)


def _weighed(
    repo: LogReader, found: tuple[str, list[PlannedItem]], day: date
) -> tuple[str, list[PlannedItem]]:
    name, items = found
    latest = repo.latest_bodyweight(day)
    return name, [_described(repo, item, latest) for item in items]


def planned_template(repo: LogReader, day: date) -> Template | None:
    """The template today's plan is of before `day` has a workout: the one next in the
    lifter's rotation (None once a workout is begun, or with no template in rotation)."""
    if repo.workouts(since=day, until=day):
        return None
    return _next_in_rotation(repo, day)


def _source(repo: LogReader, day: date) -> tuple[str, list[PlannedItem]] | None:
    template = planned_template(repo, day)
    if template is not None:
        return template.name, _items(template)
    workouts = repo.workouts(since=day, until=day)
    return _of_workout(repo, workouts[-1], day) if workouts else None


def _of_workout(
    repo: LogReader, workout: Workout, day: date
) -> tuple[str, list[PlannedItem]] | None:
    template = repo.template(workout.template) if workout.template else None
    if template is not None:
        return workout.name or template.name, _items(template)
    earlier = _same_name_before(repo, workout, day)
    if earlier is None:
        return None
    return workout.name, _as_done(repo.sets(workout=earlier.id))


def _described(
    repo: LogReader, item: PlannedItem, latest: tuple[date, float] | None
) -> PlannedItem:
    """The item with what its exercise works (for one not done yet in the score's window);
    a move that lifts the body plans what is added to it (the model reads totals)."""
    from storage.read.score_window import exercise_muscles

    exercise = repo.exercise(item.exercise)
    if exercise is None:
        return item
    about = exercise_muscles(exercise)
    if exercise.equipment != BODYWEIGHT or latest is None:
        return replace(item, about=about)
    return replace(item, about=about, bodyweight_kg=latest[1])


def _items(template: Template) -> list[PlannedItem]:
    return [
        PlannedItem(item.exercise, item.sets, item.reps, item.rpe, item.weight_kg)
        for item in template.items
    ]


def _next_in_rotation(repo: LogReader, day: date) -> Template | None:
    recent = repo.workouts(day - timedelta(days=ROTATION_DAYS), day - timedelta(days=1))
    last_used: dict[str, date] = {}
    for workout in recent:
        if workout.template and workout.day is not None:
            last_used[workout.template] = workout.day
    for template_id in sorted(last_used, key=lambda t: (last_used[t], t)):
        template = repo.template(template_id)
        if template is not None:
            return template
    return None


def _same_name_before(repo: LogReader, workout: Workout, day: date) -> Workout | None:
    if not workout.name:
        return None
    since = day - timedelta(days=LOOKBACK_DAYS)
    same = [w for w in repo.workouts(since, day - timedelta(days=1)) if w.name == workout.name]
    return same[-1] if same else None


def _as_done(sets: list[SetEntry]) -> list[PlannedItem]:
    """A finished workout's exercises as a plan: what a template made of it holds
    (`plan_of_sets`), in the order first done."""
    done = plan_of_sets(sorted(sets, key=lambda s: s.timestamp))
    return [PlannedItem(item.exercise, item.sets, item.reps, item.rpe) for item in done]
