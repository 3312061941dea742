"""The history screen's exercise progress: one exercise's best e1RM per session over time,
its personal records and its sessions.

    Back Squat · 120 sessions, Mar 2025 – Nov 2026            p: pick another exercise
    ┌ e1RM (kg) ──────────────────────────┐  PR        best         on
    │ (the chart)                         │  1 rep     140 kg       3 Mar 26
    │                                     │  3 reps    130 kg ×4    ...
    └─────────────────────────────────────┘  ...
     date        top set           e1RM      sets  volume
     Tue 24 Nov  120 kg x 5 @8     140 kg    5     2 800

The chart thins a long history to its width (the best per week, month or quarter), and
the sessions table fills in as the cursor nears its end, so a ten-year exercise opens as
fast as a new one. Enter on a session posts `SessionChosen`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Static
from textual_plotext import PlotextPlot

from storage.read.e1rm_series import E1rmSeries, e1rm_series
from storage.read.measure_series import (
    MeasureSeries,
    measure_records,
    measure_series,
    measured_kind,
    session_measure,
)
from tui.format.dates import day_text
from tui.format.e1rm import from_bodyweight
from tui.format.text import log_text
from tui.format.units import (
    distance_scale,
    format_distance,
    format_duration,
    format_pace,
    format_set,
    format_weight,
    pace_scale,
    to_unit,
)
from tui.format.words import counted
from tui.widgets.history.chart_axes import BUCKET_WORDS, date_ticks, y_axis

if TYPE_CHECKING:
    from storage.read.history_index import ExerciseSession, HistoryIndex, PersonalRecord

LINE_COLOR = "green"
BEST_COLOR = "orange"  # plotext's name for ANSI yellow
PAGE = 100  # session rows added at a time
PR_LABELS = {"Session volume": "Volume"}
# A timed or distance exercise's session columns (the rest: top set, e1RM, volume).
COLUMNS = {
    "timed": ("date", "best set", "time", "sets"),
    "distance": ("date", "best set", "distance", "time", "pace", "sets"),
}


class ExerciseProgress(Vertical):
    """Call `show(index, exercise_id, names, unit)`, or `show_empty()` while none is picked.
    `focus()` focuses the sessions table (arrows move, Enter opens a session)."""

    DEFAULT_CSS = """
    ExerciseProgress { height: 1fr; }
    ExerciseProgress > #progress-title { height: 1; }
    ExerciseProgress > #progress-top { height: 9; }
    ExerciseProgress #progress-plot { width: 1fr; }
    ExerciseProgress #progress-no-chart {
        width: 1fr; height: 1fr; content-align: center middle; color: $text-muted;
    }
    ExerciseProgress #progress-records { width: 33; height: 9; margin-left: 1; }
    ExerciseProgress > #progress-sessions { height: 1fr; }
    ExerciseProgress > #progress-empty {
        height: 1fr; content-align: center middle; color: $text-muted;
    }
    """

    class SessionChosen(Message):
        """Enter on a session: the screen opens the workout."""

        def __init__(self, workout_id: str, day: date | None = None) -> None:
            super().__init__()
            self.workout_id = workout_id
            self.day = day

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.today = date.min
        self.exercise_id: str | None = None
        self.unit = "kg"
        self._sessions: list[ExerciseSession] = []  # newest first
        self._shown = 0  # session rows in the table
        self._drawn: tuple | None = None
        self._kind = "reps"  # the kind of the exercise's sets: its columns and chart

    def compose(self) -> ComposeResult:
        yield Static(id="progress-title")
        with Horizontal(id="progress-top"):
            yield PlotextPlot(id="progress-plot")
            yield Static(id="progress-no-chart")
            yield Static(id="progress-records")
        yield DataTable(id="progress-sessions", cursor_type="row", zebra_stripes=True)
        yield Static(id="progress-empty")

    def on_mount(self) -> None:
        if not self.children:  # the app closed as it mounted: Textual removes children first
            return
        self._columns()
        if self.exercise_id is None:
            self.show_empty()

    def focus(self, scroll_visible: bool = True) -> ExerciseProgress:
        self.query_one(DataTable).focus(scroll_visible)
        return self

    # -- public ------------------------------------------------------------------------------

    def show_empty(self, text: str | Text = "No exercise picked: p picks one") -> None:
        self.exercise_id = None
        self._drawn = None
        self._sessions = []
        self._set_parts(False)
        self.query_one("#progress-empty", Static).update(text)

    def show(
        self,
        index: HistoryIndex,
        exercise_id: str,
        names: Mapping[str, str],
        unit: str,
        today: date | None = None,
    ) -> None:
        """The exercise's progress; dates of a year other than `today`'s (by default the
        newest day logged) say their year."""
        self.today = today or index.last_day or date.min
        stamp = (index, exercise_id, unit)  # the index itself: an id() could be reused
        if self._drawn is not None and all(
            a is b or a == b for a, b in zip(stamp, self._drawn, strict=True)
        ):
            return  # nothing changed: keep the cursor where it is
        name = names.get(exercise_id, exercise_id)
        sessions = index.exercise_sessions(exercise_id)
        self.exercise_id, self.unit = exercise_id, unit
        if not sessions:
            self.show_empty(log_text(f"No sessions of {name} yet: p picks another exercise"))
            self.exercise_id = exercise_id
            return
        self._drawn = stamp
        self._kind = measured_kind(sessions)
        self._set_parts(True)
        self._title(name, sessions)
        if self._kind == "reps":
            self._chart(name, sessions)
            self._records(index.records(exercise_id))
        else:
            self._measure_chart(name, sessions)
            self._measure_records(sessions)
        self._sessions = sessions[::-1]
        self._columns()
        self._shown = 0
        self._more_rows()

    # -- parts ---------------------------------------------------------------------------------

    def _set_parts(self, shown: bool) -> None:
        for selector in ("#progress-title", "#progress-top", "#progress-sessions"):
            self.query_one(selector).display = shown
        self.query_one("#progress-empty").display = not shown

    def _title(self, name: str, sessions: list[ExerciseSession]) -> None:
        first, last = sessions[0].day, sessions[-1].day
        count = len(sessions)
        text = log_text(name, "bold")
        text.append(f" · {counted(count, 'session')}")
        if first.year != last.year or first.month != last.month:
            text.append(f", {first:%b %Y} – {last:%b %Y}")
        else:
            text.append(f", {first:%b %Y}")
        title = Table.grid(expand=True, padding=(0, 0, 0, 2))
        title.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        title.add_column(justify="right", no_wrap=True)
        title.add_row(text, Text("p: pick another exercise", style="dim"))
        self.query_one("#progress-title", Static).update(title)

    def _chart(self, name: str, sessions: list[ExerciseSession]) -> None:
        plot = self.query_one(PlotextPlot)
        no_chart = self.query_one("#progress-no-chart", Static)
        columns = max((plot.size.width or 46) - 8, 20)
        series = e1rm_series(sessions, columns, partial(to_unit, unit=self.unit))
        if series is None:
            plot.display = False
            no_chart.display = True
            no_chart.update(
                log_text(
                    f"No e1RM to chart: {name} has no set with a weight. A bodyweight "
                    "set gets one from your bodyweight: log it on Recovery."
                )
            )
            return
        plot.display = True
        no_chart.display = False
        _draw(plot, series, 1.0, f"e1RM {self.unit}")

    def _measure_chart(self, name: str, sessions: list[ExerciseSession]) -> None:
        """A hold's or distance's best over the sessions: longest hold, fastest pace."""
        plot = self.query_one(PlotextPlot)
        no_chart = self.query_one("#progress-no-chart", Static)
        series = measure_series(sessions, max((plot.size.width or 46) - 8, 20))
        plot.display = series is not None
        no_chart.display = series is None
        if series is None:
            no_chart.update(log_text(f"Nothing to chart: {name} has no time or distance."))
            return
        if series.what == "hold":
            scale, label = 1 / 60, "longest hold min"
        elif series.what == "pace":
            per, kms = pace_scale(self.unit)
            scale, label = kms / 60, f"best pace min/{per}"
        else:
            name, length = distance_scale(series.best[1], self.unit)
            scale, label = 1 / length, f"longest {name}"
        _draw(plot, series, scale, label)

    def _measure_records(self, sessions: list[ExerciseSession]) -> None:
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        # the only column Rich narrows when the records are too wide (a run in miles at
        # 80 columns): the set is cut, its cell never wraps; names and dates stay whole
        table.add_column()
        table.add_column(no_wrap=True, style="dim")
        table.add_row(Text("PR", "bold"), Text("best", "bold"), Text("on", "bold"))
        for label, entry, day in measure_records(sessions):
            best = Text(format_set(entry, self.unit), no_wrap=True, overflow="ellipsis")
            table.add_row(label, best, day_text(day, self.today, weekday=False))
        self.query_one("#progress-records", Static).update(table)

    def _records(self, records: list[PersonalRecord]) -> None:
        today = self.today
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True, style="dim")
        table.add_row(Text("PR", "bold"), Text("best", "bold"), Text("on", "bold"))
        for record in records:
            label = PR_LABELS.get(record.label, record.label)
            if record.day is None:
                table.add_row(label, Text("—", "dim"), "")
                continue
            if record.label == "Most reps":
                value = f"{record.reps}"
                if record.entry is not None and record.entry.weight_kg > 0:
                    value += f" × {format_weight(record.entry.weight_kg, self.unit)}"
                elif record.entry is not None and record.entry.bodyweight:
                    value += " × bw"
            elif record.label.endswith(("rep", "reps")):
                value = format_weight(record.value_kg, self.unit)
                wanted = int(record.label.split()[0])
                if record.reps is not None and record.reps > wanted:
                    value += f" ×{record.reps}"
            else:
                value = format_weight(record.value_kg, self.unit)
            table.add_row(label, value, day_text(record.day, today, weekday=False))
        self.query_one("#progress-records", Static).update(table)

    def _columns(self) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for label in COLUMNS.get(self._kind) or (
            "date",
            "top set",
            "e1RM",
            "sets",
            f"volume {self.unit}",
        ):
            table.add_column(label, key=label)

    def _more_rows(self) -> None:
        """The next page of sessions, newest first."""
        table = self.query_one(DataTable)
        rows = self._sessions[self._shown : self._shown + PAGE]
        today = self.today
        for session in rows:
            if self._kind != "reps":
                table.add_row(
                    *self._measure_row(session), key=f"{self._shown}:{session.workout_id}"
                )
                self._shown += 1
                continue
            top = session.top_set or max(  # no e1RM (bodyweight): the heaviest, most reps
                session.sets, key=lambda e: (e.weight_kg, e.reps), default=None
            )
            table.add_row(
                day_text(session.day, today),
                "" if top is None else format_set(top, self.unit),
                self._e1rm_text(session),
                str(session.working_sets),
                f"{to_unit(session.volume_kg, self.unit):.0f}",
                key=f"{self._shown}:{session.workout_id}",
            )
            self._shown += 1

    def _e1rm_text(self, session: ExerciseSession) -> str:
        """The session's best e1RM, marked 'bw' when it comes from the lifter's bodyweight."""
        if session.best_e1rm_kg is None:
            return ""
        text = format_weight(session.best_e1rm_kg, self.unit)
        top = session.top_set
        return f"{text} bw" if top is not None and from_bodyweight(top) else text

    def _measure_row(self, session: ExerciseSession) -> list[str]:
        """A timed or distance session's row, as `COLUMNS` names its cells."""
        measure = session_measure(session)
        best = format_set(session.sets[measure.best_index], self.unit)
        time = format_duration(measure.seconds) if measure.seconds else ""
        sets = str(session.working_sets)
        day = day_text(session.day, self.today)
        if self._kind == "timed":
            return [day, best, time, sets]
        pace = measure.pace_s_per_km
        pace_text = "" if pace is None else format_pace(pace, self.unit)
        distance = format_distance(measure.metres, self.unit) if measure.metres else ""
        return [day, best, distance, time, pace_text, sets]

    # -- events --------------------------------------------------------------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= self._shown - 10 and self._shown < len(self._sessions):
            self._more_rows()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = event.cursor_row
        if 0 <= row < len(self._sessions):
            session = self._sessions[row]
            self.post_message(self.SessionChosen(session.workout_id, session.day))


def _draw(plot: PlotextPlot, series: E1rmSeries | MeasureSeries, scale: float, label: str) -> None:
    """A series over the days, its best starred, the values times `scale`."""
    plt = plot.plt
    plt.clear_figure()
    xs = [x for x, _y in series.points]
    ys = [y * scale for _x, y in series.points]
    plt.plot(xs, ys, marker="braille", color=LINE_COLOR)
    plt.scatter([series.best[0]], [series.best[1] * scale], marker="*", color=BEST_COLOR)
    if series.first != series.last:
        plt.xlim(series.first.toordinal(), series.last.toordinal())
    else:  # one session: its day in the middle, under its point
        plt.xlim(series.first.toordinal() - 1, series.first.toordinal() + 1)
    plt.xticks(*date_ticks(series.first, series.last, 3))
    y_axis(plt, ys, count=4)
    each = "per session" if series.step == "day" else f"{BUCKET_WORDS[series.step]} best"
    plt.title(f"{label}, {each}, * best")
    plot.refresh()
