"""The workout screen's table of today's sets of the current exercise: work sets numbered
(a warm-up is "w"), each with its e1RM and its marks: PR (against the exercise's past and
the sets above it) and note."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widgets import DataTable

from storage.model.records import SetEntry
from storage.read.records_so_far import RecordsSoFar, set_e1rm
from tui.format.units import format_number, format_set, to_unit


class SetTable(DataTable):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._so_far = RecordsSoFar()
        self._unit = "kg"

    def on_mount(self) -> None:
        self.add_column("#", key="n")
        self.add_columns("set", "e1RM", "")

    def show(self, entries: Iterable[SetEntry], records: RecordsSoFar, unit: str) -> None:
        """Show these sets, judging PRs against `records` (the exercise's past)."""
        self.clear()
        self._so_far = records.copy()
        self._unit = unit
        self.append(entries)

    def append(self, entries: Iterable[SetEntry]) -> None:
        """Add rows for the exercise's newest sets (only what changed: redrawing the table
        would cost a frame and its scroll position); the cursor goes to the last."""
        working = sum(1 for row in self.rows if self.get_cell(row, "n") != "w")
        for entry in entries:
            pr = self._so_far.add(entry)
            if not entry.warmup:
                working += 1
            found = set_e1rm(entry)
            marks = " ".join(m for m in ("PR" if pr else "", "note" if entry.notes else "") if m)
            self.add_row(
                "w" if entry.warmup else str(working),
                format_set(entry, self._unit).removeprefix("warm-up "),
                format_number(to_unit(found[0], self._unit)) if found else "",
                f"[b]{marks}[/]" if pr else marks,
                key=entry.id,
            )
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)

    def selected_key(self) -> str | None:
        """The key (the set's id) of the row under the cursor."""
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key((self.cursor_row, 0)).row_key.value
