"""Progress opens on the compound lift trained most in the last 90 days; one session's
chart is dated on its own day (it was a day late); the title never runs into its key."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from storage.log.repository import Repository
from tests.screens.test_history_charts import ChartApp, screen_text
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import eventually, make_app
from tests.support.typing import press_at_pace
from tui.screens.history.screen import HistoryScreen
from tui.widgets.history.chart_axes import date_ticks
from tui.widgets.history.exercise_progress import ExerciseProgress

NOW = TUESDAY_EVENING


def _log(tmp_path: Path, plan: dict[str, list[int]]) -> Path:
    """Exercise id -> days ago of each of its sessions (100x5@8 each)."""
    log = tmp_path / "log.json"
    with Repository(log, clock=FakeClock(NOW)) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
        for exercise_id, days_ago in plan.items():
            exercise = repo.exercise(exercise_id)
            for back in days_ago:
                at = NOW - timedelta(days=back, hours=2)
                workout = repo.start_workout("W", at=at)
                repo.log_set(workout, exercise, 100, 5, rpe=8, at=at)
                repo.finish_workout(workout, 7)
    return log


async def _progress(tmp_path: Path, plan: dict[str, list[int]]) -> HistoryScreen:
    app = make_app(_log(tmp_path, plan), FakeClock(NOW), first_screen="home")
    async with app.run_test(size=(80, 24)) as pilot:
        await press_at_pace(pilot, ["y"])
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        await eventually(pilot, lambda: screen.index is not None)
        await press_at_pace(pilot, ["tab", "tab"])
        await eventually(pilot, lambda: screen.progress_exercise is not None)
        return screen


async def test_progress_starts_on_the_lift_trained_most_in_the_last_90_days(
    tmp_path: Path,
) -> None:
    plan = {"back-squat": list(range(200, 300, 10)), "bench-press": [30, 20, 10]}
    screen = await _progress(tmp_path, plan)
    assert screen.progress_exercise == "bench-press"  # not the squat of long ago


def test_one_day_has_one_tick_on_its_own_day() -> None:
    day = NOW.date()
    assert date_ticks(day, day, 3) == ([day.toordinal()], ["24 Nov"])


async def test_one_session_is_charted_on_its_day(tmp_path: Path) -> None:
    from storage.read.history_index import HistoryIndex

    log = _log(tmp_path, {"bench-press": [0]})
    with Repository(log, clock=FakeClock(NOW), read_only=True) as repo:
        index = HistoryIndex.build(repo)
    progress = ExerciseProgress()
    app = ChartApp(progress)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        progress.show(index, "bench-press", {"bench-press": "Bench Press"}, "kg", NOW.date())
        await pilot.pause()
        shown = screen_text(app)
        assert "24 Nov" in shown and "25 Nov" not in shown and "23 Nov" not in shown
        assert "Bench Press · 1 session, Nov 2026" in shown
        title = next(line for line in shown.splitlines() if "Bench Press ·" in line)
        assert "  p: pick another exercise" in title


async def test_top_set_is_the_set_with_the_best_e1rm(tmp_path: Path) -> None:
    from textual.widgets import DataTable

    from storage.read.history_index import HistoryIndex
    from storage.read.records_so_far import set_e1rm

    log = tmp_path / "log.json"
    with Repository(log, clock=FakeClock(NOW)) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
        bench = repo.exercise("bench-press")
        workout = repo.start_workout("W")
        heavy = repo.log_set(workout, bench, 110, 2, rpe=8)  # the heaviest
        best = repo.log_set(workout, bench, 95, 8, rpe=9)  # the best e1RM
        assert set_e1rm(best, None)[0] > set_e1rm(heavy, None)[0]
        index = HistoryIndex.build(repo)
    progress = ExerciseProgress()
    app = ChartApp(progress)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        progress.show(index, "bench-press", {"bench-press": "Bench Press"}, "kg", NOW.date())
        await pilot.pause()
        row = app.query_one(DataTable).get_row_at(0)
        assert str(row[1]).startswith("95 kg x 8")
