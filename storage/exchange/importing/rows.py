"""What every importer reads a file into: one `ImportedRow` per set (or rest-timer row) as
the file states it, in the file's own unit, with the line it came from; rows that cannot be
read become `SkippedRow`s with the reason. Mapping names to exercises, grouping rows into
workouts and writing them is done on these, whatever the file's format."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from storage.model.text import printable

SET_KINDS = ("normal", "warmup", "drop", "failure")


@dataclass(frozen=True, slots=True)
class ImportedRow:
    line: int  # the file's line number of the row (1 is the header)
    start: datetime  # when the workout started, naive local time as the file gives it
    workout: str  # the workout's name ("" when the format has none)
    exercise: str  # as written in the file ("Bench Press (Barbell)")
    end: datetime | None = None  # when the workout ended, if the file says
    duration_s: int | None = None  # the workout's length, if the file says
    category: str = ""  # FitNotes' category ("Chest"), else ""
    set_order: int | None = None  # the set's number within its exercise, 1-based
    kind: str = "normal"  # one of SET_KINDS
    weight: float | None = None  # in `unit`; None for a set without a weight (bodyweight)
    unit: str | None = None  # "kg" or "lb" when the file says; None: the user must
    reps: int | None = None
    rpe: float | None = None
    distance_m: float | None = None
    seconds: float | None = None  # a timed set's length
    notes: str = ""
    workout_notes: str = ""
    superset: str = ""  # Hevy's superset id, else ""
    rest_s: int | None = None  # a rest-timer row (Strong): the rest before the next set

    def __post_init__(self) -> None:
        for name in ("workout", "exercise", "category", "notes", "workout_notes"):
            object.__setattr__(self, name, printable(getattr(self, name)))


@dataclass(frozen=True, slots=True)
class SkippedRow:
    line: int
    reason: str  # "reps 'ten' is not a number"


@dataclass
class ParsedFile:
    format: str  # "strong", "hevy", "fitnotes" or "restday"
    variant: str  # which of the format's layouts, for the summary ("Strong 6, semicolons")
    rows: list[ImportedRow] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
