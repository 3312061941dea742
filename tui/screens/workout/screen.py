"""Today's workout: type a set between sets, see it at once, rest, repeat.

The entry line has focus. A set shows on screen the moment Enter is pressed and is saved
on the store's background thread; a failed save stays on screen until a retry succeeds.
The screen wires keys, widgets and saves: what it holds and what a typed line does is the
session's (`session.py`); the exercise list and the current exercise draw themselves.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from storage.entry.exercise_names import AmbiguousExercise
from storage.entry.set_line import EntryError, typed_set
from storage.errors import ValidationError
from storage.log.reader import LogReader
from storage.model.records import Exercise, SetEntry, Template, Workout
from storage.read.exercise_history import ExerciseHistory
from tui.format.text import log_text
from tui.format.units import format_set
from tui.log_store import Reply
from tui.messages import SetSaved, StoredOtherwise
from tui.screens.log_screen import LogScreen
from tui.screens.workout.exercise_list import ExerciseList
from tui.screens.workout.exercise_panel import ExercisePanel
from tui.screens.workout.session import (
    Change,
    ExerciseName,
    ExerciseNumber,
    TypedSets,
    WorkoutSession,
)
from tui.screens.workout.set_table import SetTable
from tui.widgets.app_header import AppHeader
from tui.widgets.entry_line import EntryLine

ENTRY_HINT = "100x5@8 · +2.5x5 · x6 · Enter repeats · rdl switches exercise"
LETTERS = "abcdefghijklmnopqrstuvwxyz"

T = TypeVar("T")


class _FromSession(Generic[T]):
    """A read-only attribute of the screen that is its session's of the same name."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, screen: WorkoutScreen | None, owner: type | None = None) -> T:
        return self if screen is None else getattr(screen.session, self.name)


