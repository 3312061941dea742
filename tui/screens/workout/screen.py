"""Today's workout: type a set between sets, see it at once, rest, repeat.

The entry line has focus. A set shows on screen the moment Enter is pressed and is saved
on the store's background thread; a failed save stays on screen until a retry succeeds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, OptionList, Static
from textual.widgets.option_list import Option

from storage.entry.exercise_names import AmbiguousExercise, find_exercise
from storage.entry.set_line import EntryError, LastSet, parse_workout_entry
from storage.errors import ValidationError
from storage.log.reader import LogReader
from storage.log.repository import Repository
from storage.model.records import (
    Exercise,
    RestPeriod,
    SetEntry,
    Settings,
    Template,
    TemplateItem,
    Workout,
    new_id,
)
from storage.model.validation import check_set
from storage.read.exercise_history import ExerciseHistory
from storage.read.records_so_far import RecordsSoFar, set_e1rm
from tui.format.sets import format_last
from tui.format.units import format_number, format_set, to_unit
from tui.screens.log_screen import LogScreen
from tui.widgets.app_footer import AppFooter
from tui.widgets.app_header import AppHeader
from tui.widgets.entry_line import EntryLine
from tui.widgets.save_problem import SaveProblem

ENTRY_HINT = "100x5@8 · +2.5x5 · x6 · Enter repeats · rdl switches exercise"
LETTERS = "abcdefghijklmnopqrstuvwxyz"
EDIT_EXAMPLE = "100x5@8, w 60x5, bw+20x6, +2.5x5"


@dataclass
class Undo:
    """How to take back one change: on screen, and in the log."""

    what: str
    on_screen: Callable[[], None]
    in_log: Callable[[Repository], Any]


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

    def __init__(self) -> None:
        super().__init__()
        self.workout: Workout | None = None
        self.template: Template | None = None
        self.sets: list[SetEntry] = []
        self.order: list[str] = []
        self.current: Exercise | None = None
        self.unit = "kg"
        self.settings = Settings()
        self._so_far = RecordsSoFar()
        self.exercises: dict[str, Exercise] = {}
        self.histories: dict[str, ExerciseHistory] = {}
        self.templates: list[Template] = []
        self.undo_stack: list[Undo] = []
        self.editing: SetEntry | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the keys that can do nothing right now."""
        started = self.workout is not None
        if action in ("edit_set", "delete_set", "note_set"):
            return started and self._has_selectable_set()
        if action in ("finish", "note_workout", "pick_exercise", "focus_entry"):
            return started
        if action == "save_template":
            return bool(self.sets)
        if action in ("switch_exercise", "exercise_number"):
            return len(self.order) > 1 or (action == "exercise_number" and bool(self.order))
        if action == "undo":
            return bool(self.undo_stack)
        if action == "leave_entry":
            return isinstance(self.focused, Input) or self.editing is not None
        return True

    def _has_selectable_set(self) -> bool:
        return self.is_mounted and self.query_one("#sets", DataTable).row_count > 0

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Vertical(id="start"):
            yield Static(
                "No workout in progress. Start one: a letter or arrows and Enter.", id="start-title"
            )
            yield OptionList(id="start-options")
        with Horizontal(id="main"):
            yield Static(id="exercise-list")
            with Vertical(id="exercise-panel"):
                yield Static(id="exercise-title")
                yield Static(id="exercise-info")
                yield DataTable(id="sets", cursor_type="row", zebra_stripes=False)
        yield SaveProblem(id="save-error")
        yield Static(id="message", markup=False)
        yield EntryLine(self.submit_entry, placeholder=ENTRY_HINT, id="entry")
        yield AppFooter()

    def on_mount(self) -> None:
        table = self.query_one("#sets", DataTable)
        table.add_column("#", key="n")
        table.add_columns("set", "e1RM", "")
        # No blinking cursor: each blink redraws the bordered line, ~2 KB/s over SSH.
        self.query_one("#entry", Input).cursor_blink = False
        if not self.app.store.ready:  # the first frame comes before the log is read
            self.query_one("#main").display = False
            self.query_one("#start").display = False

    def load(self) -> None:
        """Read today's workout from the log."""

        def read(repo: LogReader) -> tuple:
            workout = repo.open_workout()
            sets = repo.sets(workout=workout.id) if workout else []
            template = None
            if workout is not None and workout.template:
                template = next((t for t in repo.templates() if t.id == workout.template), None)
            return (
                workout,
                sets,
                template,
                repo.settings(),
                repo.exercises(),
                repo.templates(),
                repo.today(),
            )

        (
            self.workout,
            self.sets,
            self.template,
            self.settings,
            exercises,
            self.templates,
            self.today,
        ) = read(self.app.store.snapshot)
        self.unit = self.settings.unit
        self.exercises = {e.id: e for e in exercises}
        self.order = self._exercise_order()
        if self.current is None and self.order:
            last = self.sets[-1].exercise if self.sets else self.order[0]
            self.current = self.exercises.get(last)
        self.refresh_all()
        if self.workout is not None:
            self.query_one("#entry").focus()

    def _exercise_order(self) -> list[str]:
        order = [item.exercise for item in (self.template.items if self.template else [])]
        for entry in self.sets:
            if entry.exercise not in order:
                order.append(entry.exercise)
        return [ex for ex in order if ex in self.exercises]

    # -- drawing ---------------------------------------------------------------------------

    def refresh_all(self) -> None:
        started = self.workout is not None
        self.query_one("#start").display = not started
        self.query_one("#main").display = started
        header = self.query_one(AppHeader)
        if not started:
            header.subtitle = "Workout: not started"
            self._fill_start_options()
            self.query_one("#start-options").focus()
            return
        self._refresh_subtitle()
        self.refresh_exercise_list()
        self.refresh_exercise()
        self.refresh_bindings()

    def _refresh_subtitle(self) -> None:
        name = self.workout.name or "Workout"
        count = len(self.sets)
        self.query_one(AppHeader).subtitle = f"{name} · {count} set{'' if count == 1 else 's'}"

    def _fill_start_options(self) -> None:
        options = self.query_one("#start-options", OptionList)
        options.clear_options()
        options.add_option(Option(f"[b]{LETTERS[0]}[/]  Empty workout", id="empty"))
        for letter, template in zip(LETTERS[1:], self.templates, strict=False):
            names = ", ".join(
                self.exercises[i.exercise].name
                for i in template.items[:3]
                if i.exercise in self.exercises
            )
            options.add_option(
                Option(
                    f"[b]{letter}[/]  {escape(template.name)}  [dim]{escape(names)}[/]",
                    id=template.id,
                )
            )
        options.highlighted = 0

    def refresh_exercise_list(self) -> None:
        lines = []
        for n, exercise_id in enumerate(self.order, 1):
            exercise = self.exercises[exercise_id]
            done = sum(1 for s in self.sets if s.exercise == exercise_id and not s.warmup)
            target = self._target(exercise_id)
            count = f"{done}/{target.sets}" if target else str(done)
            mark = "▸" if self.current and exercise_id == self.current.id else " "
            style = "b" if mark == "▸" else "dim" if target and done >= target.sets else ""
            name = escape(f"{exercise.name[:16]:<16}")
            text = f"{mark}{n if n < 10 else ' '} {name} {count:>5}"
            lines.append(f"[{style}]{text}[/]" if style else text)
        if not lines:
            lines = ["[dim]No exercise yet.", "Type one: bench 100x5", "or press p to pick.[/]"]
        self.query_one("#exercise-list", Static).update("\n".join(lines))

    def _target(self, exercise_id: str) -> TemplateItem | None:
        if self.template is None:
            return None
        return next((i for i in self.template.items if i.exercise == exercise_id), None)

    def history(self, exercise_id: str) -> ExerciseHistory:
        if exercise_id not in self.histories:
            log = self.app.store.snapshot
            self.histories[exercise_id] = ExerciseHistory.read(log, exercise_id, self.today)
        return self.histories[exercise_id]

    def refresh_exercise(self) -> None:
        table = self.query_one("#sets", DataTable)
        table.clear()
        title = self.query_one("#exercise-title", Static)
        info = self.query_one("#exercise-info", Static)
        if self.current is None:
            title.update("Pick an exercise: type its name (bench, rdl) or press p")
            info.update("")
            return
        exercise = self.current
        title.update(f"[b]{escape(exercise.name)}[/]")
        history = self.history(exercise.id)
        lines = []
        target = self._target(exercise.id)
        if target is not None:
            rpe = f" @{format_number(target.rpe)}" if target.rpe is not None else ""
            rest = target.rest_s if target.rest_s is not None else exercise.default_rest_s
            lines.append(f"target {target.sets}x{target.reps}{rpe} · rest {_clock(rest)}")
        lines.append(format_last(history, self.unit) or "[dim]first time: no earlier sets[/]")
        info.update("\n".join(lines))
        self._so_far = history.copy()
        self._append_rows([s for s in self.sets if s.exercise == exercise.id])

    def _append_rows(self, entries: list[SetEntry]) -> None:
        """Add rows for the current exercise's newest sets, with their PR marks (judged
        against history and the rows before them)."""
        table = self.query_one("#sets", DataTable)
        working = sum(1 for row in table.rows if table.get_cell(row, "n") != "w")
        for entry in entries:
            pr = self._so_far.add(entry)
            if not entry.warmup:
                working += 1
            found = set_e1rm(entry)
            marks = " ".join(m for m in ("PR" if pr else "", "note" if entry.notes else "") if m)
            table.add_row(
                "w" if entry.warmup else str(working),
                format_set(entry, self.unit).removeprefix("warm-up "),
                format_number(to_unit(found[0], self.unit)) if found else "",
                f"[b]{marks}[/]" if pr else marks,
                key=entry.id,
            )
        if table.row_count:
            table.move_cursor(row=table.row_count - 1)

    # -- starting --------------------------------------------------------------------------

    def on_key(self, event) -> None:
        if self.workout is None and event.character and event.character in LETTERS:
            index = LETTERS.index(event.character)
            options = self.query_one("#start-options", OptionList)
            if index < options.option_count:
                event.stop()
                self.start(options.get_option_at_index(index).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "start-options":
            self.start(event.option.id)

    def start(self, choice: str | None) -> None:
        template = next((t for t in self.templates if t.id == choice), None)
        name = template.name if template else ""
        start = self.app.clock().replace(microsecond=0)
        workout = Workout(
            start=start,
            name=name,
            template=template.id if template else None,
            day=self.app.store.snapshot.day_of(start),
        )
        self.workout = workout
        self.save(lambda repo: repo.save_workout(workout))
        self.template = template
        self.sets = []
        self.order = self._exercise_order()
        self.current = self.exercises.get(self.order[0]) if self.order else None
        self.refresh_all()
        self.query_one("#entry").focus()
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

    def enter(self, text: str) -> None:
        """Act on what was typed: a set, a change of exercise, or an edit."""
        if self.editing is not None:
            self._finish_edit(text)
            return
        current = self.current
        if text.strip().isdigit() and 1 <= int(text) <= min(9, len(self.order)):
            self.action_exercise_number(int(text))
            return
        try:
            spec = parse_workout_entry(text, self._last_set(current), self.unit)
        except EntryError:
            if text.strip() and not any(c.isdigit() for c in text) and "bw" not in text.lower():
                self.switch_to_named(text.strip())
                return
            raise
        exercise = current
        if spec.exercise is not None:
            exercise = find_exercise(spec.exercise, list(self.exercises.values()))
        if exercise is None:
            raise EntryError("name the exercise first: e.g. bench 100x5, or press p to pick")
        if self.workout is None:
            self.start(None)
        if exercise is not current:
            self.set_current(exercise)
        weight_kg = spec.weight_kg(self.unit)
        logged = [self.log_set(exercise, weight_kg, spec) for _ in range(spec.sets)]
        # Only what changed: rebuilding the table would cost a frame and its scroll position.
        self._append_rows(logged)
        self.refresh_exercise_list()
        self._refresh_subtitle()
        self.refresh_bindings()
        self.show_message(
            f"Logged {len(logged)} set{'s' if len(logged) > 1 else ''} of {exercise.name}."
            if len(logged) > 1
            else ""
        )

    def _last_set(self, exercise: Exercise | None) -> LastSet | None:
        if exercise is None:
            return None
        mine = [s for s in self.sets if s.exercise == exercise.id]
        if not mine:
            return None
        last = mine[-1]
        return LastSet(last.weight_kg, last.reps, last.rpe, last.warmup, last.bodyweight)

    def log_set(self, exercise: Exercise, weight_kg: float, spec) -> SetEntry:
        """Put a set on screen now; save it in the background."""
        workout = self.workout
        moment = self.app.clock().replace(microsecond=0)
        previous = self.sets[-1] if self.sets else None
        entry = SetEntry(
            id=new_id(),
            workout=workout.id,
            exercise=exercise.id,
            weight_kg=weight_kg,
            reps=spec.reps,
            rpe=spec.rpe,
            warmup=spec.warmup,
            bodyweight=spec.bodyweight,
            timestamp=moment,
            order=(previous.order + 1) if previous else 1,
            rest_s=round((moment - previous.timestamp).total_seconds()) if previous else None,
            day=workout.day,
        )
        check_set(entry)
        self.sets.append(entry)
        if exercise.id not in self.order:
            self.order.append(exercise.id)
        target = self._target(exercise.id)
        template_rest = target.rest_s if target else None
        rest_s = self.settings.rest_for(exercise, warmup=spec.warmup, template_rest_s=template_rest)
        self.app.start_rest(
            RestPeriod(started=moment, duration_s=rest_s, after_set=entry.id, exercise=exercise.id)
            if rest_s
            else None
        )
        self.save(
            lambda repo: repo.log_set(
                workout,
                exercise,
                weight_kg,
                spec.reps,
                rpe=spec.rpe,
                warmup=spec.warmup,
                bodyweight=spec.bodyweight,
                at=moment,
                rest_after_s=template_rest,
                set_id=entry.id,
            )
        )
        self.undo_stack.append(
            Undo(
                f"{exercise.name} {format_set(entry, self.unit)}",
                lambda: self._drop(entry.id),
                lambda repo: repo.delete_set(entry.id),
            )
        )
        return entry

    # -- changing exercise -----------------------------------------------------------------

    def set_current(self, exercise: Exercise) -> None:
        self.current = exercise
        if exercise.id not in self.order:
            self.order.append(exercise.id)
        self.refresh_exercise_list()
        self.refresh_exercise()

    def switch_to_named(self, name: str) -> None:
        try:
            exercise = find_exercise(name, list(self.exercises.values()))
        except AmbiguousExercise:
            self.action_pick_exercise(name)
            return
        self.set_current(exercise)
        self.show_message(f"{exercise.name}: type a set, e.g. 100x5@8")

    def action_switch_exercise(self, step: int) -> None:
        if not self.order or self.editing is not None:
            return
        index = (
            self.order.index(self.current.id)
            if self.current and self.current.id in self.order
            else -1
        )
        self.set_current(self.exercises[self.order[(index + step) % len(self.order)]])

    def action_exercise_number(self, number: int) -> None:
        if number <= len(self.order):
            self.set_current(self.exercises[self.order[number - 1]])
            self.set_focus(self.query_one("#entry"))

    def action_pick_exercise(self, query: str = "") -> None:
        from tui.screens.dialogs.exercise_picker import ExercisePickerScreen

        def picked(exercise: Exercise | None) -> None:
            if exercise is not None:
                self.exercises.setdefault(exercise.id, exercise)
                self.set_current(exercise)
            self.query_one("#entry").focus()

        self.app.push_screen(ExercisePickerScreen(list(self.exercises.values()), query), picked)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.query_one("#entry").focus()

    # -- focus -----------------------------------------------------------------------------

    # Keys move the focus at once (Screen.set_focus), not after the keys already typed
    # behind them (Widget.focus): "i" then a set typed ahead goes into the line.
    def action_focus_entry(self) -> None:
        self.set_focus(self.query_one("#entry"))

    def action_leave_entry(self) -> None:
        if self.editing is not None:
            self.editing = None
            self.query_one("#entry", Input).value = ""
            self.show_message("Edit cancelled.")
        if isinstance(self.focused, Input):
            self.set_focus(self.query_one("#sets", DataTable))

    # -- editing, deleting, notes, undo ----------------------------------------------------

    def selected_set(self) -> SetEntry | None:
        table = self.query_one("#sets", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        return next((s for s in self.sets if s.id == key), None)

    def action_edit_set(self) -> None:
        entry = self.selected_set()
        if entry is None:
            return
        self.editing = entry
        entry_line = self.query_one("#entry", Input)
        text = format_set(entry, self.unit).replace(" ", "").replace("warm-up", "w ")
        entry_line.value = text
        entry_line.focus()
        self.show_message("Editing the set: change it and press Enter; Escape cancels.")

    def _finish_edit(self, text: str) -> None:
        old = self.editing
        # "+2.5x5", "x6" and an empty line start from the set being edited.
        base = LastSet(old.weight_kg, old.reps, old.rpe, old.warmup, old.bodyweight)
        spec = parse_workout_entry(text, base, self.unit)
        if spec.exercise is not None or spec.sets > 1:
            raise EntryError(
                f"an edit changes this one set: type its weight and reps, e.g. {EDIT_EXAMPLE}"
            )
        new = replace(
            old,
            weight_kg=spec.weight_kg(self.unit),
            reps=spec.reps,
            rpe=spec.rpe,
            warmup=spec.warmup,
            bodyweight=spec.bodyweight,
        )
        check_set(new)
        self.editing = None
        self._replace_local(new)
        self.save(lambda repo: repo.save_set(new))
        self.undo_stack.append(
            Undo("edit", lambda: self._replace_local(old), lambda repo: repo.save_set(old))
        )
        self.refresh_all()
        self.show_message("Set changed (u undoes).")

    def _replace_local(self, entry: SetEntry) -> None:
        self.sets = [entry if s.id == entry.id else s for s in self.sets]

    def _drop(self, set_id: str) -> None:
        self.sets = [s for s in self.sets if s.id != set_id]

    def action_delete_set(self) -> None:
        entry = self.selected_set()
        if entry is None:
            return
        self._drop(entry.id)
        self.save(lambda repo: repo.delete_set(entry.id))

        def restore() -> None:
            self.sets = sorted([*self.sets, entry], key=lambda s: (s.timestamp, s.order))

        self.undo_stack.append(Undo("delete", restore, lambda repo: repo.save_set(entry)))
        self.refresh_all()
        self.show_message(f"Deleted {format_set(entry, self.unit)} (u undoes).")

    def action_undo(self) -> None:
        if not self.undo_stack:  # `u` is disabled then; a remapped key may still get here
            return
        undo = self.undo_stack.pop()
        undo.on_screen()
        self.save(undo.in_log)
        self.refresh_all()
        self.show_message(f"Undone: {undo.what}.")

    def action_note_set(self) -> None:
        entry = self.selected_set()
        if entry is None:
            return
        from tui.screens.dialogs.prompt import PromptScreen

        def noted(text: str | None) -> None:
            if text is None:
                return
            new = replace(entry, notes=text)
            self._replace_local(new)
            self.save(lambda repo: repo.save_set(new))
            self.undo_stack.append(
                Undo("note", lambda: self._replace_local(entry), lambda repo: repo.save_set(entry))
            )
            self.refresh_all()

        self.app.push_screen(PromptScreen("Note on this set", entry.notes), noted)

    def action_note_workout(self) -> None:
        if self.workout is None:
            return
        from tui.screens.dialogs.prompt import PromptScreen

        workout = self.workout

        def noted(text: str | None) -> None:
            if text is not None:
                noted_workout = self.workout = replace(workout, notes=text)
                self.save(lambda repo: repo.save_workout(noted_workout))

                def restore() -> None:
                    self.workout = workout

                self.undo_stack.append(
                    Undo("workout note", restore, lambda repo: repo.save_workout(workout))
                )
                self.show_message("Workout note saved.")

        self.app.push_screen(PromptScreen("Note on today's workout", workout.notes), noted)

    # -- finishing and templates -----------------------------------------------------------

    def action_finish(self) -> None:
        if self.workout is None:
            return
        from tui.screens.workout.finish import Finish, FinishWorkoutScreen

        workout = self.workout

        def finished(result: Finish | None) -> None:
            if result is None:
                return
            end = self.app.clock().replace(microsecond=0)
            self.save(
                lambda repo: repo.finish_workout(workout, result.session_rpe, result.notes, at=end)
            )
            minutes = round((end - workout.start).total_seconds() / 60)
            done = len([s for s in self.sets if not s.warmup])
            self.workout, self.template, self.sets, self.order = None, None, [], []
            self.current, self.undo_stack = None, []
            self.refresh_all()
            self.show_message(
                f"Workout finished: {done} working sets in {minutes} min, "
                f"session RPE {result.session_rpe}."
            )

        self.app.push_screen(FinishWorkoutScreen(workout.notes), finished)

    def action_save_template(self) -> None:
        if not self.sets:
            self.show_message("Log some sets first: a template is made from today's workout.")
            return
        from tui.screens.dialogs.prompt import PromptScreen

        def named(name: str | None) -> None:
            if not name:
                return
            template = Template(name=name, items=self._template_items())
            self.save(lambda repo: repo.save_template(template))
            self.templates.append(template)
            self.show_message(f"Saved today's workout as the template {name!r}.")

        default = self.workout.name if self.workout and self.workout.name else ""
        self.app.push_screen(PromptScreen("Template name", default), named)

    def _template_items(self) -> list[TemplateItem]:
        items = []
        for exercise_id in self.order:
            working = [s for s in self.sets if s.exercise == exercise_id and not s.warmup]
            if not working:
                continue
            rpes = [s.rpe for s in working if s.rpe is not None]
            items.append(
                TemplateItem(
                    exercise=exercise_id,
                    sets=len(working),
                    reps=max(set(s.reps for s in working), key=[s.reps for s in working].count),
                    rpe=max(rpes) if rpes else None,
                )
            )
        return items


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
