"""What today's plan starts from (scoring spec section 7): the exercises of today's workout,
as its template has them, else as the last workout of the same name did them.

`planned_items(repo, day)` reads them; `load_step_kg(unit)` is the load step the plan rounds
to (2.5 kg, or 5 lb for a lifter in lb). Without a workout today there is nothing to plan.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from scoring.constants import SCORING
from scoring.plan import PlannedItem
from storage.log.reader import LogReader
from storage.model.records import SetEntry, Workout
from storage.model.units import to_kg

# How far back the last workout of the same name is looked for: the scoring window.
LOOKBACK_DAYS = 61


def load_step_kg(unit: str) -> float:
    """The plan's load step in kilograms for a lifter who reads `unit`."""
    return to_kg(SCORING.load_step_lb, unit) if unit == "lb" else SCORING.load_step_kg


def planned_items(repo: LogReader, day: date) -> list[PlannedItem]:
    """The planned exercises of `day`'s latest workout (none without a workout)."""
    workouts = repo.workouts(since=day, until=day)
    if not workouts:
        return []
    workout = workouts[-1]
    template = repo.template(workout.template) if workout.template else None
    if template is not None:
        return [
            PlannedItem(item.exercise, item.sets, item.reps, item.rpe, item.weight_kg)
            for item in template.items
        ]
    earlier = _same_name_before(repo, workout, day)
    return _as_done(repo.sets(workout=earlier.id)) if earlier is not None else []


def _same_name_before(repo: LogReader, workout: Workout, day: date) -> Workout | None:
    if not workout.name:
        return None
    since = day - timedelta(days=LOOKBACK_DAYS)
    same = [w for w in repo.workouts(since, day - timedelta(days=1)) if w.name == workout.name]
    return same[-1] if same else None


def _as_done(sets: list[SetEntry]) -> list[PlannedItem]:
    """A finished workout's exercises as a plan: per exercise, in the order first done, its
    working sets, their most common reps and highest RPE."""
    by_exercise: dict[str, list[SetEntry]] = {}
    for entry in sorted(sets, key=lambda s: s.timestamp):
        if not entry.warmup:
            by_exercise.setdefault(entry.exercise, []).append(entry)
    items = []
    for exercise, done in by_exercise.items():
        reps = Counter(s.reps for s in done).most_common(1)[0][0]
        rpes = [s.rpe for s in done if s.rpe is not None]
        items.append(PlannedItem(exercise, len(done), reps, max(rpes) if rpes else None))
    return items
