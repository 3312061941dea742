"""The model for one day: P, C and R with what they are made of (spec 2-4, 6), and the
readiness history built from such days.

A day has one score, its morning's (`Timeline.point`): read at its first working set (else at
the moment asked, or the day's end), from the sets of the days before it and the recovery
and symptoms logged for it. A set logged on the day never changes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from scoring.central import Central, central
from scoring.constants import SCORING
from scoring.peripheral import Peripheral, peripheral
from scoring.readiness import readiness
from scoring.timeline import Point, Timeline
from scoring.trends import Decline, Trend, declines, latest_trends


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One day's evaluation. `trends` are the exercises' latest-session trends, `declines`
    the lifts that declined within 14 days (`Decline.active`: still declining)."""

    point: Point
    peripheral: Peripheral
    central: Central
    readiness: float | None
    trends: dict[str, Trend]
    declines: tuple[Decline, ...]

    @property
    def day(self) -> date:
        return self.point.day

    @property
    def moment(self) -> datetime:
        return self.point.sets_until


def evaluate(timeline: Timeline, point: Point) -> Snapshot:
    """P, C and R of the point's day."""
    until = point.sets_until
    trends = latest_trends(timeline, until, point.day)
    found = tuple(declines(timeline, until, point.day))
    p = peripheral(timeline, point, trends, (d for d in found if d.active))
    c = central(timeline, point, p.has_training)
    return Snapshot(point, p, c, readiness(p.score, c.score), trends, found)


def readiness_history(
    timeline: Timeline,
    now: Snapshot,
    known: datetime,
    scored: dict[date, float | None] | None = None,
) -> tuple[tuple[date, float | None], ...]:
    """R of each of the 13 days before today, then today's; `scored` keeps the days
    worked out, for a caller that asks for many days in a row."""
    scored = {} if scored is None else scored
    past = []
    for k in range(SCORING.history_days - 1, 0, -1):
        day = now.day - timedelta(days=k)
        if day not in scored:
            scored[day] = evaluate(timeline, timeline.point(day, known)).readiness
        past.append((day, scored[day]))
    scored[now.day] = now.readiness
    return (*past, (now.day, now.readiness))
