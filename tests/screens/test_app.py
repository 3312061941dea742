"""The app as a whole: it opens on home, with today's workout one key away (in a real
terminal: tests/terminal/)."""

from __future__ import annotations

from pathlib import Path

from textual import events

from storage.log.repository import Repository
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tui.app import RestdayApp
from tui.screens.home.screen import HomeScreen
from tui.screens.workout.screen import WorkoutScreen
from tui.widgets.app_header import AppHeader


def _app(tmp_path: Path, **options) -> RestdayApp:
    clock = FakeClock(TUESDAY_EVENING)
    return RestdayApp(
        Repository(tmp_path / "log.json", clock=clock),
        clock=clock,
        keymap_file=tmp_path / "no-keymap.toml",
        **options,
    )


async def test_opens_on_home_then_w_offers_a_choice_of_start(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.title == "restday"
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("w")
        assert isinstance(app.screen, WorkoutScreen)
        assert "restday" in str(app.screen.query_one(AppHeader).render())
        options = app.screen.query_one("#start-options")
        assert "Empty workout" in str(options.get_option_at_index(0).prompt)
        await pilot.press("ctrl+q")  # on the workout screen q types
    assert app.return_code == 0
    assert not (tmp_path / "log.json").exists()


async def test_resumes_a_workout_in_progress(tmp_path: Path) -> None:
    with Repository(tmp_path / "log.json", clock=FakeClock(TUESDAY_EVENING)) as repo:
        workout = repo.todays_workout()
        repo.log_set(workout, repo.exercise("bench-press"), 100, 5, rpe=8)
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "workout in progress (w)" in str(app.screen.query_one("#checklist").visual)
        await pilot.press("w")
        screen = app.screen
        assert isinstance(screen, WorkoutScreen)
        assert [s.weight_kg for s in screen.sets] == [100]
        assert screen.current is not None and screen.current.id == "bench-press"


async def test_keys_typed_ahead_of_a_quit_open_nothing(tmp_path: Path) -> None:
    """ "q" then "s" in one burst: the app closes cleanly, without mounting the symptom
    screen half-way."""
    app = _app(tmp_path, first_screen="recovery")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        for key in ("q", "s", "w", "question_mark"):
            app.post_message(events.Key(key, None))
        await pilot.pause(0.3)
    assert app.return_code == 0
