"""What the home screen and `restday status` show: the readiness assessment at a moment,
and whether today's recovery, symptoms and workout are logged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from storage.log.reader import LogReader
from storage.model.records import Workout

MUSCLES_NAMED = 3  # the muscles today's workout loaded most, as home names them

if TYPE_CHECKING:
    from scoring import Assessment, Plan
    from scoring.inputs import TrainingLog
    from scoring.timeline import Timeline


@dataclass(frozen=True)
class Today:
    """What the checklist needs: has the day's recovery, a symptom entry, a workout been
    logged (and is the workout still going)."""

    recovery: bool
    symptoms: bool
    workout: str  # "none", "in progress" or "done"


@dataclass(frozen=True)
class DoneToday:
    """Once today's workout is finished (scoring spec 6): its hard sets, the muscles they
    loaded most, and what is left of tonight's targets (None: no target or none left)."""

    hard_sets: int
    muscles: tuple[str, ...]
    sleep_hours: float
    protein_g: float | None
    water_cups: float | None


@dataclass(frozen=True)
class ReadinessView:
    """The day's assessment, the checklist, today's plan (spec 7; `storage.read.today_plan`
    says from what), and once the day has working sets, tomorrow's estimate (spec 6)."""

    assessment: Assessment
    today: Today
    unit: str
    tomorrow: Assessment | None = None
    plan: Plan | None = None
    done: DoneToday | None = None


def read_readiness(repo: LogReader, moment: datetime) -> ReadinessView:
    """The assessment at `moment` and the day's checklist as it stood then, read and
    worked out in one go (the home screen runs it off the UI thread)."""
    from scoring import tomorrow
    from storage.read.today_plan import plan_for, planned_workout

    day = repo.day_of(moment)
    workouts = [w for w in repo.workouts(since=day, until=day) if w.start <= moment]
    going = any(w.in_progress or w.end > moment for w in workouts)
    today = Today(
        recovery=repo.recovery(day) is not None,
        symptoms=any(s.timestamp <= moment for s in repo.symptoms(since=day, until=day)),
        workout="in progress" if going else "done" if workouts else "none",
    )
    unit = repo.settings().unit
    log, timeline, result = _assessed(repo, moment)
    trained = any(s.day == day and s.moment <= moment and not s.warmup for s in log.sets)
    ahead = tomorrow(log, moment, _tomorrow_morning(repo, day)) if trained else None
    planned = planned_workout(repo, day)
    plan = None if planned is None else plan_for(timeline, result, planned, unit)
    done = _done_today(repo, day, workouts) if today.workout == "done" else None
    return ReadinessView(result, today, unit, ahead, plan, done)


def _tomorrow_morning(repo: LogReader, day: date) -> datetime:
    """07:00 on the lifter's clock the day after `day` (spec 6), or tomorrow's start when
    the day turns later than that."""
    from scoring.constants import SCORING
    from storage.model.days import day_start

    next_day = day + timedelta(days=1)
    seven = day_start(next_day, repo.timezone, int(SCORING.tomorrow_hour))
    return max(seven, day_start(next_day, repo.timezone, repo.settings().rollover_hour))


def read_assessment(repo: LogReader, moment: datetime) -> Assessment:
    """The assessment at `moment` alone (`read_readiness`'s, without the day's checklist,
    plan and tomorrow): a past morning's score, as history's day shows it."""
    return _assessed(repo, moment)[2]


def _assessed(repo: LogReader, moment: datetime) -> tuple[TrainingLog, Timeline, Assessment]:
    """The log the score at `moment` reads, indexed, and the assessment worked out from it."""
    from scoring.assessment import assess_timeline
    from scoring.timeline import Timeline
    from storage.read.score_window import read_window

    log = read_window(repo, moment)
    timeline = Timeline(log)
    return log, timeline, assess_timeline(timeline, moment)


def _done_today(repo: LogReader, day: date, workouts: list[Workout]) -> DoneToday:
    from storage.model.recovery_targets import recovery_targets
    from storage.read.history_index import day_work

    working = [s for w in workouts for s in repo.sets(workout=w.id) if not s.warmup]
    exercises = {e: x for e in {s.exercise for s in working} if (x := repo.exercise(e))}
    hard, _load, muscles = day_work(working, exercises)
    loaded = tuple(sorted(muscles, key=lambda m: -muscles[m])[:MUSCLES_NAMED])
    latest = repo.latest_bodyweight(day)
    targets = recovery_targets(repo.settings(), latest[1] if latest else None)
    logged = repo.recovery(day)

    def left(field: str) -> float | None:
        target = targets[field].low
        if target is None:
            return None
        value = getattr(logged, field, None) or 0.0
        return target - value if value < target else None

    sleep = targets["sleep_hours"].low or 0.0
    return DoneToday(hard, loaded, sleep, left("protein_g"), left("water_cups"))
