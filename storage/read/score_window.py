"""What the scoring model needs from the log at a moment, as scoring's input dataclasses.

`read_window(repo, moment)` reads the 61 days up to the moment's day through the repository's
day-filtered reads and its set index (workouts of those days, then each workout's sets),
never all sets. 61 days is what the model reads for the earliest morning of its 14-day
readiness history, 13 days back: the 42 days of the scores before it, and for the trend of
a session up to 6 days before that morning the 42 days up to that session.
`training_log(...)` converts storage records into a `scoring.inputs.TrainingLog`; it also
serves tests and tools that hold records without a repository.

A bodyweight set's load is the external weight plus the bodyweight logged that day or the
latest before it (None when no bodyweight was ever logged); when the window holds no
bodyweight, the latest one before it is passed on as a recovery entry of its own day.
Compound exercises are the model's "lifts" (`ExerciseMuscles.lift`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta

from scoring.bodyweights import Bodyweights
from scoring.inputs import (
    DayRecovery,
    ExerciseMuscles,
    Symptoms,
    TrainingLog,
    TrainingSet,
)
from storage.log.reader import LogReader
from storage.model.days import day_of, day_start, machine_timezone
from storage.model.records import Exercise, Recovery, SetEntry, SymptomEntry

WINDOW_DAYS = 61  # 13 (history) + 6 (a latest session's age) + 42 (its trend's history)
CALENDAR_DAYS = 14  # days whose start the model needs: today and the 13 mornings before


def read_window(repo: LogReader, moment: datetime | None = None) -> TrainingLog:
    """The log the model reads at `moment` (default: the repository's clock)."""
    moment = moment or repo.now()
    settings = repo.settings()
    today = day_of(moment, settings.timezone or machine_timezone(), settings.rollover_hour)
    mornings = [today - timedelta(days=k) for k in range(CALENDAR_DAYS)]
    return _read(repo, today - timedelta(days=WINDOW_DAYS - 1), today, mornings)


def read_span(repo: LogReader, first_day: date, last_day: date) -> TrainingLog:
    """The log the model reads for every morning from `first_day` to `last_day` (the
    history screen's calendar and trends): those days and the 61 before the first."""
    mornings = [first_day + timedelta(days=k) for k in range((last_day - first_day).days + 1)]
    return _read(repo, first_day - timedelta(days=WINDOW_DAYS - 1), last_day, mornings)


def _read(repo: LogReader, since: date, until: date, mornings: Iterable[date]) -> TrainingLog:
    """Sets, recovery and symptoms from `since` to `until`, with the start of each day in
    `mornings` (the days the model is asked about)."""
    settings = repo.settings()
    tz = settings.timezone or machine_timezone()
    sets = [s for w in repo.workouts(since, until) for s in repo.sets(workout=w.id)]
    exercises = {}
    for exercise_id in {s.exercise for s in sets}:
        exercise = repo.exercise(exercise_id)
        if exercise is not None:
            exercises[exercise_id] = exercise
    recoveries = repo.recoveries(since, until)
    if not any(r.bodyweight_kg for r in recoveries):
        latest = repo.latest_bodyweight(until)  # the one read of older records, when needed
        if latest is not None:
            recoveries.insert(0, Recovery(day=latest[0], bodyweight_kg=latest[1]))
    return training_log(
        sets,
        exercises,
        recoveries,
        repo.symptoms(since, until),
        day_starts={day: day_start(day, tz, settings.rollover_hour) for day in mornings},
    )


def exercise_muscles(exercise: Exercise) -> ExerciseMuscles:
    """An exercise as the model reads it: its name, muscles and whether it is a lift."""
    return ExerciseMuscles(
        exercise.id, exercise.name, dict(exercise.muscles), lift=exercise.kind == "compound"
    )


def training_log(
    sets: Iterable[SetEntry],
    exercises: Mapping[str, Exercise],
    recoveries: Iterable[Recovery],
    symptoms: Iterable[SymptomEntry],
    *,
    day_starts: Mapping[date, datetime],
) -> TrainingLog:
    """Storage records as the model's input."""
    recoveries = sorted((r for r in recoveries if r.day is not None), key=lambda r: r.day)
    bodyweights = Bodyweights(
        (r.day, r.bodyweight_kg) for r in recoveries if r.bodyweight_kg is not None
    )

    def load(entry: SetEntry) -> float | None:
        return entry.strength_load_kg(bodyweights.on(entry.day) if entry.bodyweight else None)

    return TrainingLog(
        sets=tuple(
            TrainingSet(
                moment=s.timestamp,
                day=s.day,
                exercise=s.exercise,
                load_kg=load(s),
                reps=s.reps,
                rpe=s.effort_rpe,
                warmup=s.warmup,
                drop=s.set_type == "drop",
            )
            for s in sets
            if s.day is not None
        ),
        exercises={key: exercise_muscles(e) for key, e in exercises.items()},
        recoveries=tuple(
            DayRecovery(
                day=r.day,
                sleep_hours=r.sleep_hours,
                sleep_quality=r.sleep_quality,
                water_cups=r.water_cups,
                protein_g=r.protein_g,
                carbs_g=r.carbs_g,
                bodyweight_kg=r.bodyweight_kg,
                stress=r.stress,
            )
            for r in recoveries
        ),
        symptoms=tuple(
            Symptoms(
                moment=s.timestamp,
                weakness=s.weakness,
                energy=s.energy,
                mood=s.mood,
                motivation=s.motivation,
                soreness=dict(s.soreness),
            )
            for s in symptoms
        ),
        day_starts=dict(day_starts),
    )
