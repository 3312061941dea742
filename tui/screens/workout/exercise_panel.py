"""The workout screen's current exercise: its name, today's plan of it (or the template's
target) and rest, its last session, and today's sets of it (`SetTable`)."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from scoring.plan import PlanItem
from storage.model.records import Exercise, SetEntry, TemplateItem
from storage.read.exercise_history import ExerciseHistory
from tui.format.plan import exercise_plan
from tui.format.sets import format_last
from tui.format.text import log_text
from tui.format.units import format_number, format_weight
from tui.screens.workout.set_table import SetTable


class ExercisePanel(Vertical):
    DEFAULT_CSS = """
    ExercisePanel #exercise-title { text-wrap: nowrap; text-overflow: ellipsis; }
    ExercisePanel #exercise-plan { height: auto; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    _rest = ""  # the rest of the exercise shown, as its plan line says it

    def compose(self) -> ComposeResult:
        yield Static(id="exercise-title")
        yield Static(id="exercise-plan")
        yield Static(id="exercise-info")
        yield SetTable(id="sets")

    def ask_for_exercise(self, pick_key: str) -> None:
        """No exercise yet: say how to choose one (`pick_key` opens the list)."""
        self.query_one(SetTable).clear()
        self.show_plan(None, None, "")
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
        plan: PlanItem | None = None,
        floor_kg: float | None = None,
        *,
        per_hand: bool = False,
    ) -> None:
        """Show the exercise with today's plan of it (`floor_kg`: its stop rule's e1RM
        floor) or the template's target, its past and today's sets of it; `per_hand`:
        its loads are the weight in each hand, said after its name."""
        title = log_text(exercise.name, "bold")
        if per_hand:
            title.append(f" · {unit} per hand", "dim")
        self.query_one("#exercise-title", Static).update(title)
        rest = target.rest_s if target is not None and target.rest_s is not None else None
        self._rest = _clock(rest if rest is not None else exercise.default_rest_s)
        self.show_plan(plan, floor_kg, unit)
        lines = []
        if target is not None and plan is None:
            rpe = f" @{format_number(target.rpe)}" if target.rpe is not None else ""
            load = "" if target.weight_kg is None else f" · {format_weight(target.weight_kg, unit)}"
            lines.append(f"target {target.sets}x{target.reps}{rpe}{load} · rest {self._rest}")
        lines.append(format_last(history, unit) or "[dim]first time: no earlier sets[/]")
        self.query_one("#exercise-info", Static).update("\n".join(lines))
        self.query_one(SetTable).show(entries, history, unit, unsaved)

    def show_plan(self, plan: PlanItem | None, floor_kg: float | None, unit: str) -> None:
        """Today's plan of the exercise shown (none: no line), its stop floor as it is now."""
        line = self.query_one("#exercise-plan", Static)
        line.display = plan is not None
        if plan is not None:
            line.update(exercise_plan(plan, floor_kg, unit, self._rest))


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
