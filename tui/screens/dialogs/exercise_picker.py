"""Choosing an exercise: a few letters, arrows, Enter; or a new exercise on the spot."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from storage.entry.exercise_names import rank_exercises
from storage.model.records import Exercise
from tui.format.text import log_text
from tui.textual_workarounds import OrderedInput

NEW = "__new__"
EVERY_EXERCISE = "__every__"


class ExercisePickerScreen(ModalScreen[Exercise | str | None]):
    """Dismisses with the chosen exercise, or None. A new exercise is created through
    `NewExerciseScreen` and returned like any other. A picker that filters (`every` is the
    label of the choice of them all) offers no new exercise, and dismisses with
    `EVERY_EXERCISE` for that choice."""

    DEFAULT_CSS = """
    ExercisePickerScreen { align: center middle; }
    ExercisePickerScreen > Vertical {
        width: 70; height: 20; padding: 0 1;
        border: round $accent; background: $surface;
    }
    ExercisePickerScreen OptionList { height: 1fr; border: none; }
    ExercisePickerScreen .hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("down", "move(1)", "Down", show=False, id="picker.down"),
        Binding("up", "move(-1)", "Up", show=False, id="picker.up"),
    ]

    def __init__(
        self, exercises: Sequence[Exercise], query: str = "", *, every: str | None = None
    ) -> None:
        super().__init__()
        self.exercises = list(exercises)
        self.query_text = query
        self.every = every

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Exercise: type a few letters (bp, rdl, leg curl), arrows, Enter")
            yield OrderedInput(self.query_text, placeholder="name or alias", id="picker-query")
            yield OptionList(id="picker-options")
            yield Label("Escape to cancel", classes="hint")

    def on_mount(self) -> None:
        self.refresh_options(self.query_text)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refresh_options(event.value)

    def refresh_options(self, query: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        ranked = (
            rank_exercises(query, self.exercises, limit=30)
            if query.strip()
            else sorted(self.exercises, key=lambda e: e.name)
        )
        if self.every is not None and not query.strip():
            options.add_option(Option(log_text(self.every), id=EVERY_EXERCISE))
        options.add_options(
            Option(
                Text.assemble(log_text(e.name), "  ", log_text(", ".join(e.aliases[:3]), "dim")),
                id=e.id,
            )
            for e in ranked
        )
        if self.every is None:
            label = f"+ New exercise {query.strip()!r}" if query.strip() else "+ New exercise"
            options.add_option(Option(log_text(label), id=NEW))
        options.highlighted = 0 if options.option_count else None

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.choose(options.get_option_at_index(options.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose(event.option.id)

    def choose(self, option_id: str | None) -> None:
        if option_id == NEW:
            from tui.screens.dialogs.new_exercise import NewExerciseScreen

            query = self.query_one("#picker-query", Input).value.strip()
            self.app.push_screen(NewExerciseScreen(query.title()), self._created)
            return
        if option_id == EVERY_EXERCISE:
            self.dismiss(EVERY_EXERCISE)
            return
        self.dismiss(next((e for e in self.exercises if e.id == option_id), None))

    def _created(self, exercise: Exercise | None) -> None:
        if exercise is not None:
            self.dismiss(exercise)

    def action_cancel(self) -> None:
        self.dismiss(None)
