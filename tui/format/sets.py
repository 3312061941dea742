"""Sets as a lifter writes them, for the workout screen's line about an exercise's past."""

from __future__ import annotations

from storage.entry.set_line import typed_duration
from storage.model.records import SetEntry
from storage.read.exercise_history import ExerciseHistory
from tui.format.units import format_distance, format_load, format_number


def format_short(entry: SetEntry, unit: str) -> str:
    """'100x5@8', 'bw+20x6', 'bwx8', '1:30', '20x45s', '40 30m': how a lifter writes a set."""
    load = format_load(entry, unit, with_unit=False)
    if entry.kind == "reps":
        text = f"{load}x{entry.reps}"
    else:
        load = load if entry.weight_kg or entry.bodyweight else ""
        if entry.kind == "timed":
            text = (
                f"{load}x{typed_duration(entry.duration_s)}"
                if load
                else typed_duration(entry.duration_s)
            )
        else:
            distance = format_distance(entry.distance_m, unit).replace(" ", "")
            time = None if entry.duration_s is None else typed_duration(entry.duration_s)
            text = " ".join(filter(None, (load, distance, time)))
    return text + (f"@{format_number(entry.rpe)}" if entry.rpe is not None else "")


def format_last(history: ExerciseHistory, unit: str) -> str:
    """'last: Tue 18 Nov  100x5@8  100x5@8.5  100x4@9', or '' with no history."""
    if history.last_day is None:
        return ""
    sets = sorted(history.last_sets, key=lambda s: (s.timestamp, s.order))
    when = f"{history.last_day:%a} {history.last_day.day} {history.last_day:%b}"
    return "last: " + "  ".join([when, *(format_short(s, unit) for s in sets)])
