"""The entry point: `assess(log, moment)` scores the day of a moment with what was logged
by then and returns everything the home screen and `restday status` show (spec sections
2-4, 6): the scores, the band and recommendation with their caps, what each factor cost,
confidence and what to log next, "skip today" muscles, declining lifts, the deload
suggestion, the load measures and a 14-day readiness history.

Each day has one readiness, its morning's (`scoring.snapshot`): the day's own sets never
change it, so home, history and `status --at` show the same number for a day.
`tomorrow(log, moment, at)` is the estimate for tomorrow once today's training is done.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from scoring import advice
from scoring.central import ENERGY, MOOD, MOTIVATION, QUALITY, SLEEP, STRESS, TRAINING_LOAD
from scoring.constants import SCORING
from scoring.factors import Factor
from scoring.inputs import DayRecovery, TrainingLog
from scoring.peripheral import FUEL, LOCAL_FATIGUE, WEAKNESS
from scoring.readiness import REDUCE, Contribution, contributions, overall_confidence
from scoring.snapshot import Snapshot, evaluate, readiness_history
from scoring.timeline import Timeline
from scoring.trends import Decline

# What to log to give a factor data, in the words of the home screen.
LOG_FIRST = {
    LOCAL_FATIGUE: "your workouts' sets, with RPE",
    TRAINING_LOAD: "your workouts' sets, with RPE",
    SLEEP: "last night's sleep hours",
    QUALITY: "sleep quality",
    MOTIVATION: "motivation, mood and energy",
    MOOD: "motivation, mood and energy",
    ENERGY: "motivation, mood and energy",
    STRESS: "stress",
    WEAKNESS: "weakness and soreness",
    FUEL: "food and water, with your bodyweight",
}


@dataclass(frozen=True)
class Assessment:
    """Everything the model says at a moment. Scores are 0-100 (None: no data for them);
    `contributors` are largest first and their points add up to 100 - readiness."""

    moment: datetime
    day: date
    readiness: float | None
    peripheral: float | None
    central: float | None
    band: str | None
    recommendation: str | None
    contributors: tuple[Contribution, ...]
    confidence: float
    muscles: dict[str, float]
    fatigue: dict[str, float]
    soreness: dict[str, int]
    skip_muscles: tuple[str, ...]
    prefer_muscles: tuple[str, ...]
    overrides: tuple[str, ...]
    declines: tuple[Decline, ...]
    deload: str | None
    consecutive_days: int
    monotony: float | None
    strain: float | None
    acwr: float | None
    history: tuple[tuple[date, float | None], ...]
    factors: tuple[Factor, ...]
    estimated_sets: int
    missing: tuple[str, ...]
    log_first: tuple[str, ...]

    @property
    def low_confidence(self) -> bool:
        return self.confidence < SCORING.low_confidence_below

    def as_json(self) -> dict[str, Any]:
        """Plain JSON types, for `restday status --json`."""
        return {
            "moment": self.moment.isoformat(),
            "day": self.day.isoformat(),
            "readiness": self.readiness,
            "peripheral": self.peripheral,
            "central": self.central,
            "band": self.band,
            "recommendation": self.recommendation,
            "contributors": [
                {"factor": x.factor, "value": x.value, "points": x.points}
                for x in self.contributors
            ],
            "confidence": self.confidence,
            "low_confidence": self.low_confidence,
            "muscles": self.muscles,
            "fatigue": self.fatigue,
            "skip_muscles": list(self.skip_muscles),
            "prefer_muscles": list(self.prefer_muscles),
            "overrides": list(self.overrides),
            "declines": [
                {
                    "exercise": d.exercise,
                    "day": d.day.isoformat(),
                    "text": d.text,
                    "drop": d.drop,
                    "active": d.active,
                }
                for d in self.declines
            ],
            "deload": self.deload,
            "consecutive_days": self.consecutive_days,
            "monotony": self.monotony,
            "strain": self.strain,
            "acwr": self.acwr,
            "history": [{"day": d.isoformat(), "readiness": r} for d, r in self.history],
            "missing": list(self.missing),
            "log_first": list(self.log_first),
            "estimated_sets": self.estimated_sets,
        }


def assess(log: TrainingLog, moment: datetime) -> Assessment:
    """Score the day of `moment` with what was logged by `moment` (spec sections 2-4, 6).

    Reads only what was logged up to `moment`, and of that only the 61 days up to its day
    (see `storage.read.score_window`) and the latest bodyweight.
    """
    return assess_timeline(Timeline(log), moment)


def assess_timeline(timeline: Timeline, moment: datetime) -> Assessment:
    """`assess` on a log indexed once (the backtest scores many days of one timeline)."""
    today = timeline.day_of(moment)
    now = evaluate(timeline, timeline.point(today, moment))
    history = readiness_history(timeline, now, moment)
    p, c = now.peripheral, now.central
    verdict = day_verdict(timeline, now, history)
    deload_due, rest, reduce = verdict.deload, verdict.rest, verdict.reduce
    level, recommendation = verdict.band, verdict.recommendation
    factors = (*p.factors, *c.factors)
    missing = tuple(f.name for f in sorted(factors, key=lambda f: -f.weight) if not f.present)
    return Assessment(
        moment=moment,
        day=today,
        readiness=now.readiness,
        peripheral=p.score,
        central=c.score,
        band=level,
        recommendation=recommendation,
        contributors=contributions(p.score, c.score, p.factors, c.factors),
        confidence=overall_confidence(p.score, c.score, p.factors, c.factors),
        muscles=p.muscles,
        fatigue=p.fatigue,
        soreness=p.soreness,
        skip_muscles=advice.skip_muscles(timeline, now),
        prefer_muscles=advice.prefer_muscles(p) if level == REDUCE else (),
        overrides=(*rest, *reduce),
        declines=now.declines,
        deload=deload_due,
        consecutive_days=c.streak,
        monotony=c.monotony,
        strain=c.strain,
        acwr=c.acwr,
        history=history,
        factors=factors,
        estimated_sets=_estimated_sets(timeline, now.moment),
        missing=missing,
        log_first=tuple(dict.fromkeys(LOG_FIRST[name] for name in missing)),
    )


@dataclass(frozen=True, slots=True)
class Verdict:
    """A day's band and recommendation with the caps that lowered them (spec 4)."""

    band: str | None
    recommendation: str | None
    rest: list[str]
    reduce: list[str]
    deload: str | None


