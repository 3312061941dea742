"""The workout screen's list of today's exercises: numbered for their keys, the current one
marked, each with its working sets done (against the template's target: done ones dim);
a superset's exercises are joined by a bracket (┌ │ └) after their numbers.
A name too long for the list ends with "…"; the list is wider on a wider terminal."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from storage.model.supersets import group_runs
from tui.format.text import clipped
from tui.screens.workout.session import WorkoutSession

NUMBER_AND_COUNT = 9  # the cells of a line beside the name: "▸1 " and " 10/12"


class ExerciseList(Static):
    _session: WorkoutSession | None = None
    _pick_key = ""

    def on_resize(self) -> None:
        if self._session is not None:
            self.show(self._session, self._pick_key)

    def show(self, session: WorkoutSession, pick_key: str) -> None:
        """`pick_key` picks an exercise from the library (named while there is none)."""
        self._session, self._pick_key = session, pick_key
        if not self.content_size.width:
            return  # not laid out yet (hidden before a workout): drawn on its first resize
        width = max(self.content_size.width - NUMBER_AND_COUNT, 8)
        lines: list[Text] = []
        runs = group_runs(session.order, session.supersets.groups(session))
        for n, (exercise_id, bracket) in enumerate(runs, 1):
            exercise = session.exercises[exercise_id]
            done = session.working_sets(exercise_id)
            target = session.target(exercise_id)
            count = f"{done}/{target.sets}" if target else str(done)
            mark = "▸" if session.current and exercise_id == session.current.id else " "
            style = "b" if mark == "▸" else "dim" if target and done >= target.sets else ""
            name = clipped(exercise.name, width)
            name.pad_right(width - name.cell_len)
            lines.append(
                Text.assemble(
                    f"{mark}{n if n < 10 else ' '}{bracket}", name, f" {count:>5}", style=style
                )
            )
        if not lines:
            lines = [
                Text(f"No exercise yet.\nType one: bench 100x5\nor {pick_key} picks one.", "dim")
            ]
        self.update(Text("\n").join(lines))
