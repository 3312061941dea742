"""An exercise's past as the workout screen shows it: its last session before the workout
in progress (an earlier one of the same day included) and its records so far, the bar the
workout's sets are marked PRs against."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from storage.log.reader import LogReader
from storage.model.records import SetEntry
from storage.read.records_so_far import RecordsSoFar


@dataclass
class ExerciseHistory(RecordsSoFar):
    """An exercise's working sets outside the workout in progress, boiled down: the
    records they set, and the last day it was done with that day's sets."""

    last_day: date | None = None
    last_sets: list[SetEntry] = field(default_factory=list)

    @classmethod
    def read(
        cls, log: LogReader, exercise_id: str, workout_id: str | None, until: date | None = None
    ) -> ExerciseHistory:
        return cls.build(log.sets(exercise=exercise_id), workout_id, until)

    @classmethod
    def build(
        cls, sets: Iterable[SetEntry], workout_id: str | None, until: date | None = None
    ) -> ExerciseHistory:
        """From `sets`, leaving out the warm-ups, those of workout `workout_id` (the one in
        progress, whose sets are judged against the rest) and, for an earlier day's workout
        reopened, those of the days after `until` (its day)."""
        history = cls()
        for entry in sets:
            if entry.warmup or entry.day is None or entry.workout == workout_id:
                continue
            if until is not None and entry.day > until:
                continue
            history.add(entry)
            if history.last_day is None or entry.day > history.last_day:
                history.last_day, history.last_sets = entry.day, [entry]
            elif entry.day == history.last_day:
                history.last_sets.append(entry)
        return history
