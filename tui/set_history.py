"""What the workout screen says about an exercise's past: last session, personal records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from storage.model.records import SetEntry
from storage.read.history_index import set_e1rm
from tui.format.units import format_load, format_number


def e1rm(entry: SetEntry) -> float | None:
    """The set's estimated one-rep max in kg; none for warm-ups and bodyweight sets."""
    found = set_e1rm(entry)
    return None if found is None else found[0]


def _weight_key(weight_kg: float) -> float:
    return round(weight_kg, 2)


@dataclass
class ExerciseHistory:
    """An exercise's working sets before today, boiled down."""

    last_day: date | None = None
    last_sets: list[SetEntry] = field(default_factory=list)
    best_e1rm: float | None = None
    best_reps: dict[tuple[bool, float], int] = field(default_factory=dict)

    @classmethod
    def build(cls, sets: Iterable[SetEntry], today: date) -> ExerciseHistory:
        history = cls()
        for entry in sets:
            if entry.warmup or entry.day is None or entry.day >= today:
                continue
            history.add(entry)
            if history.last_day is None or entry.day > history.last_day:
                history.last_day, history.last_sets = entry.day, [entry]
            elif entry.day == history.last_day:
                history.last_sets.append(entry)
        return history

    def add(self, entry: SetEntry) -> None:
        value = e1rm(entry)
        if value is not None and (self.best_e1rm is None or value > self.best_e1rm):
            self.best_e1rm = value
        key = (entry.bodyweight, _weight_key(entry.weight_kg))
        self.best_reps[key] = max(self.best_reps.get(key, 0), entry.reps)

    def is_pr(self, entry: SetEntry) -> bool:
        """Does the set beat the best e1RM, or the best reps at its weight, so far?"""
        if entry.warmup:
            return False
        value = e1rm(entry)
        if value is not None and self.best_e1rm is not None and value > self.best_e1rm + 1e-9:
            return True
        best = self.best_reps.get((entry.bodyweight, _weight_key(entry.weight_kg)))
        return best is not None and entry.reps > best


def format_short(entry: SetEntry, unit: str) -> str:
    """'100x5@8', 'bw+20x6', 'bwx8': how a lifter writes a set."""
    text = f"{format_load(entry, unit, with_unit=False)}x{entry.reps}"
    return text + (f"@{format_number(entry.rpe)}" if entry.rpe is not None else "")


def format_last(history: ExerciseHistory, unit: str) -> str:
    """'last: Tue 18 Nov  100x5@8  100x5@8.5  100x4@9', or '' with no history."""
    if history.last_day is None:
        return ""
    sets = sorted(history.last_sets, key=lambda s: (s.timestamp, s.order))
    when = f"{history.last_day:%a} {history.last_day.day} {history.last_day:%b}"
    return "last: " + "  ".join([when, *(format_short(s, unit) for s in sets)])
