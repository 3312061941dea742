"""An export file on disk, read as a stream, twice: a first pass (`scan`) learns what the
import needs to know before it writes (how many rows, where each workout's rows end,
whether weights lack a unit, that the file is UTF-8 throughout); the second reads the rows
into records (`plan.plan_records`). Neither holds the file.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storage.errors import StorageError
from storage.exchange.importing.fitnotes import fitnotes_rows
from storage.exchange.importing.hevy import hevy_rows
from storage.exchange.importing.plan import lacks_unit, workout_key
from storage.exchange.importing.restday_csv import restday_csv_rows
from storage.exchange.importing.rows import Reader, RowStream, Skip, SkippedRow
from storage.exchange.importing.strong import strong_rows

READERS: dict[str, Reader] = {
    "strong": strong_rows,
    "hevy": hevy_rows,
    "fitnotes": fitnotes_rows,
    "restday-csv": restday_csv_rows,
}
HEAD_CHARS = 64 * 1024  # what format detection reads of a file


class NotAnExportFile(StorageError):
    """The path is not a file an import can read (a directory, a device, a pipe)."""


@dataclass
class Scan:
    variant: str
    rows: int = 0
    ends: dict[int, int] = field(default_factory=dict)  # `workout_key` -> last row's line
    needs_unit: bool = False


def check_export_file(path: Path) -> int:
    """The size of `path`, a regular file (read twice, so not a pipe or a device)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise NotAnExportFile(f"cannot read {path}: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise NotAnExportFile(f"{path} is not a regular file: save the export to a file first")
    return info.st_size


def read_head(path: Path) -> str:
    """The start of the file's text, enough to tell its format."""
    with open(path, encoding="utf-8-sig", newline="") as file:
        return file.read(HEAD_CHARS)


@contextlib.contextmanager
def open_rows(path: Path, source: str, skip: Skip) -> Iterator[RowStream]:
    """The rows of the export at `path`, in format `source`, as they are read."""
    with open(path, encoding="utf-8-sig", newline="") as file:
        yield READERS[source](file, skip)


def scan(path: Path, source: str) -> Scan:
    """The first pass over an export."""

    def ignore(_row: SkippedRow) -> None:  # the second pass lists them
        pass

    with open_rows(path, source, ignore) as stream:
        found = Scan(stream.variant)
        for count, row in enumerate(stream.rows, 1):
            found.ends[workout_key(row)] = row.line
            found.needs_unit = found.needs_unit or lacks_unit(row)
            found.rows = count
    return found