class WorkoutScreen(LogScreen):
    CSS_PATH = ["../log_screen.tcss", "workout.tcss"]
    BINDINGS = [
        Binding("escape", "leave_entry", "Leave field", id="workout.leave"),
        Binding("i,enter", "focus_entry", "Type a set", id="workout.entry"),
        Binding("p", "pick_exercise", "Exercise", id="workout.pick"),
        Binding("e", "edit_set", "Edit set", id="workout.edit"),
        Binding("d,delete", "delete_set", "Delete set", id="workout.delete"),
        Binding("u", "undo", "Undo", id="workout.undo"),
        Binding("n", "note_set", "Set note", id="workout.note_set"),
        Binding("N", "note_workout", "Workout note", id="workout.note_workout"),
        Binding("f", "finish", "Finish", id="workout.finish"),
        Binding("T", "save_template", "Save as template", id="workout.save_template"),
        Binding("up", "switch_exercise(-1)", "Prev exercise", id="workout.prev"),
        Binding("down", "switch_exercise(1)", "Next exercise", id="workout.next"),
        *(
            Binding(
                str(n),
                f"exercise_number({n})",
                f"Exercise {n}",
                show=False,
                id=f"workout.exercise_{n}",
            )
            for n in range(1, 10)
        ),
    ]

    # What the session holds, read through the screen.
    workout = _FromSession[Workout | None]()
    template = _FromSession[Template | None]()
    sets = _FromSession[list[SetEntry]]()
    order = _FromSession[list[str]]()
    current = _FromSession[Exercise | None]()
    editing = _FromSession[SetEntry | None]()

    def __init__(self) -> None:
        super().__init__()
        self.session = WorkoutSession()

    def history(self, exercise_id: str) -> ExerciseHistory:
        return self.session.history(exercise_id, self.app.store.snapshot)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the keys that can do nothing right now."""
        session = self.session
        started = session.workout is not None
        if action in ("edit_set", "delete_set", "note_set"):
            return started and self.is_mounted and self.query_one(SetTable).row_count > 0
        if action in ("finish", "note_workout", "pick_exercise", "focus_entry"):
            return started
        if action == "save_template":
            return bool(session.sets)
        if action in ("switch_exercise", "exercise_number"):
            order = session.order
            return len(order) > 1 or (action == "exercise_number" and bool(order))
        if action == "undo":
            return bool(session.undo_stack)
        if action == "leave_entry":
            return isinstance(self.focused, Input) or session.editing is not None
        return True

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Vertical(id="start"):
            yield Static(
                "No workout in progress. Start one: a letter or arrows and Enter.", id="start-title"
            )
            yield OptionList(id="start-options")
        with Horizontal(id="main"):
            yield ExerciseList(id="exercise-list")
            yield ExercisePanel(id="exercise-panel")
        yield from self.below(EntryLine(self.submit_entry, placeholder=ENTRY_HINT, id="entry"))

    def on_mount(self) -> None:
        if not self.app.store.ready:  # the first frame comes before the log is read
            self.query_one("#main").display = False
            self.query_one("#start").display = False

    def load(self) -> None:
        """Read today's workout from the log."""
        self.session.load(self.app.store.snapshot)
        self.refresh_all()
        if self.session.workout is not None:
            self.query_one("#entry").focus()

    # -- drawing ---------------------------------------------------------------------------

    def refresh_all(self) -> None:
        started = self.session.workout is not None
        self.query_one("#start").display = not started
        self.query_one("#main").display = started
        if not started:
            self.query_one(AppHeader).subtitle = "Workout: not started"
            self._fill_start_options()
            self.query_one("#start-options").focus()
            return
        self._refresh_subtitle()
        self.refresh_exercise_list()
        self.refresh_exercise()
        self.refresh_bindings()

    def _refresh_subtitle(self) -> None:
        name = self.session.workout.name or "Workout"
        count = len(self.session.sets)
        self.query_one(AppHeader).subtitle = f"{name} · {count} set{'' if count == 1 else 's'}"

    def _fill_start_options(self) -> None:
        exercises = self.session.exercises
        options = self.query_one("#start-options", OptionList)
        options.clear_options()
        options.add_option(
            Option(Text.assemble((LETTERS[0], "bold"), "  Empty workout"), id="empty")
        )
        for letter, template in zip(LETTERS[1:], self.session.templates, strict=False):
            names = ", ".join(
                exercises[i.exercise].name for i in template.items[:3] if i.exercise in exercises
            )
            options.add_option(
                Option(
                    Text.assemble(
                        (letter, "bold"),
                        "  ",
                        log_text(template.name),
                        "  ",
                        log_text(names, "dim"),
                    ),
                    id=template.id,
                )
            )
        options.highlighted = 0

    def refresh_exercise_list(self) -> None:
        self.query_one(ExerciseList).show(self.session)

    def refresh_exercise(self) -> None:
        session, panel = self.session, self.query_one(ExercisePanel)
        exercise = session.current
        if exercise is None:
            panel.ask_for_exercise()
            return
        panel.show(
            exercise,
            session.target(exercise.id),
            self.history(exercise.id),
            session.sets_of(exercise.id),
            session.unit,
            session.unsaved,
        )

    # -- starting --------------------------------------------------------------------------

    def on_key(self, event) -> None:
        if self.session.workout is None and event.character and event.character in LETTERS:
            index = LETTERS.index(event.character)
            options = self.query_one("#start-options", OptionList)
            if index < options.option_count:
                event.stop()
                self.start(options.get_option_at_index(index).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "start-options":
            self.start(event.option.id)

    def start(self, choice: str | None) -> None:
        start = self.app.clock().replace(microsecond=0)
        day = self.app.store.snapshot.day_of(start)
        self.save(self.session.start(choice, start, day))
        self.refresh_all()
        self.set_focus(self.query_one("#entry"))
        name = self.session.workout.name
        self.show_message(f"Started {name or 'a workout'}. Type a set: {ENTRY_HINT}")

    # -- the entry line --------------------------------------------------------------------

    def submit_entry(self, entry_line: EntryLine) -> None:
        """Enter in the entry line (called at once, not by message: see `EntryLine`)."""
        try:
            self.enter(entry_line.value)
        except (EntryError, ValidationError) as exc:
            self.show_message(str(exc), error=True)
            return
        entry_line.value = ""

    def still_wrong(self, text: str) -> bool:
        try:
            self.session.read_line(text)
        except (EntryError, ValidationError):
            return True
        return self.session.editing is not None

    def enter(self, text: str) -> None:
        """Act on what was typed: a set, a change of exercise, or an edit."""
        if self.session.editing is not None:
            self._finish_edit(text)
            return
        line = self.session.read_line(text)
        if isinstance(line, ExerciseNumber):
            self.action_exercise_number(line.number)
        elif isinstance(line, ExerciseName):
            self.switch_to_named(line.name)
        else:
            self.log_sets(line)

    def log_sets(self, typed: TypedSets) -> None:
        """Put the sets on screen now, start the rest timer; save them in the background."""
        session, exercise = self.session, typed.exercise
        if session.workout is None:
            self.start(None)
        if exercise is not session.current:
            self.set_current(exercise)
        logged = []
        for _ in range(typed.spec.sets):
            moment = self.app.clock().replace(microsecond=0)
            placed, change = session.log_set(exercise, typed.spec, moment)
            self.app.start_rest(placed.rest)
            again = typed_set(exercise.name, placed.entry, session.unit)
            self.save(change, reply=_stored_set(placed.entry.id), entry=again)
            logged.append(placed.entry)
        # Only what changed: rebuilding the table would cost a frame and its scroll position.
        self.query_one(SetTable).append(logged, session.unsaved)
        self.refresh_exercise_list()
        self._refresh_subtitle()
        self.refresh_bindings()
        self.show_message(
            f"Logged {len(logged)} set{'s' if len(logged) > 1 else ''} of {exercise.name}."
            if len(logged) > 1
            else ""
        )

    @on(SetSaved)
    def _take_stored_set(self, message: SetSaved) -> None:
        """The log saved the set (it is on disk) and numbered it under its lock: take its
        number, rest and day, and stop showing it as not yet saved."""
        self.session.take_stored(message.entry)
        self.query_one(SetTable).mark_saved(message.entry.id)

    # -- changing exercise -----------------------------------------------------------------

    def set_current(self, exercise: Exercise) -> None:
        self.session.go_to(exercise)
        self.refresh_exercise_list()
        self.refresh_exercise()

    def switch_to_named(self, name: str) -> None:
        try:
            exercise = self.session.find(name)
        except AmbiguousExercise:
            self.action_pick_exercise(name)
            return
        self.set_current(exercise)
        self.show_message(f"{exercise.name}: type a set, e.g. 100x5@8")

    def action_switch_exercise(self, step: int) -> None:
        exercise = self.session.step(step)
        if exercise is not None:
            self.set_current(exercise)

    def action_exercise_number(self, number: int) -> None:
        exercise = self.session.numbered(number)
        if exercise is not None:
            self.set_current(exercise)
            self.set_focus(self.query_one("#entry"))

    def action_pick_exercise(self, query: str = "") -> None:
        from tui.screens.dialogs.exercise_picker import ExercisePickerScreen

        def picked(exercise: Exercise | None) -> None:
            if exercise is not None:
                self.set_current(exercise)
            self.set_focus(self.query_one("#entry"))

        exercises = list(self.session.exercises.values())
        self.app.push_screen(ExercisePickerScreen(exercises, query), picked)

    def on_data_table_row_selected(self) -> None:
        self.set_focus(self.query_one("#entry"))

    # -- focus -----------------------------------------------------------------------------

    # Keys move the focus at once (Screen.set_focus), not after the keys already typed
    # behind them (Widget.focus): "i" then a set typed ahead goes into the line.
    def action_focus_entry(self) -> None:
        self.set_focus(self.query_one("#entry"))

    def action_leave_entry(self) -> None:
        if self.session.editing is not None:
            self.session.editing = None
            self.query_one("#entry", Input).value = ""
            self.show_message("Edit cancelled.")
        if isinstance(self.focused, Input):
            self.set_focus(self.query_one(SetTable))

    # -- editing, deleting, notes, undo ----------------------------------------------------

    def save_change(self, change: Change) -> None:
        """Save a change to a stored workout or set; if another copy's changes were merged
        with it, show today's workout as stored."""
        shown = self.session.as_shown()
        self.save(change, reply=lambda repo: None if shown(repo) else StoredOtherwise())

    def selected_set(self) -> SetEntry | None:
        key = self.query_one(SetTable).selected_key()
        return None if key is None else self.session.set_by_id(key)

    def action_edit_set(self) -> None:
        entry = self.selected_set()
        if entry is None:
            return
        entry_line = self.query_one("#entry", Input)
        entry_line.value = self.session.begin_edit(entry)
        self.set_focus(entry_line)
        self.show_message("Editing the set: change it and press Enter; Escape cancels.")

    def _finish_edit(self, text: str) -> None:
        self.save_change(self.session.finish_edit(text))
        self.refresh_all()
        self.show_message("Set changed (u undoes).")

    def action_delete_set(self) -> None:
        entry = self.selected_set()
        if entry is None:
            return
        self.save_change(self.session.delete(entry))
        self.refresh_all()
        self.show_message(f"Deleted {format_set(entry, self.session.unit)} (u undoes).")

    def action_undo(self) -> None:
        undo = self.session.undo()
        if undo is None:  # `u` is disabled then; a remapped key may still get here
            return
        self.save_change(undo.in_log)
        self.refresh_all()
        self.show_message(f"Undone: {undo.what}.")

    def action_note_set(self) -> None:
        entry = self.selected_set()
        if entry is None:
            return
        from tui.screens.dialogs.prompt import PromptScreen

        def noted(text: str | None) -> None:
            if text is not None:
                self.save_change(self.session.note_set(entry, text))
                self.refresh_all()

        self.app.push_screen(PromptScreen("Note on this set", entry.notes), noted)

    def action_note_workout(self) -> None:
        if self.session.workout is None:
            return
        from tui.screens.dialogs.prompt import PromptScreen

        def noted(text: str | None) -> None:
            if text is not None:
                self.save_change(self.session.note_workout(text))
                self.show_message("Noted on today's workout.")

        notes = self.session.workout.notes
        self.app.push_screen(PromptScreen("Note on today's workout", notes), noted)

    # -- finishing and templates -----------------------------------------------------------

    def action_finish(self) -> None:
        workout = self.session.workout
        if workout is None:
            return
        from tui.screens.workout.finish import Finish, FinishWorkoutScreen

        def finished(result: Finish | None) -> None:
            if result is None:
                return
            end = self.app.clock().replace(microsecond=0)
            minutes = round((end - workout.start).total_seconds() / 60)
            done = self.session.working_sets()
            self.save(self.session.finish(result.session_rpe, result.notes, end))
            self.refresh_all()
            self.show_message(
                f"Workout finished: {done} working sets in {minutes} min, "
                f"session RPE {result.session_rpe}."
            )

        self.app.push_screen(FinishWorkoutScreen(workout.notes), finished)

    def action_save_template(self) -> None:
        session = self.session
        if not session.sets:
            self.show_message("Log some sets first: a template is made from today's workout.")
            return
        from tui.screens.dialogs.prompt import PromptScreen

        def named(name: str | None) -> None:
            if name:
                self.save(session.save_template(name))
                self.show_message(f"Today's workout made into the template {name!r}.")

        default = session.workout.name if session.workout and session.workout.name else ""
        self.app.push_screen(PromptScreen("Template name", default), named)


def _stored_set(set_id: str) -> Reply:
    """The reply to a set's save: the set as the log stored it."""

    def reply(repo: LogReader) -> SetSaved | None:
        stored = repo.set_entry(set_id)
        return None if stored is None else SetSaved(stored)

    return reply
