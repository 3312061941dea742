"""The workout screen's table of today's sets of the current exercise: work sets numbered
(a warm-up is "w"), each with its e1RM and its marks: PR (against the exercise's past and
the sets above it), note, and "saving" until the log says the set is on disk. The set
under the cursor (the one e and d act on) is marked "◂" as well as by colour (NO_COLOR)."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from storage.model.records import SetEntry
from storage.read.records_so_far import RecordsSoFar
from tui.format.e1rm import e1rm_cell
from tui.format.units import format_set

CURSOR = "◂"


class SetTable(DataTable):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._so_far = RecordsSoFar()
        self._unit = "kg"
        self._bodyweight: float | None = None  # the lifter's as of the workout's day
        self._marks: dict[str, str] = {}  # set id -> its marks but "saving"

    def on_mount(self) -> None:
        self.add_column("#", key="n")
        self.add_columns("set", "e1RM")
        self.add_column("", key="marks")
        self.add_column("", key="at", width=1)  # last: the columns before keep their places

    def show(
        self,
        entries: Iterable[SetEntry],
        records: RecordsSoFar,
        unit: str,
        unsaved: Collection[str] = (),
        bodyweight_kg: float | None = None,
    ) -> None:
        """Show these sets, judging PRs against `records` (the exercise's past); a
        bodyweight set's e1RM from `bodyweight_kg`, the lifter's as of the workout's day."""
        self.clear()
        self._so_far = records.copy()
        self._unit = unit
        self._bodyweight = bodyweight_kg
        self.append(entries, unsaved)

    def append(self, entries: Iterable[SetEntry], unsaved: Collection[str] = ()) -> None:
        """Add rows for the exercise's newest sets (only what changed: redrawing the table
        would cost a frame and its scroll position); the cursor goes to the last."""
        working = sum(1 for row in self.rows if self.get_cell(row, "n") != "w")
        for entry in entries:
            pr = self._so_far.add(entry, self._bodyweight)
            if not entry.warmup:
                working += 1
            marks = " ".join(m for m in ("PR" if pr else "", "note" if entry.notes else "") if m)
            marks = self._marks[entry.id] = f"[b]{marks}[/]" if pr else marks
            self.add_row(
                "w" if entry.warmup else str(working),
                format_set(entry, self._unit).removeprefix("warm-up "),
                e1rm_cell(entry, self._bodyweight, self._unit),
                _marks_cell(marks, saving=entry.id in unsaved),
                "",
                key=entry.id,
            )
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)
            # With the new row, in its frame: the highlight's message comes after it.
            self._point_at(self.coordinate_to_cell_key((self.cursor_row, 0)).row_key)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._point_at(event.row_key)

    def _point_at(self, row_key: RowKey | None) -> None:
        """Mark the row under the cursor (None: no rows), and only it; a cell that shows
        its mark already is left alone (each change draws the whole table again)."""
        for row in self.rows:
            at = CURSOR if row == row_key else ""
            if self.get_cell(row, "at") != at:
                self.update_cell(row, "at", at)

    def mark_saved(self, set_id: str) -> None:
        """The set is on disk: it no longer shows "saving"."""
        marks = self._marks.get(set_id)
        if marks is not None:
            self.update_cell(set_id, "marks", _marks_cell(marks, saving=False))

    def clear(self, columns: bool = False) -> SetTable:
        self._marks = {}
        return super().clear(columns)

    def selected_key(self) -> str | None:
        """The key (the set's id) of the row under the cursor."""
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key((self.cursor_row, 0)).row_key.value


def _marks_cell(marks: str, *, saving: bool) -> str:
    return f"{marks} [dim]saving[/]".lstrip() if saving else marks
