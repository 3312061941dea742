"""The workout screen's list of today's exercises: numbered for their keys, the current one
marked, each with its working sets done (against the template's target: done ones dim)."""

from __future__ import annotations

from rich.markup import escape
from textual.widgets import Static

from tui.screens.workout.session import WorkoutSession


class ExerciseList(Static):
    def show(self, session: WorkoutSession) -> None:
        lines = []
        for n, exercise_id in enumerate(session.order, 1):
            exercise = session.exercises[exercise_id]
            done = session.working_sets(exercise_id)
            target = session.target(exercise_id)
            count = f"{done}/{target.sets}" if target else str(done)
            mark = "▸" if session.current and exercise_id == session.current.id else " "
            style = "b" if mark == "▸" else "dim" if target and done >= target.sets else ""
            name = escape(f"{exercise.name[:16]:<16}")
            text = f"{mark}{n if n < 10 else ' '} {name} {count:>5}"
            lines.append(f"[{style}]{text}[/]" if style else text)
        if not lines:
            lines = ["[dim]No exercise yet.", "Type one: bench 100x5", "or press p to pick.[/]"]
        self.update("\n".join(lines))