def day_verdict(
    timeline: Timeline, now: Snapshot, history: tuple[tuple[date, float | None], ...]
) -> Verdict:
    """The band of the day `now` scores, its readiness capped by the rest, reduce and
    deload rules (`history`: the readiness of its 14 days, `readiness_history`); one rule
    for home, `status` and history's calendar."""
    deload_due = advice.deload(history, now.declines)
    rest = advice.rest_reasons(timeline, now)
    reduce = advice.reduce_reasons(timeline, now, deload_due)
    level, recommendation = advice.decide(now.readiness, rest, reduce, deload_due)
    return Verdict(level, recommendation, rest, reduce, deload_due)


def tomorrow(log: TrainingLog, moment: datetime, at: datetime) -> Assessment:
    """Tomorrow's estimate (spec 6): the assessment at `at`, 07:00 tomorrow on the lifter's
    clock (the log's reader knows it: the log knows only when its days start), with
    today's sets and recovery inputs as they are, and tomorrow's sleep unknown."""
    timeline = Timeline(log)
    today = timeline.day_of(moment)
    next_day = today + timedelta(days=1)
    carried = [r for r in log.recoveries if r.day <= today]
    if today_entry := timeline.recovery.get(today):
        fields = {
            name: getattr(today_entry, name)
            for name in ("water_cups", "protein_g", "carbs_g", "bodyweight_kg", "stress")
        }
        carried.append(DayRecovery(next_day, **fields))
    sets = tuple(s for s in log.sets if s.moment <= moment)
    symptoms = tuple(s for s in log.symptoms if s.moment <= moment)
    ahead = replace(log, sets=sets, recoveries=tuple(carried), symptoms=symptoms)
    return assess(ahead, at)


def _estimated_sets(timeline: Timeline, moment: datetime) -> int:
    """Working sets of the last 7 days without an RPE (their effort is estimated)."""
    start = moment - timedelta(days=SCORING.trained_days)
    return sum(s.rpe is None for s in timeline.sets_between(start, moment))
