"""Issue 14, at a person's pace (a key every 150 ms, no wait for idle) and in a burst: on
the workout screen, text that can begin a set or an exercise name reaches the entry line
and logs what was typed, wherever the focus was; the past includes today's earlier
workout; the rest timer stops on finish; Enter logs the plan's next set, shown first."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static
from textual.widgets._footer import FooterKey

from storage.log.repository import Repository
from tests.support.screen_helpers import (
    make_app,
    saved,
    workout_entry,
    workout_screen,
    workout_sets,
)
from tests.support.typing import chars, press, press_at_pace, start_choice
from tui.app import RestdayApp
from tui.screens.help import help_sections
from tui.screens.workout.screen import WorkoutScreen

SIZE = (80, 24)


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return tmp_path / "log.json"


def info(app: RestdayApp) -> str:
    return str(workout_screen(app).query_one("#exercise-info", Static).visual)


def stored(log: Path, clock) -> list[tuple[str, float, int, float | None]]:
    with Repository(log, clock=clock) as repo:
        return [(s.exercise, s.weight_kg, s.reps, s.rpe) for s in repo.sets()]


async def begin(pilot, *lines: str) -> None:
    """An empty workout with these lines logged, the focus left in the set table."""
    await pilot.pause()
    await press(pilot, ["enter"])
    for line in lines:
        await press(pilot, [*chars(line), "enter"])
    await press(pilot, ["escape"])
    assert isinstance(pilot.app.focused, DataTable)


@pytest.mark.parametrize("gap", [0.15, 0])
async def test_a_set_typed_after_escape_is_logged_as_typed(log: Path, clock, gap) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot, "bench 100x5", "ohp 50x8")  # two exercises: "1" was exercise 1
        await press_at_pace(pilot, [*chars("120x5@8"), "enter"], gap)
        await press_at_pace(pilot, [*chars("105x3@9"), "enter"], gap)
        await saved(app, pilot)
        assert workout_sets(app)[-2:] == ["120 kg x 5 @8", "105 kg x 3 @9"]
        assert stored(log, clock)[-2:] == [
            ("overhead-press", 120, 5, 8),
            ("overhead-press", 105, 3, 9),
        ]


@pytest.mark.parametrize("gap", [0.15, 0])
async def test_an_exercise_name_typed_after_escape_is_not_a_command(log: Path, clock, gap) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot, "bench 100x5")
        await press_at_pace(pilot, [*chars("rdl 100x8"), "enter"], gap)
        await saved(app, pilot)
        assert isinstance(app.screen, WorkoutScreen)  # not Recovery (r)
        assert workout_screen(app).current.name == "Romanian Deadlift"
        assert stored(log, clock)[-1] == ("romanian-deadlift", 100, 8, None)


async def test_typing_after_a_dialog_and_another_screen_reaches_the_line(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot, "bench 100x5")
        await press_at_pace(pilot, ["alt+n", *chars("easy"), "enter", *chars("x6"), "enter"])
        await press_at_pace(pilot, ["escape", "alt+h", "w", *chars("+5x5"), "enter"])
        await saved(app, pilot)
        assert workout_sets(app) == ["100 kg x 5", "100 kg x 6", "105 kg x 5"]


@pytest.mark.parametrize("gap", [0.15, 0])
async def test_escape_read_with_the_next_key_closes_a_dialog_and_types_the_key(
    log: Path, clock, gap
) -> None:
    """Escape and the key right after it (a few ms apart, or in one SSH packet) reach the
    app as one Alt+key (the terminal's Escape prefix): over the finish dialog, the dialog
    closes and the key begins the set, never a session RPE."""
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot, "bench 100x5")
        await press_at_pace(pilot, ["alt+shift+f"])
        await press_at_pace(pilot, ["alt+1", *chars("07.5x2"), "enter"], gap)
        await saved(app, pilot)
        assert isinstance(app.screen, WorkoutScreen) and workout_screen(app).workout is not None
        assert workout_sets(app) == ["100 kg x 5", "107.5 kg x 2"]
        assert stored(log, clock)[-1] == ("bench-press", 107.5, 2, None)


async def test_exercise_by_number_is_alt_digit_or_a_typed_hash(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot, "bench 100x5", "ohp 50x8")
        await press_at_pace(pilot, ["alt+1"])
        assert workout_screen(app).current.name == "Bench Press"
        await press_at_pace(pilot, [*chars("#2"), "enter"])
        assert workout_screen(app).current.name == "Overhead Press"
        await press_at_pace(pilot, [*chars("2"), "enter"])  # a bare digit is no command
        assert workout_screen(app).current.name == "Overhead Press"
        assert workout_entry(app).value == "2"  # not a set: kept to fix


async def test_today_earlier_workout_is_last_time_and_its_set_is_one_key(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot, "ohp 50x8@8")
        await press_at_pace(pilot, ["alt+shift+t", *chars("Push"), "enter"])
        await press_at_pace(pilot, ["alt+shift+f", "8", "enter"])
        assert workout_screen(app).workout is None
        await press_at_pace(pilot, start_choice(1))  # Push
        assert "first time" not in info(app)
        assert "50x8@8" in info(app)
        # no warm-ups then: Enter logs the working set
        assert workout_entry(app).placeholder.startswith("Enter logs 50 kg x 8 @8")
        await press_at_pace(pilot, ["enter", "enter"])
        await saved(app, pilot)
        assert workout_sets(app) == ["50 kg x 8 @8", "50 kg x 8 @8"]


async def test_finishing_stops_the_rest_timer(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot, "bench 100x5")
        assert app.rest is not None
        await press_at_pace(pilot, ["alt+shift+f", "7", "enter"])
        await saved(app, pilot)
        assert app.rest is None
        with Repository(log, clock=clock) as repo:
            assert repo.rest_period() is None


async def test_the_plans_first_set_is_shown_and_logged_by_enter(six_week_log: Path, clock) -> None:
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, start_choice(3))  # Upper A: bench 4x5 @8
        assert " · warm-up 1/4 to " in workout_entry(app).placeholder  # as it warms up
        await press_at_pace(pilot, ["alt+k"])  # the warm-up ramp skipped: the working set
        hint = workout_entry(app).placeholder
        assert hint.startswith("Enter logs ") and " x 5 @8 (plan)" in hint
        shown = hint.removeprefix("Enter logs ").split(" · ")[0].removesuffix(" (plan)")
        await press_at_pace(pilot, ["enter"])
        await saved(app, pilot)
        assert workout_sets(app) == [shown]


async def test_footer_and_help_show_no_key_that_types_here(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot, "bench 100x5", "ohp 50x8")
        footer = {key.key for key in workout_screen(app).query(FooterKey)}
        assert "alt+shift+f" in footer and footer & {"question_mark", "f1"}  # and ? has all
        assert not footer & {"h", "w", "r", "f", "q"}
        sections = dict(help_sections(app, workout_screen(app)))
        rows = [row for rows in sections.values() for row in rows]
        keys = [
            key for row in rows if "other screens" not in row.description for key in row.key_names
        ]
        assert not {"h", "w", "r", "s", "y", "x", "t", "q", "plus", "minus"} & set(keys)
        assert "+15s (other screens)" in [row.description for row in rows]  # "+" types here
        assert {"alt+h", "ctrl+q", "question_mark"} <= set(keys)
        assert [row.keys for row in sections["Workout"] if "Exercise 1" in row.description] == [
            ("alt+1-9",)
        ]


@pytest.mark.parametrize("gap", [0.15, 0])
async def test_typing_right_after_coming_back_from_home_reaches_the_line(
    log: Path, clock, gap
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot, "bench 100x5")
        await press_at_pace(pilot, ["alt+h", "alt+w", *chars("+5x5"), "enter"], gap)
        await saved(app, pilot)
        assert workout_sets(app) == ["100 kg x 5", "105 kg x 5"]  # not "+15s" on Home
