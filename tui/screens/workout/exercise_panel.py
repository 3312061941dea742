"""The workout screen's current exercise: its name, the template's target and rest, its
last session, and today's sets of it (`SetTable`)."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from storage.model.records import Exercise, SetEntry, TemplateItem
from storage.read.exercise_history import ExerciseHistory
from tui.format.sets import format_last
from tui.format.text import log_text
from tui.format.units import format_number, format_weight
from tui.screens.workout.set_table import SetTable


class ExercisePanel(Vertical):
    DEFAULT_CSS = """
    ExercisePanel #exercise-title { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="exercise-title")
        yield Static(id="exercise-info")
        yield SetTable(id="sets")

    def ask_for_exercise(self, pick_key: str) -> None:
        """No exercise yet: say how to choose one (`pick_key` opens the list)."""
        self.query_one(SetTable).clear()
        self.query_one("#exercise-title", Static).update("Pick an exercise:")  # one line
        self.query_one("#exercise-info", Static).update(
            f"type its name (bench, rdl) or press {pick_key}"
        )

    def show(
        self,
        exercise: Exercise,
        target: TemplateItem | None,
        history: ExerciseHistory,
        entries: Iterable[SetEntry],
        unit: str,
        unsaved: Collection[str] = (),
    ) -> None:
        """Show the exercise with its target, its past and today's sets of it."""
        self.query_one("#exercise-title", Static).update(log_text(exercise.name, "bold"))
        lines = []
        if target is not None:
            rpe = f" @{format_number(target.rpe)}" if target.rpe is not None else ""
            rest = target.rest_s if target.rest_s is not None else exercise.default_rest_s
            load = "" if target.weight_kg is None else f" · {format_weight(target.weight_kg, unit)}"
            lines.append(f"target {target.sets}x{target.reps}{rpe}{load} · rest {_clock(rest)}")
        lines.append(format_last(history, unit) or "[dim]first time: no earlier sets[/]")
        self.query_one("#exercise-info", Static).update("\n".join(lines))
        self.query_one(SetTable).show(entries, history, unit, unsaved)


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
