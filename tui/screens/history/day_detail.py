"""One day from the history: the score as it stood that morning, the recovery inputs and
symptoms, and every set. Escape goes back."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from storage.model.supersets import set_runs
from tui.format.readiness import reasons, verdict
from tui.format.text import note
from tui.format.units import format_set, format_weight
from tui.format.words import counted
from tui.screens.history.detail import DetailScreen
from tui.widgets.app_footer import AppFooter


class DayDetailScreen(DetailScreen):
    def __init__(self, day: date, unit: str) -> None:
        super().__init__()
        self.day = day
        self.unit = unit

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="detail"):
            yield Static(id="day-detail")
        yield AppFooter()

    def on_mount(self) -> None:
        self.query_one(Static).update(self._describe(self.app.store.snapshot))
        self.set_focus(self.query_one(VerticalScroll))

    def _describe(self, repo) -> Text:
        from storage.read.readiness import read_assessment
        from tui.commands.status import morning_of

        day, unit = self.day, self.unit
        zone = ZoneInfo(repo.timezone)  # the log's, for times
        text = Text(f"{day:%A %-d %B %Y}\n", style="bold")
        morning = read_assessment(repo, morning_of(repo, day))
        text.append("\nThat morning  ", "bold")
        if morning.readiness is None:
            text.append("no score (too little logged)\n", "dim")
        else:
            text.append(f"readiness {morning.readiness:.0f}  ")
            text.append_text(verdict(morning))
            text.append("\n")
            text.append_text(reasons(morning))
            text.append("\n")
        text.append("\nRecovery  ", "bold")
        recovery = repo.recovery(day)
        if recovery is None:
            text.append("nothing logged\n", "dim")
        else:
            parts = [
                f"sleep {recovery.sleep_hours:g} h" if recovery.sleep_hours is not None else "",
                f"quality {recovery.sleep_quality}/5" if recovery.sleep_quality else "",
                f"water {counted(c, 'cup')}" if (c := recovery.water_cups) is not None else "",
                f"protein {recovery.protein_g:g} g" if recovery.protein_g is not None else "",
                f"carbs {recovery.carbs_g:g} g" if recovery.carbs_g is not None else "",
                format_weight(recovery.bodyweight_kg, unit) if recovery.bodyweight_kg else "",
                f"stress {recovery.stress}/5" if recovery.stress else "",
            ]
            text.append(" · ".join(p for p in parts if p) + "\n")
            if recovery.notes:
                text.append(f"  “{note(recovery.notes)}”\n", "dim")
        text.append("\nSymptoms\n", "bold")
        entries = repo.symptoms(since=day, until=day)
        if not entries:
            text.append("  nothing logged\n", "dim")
        from tui.format.symptoms import summary

        for entry in entries:
            text.append(f"  {entry.timestamp.astimezone(zone):%H:%M}  {summary(entry)}\n")
        workouts = repo.workouts(since=day, until=day)
        text.append("\nTraining\n", "bold")
        if not workouts:
            text.append("  a rest day\n", "dim")
        names: dict[str, str] = {}

        def name(exercise_id: str) -> str:
            if exercise_id not in names:
                exercise = repo.exercise(exercise_id)
                names[exercise_id] = exercise.name if exercise else exercise_id
            return names[exercise_id]

        for workout in workouts:
            minutes = workout.duration_minutes
            head = f"  {workout.name or 'Workout'} at {workout.start.astimezone(zone):%H:%M}"
            if minutes is not None:
                head += f", {minutes:.0f} min"
            if workout.session_rpe is not None:
                head += f", session RPE {workout.session_rpe}"
            text.append(head + "\n")
            previous = None
            for run in set_runs(repo.sets(workout=workout.id)):
                superset = len(run) > 1
                if superset:  # its sets in the order done, each with its exercise
                    joined = " + ".join(dict.fromkeys(name(e.exercise) for e in run))
                    text.append(f"    Superset: {joined}\n", "bold")
                for entry in run:
                    if not superset and entry.exercise != previous:
                        text.append(f"    {name(entry.exercise)}\n", "bold")
                    previous = None if superset else entry.exercise
                    shown = f"  “{note(entry.notes)}”" if entry.notes else ""
                    said = f"{name(entry.exercise)} " if superset else ""
                    text.append(f"      {said}{format_set(entry, unit)}{shown}\n")
            if workout.notes:
                text.append(f"    “{note(workout.notes)}”\n", "dim")
        text.append("\nEscape: back", "dim")
        return text
