"""A message leaves when it stops being true: an error about a typed line once the line is
changed, "no exercise matches" once that exercise has been made; an error still true stays."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from tests.screens.test_small_fixes import _fresh_log
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import eventually, make_app
from tests.support.typing import press_at_pace
from tui.screens.dialogs.new_exercise import NewExerciseScreen
from tui.screens.workout.screen import WorkoutScreen

SIZE = (80, 24)


def _message(app) -> str:
    return str(app.screen.query_one("#message").visual)


async def test_no_exercise_matches_leaves_once_the_exercise_is_made(tmp_path: Path) -> None:
    app = make_app(_fresh_log(tmp_path), FakeClock(TUESDAY_EVENING))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, ["enter"])  # an empty workout
        await press_at_pace(pilot, [*"frobnicate 100x5", "enter"])
        assert "no exercise matches 'frobnicate'" in _message(app)
        await press_at_pace(pilot, ["alt+p", *"frobnicate"])
        options = app.screen.query_one(OptionList)
        await press_at_pace(pilot, ["down"] * (options.option_count - 1) + ["enter"])
        assert isinstance(app.screen, NewExerciseScreen)
        await press_at_pace(pilot, ["tab", *"quads", "enter"])
        assert isinstance(app.screen, WorkoutScreen)
        await eventually(pilot, lambda: "no exercise matches" not in _message(app))
        assert app.screen.query_one("#entry").value == "frobnicate 100x5"  # kept to send


async def test_a_refused_line_keeps_its_error_until_it_is_changed(tmp_path: Path) -> None:
    app = make_app(_fresh_log(tmp_path), FakeClock(TUESDAY_EVENING), first_screen="recovery")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, [*"s 7 zz", "enter"])
        assert "unknown item 'zz'" in _message(app)
        await press_at_pace(pilot, ["escape", "i"])  # away and back: still true, still shown
        assert "unknown item 'zz'" in _message(app)
        await press_at_pace(pilot, ["backspace"])  # the line that was refused is gone
        assert _message(app) == ""


async def type_line_at_pace(pilot, line: str) -> None:
    await press_at_pace(pilot, [*line, "enter"])


async def test_a_name_note_shows_once_and_leaves_with_the_next_set_or_exercise(
    tmp_path: Path,
) -> None:
    app = make_app(_fresh_log(tmp_path), FakeClock(TUESDAY_EVENING))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, ["enter"])  # an empty workout
        await type_line_at_pace(pilot, "bench 100x5")
        assert "'bench' is Bench Press; also matches" in _message(app)
        await type_line_at_pace(pilot, "x6")  # the same exercise, not named: the note is old news
        assert "also matches" not in _message(app)
        await type_line_at_pace(pilot, "bench 102.5x5")  # named again, but already on it
        assert "also matches" not in _message(app)
        await type_line_at_pace(pilot, "squat 100x5")
        await type_line_at_pace(pilot, "bench 100x5")  # back to it by that name: said again
        assert "'bench' is Bench Press; also matches" in _message(app)
        await type_line_at_pace(pilot, "#2")  # another exercise: the note is no longer true
        assert "also matches" not in _message(app)
        await type_line_at_pace(pilot, "bench")
        assert "also matches" in _message(app)
        await press_at_pace(pilot, ["alt+2"])
        assert app.screen.current.name == "Back Squat"
        assert "also matches" not in _message(app)
