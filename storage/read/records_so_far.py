"""A set's estimated one-rep max, and the personal-record rule: a working set is a PR when
it beats the exercise's best e1RM so far, or its most reps at that weight so far.

One rule for the PR marks of the workout screen (today's sets against the exercise's
past) and of history (every set against those before it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scoring.e1rm import estimate
from storage.model.records import SetEntry


def set_e1rm(entry: SetEntry) -> tuple[float, str] | None:
    """The set's estimated one-rep max in kg and its method; none for warm-ups, timed and
    distance sets, and sets without an external load (a bodyweight set's added weight is
    not its load)."""
    load = None if entry.warmup else entry.strength_load_kg(None)
    if not load:
        return None
    return estimate(load, entry.reps, entry.effort_rpe)


@dataclass
class RecordsSoFar:
    """One exercise's bests over the working sets counted in so far."""

    best_e1rm: float | None = None
    best_reps: dict[tuple[bool, float], int] = field(default_factory=dict)
    """The most reps by (bodyweight set, weight in kg to 0.01)."""

    def add(self, entry: SetEntry) -> bool:
        """Count a set in (a warm-up counts for nothing): whether it was a PR."""
        if entry.warmup:
            return False
        found = set_e1rm(entry)
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
        return RecordsSoFar(self.best_e1rm, dict(self.best_reps))
