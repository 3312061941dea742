"""What every importer reads a file into: one `ImportedRow` per set (or rest-timer row) as
the file states it, in the file's own unit, with the line it came from; rows that cannot be
read become `SkippedRow`s with the reason. Mapping names to exercises, grouping rows into
workouts and writing them is done on these, whatever the file's format.

A reader streams: it reads the file's lines as they come and hands out each row as it is
read (`RowStream`), so that a file of millions of rows is never held whole."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from storage.model.text import printable

SET_KINDS = ("normal", "warmup", "drop", "failure", "amrap")


@dataclass(frozen=True, slots=True)
class ImportedRow:
    line: int  # the file's line number of the row (1 is the header)
    start: datetime  # when the workout started, naive local time as the file gives it
    workout: str  # the workout's name ("" when the format has none)
    exercise: str  # as written in the file ("Bench Press (Barbell)")
    end: datetime | None = None  # when the workout ended, if the file says
    at: datetime | None = None  # when the set was done, naive local time, if the file says
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
    superset: str = ""  # Hevy's superset id (restday's set group), else ""
    rest_s: int | None = None  # a rest-timer row (Strong): the rest before the next set;
    # on a set's row (restday's CSV): the rest taken before it
    bodyweight: bool | None = None  # whether the load is on top of bodyweight; None: unsaid
    session_rpe: int | None = None  # the workout's session RPE, if the file says

    def __post_init__(self) -> None:
        for name in ("workout", "exercise", "category", "notes", "workout_notes"):
            object.__setattr__(self, name, printable(getattr(self, name)))


@dataclass(frozen=True, slots=True)
class SkippedRow:
    line: int
    reason: str  # "reps 'ten' is not a number"


Skip = Callable[[SkippedRow], None]

LINES_LISTED = 40  # lines kept to list for one reason a row was skipped
REASONS_LISTED = 100  # reasons kept to list; rows skipped for others are only counted


class SkippedRows:
    """The rows an import leaves out, as its summary lists them: every one counted, and
    for each of the first `REASONS_LISTED` reasons its first `LINES_LISTED` lines. A file of
    a million bad rows holds a few thousand numbers here, not a million rows."""

    def __init__(self, rows: Iterable[SkippedRow] = ()) -> None:
        self.count = 0
        self.unlisted = 0  # rows skipped for a reason past the first `REASONS_LISTED`
        self._lines: dict[str, list[int]] = {}
        self._counts: dict[str, int] = {}
        self.extend(rows)

    def append(self, row: SkippedRow) -> None:
        self.count += 1
        lines = self._lines.get(row.reason)
        if lines is None:
            if len(self._lines) >= REASONS_LISTED:
                self.unlisted += 1
                return
            lines = self._lines[row.reason] = []
            self._counts[row.reason] = 0
        self._counts[row.reason] += 1
        lines.append(row.line)
        if len(lines) >= 2 * LINES_LISTED:  # rows come in about line order: keep the first
            lines.sort()
            del lines[LINES_LISTED:]

    def extend(self, rows: Iterable[SkippedRow]) -> None:
        for row in rows:
            self.append(row)

    def by_reason(self) -> list[tuple[str, int, list[int]]]:
        """(reason, rows skipped for it, its first lines), the reason of the earliest line
        first."""
        listed = [
            (reason, self._counts[reason], sorted(lines)[:LINES_LISTED])
            for reason, lines in self._lines.items()
        ]
        return sorted(listed, key=lambda item: item[2][0])

    def __iter__(self) -> Iterator[SkippedRow]:
        """The listed rows, by line."""
        rows = [
            SkippedRow(line, reason) for reason, _count, lines in self.by_reason() for line in lines
        ]
        return iter(sorted(rows, key=lambda row: row.line))

    def __len__(self) -> int:
        return self.count


@dataclass
class RowStream:
    """An export being read: its format, its layout, and its rows as they are read (rows
    that cannot be read go to the reader's `Skip`, with why)."""

    format: str  # "strong", "hevy", "fitnotes" or "restday-csv"
    variant: str  # which of the format's layouts, for the summary ("Strong 6, semicolons")
    rows: Iterator[ImportedRow]


Reader = Callable[[Iterable[str], Skip], RowStream]


@dataclass
class ParsedFile:
    format: str  # "strong", "hevy", "fitnotes" or "restday"
    variant: str  # which of the format's layouts, for the summary ("Strong 6, semicolons")
    rows: list[ImportedRow] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)


def parse_text(reader: Reader, text: str) -> ParsedFile:
    """Every row of an export held in memory as `text` (a small file, a test)."""
    skipped: list[SkippedRow] = []
    stream = reader(io.StringIO(text, newline=""), skipped.append)
    rows = list(stream.rows)
    skipped.sort(key=lambda row: row.line)
    return ParsedFile(stream.format, stream.variant, rows, skipped)
