"""Text from the log is shown as text: brackets in an exercise's, a template's or a
workout's name, or in a note, are drawn as typed ([$x] and [/b] too), never read as
markup, on every screen that shows them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from storage.log.repository import Repository
from storage.model.records import Exercise, Template, TemplateItem
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import eventually, make_app
from tests.support.typing import chars, press
from tui.app import RestdayApp
from tui.format.words import ellipsized
from tui.screens.dialogs.exercise_picker import ExercisePickerScreen
from tui.screens.history.day_detail import DayDetailScreen
from tui.screens.history.screen import HistoryScreen
from tui.screens.history.session_detail import SessionDetailScreen

NOW = TUESDAY_EVENING
SIZE = (80, 24)
NAME = "Evil [/b][$x] Squat"
TEMPLATE = "[$x] Plan [/b]"


def screen_text(app: RestdayApp) -> str:
    """What the screen shows, as its characters."""
    strips = app.screen._compositor.render_strips()
    text = "\n".join(strip.text for strip in strips)
    assert "\x1b" not in text
    return text


def markup_log(tmp_path: Path) -> Path:
    log = tmp_path / "log.json"
    with Repository(log, clock=lambda: NOW) as repo:
        evil = repo.add_exercise(Exercise(name=NAME, aliases=("[$y]",), muscles={"quads": 1.0}))
        repo.save_template(
            Template(name=TEMPLATE, items=[TemplateItem(exercise=evil.id, sets=3, reps=5)])
        )
        workout = repo.start_workout("[/b]Push [$x]", at=NOW - timedelta(days=1))
        repo.log_set(workout, evil, 100, 5, notes="[$x] [link=x]note[/link]")
        repo.finish_workout(workout, 8)
    return log


async def test_the_workout_screen_and_the_picker_show_names_as_typed(tmp_path: Path) -> None:
    app = make_app(markup_log(tmp_path), FakeClock(NOW))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert f"{TEMPLATE}  {NAME}" in screen_text(app)
        await press(pilot, ["down", "enter"])  # the template
        await pilot.pause()
        shown = screen_text(app)
        assert NAME in shown  # the exercise's title
        assert f"▸1 {ellipsized(NAME, 16)}" in shown  # today's exercises, cut with "…"
        await press(pilot, ["alt+p"])
        assert isinstance(app.screen, ExercisePickerScreen)
        await press(pilot, chars("evil"))
        await pilot.pause()
        assert f"{NAME}  [$y]" in screen_text(app)


async def test_history_shows_names_and_notes_as_typed(tmp_path: Path) -> None:
    app = make_app(markup_log(tmp_path), FakeClock(NOW), first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, ["y"])
        history = app.screen
        assert isinstance(history, HistoryScreen)
        await eventually(pilot, lambda: history.index is not None)  # the whole log read
        await press(pilot, ["tab"])  # the sessions
        await eventually(pilot, lambda: "[/b]Push [$x]" in screen_text(app))
        await press(pilot, ["enter"])  # the session's detail
        await eventually(pilot, lambda: isinstance(app.screen, SessionDetailScreen))
        await pilot.pause()
        shown = screen_text(app)
        assert "[/b]Push [$x]" in shown
        assert NAME in shown and "[$x] [link=x]note" in shown
        await press(pilot, ["d"])  # the whole day
        await eventually(pilot, lambda: isinstance(app.screen, DayDetailScreen))
        await pilot.pause()
        shown = screen_text(app)
        assert NAME in shown and "[$x] [link=x]note[/link]" in shown
