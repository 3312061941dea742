"""One day from the history: the score as it stood that morning, the recovery inputs and
symptoms, and every set, as the log has it now (a set another copy logs shows). Escape goes
back.

The morning's score is worked out on a thread once the day is on screen (on a ten-year log
it takes about as long as drawing the box), and joins it then."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from storage.model.supersets import set_runs
from tui.format.readiness import reasons, verdict
from tui.format.text import note
from tui.format.units import format_set, format_weight
from tui.format.words import counted
from tui.messages import LogChanged
from tui.screens.history.detail import DetailScreen
from tui.widgets.app_footer import AppFooter

if TYPE_CHECKING:
    from scoring.assessment import Assessment
    from storage.log.snapshot import LogSnapshot


class DayDetailScreen(DetailScreen):
    @dataclass
    class MorningRead(Message, bubble=False):
        """The score as it stood on the day's morning, worked out on a thread."""

        morning: Assessment
        of: LogSnapshot  # the log it was worked out from

    def __init__(self, day: date, unit: str) -> None:
        super().__init__()
        self.day = day
        self.unit = unit
        self._title = Text(f"{day:%A %-d %B %Y}\n", style="bold")
        self._logged = Text()  # the day's recovery, symptoms and training
        self._morning = Text("…\n", "dim")  # until it is worked out
        self._drawn_from: LogSnapshot | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="detail"):
            yield Static(id="day-detail")
        yield AppFooter()

    def on_mount(self) -> None:
        self._draw()
        self.set_focus(self.query_one(VerticalScroll))

    @on(LogChanged)
    def _draw(self) -> None:
        """The day as the log has it now; its morning as worked out last until the new one
        joins it."""
        repo = self.app.store.snapshot
        if repo is self._drawn_from:
            return
        self._drawn_from = repo
        self._logged = self._describe(repo)
        self._show()
        self.call_after_refresh(self._read_morning, repo)

    @work(thread=True, exclusive=True, group="day's morning")
    def _read_morning(self, repo: LogSnapshot) -> None:
        from storage.read.readiness import read_assessment
        from tui.commands.status import morning_of
        from tui.taking_turns import quick_turns

        with quick_turns():  # a key pressed meanwhile is answered as it comes
            morning = read_assessment(repo, morning_of(repo, self.day))
        self.post_message(self.MorningRead(morning, repo))

    @on(MorningRead)
    def _morning_read(self, message: MorningRead) -> None:
        if message.of is not self._drawn_from:
            return  # of a log changed since: its own morning is on its way
        morning = message.morning
        if morning.readiness is None:
            self._morning = Text("no score (too little logged)\n", "dim")
        else:
            self._morning = Text(f"readiness {morning.readiness:.0f}  ")
            self._morning.append_text(verdict(morning))
            self._morning.append("\n")
            self._morning.append_text(reasons(morning))
            self._morning.append("\n")
        self._show()

    def _show(self) -> None:
        text = self._title.copy()
        text.append("\nThat morning  ", "bold")
        text.append_text(self._morning)
        text.append_text(self._logged)
        self.query_one("#day-detail", Static).update(text)

    def _describe(self, repo: LogSnapshot) -> Text:
        """What was logged that day."""
        day, unit = self.day, self.unit
        zone = ZoneInfo(repo.timezone)  # the log's, for times
        text = Text()
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
