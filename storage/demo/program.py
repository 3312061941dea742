"""The demo lifter's program: a 4-day upper/lower split, its four templates of main lifts and
accessories, the main lifts' 4-week wave, and the templates as records of the log."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from storage.demo.chance import Chance
from storage.model.records import Exercise, Template, TemplateItem

WEEKDAY_SESSIONS = {0: "Upper A", 1: "Lower A", 3: "Upper B", 4: "Lower B"}
ROTATION = ("Upper A", "Lower A", "Upper B", "Lower B")


@dataclass(frozen=True)
class Slot:
    """One exercise of a template: the first id present in the library is used."""

    candidates: tuple[str, ...]
    main: bool
    reps: int  # base reps (main) or target reps (accessory)
    end_e1rm: float  # e1RM at the end of a long log, kg (total load for bodyweight moves)
    step: float  # load step, kg
    rest_s: int
    bodyweight: bool = False
    sets: int = 3
    bar: float = 20.0  # a main lift's first warm-up load


TEMPLATES: dict[str, tuple[Slot, ...]] = {
    "Upper A": (
        Slot(("bench-press",), True, 5, 117.0, 2.5, 180, sets=4),
        Slot(("barbell-row",), True, 8, 107.0, 2.5, 150, sets=4),
        Slot(("incline-dumbbell-press", "dumbbell-bench-press"), False, 10, 42.0, 2.0, 90),
        Slot(("lat-pulldown", "seated-cable-row"), False, 10, 95.0, 2.5, 90),
        Slot(("triceps-pushdown", "skull-crusher"), False, 12, 45.0, 2.5, 60),
    ),
    "Lower A": (
        Slot(("back-squat",), True, 5, 162.0, 2.5, 210, sets=4),
        Slot(("romanian-deadlift", "stiff-leg-deadlift"), False, 8, 150.0, 2.5, 120),
        Slot(("leg-extension",), False, 12, 90.0, 2.5, 60),
        Slot(("lying-leg-curl", "seated-leg-curl", "leg-curl"), False, 10, 65.0, 2.5, 60),
        Slot(("standing-calf-raise", "seated-calf-raise"), False, 12, 150.0, 5.0, 60),
    ),
    "Upper B": (
        Slot(("overhead-press",), True, 6, 72.0, 2.5, 180, sets=4),
        Slot(("pull-up", "lat-pulldown"), False, 8, 120.0, 2.5, 120, bodyweight=True),
        Slot(("dumbbell-bench-press", "incline-dumbbell-press"), False, 10, 48.0, 2.0, 90),
        Slot(
            ("lateral-raise", "dumbbell-lateral-raise", "cable-lateral-raise"),
            False,
            12,
            20.0,
            2.0,
            60,
        ),  # fmt: skip
        Slot(("barbell-curl", "ez-bar-curl", "dumbbell-curl"), False, 10, 55.0, 2.5, 60),
    ),
    "Lower B": (
        Slot(("deadlift",), True, 4, 200.0, 2.5, 240, sets=3, bar=60.0),
        Slot(("leg-press", "hack-squat"), False, 10, 280.0, 5.0, 120),
        Slot(("seated-leg-curl", "lying-leg-curl", "leg-curl"), False, 12, 70.0, 2.5, 60),
        Slot(("standing-calf-raise", "seated-calf-raise"), False, 10, 150.0, 5.0, 60),
        Slot(("hanging-leg-raise", "cable-crunch"), False, 12, 0.0, 0.0, 60, bodyweight=True),
    ),
}

# Over a 4-week wave: main-lift working sets, rep offset, first-set RPE.
WAVE_SETS = (0, 1, 0, -1)
WAVE_REPS = (1, 0, 0, -1)
WAVE_RPE = (7.0, 7.5, 8.0, 8.5)

# A session's exercises: each template's slots with the exercise the library has for them.
Program = dict[str, list[tuple[Slot, Exercise]]]


def resolve(exercises: Mapping[str, Exercise]) -> Program:
    """The templates with an exercise for each slot the library can fill; a template none of
    whose exercises is in the library is left out (and so are its workouts)."""
    program: Program = {}
    for name, slots in TEMPLATES.items():
        chosen: list[tuple[Slot, Exercise]] = []
        for slot in slots:
            ex_id = next((c for c in slot.candidates if c in exercises), None)
            if ex_id is not None:
                chosen.append((slot, exercises[ex_id]))
        if chosen:
            program[name] = chosen
    return program


def template_records(
    program: Program, chance: Chance, created: datetime, day: date
) -> dict[str, Template]:
    """The program's templates as records, by name."""
    templates: dict[str, Template] = {}
    for name, chosen in program.items():
        items = [
            TemplateItem(
                exercise=ex.id,
                sets=slot.sets,
                reps=slot.reps,
                rpe=8.0 if slot.main else None,
                rest_s=slot.rest_s,
            )
            for slot, ex in chosen
        ]
        templates[name] = Template(
            id=chance.new_id(), name=name, items=items, created=created, updated=created, day=day
        )
    return templates
