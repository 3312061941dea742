"""An exercise's best e1RM per session as a chart's points: one per session while they fit
the chart's width, else the best of each week, month, quarter or year (`chart_points`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from storage.read.chart_points import Point, session_points
from storage.read.history_index import ExerciseSession


@dataclass(frozen=True, slots=True)
class E1rmSeries:
    step: str  # "day": one point per session
    points: list[Point]
    best: Point  # the highest point
    first: date  # the first and last session with an e1RM
    last: date


def e1rm_series(
    sessions: Sequence[ExerciseSession], columns: int, convert: Callable[[float], float]
) -> E1rmSeries | None:
    """The sessions' (oldest first) best e1RM through `convert` (to a unit), thinned to
    `columns`; None when none has an e1RM (bodyweight sets have none)."""
    values = [(s.day, convert(s.best_e1rm_kg)) for s in sessions if s.best_e1rm_kg]
    if not values:
        return None
    step, points = session_points(values, columns)
    return E1rmSeries(step, points, max(points, key=lambda p: p[1]), values[0][0], values[-1][0])
