"""A new exercise without leaving the workout: name, muscles, default rest, each field
with its label beside it (a placeholder goes once something is typed)."""

from __future__ import annotations

import re
from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from storage.errors import ValidationError
from storage.model.records import MUSCLES, Exercise
from storage.model.validation import check_new_exercise
from tui.format.muscles import MUSCLE_LABELS
from tui.textual_workarounds import OrderedInput

MUSCLES_HELP = "muscles: " + ", ".join(MUSCLE_LABELS[m] for m in MUSCLES)


def parse_muscles(direct: str, indirect: str) -> dict[str, float]:
    """'quads, glutes' and 'hamstrings' -> {quads: 1.0, glutes: 1.0, hamstrings: 0.5}."""
    muscles: dict[str, float] = {}
    for text, coefficient in ((indirect, 0.5), (direct, 1.0)):
        for name in filter(None, (n.strip().lower().replace(" ", "_") for n in text.split(","))):
            if name not in MUSCLES:
                shown = name.replace("_", " ")
                raise ValidationError(f"unknown muscle {shown!r}; {MUSCLES_HELP}")
            muscles[name] = coefficient
    return muscles


def parse_rest(text: str) -> int:
    """'90', '1:30' or '2m' -> seconds."""
    text = text.strip().lower()
    if m := re.fullmatch(r"(\d{1,2}):([0-5]\d)", text):
        return int(m[1]) * 60 + int(m[2])
    if m := re.fullmatch(r"(\d{1,2})\s*m(in)?", text):
        return int(m[1]) * 60
    if m := re.fullmatch(r"(\d{1,4})\s*s?", text):
        return int(m[1])
    raise ValidationError(f"can't read rest {text!r}: seconds or M:SS, e.g. 90 or 1:30")


class NewExerciseScreen(ModalScreen[Exercise | None]):
    DEFAULT_CSS = """
    NewExerciseScreen { align: center middle; }
    NewExerciseScreen > Vertical {
        width: 76; height: auto; padding: 0 2;
        border: round $accent; background: $surface;
    }
    NewExerciseScreen Input { margin-bottom: 0; width: 1fr; }
    NewExerciseScreen .field { height: 3; }
    NewExerciseScreen .field Label { width: 20; padding: 1 1 0 0; }
    NewExerciseScreen #new-error { color: $error; height: auto; }
    NewExerciseScreen .hint { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="new_exercise.cancel")]

    def __init__(self, name: str = "") -> None:
        super().__init__()
        self.initial_name = name

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("New exercise (Tab moves between fields, Enter saves)")
            for label, field in (
                (
                    "Name",
                    OrderedInput(self.initial_name, placeholder="Zercher Squat", id="new-name"),
                ),
                ("Trained directly", OrderedInput(placeholder="quads, glutes", id="new-direct")),
                (
                    "Trained indirectly",
                    OrderedInput(placeholder="abs, upper back", id="new-indirect"),
                ),
                (
                    "Rest between sets",
                    OrderedInput("120", placeholder="seconds or M:SS", id="new-rest"),
                ),
            ):
                with Horizontal(classes="field"):
                    yield Label(label)
                    yield field
            yield Label("", id="new-error", markup=False)
            yield Label(MUSCLES_HELP, classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = {i.id: i.value for i in self.query(Input)}
        error = self.query_one("#new-error", Label)
        try:
            exercise = Exercise(
                name=value["new-name"].strip(),
                muscles=parse_muscles(value["new-direct"], value["new-indirect"]),
                default_rest_s=parse_rest(value["new-rest"]),
                kind="compound",
            )
            if not any(c == 1.0 for c in exercise.muscles.values()):
                raise ValidationError("name at least one muscle it trains directly")
            check_new_exercise(exercise, self.app.store.snapshot.exercises())
        except ValidationError as exc:
            error.update(str(exc))
            return
        # Made now, saved by the log's writer: the sets logged with it are saved after it.
        self.app.store.save(lambda repo: repo.add_exercise(exercise))
        self.dismiss(replace(exercise, builtin=False))

    def action_cancel(self) -> None:
        self.dismiss(None)
