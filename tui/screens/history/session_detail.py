"""One session from the history: every set with its e1RM, PR marks, the rest taken before
it and its notes, as the log has it now (a set added since it was opened, here or by
another copy, shows). `d` opens the whole day; `o` reopens the workout on the workout
screen, to add, change or delete a set; `T` makes a template of it; Escape goes back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from storage.model.supersets import set_brackets
from storage.model.template_plan import NOTHING_TO_PLAN
from tui.format.e1rm import e1rm_cell
from tui.format.text import clipped, note, widened
from tui.format.units import format_number, format_set, to_unit
from tui.format.words import counted
from tui.messages import LogChanged
from tui.screens.history.detail import DetailScreen
from tui.widgets.app_footer import AppFooter

if TYPE_CHECKING:
    from textual.app import App

    from storage.read.history_index import HistoryIndex, SessionSummary
    from tui.screens.history.screen import HistoryScreen


def make_template(app: App, session: SessionSummary) -> None:
    """Ask for a name, then make a template of `session`'s working sets (`T` on a session,
    opened or highlighted in the list)."""
    from storage.model.template_names import unique_template_name
    from tui.screens.dialogs.prompt import PromptScreen

    if session.working_sets == 0:
        app.notify(f"This session has {NOTHING_TO_PLAN}: no template to make.")
        return

    def named(name: str | None) -> None:
        if name:
            name = unique_template_name(name, app.store.snapshot.offered_templates())
            app.store.save(lambda repo: repo.template_from_workout(session.workout_id, name))
            app.notify(f"Made the template {name!r}: l shows the templates.", markup=False)

    app.push_screen(PromptScreen("Template name", session.name), named)


class SessionDetailScreen(DetailScreen):
    DEFAULT_CSS = """
    SessionDetailScreen #session-title { height: auto; margin-bottom: 1; }
    SessionDetailScreen DataTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("d", "day", "The day", id="session.day"),
        Binding("o", "reopen", "Reopen", id="session.reopen"),
        Binding("T", "make_template", "Make template", id="session.make_template"),
    ]

    def __init__(self, history: HistoryScreen, session) -> None:
        super().__init__()
        self.history = history  # whose index of the log it shows
        self.session = session
        self._drawn_from: HistoryIndex | None = None  # the index last drawn from

    def compose(self) -> ComposeResult:
        with Vertical(classes="detail"):
            yield Static(id="session-title")
            yield DataTable(id="session-sets", cursor_type="row")
        yield AppFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("exercise", "set", "e1RM", "", "rest", "note")
        self._draw()
        self.set_focus(table)

    def on_screen_resume(self) -> None:
        self.follow()  # as the history has it now, and again once it has read the log
        self.history.build()

    @on(LogChanged)
    def _log_changed(self) -> None:
        if self.is_current:
            self.history.build()

    def follow(self) -> None:
        """Show the session as the history's index of the log has it now; close if it is
        no longer in the log."""
        index = self.history.index
        if index is not None and index is self._drawn_from:
            return  # drawn from it already
        session = index.session(self.session.workout_id) if index is not None else None
        if session is None:
            self.dismiss(None)
            return
        self.session = session
        self._draw()

    def _draw(self) -> None:
        session, unit, index = self.session, self.history.unit, self.history.index
        self._drawn_from = index
        names = self.history.names
        title = Text(f"{session.name or 'Workout'} · {session.day:%A %-d %B %Y}", style="bold")
        facts = [counted(session.working_sets, "working set")]
        facts.append(f"{format_number(to_unit(session.volume_kg, unit))} {unit} volume")
        if session.duration_min is not None:
            facts.append(f"{session.duration_min:.0f} min")
        if session.session_rpe is not None:
            facts.append(f"session RPE {session.session_rpe}")
        if session.session_load is not None:
            facts.append(f"load {session.session_load:.0f}")
        title.append("\n" + " · ".join(facts), "dim")
        if session.notes:
            title.append(f"\n“{note(session.notes)}”", "italic")
        title.append("\nd: the day · o: reopen to change a set · T: make a template", "dim")
        self.query_one("#session-title", Static).update(title)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        name_width = widened(22, self.app.size.width, 0.5)
        note_width = widened(20, self.app.size.width, 0.5)
        previous = None
        done_sets = index.session_sets(session.workout_id)
        brackets = set_brackets([done.entry for done in done_sets])  # a superset's sets
        if not any(b.strip() for b in brackets):
            brackets = [""] * len(brackets)  # no superset: no column for its bracket
        for done, bracket in zip(done_sets, brackets, strict=True):
            entry = done.entry
            name = names.get(entry.exercise, entry.exercise) if entry.exercise != previous else ""
            previous = entry.exercise
            rest = "" if done.rest_s is None else f"{done.rest_s // 60}:{done.rest_s % 60:02d}"
            table.add_row(
                Text(bracket).append_text(clipped(name, name_width - len(bracket))),
                format_set(entry, unit),
                e1rm_cell(entry, index.bodyweights.on(entry.day), unit),
                Text("PR", "bold green") if done.is_pr else "",
                rest,
                clipped(entry.notes, note_width),
            )
        table.move_cursor(row=row)

    def action_make_template(self) -> None:
        make_template(self.app, self.session)

    def action_day(self) -> None:
        from tui.screens.history.day_detail import DayDetailScreen

        self.app.push_screen(DayDetailScreen(self.session.day, self.history.unit))

    async def action_reopen(self) -> None:
        workout = self.app.store.snapshot.workout(self.session.workout_id)
        if workout is None:  # deleted by another copy since the history was read
            return
        await self.app.switch_mode("workout")
        self.app.screen.reopen(workout)
