"""Checks on values before they reach the log. Each failure says what is accepted."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime

from storage.errors import ValidationError
from storage.model.plates import plate_set_problem
from storage.model.records import (
    EQUIPMENT,
    EXERCISE_KINDS,
    MAX_DISTANCE_M,
    MAX_DURATION_S,
    MAX_SET_REPS,
    MAX_SPEED_M_S,
    MUSCLES,
    SCHEMA_VERSION,
    SET_TYPES,
    UNITS,
    Exercise,
    Record,
    Recovery,
    RestPeriod,
    SetEntry,
    Settings,
    SymptomEntry,
    Template,
    Workout,
)
from storage.model.symptom_scales import MOST_SORE, SCALES
from storage.model.text import printable

MAX_WEIGHT_KG = 1000.0
MIN_BODYWEIGHT_KG = 20.0
MAX_BODYWEIGHT_KG = 400.0
MAX_WATER_CUPS = 100
MAX_PROTEIN_G = 2000.0
MAX_CARBS_G = 3000.0
EARLIEST_DAY = date(1900, 1, 1)
MAX_GAP_S = 366 * 86400  # the longest rest, pause or timer a record may hold
MAX_NOTE_CHARS = 2000  # a note on a set, a workout, a day: what a person writes, not a file


def _number(name: str, value: float | None, low: float, high: float, accepted: str) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(f"{name} must be a number: {accepted}")
    if not low <= value <= high:
        raise ValidationError(f"{name} {value:g} is out of range: {accepted}")


def _integer(name: str, value: int | None, low: int, high: int) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{name} must be a whole number from {low} to {high}")
    if not low <= value <= high:
        raise ValidationError(
            f"{name} {value} is out of range: a whole number from {low} to {high}"
        )


def check_note(notes: str) -> None:
    if len(notes) > MAX_NOTE_CHARS:
        raise ValidationError(
            f"a note is at most {MAX_NOTE_CHARS:,} characters; this one has {len(notes):,}"
        )


def check_rpe(rpe: float | None) -> None:
    accepted = "RPE is 6 to 10 in steps of 0.5, e.g. 8 or 8.5"
    _number("RPE", rpe, 6, 10, accepted)
    if rpe is not None and (rpe * 2) != int(rpe * 2):
        raise ValidationError(f"RPE {rpe:g} is not on a half step: {accepted}")


def check_set(entry: SetEntry) -> None:
    check_note(entry.notes)
    _number("weight", entry.weight_kg, 0, MAX_WEIGHT_KG, "0 to 1000 kg")
    if entry.kind == "reps":
        _integer("reps", entry.reps, 1, MAX_SET_REPS)
    else:
        _integer(f"reps of a {entry.kind} set", entry.reps, 0, 0)
    _integer("time", entry.duration_s, 1, MAX_DURATION_S)
    _number("distance", entry.distance_m, 0.001, MAX_DISTANCE_M, "above 0 m, up to 1000 km")
    if (
        entry.distance_m
        and entry.duration_s
        and entry.distance_m / entry.duration_s > MAX_SPEED_M_S
    ):
        speed = entry.distance_m / entry.duration_s * 3.6
        raise ValidationError(
            f"{entry.distance_m:g} m in {entry.duration_s} s is {speed:,.0f} km/h, faster than "
            "anyone goes: minutes are typed 25:00"
        )
    check_rpe(entry.rpe)
    if entry.warmup and entry.rpe is not None:
        raise ValidationError("a warm-up set has no RPE: drop the @RPE or the warm-up mark")
    if entry.set_type and entry.set_type not in SET_TYPES:
        raise ValidationError(
            f"unknown set type {entry.set_type!r}: a set is a warm-up, working, drop, "
            "failure or AMRAP set"
        )
    if entry.warmup and entry.set_type:
        raise ValidationError(f"a warm-up set is not also a {entry.set_type} set")
    if entry.set_type == "failure" and entry.rpe not in (None, 10):
        raise ValidationError("a set to failure is RPE 10: drop the @RPE or the failure mark")
    if entry.assisted and not (entry.bodyweight and entry.weight_kg > 0):
        raise ValidationError("an assisted set is bodyweight minus a load above 0, e.g. bw-20x8")


def check_workout(workout: Workout) -> None:
    check_note(workout.notes)
    _integer("session RPE", workout.session_rpe, 0, 10)
    if workout.end is not None and workout.end < workout.start:
        raise ValidationError("a workout cannot end before it starts")
    for exercise, group in workout.groups.items():
        if not exercise or printable(exercise) != exercise or printable(group) != group:
            raise ValidationError(f"a superset of {exercise!r} names its group in printable text")


def check_recovery(entry: Recovery) -> None:
    check_note(entry.notes)
    _number("sleep", entry.sleep_hours, 0, 24, "0 to 24 hours, e.g. 7.5")
    _integer("sleep quality", entry.sleep_quality, 1, 5)
    _integer("water", entry.water_cups, 0, MAX_WATER_CUPS)
    _number("protein", entry.protein_g, 0, MAX_PROTEIN_G, f"0 to {MAX_PROTEIN_G:g} g a day")
    _number("carbs", entry.carbs_g, 0, MAX_CARBS_G, f"0 to {MAX_CARBS_G:g} g a day")
    _number(
        "bodyweight",
        entry.bodyweight_kg,
        MIN_BODYWEIGHT_KG,
        MAX_BODYWEIGHT_KG,
        f"{MIN_BODYWEIGHT_KG:g} to {MAX_BODYWEIGHT_KG:g} kg",
    )
    _integer("stress", entry.stress, 1, 5)


def check_soreness(soreness: dict[str, int]) -> None:
    for muscle, value in soreness.items():
        if muscle not in MUSCLES:
            raise ValidationError(f"unknown muscle {muscle!r}: one of {', '.join(MUSCLES)}")
        _integer(f"{muscle} soreness", value, 0, MOST_SORE)


def check_symptoms(entry: SymptomEntry) -> None:
    check_note(entry.notes)
    for scale in SCALES:
        _integer(scale.field, getattr(entry, scale.field), scale.low, scale.high)
    check_soreness(entry.soreness)


def check_exercise(exercise: Exercise) -> None:
    if not exercise.muscles:
        raise ValidationError("an exercise needs at least one muscle it trains")
    _check_stored_exercise(exercise)


def _check_stored_exercise(exercise: Exercise) -> None:
    """`check_exercise` but for the muscles it trains, which an import leaves empty when it
    cannot guess them (the lifter is told to set them)."""
    if not exercise.name.strip():
        raise ValidationError("an exercise needs a name")
    if exercise.equipment not in EQUIPMENT:
        raise ValidationError(f"equipment must be one of {', '.join(EQUIPMENT)}")
    if exercise.kind not in EXERCISE_KINDS:
        raise ValidationError(f"kind must be one of {', '.join(EXERCISE_KINDS)}")
    for muscle, coefficient in exercise.muscles.items():
        if muscle not in MUSCLES:
            raise ValidationError(f"unknown muscle {muscle!r}: one of {', '.join(MUSCLES)}")
        if coefficient not in (0.5, 1.0):
            raise ValidationError(
                f"{muscle}: 1.0 when trained directly, 0.5 when indirectly (got {coefficient})"
            )
    _integer("default rest", exercise.default_rest_s, 0, 3600)


def check_new_exercise(exercise: Exercise, existing: Iterable[Exercise]) -> None:
    """`check_exercise`, and its name is neither the name nor an alias of another one."""
    check_exercise(exercise)
    name = exercise.name.strip().casefold()
    for other in existing:
        if other.id != exercise.id and name in {
            other.name.casefold(),
            *(a.casefold() for a in other.aliases),
        }:
            raise ValidationError(f"an exercise called {other.name!r} already exists")


def check_template(template: Template) -> None:
    if not template.name.strip():
        raise ValidationError("a template needs a name")
    for item in template.items:
        _integer("target sets", item.sets, 1, 20)
        _integer("target reps", item.reps, 1, 100)
        check_rpe(item.rpe)
        _integer("rest", item.rest_s, 0, 3600)
        _number("target load", item.weight_kg, 0, MAX_WEIGHT_KG, "0 to 1000 kg")


def check_settings(settings: Settings) -> None:
    from storage.model.days import is_valid_timezone

    if settings.unit not in UNITS:
        raise ValidationError(f"unit must be kg or lb, not {settings.unit!r}")
    if settings.timezone is not None and not is_valid_timezone(settings.timezone):
        raise ValidationError(
            f"unknown timezone {settings.timezone!r}: an IANA name such as Europe/Berlin"
        )
    _integer("log schema", settings.schema_version, 1, SCHEMA_VERSION)
    _integer("rollover hour", settings.rollover_hour, 0, 23)
    _integer("warm-up rest", settings.warmup_rest_s, 0, 600)
    for exercise, seconds in settings.rest_overrides.items():
        _integer(f"rest for {exercise}", seconds, 0, 3600)
    for exercise, per_hand in settings.load_per_hand.items():
        if not isinstance(per_hand, bool):
            raise ValidationError(f"load per hand for {exercise}: true or false")
    check_targets(settings.targets)
    if settings.plates is not None and (problem := plate_set_problem(settings.plates)):
        raise ValidationError(problem)


# target -> (name, low, high, what is accepted)
TARGET_LIMITS: dict[str, tuple[str, float, float, str]] = {
    "water_cups": ("water target", 1, MAX_WATER_CUPS, f"1 to {MAX_WATER_CUPS} cups a day"),
    "protein_g_per_lb_min": ("protein target", 0.1, 3, "0.1 to 3 g per lb of bodyweight"),
    "protein_g_per_lb_max": ("protein target", 0.1, 3, "0.1 to 3 g per lb of bodyweight"),
    "carbs_g_per_kg_min": ("carbs target", 0.5, 15, "0.5 to 15 g per kg of bodyweight"),
    "carbs_g_per_kg_max": ("carbs target", 0.5, 15, "0.5 to 15 g per kg of bodyweight"),
    "sleep_hours": ("sleep target", 3, 14, "3 to 14 hours a night"),
}


def check_targets(targets: dict[str, float]) -> None:
    for key, value in targets.items():
        if key not in TARGET_LIMITS:
            raise ValidationError(f"unknown target {key!r}: one of {', '.join(TARGET_LIMITS)}")
        name, low, high, accepted = TARGET_LIMITS[key]
        _number(name, value, low, high, accepted)
    for nutrient, (low, high) in {
        "protein": ("protein_g_per_lb_min", "protein_g_per_lb_max"),
        "carbs": ("carbs_g_per_kg_min", "carbs_g_per_kg_max"),
    }.items():
        if targets.get(low, 0) > targets.get(high, float("inf")):
            raise ValidationError(
                f"the {nutrient} target's low end {targets[low]:g} is above its high end "
                f"{targets[high]:g}: give the smaller number first"
            )


def latest_day(today: date) -> date:
    """The last day a record may be dated: the end of next year."""
    return date(today.year + 1, 12, 31)


def check_day(name: str, value: date | datetime | None, today: date) -> None:
    """A date (or a moment's date) from 1900-01-01 to the end of next year: anything else
    is a typing or clock mistake, and dates near year 1 or 9999 overflow day arithmetic."""
    if value is None:
        return
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST_DAY <= day <= latest_day(today):
        raise ValidationError(
            f"{name} {day.isoformat()} is out of range: "
            f"{EARLIEST_DAY.isoformat()} to {latest_day(today).isoformat()}"
        )


def check_record(record: Record, today: date) -> None:
    """The checks a record of any type gets when it is typed, and its dates in range: what
    every record entering the log passes, whichever way it comes (an import, a demo)."""
    for name in (*record.DATE_FIELDS, *record.DATETIME_FIELDS):
        check_day(name, getattr(record, name), today)
    if isinstance(record, SetEntry):
        check_set(record)
        _integer("rest", record.rest_s, 0, MAX_GAP_S)
        _integer("set number", record.order, 0, 10_000)
    elif isinstance(record, Workout):
        check_workout(record)
    elif isinstance(record, Recovery):
        check_recovery(record)
    elif isinstance(record, SymptomEntry):
        check_symptoms(record)
    elif isinstance(record, Exercise):
        _check_stored_exercise(record)
    elif isinstance(record, Template):
        check_template(record)
    elif isinstance(record, Settings):
        check_settings(record)
    elif isinstance(record, RestPeriod):
        _integer("rest timer", record.duration_s, 0, MAX_GAP_S)
        _number("rest timer pause", record.paused_s, 0, MAX_GAP_S, "0 to a year in seconds")
