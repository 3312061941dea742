"""What the scoring model reads: plain frozen dataclasses, in kilograms and datetimes.

The model never reads storage; `storage.read.score_window` turns the log's records into these.
Moments are timezone-aware datetimes; days are the lifter's training days (`datetime.date`,
after the rollover hour), worked out by whoever builds the log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class TrainingSet:
    """One set. `load_kg` is the total load lifted (bodyweight included for bodyweight
    moves), None when it is not known; such a set still counts for dose, not for e1RM."""

    moment: datetime
    day: date
    exercise: str
    load_kg: float | None
    reps: int
    rpe: float | None = None
    warmup: bool = False
    drop: bool = False  # a drop set: a hard set of its exercise, lighter by design


@dataclass(frozen=True, slots=True)
class ExerciseMuscles:
    """An exercise's name and muscle coefficients: 1.0 trained directly, 0.5 indirectly.

    `lift` marks a compound lift: only a lift's e1RM drops force a rest day or count as a
    decline (isolation and bodyweight moves' e1RMs swing by 10 % with one load step or
    rep-range change); every exercise counts for dose and s_perf.
    """

    id: str
    name: str
    muscles: Mapping[str, float]
    lift: bool = True


@dataclass(frozen=True, slots=True)
class DayRecovery:
    """A day's recovery entry: last night's sleep (logged on the morning of `day`) and the
    day's intake. None is "not logged"."""

    day: date
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    water_cups: float | None = None
    protein_g: float | None = None
    carbs_g: float | None = None
    bodyweight_kg: float | None = None
    stress: int | None = None  # 1 very relaxed to 5 very stressed


@dataclass(frozen=True, slots=True)
class Symptoms:
    """How the lifter felt at a moment. A muscle missing from `soreness` was not rated
    (which is not the same as soreness 0)."""

    moment: datetime
    weakness: int | None = None
    energy: int | None = None
    mood: int | None = None
    motivation: int | None = None
    soreness: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TrainingLog:
    """The part of the log the model reads, for one moment or many.

    `day_starts` maps a training day to the moment it begins; a day missing from it begins
    at midnight UTC. It places a moment in its day and a past day's morning.
    """

    sets: tuple[TrainingSet, ...] = ()
    exercises: Mapping[str, ExerciseMuscles] = field(default_factory=dict)
    recoveries: tuple[DayRecovery, ...] = ()
    symptoms: tuple[Symptoms, ...] = ()
    day_starts: Mapping[date, datetime] = field(default_factory=dict)
