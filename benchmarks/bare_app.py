"""The reference the terminal benchmarks measure restday against: a bare Textual app.

    python benchmarks/bare_app.py frame        a Header, a DataTable of 5 rows, a Footer
    python benchmarks/bare_app.py keys [ROWS]  a Header, a ContentSwitcher of views (an Input
                                               over a DataTable that appends a row on Enter;
                                               a DataTable of ROWS sessions, Enter on one
                                               opens a screen that Escape closes; two
                                               texts), a Footer; Tab goes to the next view

It imports nothing but Textual, so that its start-up is Textual's own.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, DataTable, Footer, Header, Input, Static

VIEWS = ("sets", "sessions", "progress", "trends")


class FrameApp(App):
    BINDINGS = [Binding("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "set", "e1RM")
        table.add_rows([(n, "100 kg x 5 @8", "123.3") for n in range(1, 6)])


class DetailScreen(Screen):
    """A session's screen: Escape closes it (so the reference pays Textual's wait for a
    lone Escape as restday's Escape keys do)."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("session detail")
        yield Footer()


class KeysApp(App):
    CSS = "#sets DataTable { height: 1fr; }"
    BINDINGS = [Binding("tab", "next_view", "Next view", priority=True)]

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Header()
        with ContentSwitcher(initial="sets"):
            with Vertical(id="sets"):
                yield DataTable(cursor_type="row")
                yield Input(placeholder="a set: 100x5@8")
            yield DataTable(id="sessions", cursor_type="row")
            yield Static("progress view", id="progress")
            yield Static("trends view", id="trends")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#sets DataTable", DataTable).add_columns("#", "set")
        sessions = self.query_one("#sessions", DataTable)
        sessions.add_columns("date", "workout", "min", "sets", "volume", "load", "ready")
        sessions.add_rows(
            (f"Mon {n}", "Lower A", "60", "25", "12345", "480", "71") for n in range(self.rows)
        )
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        table = self.query_one("#sets DataTable", DataTable)
        weight, _, rest = event.value.partition("x")
        reps, _, rpe = rest.partition("@")
        table.add_row(str(table.row_count + 1), f"{weight} kg x {reps} @{rpe}")
        table.move_cursor(row=table.row_count - 1)
        event.input.value = ""

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "sessions":
            self.push_screen(DetailScreen())

    def action_next_view(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        view = VIEWS[(VIEWS.index(switcher.current or "sets") + 1) % len(VIEWS)]
        switcher.current = view
        self.query_one(Input if view == "sets" else f"#{view}").focus()


if __name__ == "__main__":
    if sys.argv[1:2] == ["frame"]:
        FrameApp().run()
    else:
        KeysApp(int(sys.argv[2]) if len(sys.argv) > 2 else 2000).run()
