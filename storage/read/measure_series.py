"""A timed or distance exercise's sessions as its progress shows them: each session's best
set, time, distance and pace, and the chart of its best (the longest hold, the fastest
pace, or the longest distance when no time was taken) over the sessions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from storage.model.records import SetEntry
from storage.read.chart_points import Point, session_points
from storage.read.history_index import ExerciseSession


@dataclass(frozen=True, slots=True)
class SessionMeasure:
    day: date
    best_index: int  # the session's best set, in `ExerciseSession.sets`
    seconds: int  # the timed sets' or distances' total time
    metres: float  # the distances' total
    pace_s_per_km: float | None  # the fastest pace of a timed distance


@dataclass(frozen=True, slots=True)
class MeasureSeries:
    what: str  # "hold" (seconds), "pace" (seconds a km, lower is better), "distance" (m)
    step: str  # "day": one point per session
    points: list[Point]
    best: Point
    first: date
    last: date


def measured_kind(sessions: Sequence[ExerciseSession]) -> str:
    """The kind most of the exercise's working sets are: "reps", "timed" or "distance"."""
    kinds = Counter(entry.kind for session in sessions for entry in session.sets)
    return kinds.most_common(1)[0][0] if kinds else "reps"


def session_measure(session: ExerciseSession) -> SessionMeasure:
    """The session's timed and distance sets boiled down; its best set is the longest hold,
    the fastest pace, else the longest (then heaviest) distance."""
    sets = session.sets
    paces = [
        (e.duration_s / (e.distance_m / 1000), k)
        for k, e in enumerate(sets)
        if e.kind == "distance" and e.duration_s and e.distance_m
    ]

    def rank(k: int) -> tuple[float, ...]:
        entry = sets[k]
        if entry.kind == "timed":
            return (entry.duration_s or 0, entry.weight_kg)
        return (entry.distance_m or 0, entry.weight_kg)

    best = min(paces)[1] if paces else max(range(len(sets)), key=rank)
    return SessionMeasure(
        day=session.day,
        best_index=best,
        seconds=sum(e.duration_s or 0 for e in sets if e.kind != "reps"),
        metres=sum(e.distance_m or 0 for e in sets if e.kind == "distance"),
        pace_s_per_km=min(paces)[0] if paces else None,
    )


def measure_series(sessions: Sequence[ExerciseSession], columns: int) -> MeasureSeries | None:
    """The sessions' (oldest first) best hold, pace or distance, thinned to `columns`; None
    when none has one."""
    kind = measured_kind(sessions)
    if kind == "reps":
        return None
    measures = [session_measure(s) for s in sessions]
    if kind == "timed":
        what, values = (
            "hold",
            [
                (m.day, float(max((e.duration_s or 0 for e in s.sets), default=0)))
                for m, s in zip(measures, sessions, strict=True)
            ],
        )
    elif any(m.pace_s_per_km is not None for m in measures):
        what, values = "pace", [(m.day, m.pace_s_per_km) for m in measures]
    else:
        what, values = (
            "distance",
            [
                (m.day, max((e.distance_m or 0 for e in s.sets), default=0.0))
                for m, s in zip(measures, sessions, strict=True)
            ],
        )
    values = [(day, value) for day, value in values if value]
    if not values:
        return None
    better = min if what == "pace" else max
    step, points = session_points(values, columns, better)
    best = better(points, key=lambda p: p[1])
    return MeasureSeries(what, step, points, best, values[0][0], values[-1][0])


def measure_records(sessions: Sequence[ExerciseSession]) -> list[tuple[str, SetEntry, date]]:
    """The timed or distance exercise's records, each the first time it was set: the
    longest hold, or the fastest pace, the longest distance and the heaviest carry."""
    done = [(s.day, e) for s in sessions for e in s.sets if e.kind != "reps"]
    found: dict[str, tuple[float, SetEntry, date]] = {}
    for day, entry in done:
        for label, value in _record_values(entry):
            if label not in found or value > found[label][0] + 1e-9:
                found[label] = (value, entry, day)
    return [(label, entry, day) for label, (_value, entry, day) in found.items()]


def _record_values(entry: SetEntry) -> list[tuple[str, float]]:
    if entry.kind == "timed":
        return [("Longest hold", entry.duration_s or 0)]
    values = [("Longest", entry.distance_m or 0.0)]
    if entry.duration_s and entry.distance_m:
        values.insert(0, ("Fastest", -entry.duration_s / entry.distance_m))
    if entry.weight_kg > 0:
        values.append(("Heaviest", entry.weight_kg))
    return values
