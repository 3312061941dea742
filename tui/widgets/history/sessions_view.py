"""The history screen's sessions: every workout, newest first, or those of one exercise,
with each morning's readiness as it is scored.

    49 sessions, newest first · all exercises   f: filter · Enter: open
     date           workout  min  sets  volume   sRPE load  ready
     Mon 23 Nov 26  Upper A  88   17    8722     617        87
     Fri 20 Nov 26  Lower B  72   16    12087.5  501        79

The screen gives it the log's aggregate, the morning scores found so far, the exercises'
names, the unit and the exercise picked (`show`), and the mornings as they are scored
(`scored`). Enter on a session posts `SessionChosen`. Its rules are in history.tcss, with
the screen's.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache, partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from tui.format.dates import day_text
from tui.format.readiness import score_style
from tui.format.text import clipped, widened
from tui.format.units import format_number, to_unit
from tui.format.words import counted

if TYPE_CHECKING:
    from textual.timer import Timer

    from scoring.mornings import MorningScore
    from storage.read.history_index import HistoryIndex, SessionSummary

FIRST_ROWS = 60  # more than a screen holds: added at once
BATCH_ROWS = 50  # then the rest, this many at a time, a key's answer between two batches
BATCH_GAP_S = 0.01

COLUMNS = {  # key -> label
    "date": "date",
    "name": "workout",
    "minutes": "min",
    "sets": "sets",
    "volume": "volume",
    "load": "sRPE load",
    "readiness": "ready",
}


class SessionTable(DataTable):
    """The sessions' table: Ctrl+End goes to the oldest session, the rows still to come
    added first."""

    def action_scroll_bottom(self) -> None:
        self.parent.add_the_rest()
        super().action_scroll_bottom()


class SessionsView(Vertical):
    class SessionChosen(Message):
        """Enter on a session: the screen opens the workout."""

        def __init__(self, workout_id: str) -> None:
            super().__init__()
            self.workout_id = workout_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.mornings: Mapping[date, MorningScore] = {}
        self._sessions: list[SessionSummary] = []  # newest first, the first `_added` rows
        self._added = 0
        self._today, self._unit = date.min, "kg"  # of the list shown
        self._names: dict[str, Text] = {}  # a workout's name: one Text for its sessions
        self._filling: Timer | None = None  # adds the next batch
        # The next batch waits while a detail or another screen is over the list: drawn
        # beneath it, a batch held up Enter and Escape on a session.
        self._waiting = False

    def compose(self) -> ComposeResult:
        yield Static(id="sessions-filter")
        table = SessionTable(id="session-table", cursor_type="row")
        for key, label in COLUMNS.items():
            table.add_column(label, key=key)
        yield table

    def show(
        self,
        index: HistoryIndex,
        mornings: Mapping[date, MorningScore],
        names: Mapping[str, str],
        unit: str,
        exercise_id: str | None,
        today: date | None = None,
    ) -> None:
        """The sessions in `index`, those of `exercise_id` (None: every session); dates of
        a year other than `today`'s (by default the newest day logged) say their year."""
        self._today = today or index.last_day or date.min
        self._unit = unit
        self.mornings = mornings
        self.query_one(DataTable).clear()
        if self._filling is not None:
            self._filling.stop()
        self._waiting = False
        sessions = self._sessions = index.sessions(exercise_id)
        self._added = 0
        self._names = {}
        self._add_rows(FIRST_ROWS)
        label = "all exercises" if exercise_id is None else names.get(exercise_id, exercise_id)
        self.query_one("#sessions-filter", Static).update(
            Text.assemble(
                (f"{counted(len(sessions), 'session')}, newest first · ", "bold"),
                label,
                ("   f: filter · Enter: open", "dim"),
            )
        )

    def _add_rows(self, count: int) -> None:
        """The next `count` rows, and the rest a batch at a time: a table measures each row
        it is given, tens of milliseconds for a year's sessions, which a key pressed
        meanwhile would wait for."""
        table = self.query_one(DataTable)
        name_width = widened(18, self.app.size.width)
        sessions, start = self._sessions, self._added
        for session in sessions[start : start + count]:
            name = session.name or "Workout"
            if name not in self._names:
                self._names[name] = clipped(name, name_width)
            table.add_row(
                day_text(session.day, self._today),
                self._names[name],
                "" if session.duration_min is None else f"{session.duration_min:.0f}",
                str(session.working_sets),
                format_number(to_unit(session.volume_kg, self._unit)),
                "" if session.session_load is None else f"{session.session_load:.0f}",
                self._readiness_cell(session.day),
                key=session.workout_id,
            )
        self._added = min(start + count, len(sessions))
        self._filling = None
        if self._added < len(sessions):
            self._filling = self.set_timer(
                BATCH_GAP_S, partial(self._add_batch, sessions, self._added)
            )

    def _add_batch(self, sessions: list[SessionSummary], start: int) -> None:
        """The next batch, unless the rows have moved on since it was timed (all added by
        `add_the_rest`, or another list shown): a timer stopped once its call is queued
        still makes it."""
        if sessions is not self._sessions or self._added != start:
            return
        if self.app.screen is not self.screen:  # a detail over the list, or another screen
            self._waiting = True
            return
        self._add_rows(BATCH_ROWS)

    def go_on(self) -> None:
        """The list is on show again: the rows still to come go on coming."""
        if self._waiting:
            self._waiting = False
            self._add_batch(self._sessions, self._added)

    def add_the_rest(self) -> None:
        """Every row still to come, now (the bottom of the list is asked for)."""
        if self._added < len(self._sessions):
            if self._filling is not None:
                self._filling.stop()
            self._waiting = False
            self._add_rows(len(self._sessions) - self._added)

    def highlighted(self) -> str | None:
        """The workout id of the session the cursor is on, if there is one."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def scored(self, days: Iterable[date]) -> None:
        """These mornings' scores have arrived (in the mapping given to `show`)."""
        table = self.query_one(DataTable)
        sessions, added = self._sessions, self._added
        for day in days:
            # the rows of `day` added so far: the sessions are newest first
            at = -day.toordinal()
            first = bisect_left(sessions, at, hi=added, key=_newest_first)
            last = bisect_right(sessions, at, lo=first, hi=added, key=_newest_first)
            for session in sessions[first:last]:
                table.update_cell(session.workout_id, "readiness", self._readiness_cell(day))

    def _readiness_cell(self, day: date) -> Text:
        score = self.mornings.get(day)
        if score is not None and score.readiness is not None:
            return _cell(f"{score.readiness:.0f}", score_style(score.readiness))
        return _cell("—" if score is not None else "…", "dim")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            event.stop()
            self.post_message(self.SessionChosen(event.row_key.value))


def _newest_first(session: SessionSummary) -> int:
    return -session.day.toordinal()


@cache
def _cell(text: str, style: str) -> Text:
    """A readiness cell: one Text for each score and colour, shared by the rows (a Text a
    row took a quarter of a megabyte on a ten-year log)."""
    return Text(text, style)
