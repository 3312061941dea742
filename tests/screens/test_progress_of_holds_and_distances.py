"""The history's exercise progress for a timed or a distance exercise: its own columns
(time, distance, pace), records and chart (the longest hold, the best pace) instead of
e1RM."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from textual.widgets import DataTable
from textual_plotext import PlotextPlot

from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import SetEntry, Workout
from storage.read.history_index import DayWellness, HistoryIndex
from storage.read.measure_series import measure_records, measure_series, session_measure
from tests.screens.test_history_charts import ChartApp, screen_text
from tui.widgets.history.exercise_progress import ExerciseProgress

DAY = date(2026, 11, 2)
NAMES = {exercise_id: exercise.name for exercise_id, exercise in BUILTIN_BY_ID.items()}


def workouts_of(
    sets: list[tuple[str, dict]], wellness: dict[date, DayWellness] | None = None
) -> HistoryIndex:
    """One workout a day, each with one set (exercise, its fields)."""
    workouts, entries = [], []
    for n, (exercise, fields) in enumerate(sets):
        day = DAY + timedelta(days=2 * n)
        start = datetime(day.year, day.month, day.day, 18, tzinfo=UTC)
        workouts.append(Workout(id=f"w{n}", day=day, start=start, end=start + timedelta(hours=1)))
        entries.append(
            SetEntry(
                workout=f"w{n}",
                exercise=exercise,
                day=day,
                timestamp=start,
                weight_kg=fields.pop("kg", 0),
                reps=fields.pop("reps", 0),
                **fields,
            )  # fmt: skip
        )
    return HistoryIndex(workouts, entries, dict(BUILTIN_BY_ID), wellness or {})


PLANKS = workouts_of([("plank", {"duration_s": s}) for s in (45, 60, 90, 75)])
RUNS = workouts_of(
    [
        ("running", {"distance_m": 5000, "duration_s": 1560}),
        ("running", {"distance_m": 5000, "duration_s": 1500}),
        ("running", {"distance_m": 10000, "duration_s": 3300}),
    ]
)


def test_holds_chart_the_longest_hold_and_runs_the_best_pace() -> None:
    holds = measure_series(PLANKS.exercise_sessions("plank"), 40)
    assert holds is not None and holds.what == "hold"
    assert [y for _x, y in holds.points] == [45, 60, 90, 75] and holds.best[1] == 90
    runs = measure_series(RUNS.exercise_sessions("running"), 40)
    assert runs is not None and runs.what == "pace"
    assert [y for _x, y in runs.points] == pytest.approx([312, 300, 330])
    assert runs.best[1] == pytest.approx(300)
    second = session_measure(RUNS.exercise_sessions("running")[1])
    assert (second.metres, second.seconds, second.pace_s_per_km) == (5000, 1500, 300)


def test_records_of_holds_and_distances() -> None:
    records = {
        label: (e, day) for label, e, day in measure_records(PLANKS.exercise_sessions("plank"))
    }
    assert records["Longest hold"][0].duration_s == 90
    runs = {label: e for label, e, _ in measure_records(RUNS.exercise_sessions("running"))}
    assert runs["Fastest"].duration_s == 1500 and runs["Longest"].distance_m == 10000


async def test_a_plank_shows_its_holds_and_a_run_its_pace() -> None:
    progress = ExerciseProgress()
    app = ChartApp(progress)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        progress.show(PLANKS, "plank", NAMES, "kg")
        await pilot.pause()
        table = app.query_one(DataTable)
        assert [str(c.label) for c in table.columns.values()] == [
            "date",
            "best set",
            "time",
            "sets",
        ]
        assert [str(cell) for cell in table.get_row_at(0)][1:3] == ["1:15", "1:15"]
        shown = screen_text(app)
        assert app.query_one(PlotextPlot).display
        assert "longest hold min" in shown and "Longest hold" in shown and "e1RM" not in shown
        progress.show(RUNS, "running", NAMES, "kg")
        await pilot.pause()
        labels = [str(c.label) for c in table.columns.values()]
        assert labels == ["date", "best set", "distance", "time", "pace", "sets"]
        assert [str(cell) for cell in table.get_row_at(0)][1:5] == [
            "10 km in 55:00",
            "10 km",
            "55:00",
            "5:30/km",
        ]
        shown = screen_text(app)
        assert "best pace min/km" in shown and "Fastest" in shown


CARRIES = workouts_of([("farmers-carry", {"distance_m": m, "kg": 45}) for m in (30, 40)])


async def test_a_lb_user_reads_pace_per_mile_and_distances_in_miles_and_feet() -> None:
    progress = ExerciseProgress()
    app = ChartApp(progress)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        progress.show(RUNS, "running", NAMES, "lb")
        await pilot.pause()
        table = app.query_one(DataTable)
        assert [str(cell) for cell in table.get_row_at(0)][1:5] == [
            "6.21 mi in 55:00",
            "6.21 mi",
            "55:00",
            "8:51/mi",  # 5:30 a km
        ]
        shown = screen_text(app)
        assert "best pace min/mi" in shown and "/km" not in shown
        # at 80 columns a long set is cut in the records, never their names or dates
        assert "Fastest 3.11 mi in 25:00" in shown and "Longest" in shown and "4 Nov" in shown
        progress.show(CARRIES, "farmers-carry", NAMES, "lb")
        await pilot.pause()
        assert [str(cell) for cell in table.get_row_at(0)][2] == "131.23 ft"
        shown = screen_text(app)
        assert "longest ft" in shown and "km" not in shown


def _pull_ups(bodyweight_kg: float | None) -> HistoryIndex:
    """Two days of assisted pull-ups (bw-20x8), the lifter's bodyweight logged or not."""
    assisted = {"kg": 20, "reps": 8, "bodyweight": True, "assisted": True}
    wellness = {} if bodyweight_kg is None else {DAY: DayWellness(None, bodyweight_kg, None)}
    return workouts_of([("pull-up", dict(assisted)) for _ in range(2)], wellness)


async def test_a_bodyweight_exercises_e1rm_says_it_comes_from_bodyweight() -> None:
    progress = ExerciseProgress()
    app = ChartApp(progress)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        progress.show(_pull_ups(80), "pull-up", NAMES, "kg")
        await pilot.pause()
        e1rm = [str(cell) for cell in app.query_one(DataTable).get_row_at(0)][2]
        assert e1rm == "76 kg bw"  # (80 - 20) x 8 by Epley, from the bodyweight
        progress.show(_pull_ups(None), "pull-up", NAMES, "kg")
        await pilot.pause()
        assert "log it on Recovery" in screen_text(app)
