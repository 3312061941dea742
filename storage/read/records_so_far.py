"""A set's estimated one-rep max, and the personal-record rule: a working set of reps is a
PR when it beats the exercise's best e1RM so far, or its most reps at that weight so far; a
timed hold when it is the longest at that load so far; a distance when it is the fastest
time for that distance so far, or the heaviest load carried that far.

One rule for the PR marks of the workout screen (today's sets against the exercise's
past) and of history (every set against those before it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scoring.e1rm import estimate
from storage.model.records import SetEntry


def set_e1rm(entry: SetEntry, bodyweight_kg: float | None) -> tuple[float, str] | None:
    """The set's estimated one-rep max in kg and its method, from its load: for a
    bodyweight set `bodyweight_kg` (the lifter's as of the set's day,
    `LogReader.bodyweights`) plus the added load or minus the assistance. None for warm-ups,
    timed and distance sets, sets with no load (a bodyweight set when no bodyweight is
    known) and sets of more reps than an estimate is made from."""
    load = None if entry.warmup else entry.strength_load_kg(bodyweight_kg)
    if not load:
        return None
    return estimate(load, entry.reps, entry.effort_rpe)


@dataclass
class RecordsSoFar:
    """One exercise's bests over the working sets counted in so far."""

    best_e1rm: float | None = None
    best_reps: dict[tuple[bool, float], int] = field(default_factory=dict)
    """The most reps by (bodyweight set, weight in kg to 0.01)."""
    best_measures: dict[tuple[str, bool, float], float] = field(default_factory=dict)
    """The bests of timed and distance sets, each higher the better (`measures`)."""

    def add(self, entry: SetEntry, bodyweight_kg: float | None = None) -> bool:
        """Count a set in (a warm-up counts for nothing), a bodyweight set with the
        lifter's bodyweight as of its day: whether it was a PR."""
        if entry.warmup:
            return False
        if entry.kind != "reps":
            pr = False
            for key, value in measures(entry):
                best = self.best_measures.get(key)
                pr = pr or (best is not None and value > best + 1e-9)
                self.best_measures[key] = value if best is None else max(best, value)
            return pr
        found = set_e1rm(entry, bodyweight_kg)
        value = None if found is None else found[0]
        best = self.best_e1rm
        key = (entry.bodyweight, round(entry.weight_kg, 2))
        most = self.best_reps.get(key)
        pr = (value is not None and best is not None and value > best + 1e-9) or (
            most is not None and entry.reps > most
        )
        if value is not None and (best is None or value > best):
            self.best_e1rm = value
        self.best_reps[key] = max(most or 0, entry.reps)
        return pr

    def copy(self) -> RecordsSoFar:
        """The records as they stand, to count more sets into."""
        return RecordsSoFar(self.best_e1rm, dict(self.best_reps), dict(self.best_measures))


def measures(entry: SetEntry) -> list[tuple[tuple[str, bool, float], float]]:
    """What a timed or distance set can be a record of, as (what, value higher the better):
    a hold's seconds at its load ("hold", bodyweight set, kg); a distance's time, negated
    ("time", False, metres) and, when loaded, its load ("carry", bodyweight set, metres)."""
    if entry.kind == "timed" and entry.duration_s:
        return [(("hold", entry.bodyweight, round(entry.weight_kg, 2)), entry.duration_s)]
    if entry.kind != "distance" or not entry.distance_m:
        return []
    metres = round(entry.distance_m, 1)
    found: list[tuple[tuple[str, bool, float], float]] = []
    if entry.duration_s:
        found.append((("time", False, metres), -entry.duration_s))
    if entry.weight_kg > 0:
        found.append((("carry", entry.bodyweight, metres), entry.weight_kg))
    return found
