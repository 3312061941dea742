"""Today's plan (spec section 7): the band turned into sets, reps, RPE and a load for each
exercise of today's template, with the reasons that moved it and the stop rule's floor.

    plan = today_plan(log, assess(log, moment), items, load_step_kg)

A Reduce day is the same exercises, lighter and with fewer sets (Bell et al. 2023, 2024).
Loads are in kilograms, rounded down to the load step (2.5 kg; 5 lb for a lifter in lb,
passed in kilograms). The plan suggests, it never blocks.

Where the spec leaves room:
- "e1RM now" is the top e1RM of the exercise's latest session before today (`trends.top_set`);
  "last time's load" is the heaviest working set of that session.
- A Reduce or deload load is the chart's load at the new RPE target, and never above the
  planned load; without an e1RM now there is no load.
- A planned item without an RPE target gets the Reduce cap (8, or 7) as its target.
- The central reason is the central factor that cost the most ("sleep duration 4.4 h").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from math import floor, inf
from typing import TYPE_CHECKING, Any

from scoring.constants import SCORING
from scoring.e1rm import rpe_percent
from scoring.factors import CENTRAL
from scoring.inputs import ExerciseMuscles, TrainingLog
from scoring.readiness import REDUCE, REST, TRAIN
from scoring.timeline import Session, Timeline
from scoring.trends import top_set

if TYPE_CHECKING:
    from scoring.assessment import Assessment


@dataclass(frozen=True, slots=True)
class PlannedItem:
    """One exercise as the template (or the workout, or its last session) has it.

    For a move that lifts the body, `bodyweight_kg` is the lifter's weight: the model reads
    total loads (`TrainingSet.load_kg`), the plan's loads are what is added to the body.
    `about`: the exercise's name and muscles, for one the log's sets have not shown yet.
    """

    exercise: str
    sets: int
    reps: int
    rpe: float | None = None
    load_kg: float | None = None
    bodyweight_kg: float | None = None
    about: ExerciseMuscles | None = None


@dataclass(frozen=True, slots=True)
class Prescription:
    """Sets x reps @ RPE at a load (None: no RPE target, no load known)."""

    sets: int
    reps: int
    rpe: float | None
    load_kg: float | None

    def as_json(self, load: Callable[[float], float]) -> dict[str, Any]:
        """Plain JSON types, the load through `load` (kg to the lifter's unit)."""
        shown = None if self.load_kg is None else load(self.load_kg)
        return {"sets": self.sets, "reps": self.reps, "rpe": self.rpe, "load": shown}

    def text(self, load: Callable[[float], str]) -> str:
        """'4x5@8 140 kg' with `load` formatting the load in the lifter's unit."""
        rpe = f"@{self.rpe:g}" if self.rpe is not None else ""
        weight = f" {load(self.load_kg)}" if self.load_kg is not None else ""
        return f"{self.sets}x{self.reps}{rpe}{weight}"


@dataclass(frozen=True, slots=True)
class PlanItem:
    """An exercise's planned and adjusted prescription, why they differ, and the stop
    rule's fatigue percent (None: no stop rule for this item). `bodyweight`: the loads are
    what is added to the body."""

    exercise: str
    name: str
    planned: Prescription
    adjusted: Prescription
    reasons: tuple[str, ...]
    stop_fraction: float | None
    bodyweight: bool = False

    def stop_floor(self, first_set_e1rm: float) -> float | None:
        """The e1RM under which a later set ends the exercise."""
        if self.stop_fraction is None:
            return None
        return first_set_e1rm * (1 - self.stop_fraction)

    def stops(self, first_set_e1rm: float, e1rm: float) -> bool:
        """Whether a later set's e1RM fell under the floor ("fatigue stop")."""
        floor_ = self.stop_floor(first_set_e1rm)
        return floor_ is not None and e1rm < floor_

    def as_json(
        self, load: Callable[[float], float], floor_kg: float | None = None
    ) -> dict[str, Any]:
        """Plain JSON types; `floor_kg`: the stop floor, once today's first set gave it."""
        return {
            "exercise": self.exercise,
            "name": self.name,
            "planned": self.planned.as_json(load),
            "adjusted": self.adjusted.as_json(load),
            "reasons": list(self.reasons),
            "stop_fraction": self.stop_fraction,
            "stop_floor": None if floor_kg is None else load(floor_kg),
            "bodyweight": self.bodyweight,
        }

    def text(self, load: Callable[[float], str]) -> str:
        """'Back Squat 4x5@8 140 -> 3x5@7 135 · glutes 38 · sleep duration 4.4 h'."""
        planned, adjusted = self.planned.text(load), self.adjusted.text(load)
        if self.adjusted.sets == 0:
            return f"{self.name} {planned} -> {' · '.join(self.reasons)}"
        moved = planned if planned == adjusted else f"{planned} -> {adjusted}"
        return " · ".join((f"{self.name} {moved}", *self.reasons))


@dataclass(frozen=True, slots=True)
class Plan:
    """Today's plan for the workout `name`: `rest` says why when today is a rest day (the
    items are then the Reduce plan at R = 33, for a lifter who trains anyway)."""

    day: date
    name: str
    band: str | None
    rest: str | None
    items: tuple[PlanItem, ...]

    def as_json(
        self, load: Callable[[float], float], floors_kg: Mapping[str, float] | None = None
    ) -> dict[str, Any]:
        """Plain JSON types, for `restday status --json`; loads through `load`, with the
        stop floors known so far by exercise."""
        floors_kg = floors_kg or {}
        return {
            "day": self.day.isoformat(),
            "name": self.name,
            "band": self.band,
            "rest": self.rest,
            "items": [item.as_json(load, floors_kg.get(item.exercise)) for item in self.items],
        }


def today_plan(
    log: TrainingLog,
    assessment: Assessment,
    items: Sequence[PlannedItem],
    load_step_kg: float = SCORING.load_step_kg,
    *,
    name: str = "",
) -> Plan:
    """The plan for the assessment's day (spec 7)."""
    return plan_timeline(Timeline(log), assessment, items, load_step_kg, name=name)


def plan_timeline(
    timeline: Timeline,
    assessment: Assessment,
    items: Sequence[PlannedItem],
    load_step_kg: float = SCORING.load_step_kg,
    *,
    name: str = "",
    max_load_kg: float = inf,
) -> Plan:
    """`today_plan` on a log indexed once (the one `assess_timeline` read); no load above
    `max_load_kg` (what a set may hold, added to the body for a move that lifts it)."""
    until = timeline.point(assessment.day, assessment.moment).sets_until
    rest = assessment.recommendation if assessment.band == REST else None
    planned = [
        _item(timeline, assessment, item, until, _Grid(load_step_kg, 0.0, max_load_kg))
        for item in items
        if item.sets > 0 and item.reps > 0
    ]
    return Plan(assessment.day, name, assessment.band, rest, tuple(planned))


def _item(
    timeline: Timeline, a: Assessment, item: PlannedItem, until: datetime, grid: _Grid
) -> PlanItem:
    c = SCORING
    sessions = timeline.sessions_of(item.exercise, until, date.min)
    last = sessions[-1] if sessions else None
    top = top_set(last) if last is not None else None
    e1rm = top.e1rm if top is not None else None
    grid = replace(grid, body=item.bodyweight_kg or 0.0)
    planned = Prescription(item.sets, item.reps, item.rpe, _planned_load(item, last, e1rm, grid))
    known = timeline.log.exercises.get(item.exercise) or item.about
    name = known.name if known is not None else item.exercise
    reasons: tuple[str, ...] = ()
    flagged = _flagged(a, known)  # home says "skip today" for one of its muscles
    if a.band == TRAIN or a.band is None:
        adjusted = planned
        stop = c.stop_fraction_planned if a.band == TRAIN else None
        if flagged is not None:  # the planned sets, and why the lifter may not
            reasons = (f"{flagged}: flagged skip today",)
    else:
        stop = c.stop_fraction_reduced
        if flagged is not None:  # any lighter day, a deload week's too
            adjusted, reasons = replace(planned, sets=0), (f"skip: {flagged}",)
        elif a.deload is not None and a.band == REDUCE:
            sets = max(1, _round(item.sets * c.plan_deload_sets))
            rpe = min(item.rpe or c.plan_deload_rpe, c.plan_deload_rpe)
            adjusted = _lighter(planned, sets, rpe, e1rm, grid)
            reasons = ("deload week",)
        else:
            adjusted, reasons = _reduced(a, item, known, planned, e1rm, grid)
    return PlanItem(
        item.exercise,
        name,
        grid.added(planned),
        grid.added(adjusted),
        reasons,
        _stop(adjusted, stop),
        bool(grid.body),
    )


@dataclass(frozen=True, slots=True)
class _Grid:
    """Loads on the load step, counted from the body's weight for a bodyweight move, and no
    more than `most` added to it."""

    step: float
    body: float
    most: float

    def floor(self, total: float) -> float:
        """`total` rounded down so that what is added to the body is whole steps."""
        return self.body + _on_step(min(total - self.body, self.most), self.step)

    def added(self, prescription: Prescription) -> Prescription:
        """The prescription with the load added to the body (the total for other moves)."""
        if prescription.load_kg is None or not self.body:
            return prescription
        return replace(prescription, load_kg=max(0.0, prescription.load_kg - self.body))


def _reduced(
    a: Assessment,
    item: PlannedItem,
    known: ExerciseMuscles | None,
    planned: Prescription,
    e1rm: float | None,
    grid: _Grid,
) -> tuple[Prescription, tuple[str, ...]]:
    """The Reduce prescription of an item none of whose muscles is to be skipped, from the
    lowest P_m of its direct muscles."""
    c = SCORING
    r = a.readiness if a.band == REDUCE and a.readiness is not None else c.plan_rest_readiness
    scored = _scored(a, known)
    reasons = []
    sets = item.sets
    if scored and scored[0][0] < c.prefer_muscle_from:
        kept = c.plan_sets_kept_high if r >= c.plan_cut_from_readiness else c.plan_sets_kept_low
        sets = max(1, _round(item.sets * kept))
        reasons.append(f"{scored[0][1].replace('_', ' ')} {scored[0][0]:.0f}")
    central_lower = a.central is not None and a.peripheral is not None
    central_lower = central_lower and a.central < a.peripheral
    cap = c.plan_central_rpe if central_lower else c.plan_reduce_rpe
    rpe = min(item.rpe or cap, cap)
    if central_lower:
        worst = next((x for x in a.contributors if x.group == CENTRAL and x.points > 0), None)
        if worst is not None:
            reasons.append(f"{worst.factor.lower()} {worst.value}".strip())
    return _lighter(planned, sets, rpe, e1rm, grid), tuple(reasons)


def _direct(known: ExerciseMuscles | None) -> list[str]:
    return [m for m, k in (known.muscles.items() if known else ()) if k >= 1.0]


def _scored(a: Assessment, known: ExerciseMuscles | None) -> list[tuple[float, str]]:
    """The P_m of the exercise's direct muscles, the lowest first."""
    return sorted((a.muscles[m], m) for m in _direct(known) if m in a.muscles)


def _flagged(a: Assessment, known: ExerciseMuscles | None) -> str | None:
    """The direct muscle of the exercise flagged "skip today" (section 4), with why:
    "glutes 28", or "glutes sore" when its score reads as fresh; None when none is."""
    c = SCORING
    scored = _scored(a, known)
    skipped = [m for m in _direct(known) if m in a.skip_muscles]
    if not skipped and not (scored and scored[0][0] < c.skip_score_below):
        return None
    muscle = skipped[0] if skipped else scored[0][1]
    score = a.muscles.get(muscle)
    # Flagged with a score that reads as fresh: the soreness is why.
    fresh = score is None or score >= c.skip_score_below
    shown = "sore" if fresh and muscle in a.skip_muscles else f"{score:.0f}"
    return f"{muscle.replace('_', ' ')} {shown}"


def _lighter(
    planned: Prescription, sets: int, rpe: float, e1rm: float | None, grid: _Grid
) -> Prescription:
    """Fewer sets at a lower RPE target, the load from the chart and never above the
    planned one, on the load step (a template's own load may be off it)."""
    load = None
    pct = rpe_percent(planned.reps, rpe)
    most = None if planned.load_kg is None else grid.floor(planned.load_kg)
    if e1rm is not None and pct is not None:
        load = grid.floor(e1rm * pct / 100)
        if most is not None:
            load = min(load, most)
    elif e1rm is not None:
        load = most
    return Prescription(min(sets, planned.sets), planned.reps, rpe, load)


def _planned_load(
    item: PlannedItem, last: Session | None, e1rm: float | None, grid: _Grid
) -> float | None:
    """The template's own load; else double progression on last time's load; else the
    chart's load for the target (totals: the body's weight included)."""
    if item.load_kg is not None:
        return grid.body + item.load_kg
    if last is not None:
        loads = [s.load_kg for s in last.sets if s.load_kg is not None]
        if not loads:
            return None
        load = max(loads)
        reached = all(
            s.reps >= item.reps and (s.rpe is None or item.rpe is None or s.rpe <= item.rpe)
            for s in last.sets
        )
        return grid.floor(load + grid.step) if reached else grid.floor(load)
    pct = rpe_percent(item.reps, item.rpe) if item.rpe is not None else None
    if e1rm is None or pct is None:
        return None
    return grid.floor(e1rm * pct / 100)


def _stop(prescription: Prescription, fraction: float | None) -> float | None:
    big_enough = prescription.sets >= SCORING.stop_min_sets and prescription.rpe is not None
    return fraction if big_enough else None


def _on_step(load: float, step: float) -> float:
    """`load` rounded down to a whole number of load steps."""
    return floor(load / step + SCORING.load_step_tolerance) * step


def _round(value: float) -> int:
    """Half up, as a lifter rounds sets (2.5 -> 3)."""
    return floor(value + 0.5)
