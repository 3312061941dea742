"""An exercise's past as the workout screen shows it: its last session before the workout
in progress (an earlier one of the same day included) and its records so far, the bar the
workout's sets are marked PRs against."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from scoring.bodyweights import Bodyweights
from storage.log.reader import LogReader
from storage.model.records import SetEntry
from storage.read.records_so_far import RecordsSoFar


@dataclass
class ExerciseHistory(RecordsSoFar):
    """An exercise's working sets outside the workout in progress, boiled down: the
    records they set, and the last day it was done with that day's sets."""

    last_day: date | None = None
    last_sets: list[SetEntry] = field(default_factory=list)
    last_warmup_day: date | None = None  # the last day warm-up sets of it were logged

    @property
    def warms_up(self) -> bool:
        """Whether warm-up sets were logged before it the last day it was done: a lifter
        who logs them."""
        return self.last_day is not None and self.last_warmup_day == self.last_day

    @classmethod
    def read(
        cls, log: LogReader, exercise_id: str, workout_id: str | None, until: date | None = None
    ) -> ExerciseHistory:
        return cls.build(log.sets(exercise=exercise_id), workout_id, until, log.bodyweights())

    @classmethod
    def build(
        cls,
        sets: Iterable[SetEntry],
        workout_id: str | None,
        until: date | None = None,
        bodyweights: Bodyweights | None = None,
    ) -> ExerciseHistory:
        """From `sets`, leaving out those of workout `workout_id` (the one in progress,
        whose sets are judged against the rest) and, for an earlier day's workout reopened,
        those of the days after `until` (its day); of the warm-ups, only their last day.
        A bodyweight set counts with `bodyweights` as of its day."""
        bodyweights = bodyweights or Bodyweights()
        history = cls()
        for entry in sets:
            if entry.day is None or entry.workout == workout_id:
                continue
            if until is not None and entry.day > until:
                continue
            if entry.warmup:
                if history.last_warmup_day is None or entry.day > history.last_warmup_day:
                    history.last_warmup_day = entry.day
                continue
            history.add(entry, bodyweights.on(entry.day))
            if history.last_day is None or entry.day > history.last_day:
                history.last_day, history.last_sets = entry.day, [entry]
            elif entry.day == history.last_day:
                history.last_sets.append(entry)
        return history
