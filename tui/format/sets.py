"""Sets as a lifter writes them, for the workout screen's line about an exercise's past."""

from __future__ import annotations

from storage.entry.set_line import measure_line
from storage.model.records import SetEntry
from storage.read.exercise_history import ExerciseHistory
from tui.format.units import format_distance, format_load, format_number


def format_short(entry: SetEntry, unit: str) -> str:
    """'100x5@8', 'bw+20x6', 'bwx8', '1:30', '20x45s', '40 30m': how a lifter writes a set."""
    distance = "" if entry.distance_m is None else format_distance(entry.distance_m, unit)
    text = measure_line(entry, format_load(entry, unit, with_unit=False), distance.replace(" ", ""))
    return text + (f"@{format_number(entry.rpe)}" if entry.rpe is not None else "")


def format_last(history: ExerciseHistory, unit: str) -> str:
    """'last: Tue 18 Nov  100x5@8  100x5@8.5  100x4@9', or '' with no history."""
    if history.last_day is None:
        return ""
    sets = sorted(history.last_sets, key=lambda s: (s.timestamp, s.order))
    when = f"{history.last_day:%a} {history.last_day.day} {history.last_day:%b}"
    return "last: " + "  ".join([when, *(format_short(s, unit) for s in sets)])
