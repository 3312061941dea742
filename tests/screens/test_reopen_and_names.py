"""Reopening a finished workout (today's from the workout screen, any day's from a history
session) and names that resolve visibly, typed at a person's pace (`press_at_pace`: a key
every 150 ms, wherever the focus is at that moment)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, Static

from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import Settings
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import eventually, make_app, message, saved, workout_screen
from tests.support.typing import chars, press_at_pace, start_choice
from tui.app import RestdayApp
from tui.screens.dialogs.new_exercise import NewExerciseScreen
from tui.screens.history.screen import HistoryScreen
from tui.screens.history.session_detail import SessionDetailScreen
from tui.screens.workout.finish import FinishWorkoutScreen
from tui.screens.workout.screen import REOPEN, WorkoutScreen

NOW = TUESDAY_EVENING
SIZE = (80, 24)
BENCH = BUILTIN_BY_ID["bench-press"]


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "log.json"
    with Repository(path, clock=FakeClock(NOW)) as repo:
        repo.save_settings(Settings(timezone="UTC"))
    return path


def keys_to(app: RestdayApp, option_id: str) -> list[str]:
    """The keys that choose a start option."""
    options = workout_screen(app).query_one("#start-options", OptionList)
    ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
    return start_choice(ids.index(option_id))


async def type_at_pace(pilot: Pilot, line: str) -> None:
    await press_at_pace(pilot, [*chars(line), "enter"])


async def finished_bench_workout(
    pilot: Pilot, clock: FakeClock, *, notes: str = "", typed: str = ""
) -> WorkoutScreen:
    """An empty workout with bench 100x5@8, finished 40 minutes later with session RPE 7
    and `notes`; `typed` was typed and not entered before finishing."""
    app = pilot.app
    await saved(app, pilot)
    await press_at_pace(pilot, ["enter"])  # an empty workout
    await type_at_pace(pilot, "bench 100x5@8")
    await press_at_pace(pilot, chars(typed))
    clock.advance(minutes=40)
    await press_at_pace(pilot, ["alt+shift+f", "7", *chars(notes), "enter"])
    await saved(app, pilot)
    screen = workout_screen(app)
    assert screen.workout is None
    return screen


async def test_reopen_todays_finished_workout_change_its_sets_finish_keeping_rpe(log) -> None:
    clock = FakeClock(NOW)
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await finished_bench_workout(pilot, clock, notes="felt strong")
        assert "Reopen today's" in str(
            screen.query_one("#start-options", OptionList).get_option(REOPEN).prompt
        )

        clock.advance(minutes=30)  # in the changing room: one set was forgotten
        await press_at_pace(pilot, keys_to(app, REOPEN))
        assert screen.workout is not None and screen.workout.reopened
        assert "Reopened the workout of today" in message(app)
        await type_at_pace(pilot, "x6")  # starts from the workout's last bench set
        await press_at_pace(pilot, ["alt+d"])  # no: that set was not done after all
        assert "Deleted 100 kg x 6" in message(app)
        await press_at_pace(pilot, [*chars("x7"), "enter"])
        await press_at_pace(pilot, ["alt+shift+f"])
        dialog = app.screen
        assert isinstance(dialog, FinishWorkoutScreen)
        assert "Session RPE 7: Enter keeps it and its notes" in str(
            dialog.query_one("#rpe", Static).visual
        )
        await press_at_pace(pilot, ["enter"])
        await saved(app, pilot)

    with Repository(log, clock=clock) as repo:
        (workout,) = repo.workouts()
        sets = repo.sets(workout=workout.id)
    assert [(s.weight_kg, s.reps, s.rpe) for s in sets] == [(100.0, 5, 8.0), (100.0, 7, None)]
    assert (workout.session_rpe, workout.notes) == (7, "felt strong")
    # a set forgotten, logged half an hour on: the session keeps its length and its load
    assert workout.end == NOW + timedelta(minutes=40)
    assert sets[-1].timestamp == sets[0].timestamp + timedelta(minutes=1)


def past_workout(log: Path) -> tuple[str, object]:
    """A workout two days ago, finished with session RPE 6 and a note."""
    then = FakeClock(NOW - timedelta(days=2, hours=1))
    with Repository(log, clock=then) as repo:
        workout = repo.start_workout("Push")
        repo.log_set(workout, BENCH, 100, 5, rpe=8)
        then.advance(minutes=3)
        repo.log_set(workout, BENCH, 100, 5, rpe=8.5)
        then.advance(minutes=45)
        finished = repo.finish_workout(workout, 6, "shoulder ok")
    return finished.id, finished


async def test_reopen_a_past_workout_from_history_add_and_edit_a_set_of_that_day(log) -> None:
    workout_id, finished = past_workout(log)
    clock = FakeClock(NOW)
    app = make_app(log, clock, first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        await saved(app, pilot)
        await pilot.press("y")
        history = app.screen
        assert isinstance(history, HistoryScreen)
        await eventually(pilot, lambda: history.index is not None)
        await pilot.press("tab")
        assert isinstance(app.focused, DataTable)
        await press_at_pace(pilot, ["enter"])
        detail = app.screen
        assert isinstance(detail, SessionDetailScreen)
        assert "o: reopen" in str(detail.query_one("#session-title", Static).visual)
        await press_at_pace(pilot, ["o"])
        screen = workout_screen(app)
        await eventually(pilot, lambda: app.screen is screen and screen.workout is not None)
        assert screen.workout is not None and screen.workout.id == workout_id
        assert "of Sun 22 Nov" in message(app)
        assert screen.history(BENCH.id).last_day is None  # nothing before that day
        timer = app.rest
        await type_at_pace(pilot, "x3")  # the forgotten third set: 100 x 3
        assert app.rest == timer  # a set of two days ago starts no rest timer now
        await press_at_pace(pilot, ["alt+e", "ctrl+u", *chars("100x4"), "enter"])
        assert "Set changed" in message(app)
        await press_at_pace(pilot, ["alt+shift+f"])
        assert isinstance(app.screen, FinishWorkoutScreen)
        await press_at_pace(pilot, ["8", "enter"])  # a harder session than noted
        await saved(app, pilot)
        assert screen.workout is None

        await press_at_pace(pilot, ["alt+y"])  # back to that session in history
        assert app.screen is detail

        def shown() -> str:
            table = detail.query_one(DataTable)
            rows = [" ".join(map(str, table.get_row_at(i))) for i in range(table.row_count)]
            return str(detail.query_one("#session-title", Static).visual) + "\n".join(rows)

        await eventually(pilot, lambda: "3 working sets" in shown())
        assert "100 kg x 4" in shown() and "session RPE 8" in shown()

    with Repository(log, clock=clock) as repo:
        workout = repo.workout(workout_id)
        sets = repo.sets(workout=workout_id)
    assert [(s.weight_kg, s.reps) for s in sets] == [(100.0, 5), (100.0, 5), (100.0, 4)]
    added = sets[-1]
    assert added.day == finished.day
    assert added.timestamp == sets[1].timestamp + timedelta(minutes=1)
    assert (workout.session_rpe, workout.notes) == (8, "shoulder ok")
    assert workout.end == finished.end  # it ended when it did, not today


async def test_a_name_says_which_others_matched_and_a_missing_one_how_to_create_it(log) -> None:
    clock = FakeClock(NOW)
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await saved(app, pilot)
        await press_at_pace(pilot, ["enter"])
        await type_at_pace(pilot, "leg curl 40x10")
        assert "'leg curl' is Lying Leg Curl; also matches Seated Leg Curl" in message(app)
        await type_at_pace(pilot, "zercher 60x5")
        assert "no exercise matches 'zercher'" in message(app)
        assert "ctrl+n creates it" in message(app)
        await press_at_pace(pilot, ["ctrl+n"])
        dialog = app.screen
        assert isinstance(dialog, NewExerciseScreen)
        await press_at_pace(pilot, ["tab", *chars("quads"), "enter"])
        assert isinstance(app.screen, WorkoutScreen)
        assert "Created Zercher" in message(app)
        await press_at_pace(pilot, ["enter"])  # the line typed is still there: log it now
        await saved(app, pilot)

    with Repository(log, clock=clock) as repo:
        names = {e.id: e.name for e in repo.exercises()}
        sets = [(names[s.exercise], s.weight_kg, s.reps) for s in repo.sets()]
    assert sets == [("Lying Leg Curl", 40.0, 10), ("Zercher", 60.0, 5)]


async def test_a_line_typed_and_not_entered_goes_with_the_finished_workout(log) -> None:
    """Half a set typed, then the workout finished (the lifter changed their mind): the
    next workout's entry line starts empty, so Enter there does not log that line."""
    clock = FakeClock(NOW)
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await finished_bench_workout(pilot, clock, typed="105x3")
        assert screen.query_one("#entry").value == ""
        clock.advance(minutes=30)
        await press_at_pace(pilot, keys_to(app, REOPEN))
        assert screen.workout is not None
        assert screen.query_one("#entry").value == ""
        await press_at_pace(pilot, ["enter"])  # repeats the last set, nothing else
        await saved(app, pilot)
    with Repository(log, clock=clock) as repo:
        sets = repo.sets()
    assert [(s.weight_kg, s.reps) for s in sets] == [(100.0, 5), (100.0, 5)]
