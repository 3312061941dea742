"""The model at one moment: P, C and R with what they are made of, and the readiness
history (R each morning) built from such snapshots."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from scoring.central import Central, central
from scoring.constants import SCORING
from scoring.peripheral import Peripheral, peripheral
from scoring.readiness import readiness
from scoring.timeline import Timeline
from scoring.trends import Trend, latest_trends


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One evaluation of the model. `trends` are the exercises' latest-session trends."""

    moment: datetime
    day: date
    peripheral: Peripheral
    central: Central
    readiness: float | None
    trends: dict[str, Trend]


def evaluate(timeline: Timeline, moment: datetime, today: date) -> Snapshot:
    """P, C and R at `moment`, whose training day is `today`."""
    trends = latest_trends(timeline, moment, today)
    p = peripheral(timeline, moment, today, trends)
    c = central(timeline, moment, today, p.has_training)
    return Snapshot(moment, today, p, c, readiness(p.score, c.score), trends)


def readiness_history(timeline: Timeline, now: Snapshot) -> tuple[tuple[date, float | None], ...]:
    """R each morning of the 13 days before today (`Timeline.morning`), then R now."""
    past = []
    for k in range(SCORING.history_days - 1, 0, -1):
        day = now.day - timedelta(days=k)
        past.append((day, evaluate(timeline, timeline.morning(day), day).readiness))
    return (*past, (now.day, now.readiness))
