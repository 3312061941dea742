"""The history screen's chart views on their own: the exercise progress (chart, PRs, sessions)
and the trends (one chart at a time over a span), each mounted in a small app at 80x24 with
an index of a 12-week demo log."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Footer
from textual_plotext import PlotextPlot

from scoring.mornings import MorningScore
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import LB_PER_KG
from storage.read.chart_points import bucket_kind, thin
from storage.read.history_index import HistoryIndex
from tests.support.clock import FakeClock
from tui.keymap import binding_ids
from tui.widgets.history.exercise_progress import PAGE, ExerciseProgress
from tui.widgets.history.trends import CHARTS, MAX_WANTED, SPANS, TrendsView

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
NAMES = {exercise_id: exercise.name for exercise_id, exercise in BUILTIN_BY_ID.items()}


@pytest.fixture(scope="module")
def index(twelve_week_demo: Path) -> HistoryIndex:
    with Repository(twelve_week_demo, clock=FakeClock(NOW), read_only=True) as repo:
        return HistoryIndex.build(repo)


class ChartApp(App):
    """The widget where the history screen puts a view: 78 columns by 19 rows."""

    CSS = "Screen { padding: 0 1; } #view { height: 19; margin-top: 2; }"

    def __init__(self, widget: Widget) -> None:
        super().__init__()
        self.widget = widget
        self.messages: list = []

    def compose(self) -> ComposeResult:
        with Vertical(id="view"):
            yield self.widget
        yield Footer()

    def on_mount(self) -> None:
        self.widget.focus()

    def on_exercise_progress_session_chosen(self, message: ExerciseProgress.SessionChosen) -> None:
        self.messages.append(message)

    def on_trends_view_mornings_wanted(self, message: TrendsView.MorningsWanted) -> None:
        self.messages.append(message)


def text_of(widget: Widget) -> str:
    """What the widget shows, as plain text."""
    return "\n".join(strip.text for strip in widget.render_lines(widget.size.region))


def screen_text(app: App) -> str:
    return "\n".join(
        text_of(widget) for widget in app.screen.walk_children(Widget) if widget.display
    )


# -- exercise progress -------------------------------------------------------------------------


async def test_nothing_picked_says_how_to_pick() -> None:
    app = ChartApp(ExerciseProgress())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "No exercise picked: p picks one" in screen_text(app)
        assert not app.query_one(DataTable).display


async def test_an_exercise_shows_its_chart_records_and_sessions(index: HistoryIndex) -> None:
    progress = ExerciseProgress()
    app = ChartApp(progress)
    sessions = index.exercise_sessions("bench-press")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        progress.show(index, "bench-press", NAMES, "kg")
        progress.focus()
        await pilot.pause()
        shown = screen_text(app)
        assert f"Bench Press · {len(sessions)} sessions" in shown
        assert "p: pick another exercise" in shown
        for label in ("1 rep", "3 reps", "5 reps", "8 reps", "10 reps", "e1RM", "Volume"):
            assert label in shown
        assert "e1RM kg, per session" in shown  # 12 weeks: one point per session
        assert app.query_one(PlotextPlot).display
        table = app.query_one(DataTable)
        assert table.row_count == len(sessions)
        newest = sessions[-1]
        assert table.get_row_at(0)[0].endswith(f" {newest.day.day} {newest.day:%b}")  # this year
        assert "kg" in table.get_row_at(0)[2]

        await pilot.press("enter")
        await pilot.press("down", "enter")
        await pilot.pause()
        chosen = [m.workout_id for m in app.messages]
        assert chosen == [newest.workout_id, sessions[-2].workout_id]
        assert app.messages[0].day == newest.day

        progress.show(index, "bench-press", NAMES, "kg")  # new scores, say: nothing to redo
        await pilot.pause()
        assert table.cursor_row == 1
        progress.show(LongIndex(index, "bench-press", 3), "bench-press", NAMES, "kg")
        await pilot.pause()
        assert table.row_count == 3  # another index: drawn afresh


async def test_pounds(index: HistoryIndex) -> None:
    progress = ExerciseProgress()
    app = ChartApp(progress)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        progress.show(index, "back-squat", NAMES, "lb")
        await pilot.pause()
        best = next(r for r in index.records("back-squat") if r.label == "e1RM")
        pounds = f"{round(best.value_kg * LB_PER_KG, 1):g} lb"
        shown = screen_text(app)
        assert pounds in shown
        assert " kg" not in shown
        assert "volume lb" in shown


async def test_a_bodyweight_exercise_charts_its_e1rm_from_bodyweight(index: HistoryIndex) -> None:
    progress = ExerciseProgress()
    app = ChartApp(progress)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        progress.show(index, "hanging-leg-raise", NAMES, "kg")
        await pilot.pause()
        assert app.query_one(PlotextPlot).display  # the demo lifter logs a bodyweight
        shown = screen_text(app)
        assert "No e1RM to chart" not in shown and "Most reps" in shown
        table = app.query_one(DataTable)
        assert table.row_count > 0 and str(table.get_row_at(0)[2]).endswith(" bw")


async def test_an_exercise_never_done(index: HistoryIndex) -> None:
    progress = ExerciseProgress()
    app = ChartApp(progress)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        progress.show(index, "no-such-lift", {"no-such-lift": "Sled Push"}, "kg")
        await pilot.pause()
        assert "No sessions of Sled Push yet" in screen_text(app)


class LongIndex:
    """An exercise done every other day for years (only what the view reads)."""

    def __init__(self, index: HistoryIndex, exercise_id: str, copies: int) -> None:
        sample = index.exercise_sessions(exercise_id)[-1]
        self.sessions = [
            replace(
                sample,
                workout_id=f"w{k}",
                day=TODAY - timedelta(days=2 * (copies - k)),
                best_e1rm_kg=100 + k / 10,
            )
            for k in range(copies)
        ]
        self.record_rows = index.records(exercise_id)
        self.last_day = TODAY

    def exercise_sessions(self, exercise_id: str):
        return self.sessions

    def records(self, exercise_id: str):
        return self.record_rows


async def test_a_long_history_is_thinned_and_paged(index: HistoryIndex) -> None:
    progress = ExerciseProgress()
    app = ChartApp(progress)
    long = LongIndex(index, "bench-press", 1500)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        progress.show(long, "bench-press", NAMES, "kg")
        progress.focus()
        await pilot.pause()
        assert "quarterly best" in screen_text(app)  # 8 years in 39 columns
        table = app.query_one(DataTable)
        assert table.row_count == PAGE
        await pilot.press("ctrl+end")  # the last row loaded: the next page comes in
        await pilot.pause()
        assert table.row_count == 2 * PAGE
        assert table.cursor_row == PAGE - 1
        await pilot.press("enter")
        assert app.messages[-1].workout_id == long.sessions[-table.cursor_row - 1].workout_id


# -- trends ------------------------------------------------------------------------------------


def wanted(app: ChartApp) -> list[date]:
    return [day for m in app.messages for day in m.days]


async def test_trends_before_the_log_is_read() -> None:
    app = ChartApp(TrendsView())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Reading your log…" in screen_text(app)


async def test_readiness_asks_for_the_mornings_it_lacks(index: HistoryIndex) -> None:
    trends = TrendsView()
    app = ChartApp(trends)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        trends.show(index, {}, "kg", TODAY)
        await pilot.pause()
        assert trends.chart_key == "readiness" and trends.span_key == "12w"
        days = wanted(app)
        assert days == [TODAY - timedelta(days=k) for k in range(84)]  # newest first
        assert "working out the scores… (0 of 84)" in screen_text(app)
        assert not app.query_one(PlotextPlot).display

        mornings = {d: MorningScore(70.0, 80.0, 60.0) for d in days[:30]}
        trends.show(index, mornings, "kg", TODAY)
        await pilot.pause()
        assert wanted(app) == days  # the rest were asked for already
        shown = screen_text(app)
        assert app.query_one(PlotextPlot).display
        assert "readiness 70 · P 80 · C 60" in shown
        assert "working out the scores… (30 of 84)" in shown

        trends.show(index, {d: MorningScore(70.0, 80.0, 60.0) for d in days}, "kg", TODAY)
        await pilot.pause()
        assert "working out" not in screen_text(app)


async def test_a_long_span_asks_for_one_morning_a_week(index: HistoryIndex) -> None:
    trends = TrendsView()
    trends.span = [key for key, _label, _days in SPANS].index("1y")
    app = ChartApp(trends)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        trends.show(index, {}, "kg", TODAY)
        await pilot.pause()
        days = wanted(app)
        assert 0 < len(days) <= MAX_WANTED
        assert days[0] == TODAY
        assert all(d.weekday() == 6 for d in days[1:])  # each week's Sunday
        assert min(days) >= index.first_day
        trends.show(index, {d: MorningScore(50.0, 50.0, 50.0) for d in days}, "kg", TODAY)
        await pilot.pause()
        assert "weekly means" in screen_text(app)


async def test_keys_move_charts_and_spans(index: HistoryIndex) -> None:
    trends = TrendsView()
    app = ChartApp(trends)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        trends.show(index, {}, "kg", TODAY)
        await pilot.pause()
        seen = []
        for _ in CHARTS:
            await pilot.press("right")
            seen.append(trends.chart_key)
            await pilot.pause()
            assert CHARTS[trends.chart][1] in screen_text(app)
        assert seen == [key for key, _name in CHARTS[1:]] + ["readiness"]
        await pilot.press("left")
        assert trends.chart_key == "acwr"
        await pilot.press("up")
        assert trends.chart_key == "load"

        await pilot.press("left_square_bracket")
        assert trends.span_key == "4w"
        await pilot.press("left_square_bracket")
        assert trends.span_key == "4w"  # the shortest
        for key, _label, _days in SPANS[1:]:
            await pilot.press("right_square_bracket")
            assert trends.span_key == key
        await pilot.press("right_square_bracket")
        assert trends.span_key == "all"
        await pilot.pause()
        assert app.query_one(PlotextPlot).display

        trends.show(index, {}, "kg", TODAY)  # new scores: the span and chart stay
        assert (trends.span_key, trends.chart_key) == ("all", "load")


async def test_muscle_key_on_the_hard_sets_chart(index: HistoryIndex) -> None:
    trends = TrendsView()
    app = ChartApp(trends)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        trends.show(index, {}, "kg", TODAY)
        await pilot.press("m")
        assert trends.muscle is None  # not on this chart
        assert "m" not in app.screen.active_bindings  # nor in the footer
        while trends.chart_key != "hard_sets":
            await pilot.press("right")
        await pilot.pause()
        assert "top 4" in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
        assert trends.muscle is not None
        assert trends.muscle.replace("_", " ") in text_of(app.query_one("#trends-chart-name"))
        assert app.screen.active_bindings["m"].binding.id == "trends.muscle"
        await pilot.press("right")
        assert "m" not in app.screen.active_bindings  # nor in the footer


async def test_bodyweight_in_pounds(index: HistoryIndex) -> None:
    trends = TrendsView()
    app = ChartApp(trends)
    latest = max(d for d, w in index.wellness.items() if w.bodyweight_kg is not None)
    pounds = index.wellness[latest].bodyweight_kg * LB_PER_KG
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        trends.show(index, {}, "lb", TODAY)
        while trends.chart_key != "bodyweight":
            await pilot.press("right")
        await pilot.pause()
        shown = screen_text(app)
        assert f"{round(pounds, 1):g} lb" in shown
        assert "bodyweight (lb)" in shown


async def test_every_chart_draws_over_every_span(index: HistoryIndex) -> None:
    trends = TrendsView()
    app = ChartApp(trends)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        trends.show(index, {}, "kg", TODAY)
        await pilot.pause()
        for span in range(len(SPANS)):
            for chart in range(1, len(CHARTS)):
                trends.span, trends.chart = span, chart
                trends.draw()
                assert app.query_one(PlotextPlot).display, (SPANS[span], CHARTS[chart])
                text_of(app.query_one(PlotextPlot))  # builds the plot


async def test_an_empty_log(index: HistoryIndex) -> None:
    trends = TrendsView()
    app = ChartApp(trends)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        trends.show(HistoryIndex([], [], {}, {}), {}, "kg", TODAY)
        await pilot.pause()
        messages = []
        for _ in CHARTS:
            await pilot.press("right")
            await pilot.pause()
            messages.append(text_of(app.query_one("#trends-empty")).strip())
        assert "No sleep entered in this span" in messages[0]
        assert "No hard sets in this span" in messages[3]
        assert "it needs 28 days of training history" in messages[5]


def test_binding_ids() -> None:
    assert binding_ids(TrendsView) == {
        "trends.next_chart",
        "trends.previous_chart",
        "trends.longer_span",
        "trends.shorter_span",
        "trends.muscle",
    }


def test_thinning_to_the_chart_width() -> None:
    assert bucket_kind(84, 70) == "day"
    assert bucket_kind(365, 70) == "week"
    assert bucket_kind(3650, 70) == "month"
    monday = date(2026, 11, 16)
    values = [(monday + timedelta(days=k), float(k)) for k in range(10)]
    assert thin(values, "week") == [(monday.toordinal(), 3.0), ((monday.toordinal() + 7), 8.0)]
    assert thin([(monday, None), (monday, 2.0)], "week", max) == [(monday.toordinal(), 2.0)]
