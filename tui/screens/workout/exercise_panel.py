"""The workout screen's current exercise: its name, today's plan of it (or the template's
target) and what follows a set (its rest, or in a superset the next exercise), its last
session, and today's sets of it (`SetTable`)."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from rich.text import Text
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
from tui.screens.workout.session import RestAfter
from tui.screens.workout.set_table import SetTable


class ExercisePanel(Vertical):
    DEFAULT_CSS = """
    ExercisePanel #exercise-title { text-wrap: nowrap; text-overflow: ellipsis; }
    ExercisePanel #exercise-plan { height: auto; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    _rest = ""  # what follows a set of the exercise shown, as its plan line says it

    def compose(self) -> ComposeResult:
        yield Static(id="exercise-title")
        yield Static(id="exercise-plan")
        yield Static(id="exercise-info")
        yield SetTable(id="sets")

    def ask_for_exercise(self, pick_key: str) -> None:
        """No exercise yet: say how to choose one (`pick_key` opens the list)."""
        self.query_one(SetTable).clear()
        self.show_plan(None, None, "", None)
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
        rest: RestAfter,
        unsaved: Collection[str] = (),
        plan: PlanItem | None = None,
        floor_kg: float | None = None,
        *,
        per_hand: bool = False,
        bodyweight_kg: float | None = None,
    ) -> None:
        """Show the exercise with today's plan of it (`floor_kg`: its stop rule's e1RM
        floor) or the template's target, what follows a set of it (`rest`: said with the
        plan or target, or alone in a superset), its past and today's sets of it;
        `per_hand`: its loads are the weight in each hand, said after its name;
        `bodyweight_kg`: the lifter's as of the workout's day, a bodyweight set's e1RM."""
        title = log_text(exercise.name, "bold")
        if per_hand:
            title.append(f" · {unit} per hand", "dim")
        self.query_one("#exercise-title", Static).update(title)
        self.show_plan(plan, floor_kg, unit, rest)
        lines = []
        if target is not None and plan is None:
            rpe = f" @{format_number(target.rpe)}" if target.rpe is not None else ""
            load = "" if target.weight_kg is None else f" · {format_weight(target.weight_kg, unit)}"
            lines.append(log_text(f"target {target.sets}x{target.reps}{rpe}{load} · {self._rest}"))
        elif plan is None and (rest.ends_round or rest.next_exercise):
            lines.append(log_text(self._rest))
        last = format_last(history, unit)
        lines.append(log_text(last) if last else Text("first time: no earlier sets", "dim"))
        self.query_one("#exercise-info", Static).update(Text("\n").join(lines))
        self.query_one(SetTable).show(entries, history, unit, unsaved, bodyweight_kg)

    def show_plan(
        self, plan: PlanItem | None, floor_kg: float | None, unit: str, rest: RestAfter | None
    ) -> None:
        """Today's plan of the exercise shown (none: no line), its stop floor and what
        follows a set of it as they are now."""
        self._rest = "" if rest is None else _rest_words(rest)
        line = self.query_one("#exercise-plan", Static)
        line.display = plan is not None
        if plan is not None:
            line.update(exercise_plan(plan, floor_kg, unit, self._rest))


def _rest_words(rest: RestAfter) -> str:
    """What follows a set: "rest 2:00", "no rest: next Barbell Row" in a superset's round,
    "rest after Barbell Row: 1:30" after its last exercise."""
    if rest.next_exercise is not None:
        return f"no rest: next {rest.next_exercise.name}"
    clock = f"{rest.rest_s // 60}:{rest.rest_s % 60:02d}" if rest.rest_s else "none"
    return f"rest after {rest.exercise.name}: {clock}" if rest.ends_round else f"rest {clock}"
