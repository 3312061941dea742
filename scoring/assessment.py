"""The entry point: `assess(log, moment)` scores the log at a moment and returns everything
the home screen and `restday status` show (spec sections 2-4): the scores, the band and
recommendation with their overrides, what each factor cost, confidence and what to log
next, "skip today" muscles, decline flags, the deload suggestion, the load measures and a
14-day readiness history (each past day at its morning, today at the moment itself).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from scoring import advice
from scoring.central import ENERGY, MOOD, MOTIVATION, QUALITY, SLEEP, TRAINING_LOAD
from scoring.constants import SCORING
from scoring.factors import Factor
from scoring.inputs import TrainingLog
from scoring.peripheral import FUEL, LOCAL_FATIGUE, WEAKNESS
from scoring.readiness import REDUCE, Contribution, contributions, overall_confidence
from scoring.snapshot import evaluate, readiness_history
from scoring.timeline import Timeline
from scoring.trends import Decline, declines

# What to log to give a factor data, in the words of the home screen.
LOG_FIRST = {
    LOCAL_FATIGUE: "your workouts' sets, with RPE",
    TRAINING_LOAD: "your workouts' sets, with RPE",
    SLEEP: "last night's sleep hours",
    QUALITY: "sleep quality",
    MOTIVATION: "motivation, mood and energy",
    MOOD: "motivation, mood and energy",
    ENERGY: "motivation, mood and energy",
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
                {"exercise": d.exercise, "day": d.day.isoformat(), "kind": d.kind, "text": d.text}
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
    """Score `log` at `moment`: the model end to end (spec sections 2-4).

    Reads only what was logged up to `moment`, and of that only the 61 days up to its day
    (see `storage.read.score_window`) and the latest bodyweight.
    """
    timeline = Timeline(log)
    today = timeline.day_of(moment)
    now = evaluate(timeline, moment, today)
    history = readiness_history(timeline, now)
    p, c = now.peripheral, now.central
    rest, cap = advice.rest_reasons(timeline, now), advice.cap_reasons(timeline, now)
    level, recommendation = advice.decide(now.readiness, rest, cap)
    found = tuple(declines(timeline, moment, today))
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
        skip_muscles=advice.skip_muscles(p),
        prefer_muscles=advice.prefer_muscles(p) if level == REDUCE else (),
        overrides=(*rest, *cap),
        declines=found,
        deload=advice.deload(history, found),
        consecutive_days=c.streak,
        monotony=c.monotony,
        strain=c.strain,
        acwr=c.acwr,
        history=history,
        factors=factors,
        estimated_sets=_estimated_sets(timeline, moment),
        missing=missing,
        log_first=tuple(dict.fromkeys(LOG_FIRST[name] for name in missing)),
    )


def _estimated_sets(timeline: Timeline, moment: datetime) -> int:
    """Working sets of the last 7 days without an RPE (their effort is estimated)."""
    start = moment - timedelta(days=SCORING.trained_days)
    return sum(s.rpe is None for s in timeline.sets_between(start, moment))
