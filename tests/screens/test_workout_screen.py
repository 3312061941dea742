"""Today's workout, driven by keys in Pilot at 80x24: start, pick, log, edit, finish, save.

Every test checks what is on screen and, after waiting for the background save, what is in
the log (read back with a fresh Repository).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static

import tui.log_store
from storage.log.repository import Repository
from storage.model.records import LB_PER_KG, SetEntry, Workout
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.logs import written_by_a_newer_restday
from tests.support.screen_helpers import (
    FullDisk,
    eventually,
    make_app,
    message,
    saved,
    workout_screen,
)
from tests.support.typing import (
    chars,
    key_event,
    press,
    press_at_pace,
    start_choice,
    type_line,
)
from tui.app import RestdayApp
from tui.format.words import ellipsized
from tui.screens.dialogs.exercise_picker import ExercisePickerScreen
from tui.screens.dialogs.new_exercise import NewExerciseScreen
from tui.screens.dialogs.prompt import PromptScreen
from tui.screens.dialogs.quit import QuitScreen
from tui.screens.workout.finish import FinishWorkoutScreen
from tui.screens.workout.screen import WorkoutScreen
from tui.widgets.app_header import AppHeader

NOW = TUESDAY_EVENING  # a Tuesday; the demo's last day
SIZE = (80, 24)

# The demo's templates, sorted by name, follow "Empty workout" on the start screen.
START_CHOICE = {"Empty": 0, "Lower A": 1, "Lower B": 2, "Upper A": 3, "Upper B": 4}


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return tmp_path / "log.json"


# -- reading the screen and the log ----------------------------------------------------------


def text(app: RestdayApp, selector: str) -> str:
    """The plain text of a Static on the current screen."""
    return str(app.screen.query_one(selector, Static).visual)


def header_text(app: RestdayApp) -> str:
    """What the current screen's header shows, line by line."""
    header = app.screen.query_one(AppHeader)
    lines = header.render_lines(Region(0, 0, header.size.width, header.size.height))
    return "\n".join(line.text for line in lines)


def rows(app: RestdayApp) -> list[list[str]]:
    table = app.screen.query_one("#sets", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def shown_sets(app: RestdayApp) -> list[str]:
    """The 'set' column of today's sets of the current exercise."""
    return [row[1] for row in rows(app)]


def current_name(app: RestdayApp) -> str | None:
    current = workout_screen(app).current
    return current.name if current else None


def entry(app: RestdayApp) -> Input:
    return workout_screen(app).query_one("#entry", Input)


async def retried(app: RestdayApp, pilot: Pilot) -> None:
    """Wait until a retry has saved what was waiting: the save error is gone."""
    error = workout_screen(app).query_one("#save-error", Static)
    await eventually(pilot, lambda: not error.display)
    await saved(app, pilot)


def read_log(log: Path, clock: FakeClock) -> tuple[list[Workout], list[SetEntry]]:
    with Repository(log, clock=clock) as repo:
        return repo.workouts(), repo.sets()


def todays(log: Path, clock: FakeClock) -> tuple[Workout, list[SetEntry]]:
    """Today's workout (the newest) and its sets, from the file."""
    with Repository(log, clock=clock) as repo:
        workout = repo.workouts(since=NOW.date())[-1]
        return workout, repo.sets(workout=workout.id)


def logged(sets: Sequence[SetEntry]) -> list[tuple]:
    """(exercise, kg, reps, rpe, warm-up, bodyweight) of each set: what a lifter typed."""
    return [
        (s.exercise, round(s.weight_kg, 3), s.reps, s.rpe, s.warmup, s.bodyweight) for s in sets
    ]


# -- typing ----------------------------------------------------------------------------------


async def leave_entry(pilot: Pilot) -> None:
    await press(pilot, ["escape"])
    assert isinstance(pilot.app.focused, DataTable)


async def start(pilot: Pilot, choice: str = "Empty") -> WorkoutScreen:
    await pilot.pause()
    await press(pilot, start_choice(START_CHOICE[choice]))
    screen = workout_screen(pilot.app)
    assert screen.workout is not None
    assert pilot.app.focused is entry(pilot.app)
    return screen


# -- starting ----------------------------------------------------------------------------------


async def test_no_workout_offers_an_empty_one_and_the_templates(six_week_log: Path, clock) -> None:
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#start-options", OptionList)
        assert app.focused is options
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(4)]
        assert prompts[0] == "Empty workout"
        assert prompts[1].startswith("today's plan  Lower A")  # next in rotation
        assert prompts[3].startswith("Upper A") and "Bench Press" in prompts[3]
        assert "No workout in progress" in text(app, "#start-title")


async def test_a_letter_starts_an_empty_workout(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot, "Empty")
        assert screen.template is None and screen.order == []
        assert "No exercise yet" in text(app, "#exercise-list")
        await saved(app, pilot)
    workouts, sets = read_log(log, clock)
    assert [(w.start, w.end, w.template, w.day) for w in workouts] == [
        (NOW, None, None, NOW.date())
    ]
    assert sets == []


@pytest.mark.parametrize("typed", ["", "x6", "+2.5x5"])
async def test_a_set_from_the_last_with_no_exercise_yet_says_to_name_one(
    log: Path, clock, typed: str
) -> None:
    """Enter (or x6) in an empty workout spoke of "this exercise" when there is none."""
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "Empty")
        await press_at_pace(pilot, [*chars(typed), "enter"])
        said = message(app)
        assert "no exercise yet" in said and "bench 100x5" in said
        assert "this exercise" not in said
        await saved(app, pilot)
    assert read_log(log, clock)[1] == []


async def test_a_letter_starts_a_template_and_shows_its_targets(six_week_log: Path, clock) -> None:
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot, "Upper A")
        assert current_name(app) == "Bench Press"
        listing = text(app, "#exercise-list").splitlines()
        assert listing[0].startswith("▸1 Bench Press") and listing[0].endswith("0/4")
        assert [line[3:19].strip() for line in listing[:2]] == ["Bench Press", "Barbell Row"]
        info = text(app, "#exercise-info")
        assert text(app, "#exercise-plan").startswith("plan 4x5@8 95 kg · rest 3:00")
        assert "last: Mon 23 Nov  95x5@8.5  95x5@9" in info  # the demo's Monday session
        await saved(app, pilot)
        template_id = screen.template.id
    workout, sets = todays(six_week_log, clock)
    assert (workout.name, workout.template, workout.end) == ("Upper A", template_id, None)
    assert sets == []


async def test_the_start_list_opens_on_todays_plan_and_enter_starts_it(
    six_week_log: Path, clock
) -> None:
    """Home's plan is of the template next in rotation (Lower A: Monday was Upper A); the
    start list is on it, marked, so `w` and Enter start the workout home planned."""
    app = make_app(six_week_log, clock, first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert text(app, "#plan").startswith("Plan  Lower A · Back Squat 4x5@8")
        await press(pilot, ["w"])
        options = app.screen.query_one("#start-options", OptionList)
        lines = [str(options.get_option_at_index(i).prompt) for i in range(3)]
        assert lines[0] == "Empty workout"
        assert lines[1].startswith("today's plan  Lower A  Back Squat, Romanian Deadlift")
        assert "today's plan" not in lines[2]
        assert options.highlighted == 1
        await press(pilot, ["enter"])
        assert workout_screen(app).workout.name == "Lower A"
        assert current_name(app) == "Back Squat"
        assert text(app, "#exercise-plan").startswith("plan 4x5@8 ")
        await saved(app, pilot)
    assert todays(six_week_log, clock)[0].name == "Lower A"


async def test_arrows_and_enter_start_a_template(six_week_log: Path, clock) -> None:
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, ["down", "enter"])  # on Lower A, today's plan; Lower B under it
        assert workout_screen(app).workout.name == "Lower B"
        assert current_name(app) == "Deadlift"
        await saved(app, pilot)
    assert todays(six_week_log, clock)[0].name == "Lower B"


async def test_a_workout_in_progress_is_resumed_with_its_sets(six_week_log: Path, clock) -> None:
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "Upper A")
        await type_line(pilot, "100x5@8")
        await type_line(pilot, "row 80x8")
        await saved(app, pilot)
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = workout_screen(app)
        assert screen.workout is not None and screen.workout.name == "Upper A"
        assert current_name(app) == "Barbell Row"  # where the lifter left off
        assert shown_sets(app) == ["80 kg x 8"]
        assert app.focused is entry(app)
        await press(pilot, ["up"])
        assert shown_sets(app) == ["100 kg x 5 @8"]


# -- choosing the exercise ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["alt+p", "b", "p", "enter"], "Bench Press"),
        (["alt+p", "r", "d", "l", "enter"], "Romanian Deadlift"),
        (["alt+p", "f", "a", "c", "e", "enter"], "Face Pull"),
    ],
)
async def test_the_picker_matches_a_few_letters(log: Path, clock, keys, expected) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await press(pilot, keys[:2])
        assert isinstance(app.screen, ExercisePickerScreen)
        await press(pilot, keys[2:])
        assert isinstance(app.screen, WorkoutScreen)
        assert current_name(app) == expected
        assert app.focused is entry(app)
        assert ellipsized(expected, 16) in text(app, "#exercise-list")  # cut to fit, with "…"


async def test_the_picker_takes_arrows(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await press(pilot, ["alt+p", *chars("curl")])
        options = app.screen.query_one("#picker-options", OptionList)
        names = [str(options.get_option_at_index(i).prompt).split("  ")[0] for i in range(3)]
        await press(pilot, ["down", "down", "up", "enter"])
        assert current_name(app) == names[1]


async def test_the_picker_escape_keeps_the_exercise(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench")
        await press(pilot, ["alt+p", "r", "d", "l", "escape"])
        assert isinstance(app.screen, WorkoutScreen)
        assert current_name(app) == "Bench Press"
        assert app.focused is entry(app)


async def test_a_new_exercise_is_made_without_leaving_the_workout(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await press(pilot, ["alt+p", *chars("zercher squat")])
        options = app.screen.query_one("#picker-options", OptionList)
        new_at = options.option_count - 1
        assert "New exercise 'zercher squat'" in str(options.get_option_at_index(new_at).prompt)
        await press(pilot, ["down"] * new_at + ["enter"])
        assert isinstance(app.screen, NewExerciseScreen)
        assert app.screen.query_one("#new-name", Input).value == "Zercher Squat"
        await press(pilot, ["tab", *chars("quads, glutes"), "tab", *chars("abs")])
        await press(pilot, ["tab", "ctrl+u", *chars("1:30"), "enter"])
        assert isinstance(app.screen, WorkoutScreen)
        assert current_name(app) == "Zercher Squat"
        await type_line(pilot, "60x5")
        assert shown_sets(app) == ["60 kg x 5"]
        assert app.rest is not None and app.rest.duration_s == 90  # its default rest
        await saved(app, pilot)
    with Repository(log, clock=clock) as repo:
        made = next(e for e in repo.exercises() if e.name == "Zercher Squat")
        assert made.muscles == {"quads": 1.0, "glutes": 1.0, "abs": 0.5}
        assert made.default_rest_s == 90 and not made.builtin
        assert logged(repo.sets()) == [(made.id, 60.0, 5, None, False, False)]


async def test_a_new_exercise_with_a_bad_muscle_says_which(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await press(pilot, ["alt+p", *chars("zercher squat")])
        count = app.screen.query_one("#picker-options", OptionList).option_count
        await press(pilot, ["down"] * (count - 1) + ["enter"])
        await press(pilot, ["tab", *chars("quadz"), "enter"])
        assert isinstance(app.screen, NewExerciseScreen)
        assert "unknown muscle 'quadz'" in str(app.screen.query_one("#new-error").visual)
        await press(pilot, ["escape"])  # back to the picker, then to the workout
        assert isinstance(app.screen, ExercisePickerScreen)
        await press(pilot, ["escape"])
        assert isinstance(app.screen, WorkoutScreen)
        await saved(app, pilot)
    with Repository(log, clock=clock) as repo:
        assert not [e for e in repo.exercises() if not e.builtin]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("rdl", "Romanian Deadlift"), ("bp", "Bench Press"), ("face pull", "Face Pull")],
)
async def test_a_name_in_the_entry_line_switches(log: Path, clock, typed, expected) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, typed)
        assert current_name(app) == expected
        assert entry(app).value == ""
        assert text(app, "#message").startswith(f"{expected}: type a set")
        assert text(app, "#exercise-title") == expected


async def test_an_ambiguous_name_opens_the_picker_with_it(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "curl")
        assert isinstance(app.screen, ExercisePickerScreen)
        assert app.screen.query_one("#picker-query", Input).value == "curl"
        await press(pilot, ["enter"])
        assert current_name(app) is not None and "Curl" in current_name(app)


async def test_an_unknown_name_says_so_and_keeps_the_text(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "zzqq")
        assert "no exercise matches 'zzqq'" in text(app, "#message")
        assert entry(app).value == "zzqq"
        assert current_name(app) is None


async def test_a_number_or_arrows_move_between_todays_exercises(six_week_log: Path, clock) -> None:
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "Upper A")
        await type_line(pilot, "#3")
        assert current_name(app) == "Incline Dumbbell Press"
        assert entry(app).value == ""
        assert text(app, "#exercise-list").splitlines()[2].startswith("▸3 Incline")
        await press(pilot, ["up"])
        assert current_name(app) == "Barbell Row"
        await press(pilot, ["down", "down"])
        assert current_name(app) == "Lat Pulldown"
        await press(pilot, ["up"] * 4)
        assert current_name(app) == "Triceps Pushdown"  # round from the first to the last
        await type_line(pilot, "#9")  # there is no exercise 9: said so
        assert current_name(app) == "Triceps Pushdown"
        assert "no exercise 9" in text(app, "#message")


async def test_alt_and_a_number_in_the_set_table_switches(six_week_log: Path, clock) -> None:
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "Upper A")
        await leave_entry(pilot)
        await press(pilot, ["alt+2"])
        assert current_name(app) == "Barbell Row"
        assert app.focused is entry(app)


# -- logging -----------------------------------------------------------------------------------

BENCH = "bench-press"


@pytest.mark.parametrize(
    ("lines", "expected", "on_screen"),
    [
        (["100x5"], [(BENCH, 100.0, 5, None, False, False)], ["100 kg x 5"]),
        (["100x5@8"], [(BENCH, 100.0, 5, 8.0, False, False)], ["100 kg x 5 @8"]),
        (["100 x 5 @ 8.5"], [(BENCH, 100.0, 5, 8.5, False, False)], ["100 kg x 5 @8.5"]),
        (["225lbx5"], [(BENCH, round(225 / LB_PER_KG, 3), 5, None, False, False)], None),
        (["100x5x3"], [(BENCH, 100.0, 5, None, False, False)] * 3, ["100 kg x 5"] * 3),
        (
            ["100x5@8", "+2.5x5"],
            [(BENCH, 100.0, 5, 8.0, False, False), (BENCH, 102.5, 5, None, False, False)],
            ["100 kg x 5 @8", "102.5 kg x 5"],
        ),
        (
            ["100x8", "-5x8"],
            [(BENCH, 100.0, 8, None, False, False), (BENCH, 95.0, 8, None, False, False)],
            ["100 kg x 8", "95 kg x 8"],
        ),
        (
            ["100x5@8", "x6"],
            [(BENCH, 100.0, 5, 8.0, False, False), (BENCH, 100.0, 6, None, False, False)],
            ["100 kg x 5 @8", "100 kg x 6"],
        ),
        (
            ["100x5@8", ""],
            [(BENCH, 100.0, 5, 8.0, False, False)] * 2,
            ["100 kg x 5 @8"] * 2,
        ),
        (["w 60x5"], [(BENCH, 60.0, 5, None, True, False)], ["60 kg x 5"]),
        (
            ["w 60x5", ""],
            [(BENCH, 60.0, 5, None, True, False)] * 2,
            ["60 kg x 5"] * 2,
        ),
    ],
)
async def test_each_way_to_type_a_set(log: Path, clock, lines, expected, on_screen) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench")
        for line in lines:
            await type_line(pilot, line)
            clock.advance(minutes=3)
            assert entry(app).value == ""
        if on_screen is not None:
            assert shown_sets(app) == on_screen
        assert len(rows(app)) == len(expected)
        await saved(app, pilot)
    assert logged(read_log(log, clock)[1]) == expected


async def test_keys_typed_ahead_apply_in_order(log: Path, clock) -> None:
    """Over a slow SSH link keys arrive in bursts: no waiting between them here."""
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench")
        burst = [*"100x5", "enter", *"x6", "enter", *"+2.5x53", "backspace", "enter", "enter"]
        for key in burst:
            app.post_message(key_event(key))
        await eventually(pilot, lambda: len(rows(app)) >= 4 and entry(app).value == "")
        assert shown_sets(app) == ["100 kg x 5", "100 kg x 6", "102.5 kg x 5", "102.5 kg x 5"]
        assert entry(app).value == ""
        await saved(app, pilot)
    assert [(s.weight_kg, s.reps) for s in read_log(log, clock)[1]] == [
        (100.0, 5),
        (100.0, 6),
        (102.5, 5),
        (102.5, 5),
    ]


async def test_the_set_column_numbers_work_sets_and_marks_warm_ups(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for line in ("bench", "w 60x5", "", "100x5@8", "x5"):
            await type_line(pilot, line)
        assert [row[0] for row in rows(app)] == ["w", "w", "1", "2"]
        assert "1/" not in text(app, "#exercise-list")
        assert text(app, "#exercise-list").split()[-1] == "2"  # work sets, not warm-ups


async def test_bodyweight_sets(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "pullup")
        assert current_name(app) == "Pull-Up"
        for line in ("bw x10", "bw+20x5", "+5x5", ""):
            await type_line(pilot, line)
        assert shown_sets(app) == ["bw x 10", "bw+20 kg x 5", "bw+25 kg x 5", "bw+25 kg x 5"]
        # no bodyweight logged: no e1RM, the cell says it needs one
        assert [row[2] for row in rows(app)] == ["bw?", "bw?", "bw?", "bw?"]
        await saved(app, pilot)
    assert logged(read_log(log, clock)[1]) == [
        ("pull-up", 0.0, 10, None, False, True),
        ("pull-up", 20.0, 5, None, False, True),
        ("pull-up", 25.0, 5, None, False, True),
        ("pull-up", 25.0, 5, None, False, True),
    ]


async def test_a_name_before_the_set_switches_and_logs(six_week_log: Path, clock) -> None:
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "Upper A")
        await type_line(pilot, "bench 100x5@8")
        await type_line(pilot, "rdl 120x8")
        assert current_name(app) == "Romanian Deadlift"
        assert shown_sets(app) == ["120 kg x 8"]
        listing = text(app, "#exercise-list").splitlines()
        assert listing[-1].startswith("▸6 Romanian Deadli")  # added after the template's
        assert listing[0].startswith(" 1 Bench Press") and listing[0].endswith("1/4")
        await type_line(pilot, "bp 100x5")
        assert current_name(app) == "Bench Press"
        assert shown_sets(app) == ["100 kg x 5 @8", "100 kg x 5"]
        await saved(app, pilot)
    workout, sets = todays(six_week_log, clock)
    assert [(s.exercise, s.weight_kg, s.reps) for s in sets] == [
        (BENCH, 100.0, 5),
        ("romanian-deadlift", 120.0, 8),
        (BENCH, 100.0, 5),
    ]
    assert all(s.workout == workout.id for s in sets)


async def test_weights_show_in_the_users_unit(six_week_log: Path, clock) -> None:
    with Repository(six_week_log, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), unit="lb"))
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "Upper A")
        assert "last: Mon 23 Nov  209.4x5@8.5" in text(app, "#exercise-info")  # 95 kg
        await type_line(pilot, "225x5@8")
        await type_line(pilot, "+5x5")
        await type_line(pilot, "100kgx3")
        assert shown_sets(app) == ["225 lb x 5 @8", "230 lb x 5", "220.5 lb x 3"]
        await saved(app, pilot)
    weights = [round(s.weight_kg, 3) for s in todays(six_week_log, clock)[1]]
    assert weights == [round(225 / LB_PER_KG, 3), round(230 / LB_PER_KG, 3), 100.0]


async def test_enter_with_nothing_to_repeat_says_what_to_type(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench")
        await press(pilot, ["enter"])
        message = text(app, "#message")
        assert "no previous set of this exercise today" in message
        assert "100x5" in message
        assert rows(app) == []


async def test_a_set_with_no_exercise_asks_for_one(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "100x5")
        assert "name the exercise first" in text(app, "#message")
        assert entry(app).value == "100x5"
        await saved(app, pilot)
    assert read_log(log, clock)[1] == []


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("100*5", "expected WEIGHTxREPS, e.g. 100x5"),
        ("100xx5", "unknown unit 'x'"),
        ("100x5@11", "RPE must be 6-10 in steps of 0.5"),
        ("100x0", "reps must be a whole number from 1 to 100"),
        ("100kgg x5", "unknown unit 'kgg'"),
        ("bench +2.5x5", "type it without a name"),
        ("-200x5", "takes the weight below 0"),
        ("bnch 100x5x30", "sets must be a whole number from 1 to 20"),
        ("100x5 [/]", "[/]"),  # markup in what is typed is shown as typed
        ("[b]x5", "[b]"),
    ],
)
async def test_a_typo_is_explained_and_kept(log: Path, clock, typed, said) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench 100x5")
        await type_line(pilot, typed)
        message = app.screen.query_one("#message", Static)
        assert said in text(app, "#message")
        assert message.has_class("error")
        assert entry(app).value == typed  # nothing typed is lost: fix it and press Enter
        assert app.focused is entry(app)
        assert shown_sets(app) == ["100 kg x 5"]
        await press(pilot, ["ctrl+u", *chars("x5"), "enter"])
        assert not message.has_class("error")
        assert shown_sets(app) == ["100 kg x 5", "100 kg x 5"]
        await saved(app, pilot)
    assert len(read_log(log, clock)[1]) == 2


async def test_a_set_starts_the_rest_timer(six_week_log: Path, clock) -> None:
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "Upper A")
        await type_line(pilot, "100x5@8")
        assert app.rest is not None and app.rest.duration_s == 180  # the template's rest
        await type_line(pilot, "w 60x5")
        assert app.rest.duration_s == 60  # a warm-up's
        await saved(app, pilot)
    with Repository(six_week_log, clock=clock) as repo:
        assert repo.rest_period().duration_s == 60


async def test_the_users_rest_settings_are_used(log: Path, clock) -> None:
    with Repository(log, clock=clock) as repo:
        settings = repo.settings()
        repo.save_settings(replace(settings, warmup_rest_s=45, rest_overrides={BENCH: 150}))
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench 100x5")
        assert app.rest.duration_s == 150
        await type_line(pilot, "w 60x5")
        assert app.rest.duration_s == 45
        await saved(app, pilot)
    with Repository(log, clock=clock) as repo:
        assert repo.rest_period().duration_s == 45


# -- what the screen says about the exercise --------------------------------------------------


async def test_today_last_time_target_e1rm_and_prs(six_week_log: Path, clock) -> None:
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "Upper A")
        info = text(app, "#exercise-info").splitlines()
        assert text(app, "#exercise-plan").splitlines()[0] == "plan 4x5@8 95 kg · rest 3:00"
        assert info[0].startswith("last: Mon 23 Nov  95x5@8.5  95x5@9  95x5@9")
        # Bench's best before today, from the demo, sets the bar for a PR.
        history = workout_screen(app).history(BENCH)
        assert history.best_e1rm is not None and 110 < history.best_e1rm < 125
        assert history.best_reps[(False, 95.0)] == 5
        for line in ("60x5", "95x6", "95x5", "105x5@8"):
            await type_line(pilot, line)
        table = rows(app)
        assert [row[1] for row in table] == [
            "60 kg x 5",
            "95 kg x 6",
            "95 kg x 5",
            "105 kg x 5 @8",
        ]
        assert [row[3] for row in table] == ["", "[b]PR[/]", "", "[b]PR[/]"]  # reps, e1RM
        assert table[3][2] == "129.5"  # e1RM of 105x5@8, in kg
        assert float(table[0][2]) < history.best_e1rm
        listing = text(app, "#exercise-list").splitlines()[0]
        assert listing.startswith("▸1 Bench Press") and listing.endswith("4/4")


async def test_an_exercise_never_done_says_so(six_week_log: Path, clock) -> None:
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "Upper A")
        await type_line(pilot, "face")
        assert "first time: no earlier sets" in text(app, "#exercise-info")
        assert "target" not in text(app, "#exercise-info")
        await type_line(pilot, "20x15")
        assert rows(app)[0][3] == ""  # nothing to beat, no PR


# -- edit, delete, undo, notes ----------------------------------------------------------------


async def test_edit_a_set_from_the_table(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for line in ("bench 100x5@8", "", ""):
            await type_line(pilot, line)
        await leave_entry(pilot)
        await press(pilot, ["up", "up", "alt+e"])  # the first set
        assert app.focused is entry(app)
        assert entry(app).value == "100kgx5@8"
        assert "Editing the set" in text(app, "#message")
        await press(pilot, ["end", "backspace", "9", "enter"])
        assert shown_sets(app) == ["100 kg x 5 @9", "100 kg x 5 @8", "100 kg x 5 @8"]
        assert entry(app).value == ""
        assert workout_screen(app).editing is None
        await type_line(pilot, "x3")  # logging goes on as before, from the last set
        assert shown_sets(app)[-1] == "100 kg x 3"
        await saved(app, pilot)
    sets = read_log(log, clock)[1]
    assert [(s.weight_kg, s.reps, s.rpe) for s in sets] == [
        (100.0, 5, 9.0),
        (100.0, 5, 8.0),
        (100.0, 5, 8.0),
        (100.0, 3, None),
    ]


async def test_an_edit_relative_to_the_set_being_edited(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for line in ("bench 100x5", "110x3"):
            await type_line(pilot, line)
        await leave_entry(pilot)
        await press(pilot, ["up", "alt+e", "ctrl+u", *chars("+2.5x5"), "enter"])
        assert shown_sets(app) == ["102.5 kg x 5", "110 kg x 3"]
        await saved(app, pilot)
    assert [s.weight_kg for s in read_log(log, clock)[1]] == [102.5, 110.0]


async def test_edit_a_warm_up_and_a_bodyweight_set(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for line in ("dip", "w bw x5", "bw+20x8"):
            await type_line(pilot, line)
        await leave_entry(pilot)
        await press(pilot, ["alt+e"])
        assert entry(app).value == "bw+20kgx8"
        await press(pilot, ["end", "backspace", "6", "enter"])
        await leave_entry(pilot)
        await press(pilot, ["up", "alt+e"])
        assert entry(app).value == "w bwx5"
        await press(pilot, ["enter"])
        assert shown_sets(app) == ["bw x 5", "bw+20 kg x 6"]
        await saved(app, pilot)
    assert logged(read_log(log, clock)[1]) == [
        ("dip", 0.0, 5, None, True, True),
        ("dip", 20.0, 6, None, False, True),
    ]


async def test_escape_cancels_an_edit(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench 100x5")
        await leave_entry(pilot)
        await press(pilot, ["alt+e", "end", "backspace", "3"])
        await press(pilot, ["escape"])
        assert workout_screen(app).editing is None
        assert entry(app).value == ""
        assert text(app, "#message") == "Edit cancelled."
        assert shown_sets(app) == ["100 kg x 5"]
        await press(pilot, ["enter"])  # back to the line
        assert app.focused is entry(app)
        await press(pilot, ["enter"])  # a repeat, not the abandoned edit
        assert shown_sets(app) == ["100 kg x 5", "100 kg x 5"]


async def test_an_edit_with_a_typo_is_kept_for_fixing(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench 100x5")
        await leave_entry(pilot)
        await press(pilot, ["alt+e", "end", *chars("@12"), "enter"])
        assert "RPE must be 6-10" in text(app, "#message")
        assert entry(app).value == "100kgx5@12"
        assert workout_screen(app).editing is not None
        await press(pilot, ["backspace", "backspace", "8", "enter"])
        assert shown_sets(app) == ["100 kg x 5 @8"]


@pytest.mark.parametrize("typed", ["rdl 100x5", "100x5x3"])
async def test_an_edit_stays_one_set_of_the_same_exercise(log: Path, clock, typed) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench 100x5")
        await leave_entry(pilot)
        await press(pilot, ["alt+e", *chars(typed), "enter"])  # typing replaces the loaded set
        assert "an edit changes this one set" in text(app, "#message")
        assert entry(app).value == typed
        assert workout_screen(app).editing is not None
        assert current_name(app) == "Bench Press"
        assert shown_sets(app) == ["100 kg x 5"]
        await saved(app, pilot)
    assert logged(read_log(log, clock)[1]) == [(BENCH, 100.0, 5, None, False, False)]


async def test_delete_a_set_and_undo(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for line in ("bench 100x5", "+2.5x5", "+2.5x5"):
            await type_line(pilot, line)
            clock.advance(minutes=3)
        await leave_entry(pilot)
        await press(pilot, ["up", "alt+d"])
        assert shown_sets(app) == ["100 kg x 5", "105 kg x 5"]
        assert "Deleted 102.5 kg x 5" in text(app, "#message")
        await saved(app, pilot)
        assert [s.weight_kg for s in read_log(log, clock)[1]] == [100.0, 105.0]
        await press(pilot, ["alt+u"])
        assert shown_sets(app) == ["100 kg x 5", "102.5 kg x 5", "105 kg x 5"]
        await saved(app, pilot)
        assert [s.weight_kg for s in read_log(log, clock)[1]] == [100.0, 102.5, 105.0]
        await press(pilot, ["alt+u"])  # then the last set logged
        assert shown_sets(app) == ["100 kg x 5", "102.5 kg x 5"]
        assert "Undone: Bench Press 105 kg x 5" in text(app, "#message")
        await saved(app, pilot)
    assert [s.weight_kg for s in read_log(log, clock)[1]] == [100.0, 102.5]


async def test_undo_an_edit_and_a_note(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench 100x5@8")
        await leave_entry(pilot)
        await press(pilot, ["alt+e", "ctrl+u", *chars("105x5@9"), "enter"])
        await leave_entry(pilot)
        await press(pilot, ["alt+n", *chars("grindy"), "enter"])
        await saved(app, pilot)
        (edited,) = read_log(log, clock)[1]
        assert (edited.weight_kg, edited.rpe, edited.notes) == (105.0, 9.0, "grindy")
        await press(pilot, ["alt+u"])
        assert rows(app)[0][3] == ""
        await press(pilot, ["alt+u"])
        assert shown_sets(app) == ["100 kg x 5 @8"]
        await saved(app, pilot)
        (back,) = read_log(log, clock)[1]
        assert (back.weight_kg, back.rpe, back.notes) == (100.0, 8.0, "")
        await press(pilot, ["alt+u", "alt+u"])  # the set itself, then nothing left to undo
        assert rows(app) == []
        assert text(app, "#message") == "Undone: Bench Press 100 kg x 5 @8."
        await saved(app, pilot)
    assert read_log(log, clock)[1] == []


async def test_a_note_on_a_set(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for line in ("bench 100x5", "x4"):
            await type_line(pilot, line)
        await leave_entry(pilot)
        await press(pilot, ["up", "alt+n"])
        assert isinstance(app.screen, PromptScreen)
        await type_line(pilot, "left shoulder tight")
        assert isinstance(app.screen, WorkoutScreen)
        assert [row[3] for row in rows(app)] == ["note", ""]
        await leave_entry(pilot)
        await press(pilot, ["alt+n", "escape"])  # Escape: no note
        assert [row[3] for row in rows(app)] == ["note", ""]
        await saved(app, pilot)
    assert [s.notes for s in read_log(log, clock)[1]] == ["left shoulder tight", ""]


async def test_a_note_on_the_workout(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await leave_entry(pilot)
        await press(pilot, ["alt+shift+n"])
        assert isinstance(app.screen, PromptScreen)
        await type_line(pilot, "new shoes")
        assert text(app, "#message") == "Noted on today's workout."
        await saved(app, pilot)
        assert read_log(log, clock)[0][0].notes == "new shoes"
        await leave_entry(pilot)
        await press(pilot, ["alt+shift+n"])
        assert app.screen.query_one("#prompt-input", Input).value == "new shoes"
        await press(pilot, ["escape"])
    assert read_log(log, clock)[0][0].notes == "new shoes"


async def test_undo_takes_back_a_workout_note(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await leave_entry(pilot)
        await press(pilot, ["alt+shift+n"])
        await type_line(pilot, "new shoes")
        await saved(app, pilot)
        await leave_entry(pilot)
        await press(pilot, ["alt+u"])
        assert text(app, "#message") == "Undone: workout note."
        await saved(app, pilot)
    assert read_log(log, clock)[0][0].notes == ""


async def test_escape_leaves_the_entry_line_and_enter_comes_back(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench 100x5")
        await leave_entry(pilot)
        await press(pilot, ["enter"])
        assert app.focused is entry(app)
        assert len(rows(app)) == 1  # Enter in the table only comes back: no repeat


async def test_keys_that_can_do_nothing_do_nothing(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await leave_entry(pilot)
        await press(pilot, ["alt+e", "d", "n", "u", "T"])
        assert isinstance(app.screen, WorkoutScreen)
        assert rows(app) == []
        assert workout_screen(app).editing is None


# -- finishing and templates ------------------------------------------------------------------


async def test_finish_asks_session_rpe_and_notes(six_week_log: Path, clock) -> None:
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "Upper A")
        await type_line(pilot, "100x5@8")
        clock.advance(minutes=52)
        await leave_entry(pilot)
        await press(pilot, ["alt+shift+f"])
        assert isinstance(app.screen, FinishWorkoutScreen)
        await press(pilot, ["8"])
        assert "Session RPE 8" in str(app.screen.query_one("#rpe").visual)
        await type_line(pilot, "good day")
        assert isinstance(app.screen, WorkoutScreen)
        assert workout_screen(app).workout is None
        assert "Workout finished: 1 working set in 52 min, session RPE 8" in text(app, "#message")
        assert app.focused is app.screen.query_one("#start-options")
        await saved(app, pilot)
    workout, sets = todays(six_week_log, clock)
    assert (workout.end, workout.session_rpe, workout.notes) == (
        NOW + timedelta(minutes=52),
        8,
        "good day",
    )
    assert len(sets) == 1
    with Repository(six_week_log, clock=clock) as repo:
        assert repo.open_workout() is None


async def test_finish_with_t_for_ten_and_no_notes(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await leave_entry(pilot)
        await press(pilot, ["alt+shift+n"])
        await type_line(pilot, "kept")
        await leave_entry(pilot)
        await press(pilot, ["alt+shift+f", "t", "enter"])
        assert workout_screen(app).workout is None
        await saved(app, pilot)
    (workout,) = read_log(log, clock)[0]
    assert (workout.session_rpe, workout.notes, workout.end) == (10, "kept", NOW)


async def test_escape_goes_back_from_finishing(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await leave_entry(pilot)
        await press(pilot, ["alt+shift+f", "x", "²"])  # not an RPE ("²" has a key on AZERTY)
        assert isinstance(app.screen, FinishWorkoutScreen)
        assert app.screen.session_rpe is None
        await press(pilot, ["escape"])
        assert isinstance(app.screen, WorkoutScreen)
        assert workout_screen(app).workout is not None
        await press(pilot, ["alt+shift+f", "7", "escape"])
        assert workout_screen(app).workout is not None
        await saved(app, pilot)
    assert read_log(log, clock)[0][0].end is None


async def test_save_todays_workout_as_a_template_and_start_from_it(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for line in ("w bench 60x5", "bench 100x5@8", "", "x4@9", "row 80x8", "", ""):
            await type_line(pilot, line)
        await leave_entry(pilot)
        await press(pilot, ["alt+shift+t"])
        assert isinstance(app.screen, PromptScreen)
        await type_line(pilot, "Push pull")
        assert "Today's workout made into the template 'Push pull'" in text(app, "#message")
        await saved(app, pilot)
        with Repository(log, clock=clock) as repo:
            (template,) = repo.templates()
        assert template.name == "Push pull"
        assert [(i.exercise, i.sets, i.reps, i.rpe) for i in template.items] == [
            (BENCH, 3, 5, 9.0),
            ("barbell-row", 3, 8, None),
        ]
        await leave_entry(pilot)
        await press(pilot, ["alt+shift+f", "7", "enter"])
        options = app.screen.query_one("#start-options", OptionList)
        assert "Push pull" in str(options.get_option_at_index(1).prompt)
        clock.advance(hours=1)
        await press(pilot, start_choice(1))
        screen = workout_screen(app)
        assert screen.workout.name == "Push pull"
        assert current_name(app) == "Bench Press"
        assert text(app, "#exercise-plan").startswith("plan 3x5@9 ")
        await saved(app, pilot)
    workouts, _ = read_log(log, clock)
    assert [(w.name, w.template, w.end is None) for w in workouts] == [
        ("", None, False),
        ("Push pull", template.id, True),
    ]


async def test_a_template_name_defaults_to_the_workouts(six_week_log: Path, clock) -> None:
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "Upper A")
        await type_line(pilot, "100x5")
        await leave_entry(pilot)
        await press(pilot, ["alt+shift+t"])
        assert app.screen.query_one("#prompt-input", Input).value == "Upper A"
        await press(pilot, ["escape"])
        await saved(app, pilot)
    with Repository(six_week_log, clock=clock) as repo:
        assert [t.name for t in repo.templates()] == ["Lower A", "Lower B", "Upper A", "Upper B"]


# -- saving ----------------------------------------------------------------------------------


async def test_a_set_is_on_screen_before_it_is_saved(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench")
        await saved(app, pilot)
        gate = threading.Event()
        app.store.save(lambda repo: gate.wait(10))  # a slow disk holds the save thread
        try:
            await type_line(pilot, "100x5@8")
            assert shown_sets(app) == ["100 kg x 5 @8"]
            assert read_log(log, clock)[1] == []
        finally:
            gate.set()
        await saved(app, pilot)
    assert logged(read_log(log, clock)[1]) == [(BENCH, 100.0, 5, 8.0, False, False)]


async def test_a_saved_set_coming_back_from_the_log_redraws_nothing(
    log: Path, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enter shows the set; its save coming back (`LogChanged`, `SetSaved`) only clears
    "saving": the table and the panel are not drawn again, which would cost the next
    Enter a frame."""
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench")
        await saved(app, pilot)
        drawn: list[str] = []
        screen = workout_screen(app)
        for name in ("refresh_all", "refresh_exercise"):
            draw = getattr(screen, name)
            monkeypatch.setattr(
                screen, name, lambda draw=draw, name=name: [drawn.append(name), draw()]
            )
        await press_at_pace(pilot, [*chars("100x5@8"), "enter", *chars("x5@9"), "enter"])
        await saved(app, pilot)
        await pilot.pause()
        assert shown_sets(app) == ["100 kg x 5 @8", "100 kg x 5 @9"]
        assert [row[3] for row in rows(app)] == ["", ""]  # saved: no "saving" left
        assert drawn == []


async def test_the_cursor_mark_moves_to_a_new_set_with_its_row(log: Path, clock) -> None:
    """Enter draws the new row with the "◂" on it, in the same frame: the table is not
    drawn again for the cursor's move (its message comes after)."""
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench 100x5@8")
        await saved(app, pilot)
        line = entry(app)
        line.value = "102.5x5@8"
        workout_screen(app).submit_entry(line)  # as Enter does, no message handled after
        assert [row[4] for row in rows(app)] == ["", "◂"]
        await saved(app, pilot)
        assert [row[4] for row in rows(app)] == ["", "◂"]


async def test_a_set_numbered_after_another_writers_takes_the_logs_number(log: Path, clock) -> None:
    """While the set waits to be saved, another terminal logs one into the same workout:
    the log numbers them in turn under its lock, and the screen takes the number back and
    shows theirs in between."""
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await type_line(pilot, "bench 100x5")
        await saved(app, pilot)
        gate = threading.Event()
        app.store.save(lambda repo: gate.wait(5))  # a slow disk holds the save thread
        try:
            clock.advance(90)
            await type_line(pilot, "x5")
            assert [(s.order, s.rest_s) for s in screen.sets] == [(1, None), (2, 90)]
            with Repository(log, clock=clock) as other:
                theirs = other.log_set(other.open_workout(), other.exercise("barbell-row"), 80, 8)
        finally:
            gate.set()
        await saved(app, pilot)
        _, stored = todays(log, clock)
        assert [s.id for s in stored][1] == theirs.id and theirs.order == 2
        mine = [(s.id, s.order, s.rest_s, s.day) for s in stored if s.id != theirs.id]
        await eventually(pilot, lambda: [s.order for s in screen.sets] == [1, 2, 3])
        assert [(s.id, s.order, s.rest_s, s.day) for s in screen.sets if s.id != theirs.id] == mine
        assert screen.sets[1] == theirs
        assert shown_sets(app) == ["100 kg x 5", "100 kg x 5"]  # the rows keep their numbers
        assert app.rest.after_set == screen.sets[-1].id  # the timer as the log has it
        await type_line(pilot, "x5")
        assert screen.sets[-1].order == 4
        await saved(app, pilot)
    assert [s.order for s in todays(log, clock)[1]] == [1, 2, 3, 4]


async def test_a_failed_save_stays_on_screen_until_a_retry_works(
    log: Path, clock, disk: FullDisk
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench")
        await saved(app, pilot)
        error = app.screen.query_one("#save-error", Static)
        assert not error.display
        disk.fill()
        await type_line(pilot, "100x5@8")
        await saved(app, pilot)
        assert error.display
        assert "NOT SAVED YET" in text(app, "#save-error")
        assert "No space left on device" in text(app, "#save-error")
        assert shown_sets(app) == ["100 kg x 5 @8"]
        await type_line(pilot, "")  # the lifter keeps logging
        assert shown_sets(app) == ["100 kg x 5 @8", "100 kg x 5 @8"]
        await pilot.pause(0.2)  # several retries fail
        await saved(app, pilot)
        assert error.display
        assert read_log(log, clock)[1] == []
        disk.free()  # space again: the next retry saves everything
        await retried(app, pilot)
        assert not error.display
        assert text(app, "#message") == "Saved everything that was waiting."
        assert shown_sets(app) == ["100 kg x 5 @8", "100 kg x 5 @8"]
        assert logged(read_log(log, clock)[1]) == [(BENCH, 100.0, 5, 8.0, False, False)] * 2
        await type_line(pilot, "x3")
        await saved(app, pilot)
        assert not error.display
    assert len(read_log(log, clock)[1]) == 3


async def test_a_failed_save_before_the_workout_is_written(
    log: Path, clock, disk: FullDisk
) -> None:
    disk.fill()
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench 100x5")
        await saved(app, pilot)
        assert app.screen.query_one("#save-error").display
        assert not log.exists()
        disk.free()
        await retried(app, pilot)
        assert not app.screen.query_one("#save-error").display
    workouts, sets = read_log(log, clock)
    assert len(workouts) == 1 and [s.workout for s in sets] == [workouts[0].id]


async def test_a_read_only_log_says_so_on_top_and_takes_no_set(log: Path, clock) -> None:
    """A log a newer restday wrote can never be written here: every screen says so at the
    top, and a set typed is refused at once rather than retried for ever."""
    with Repository(log, clock=clock) as repo:
        repo.start_workout("Upper A")
    written_by_a_newer_restday(log)
    before = log.read_bytes()
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert workout_screen(app).workout is not None  # the workout open in the log
        assert "READ-ONLY: nothing you enter is saved" in header_text(app)
        await type_line(pilot, "bench 100x5")
        await saved(app, pilot)
        assert shown_sets(app) == []
        assert text(app, "#message").startswith("not logged: this log cannot be changed: ")
        assert "newer restday" in text(app, "#message")
        assert not app.screen.query_one("#save-error").display
        assert app.store.pending == 0
        await press(pilot, ["escape", "alt+h"])
        assert "READ-ONLY" in header_text(app)
        await press(pilot, ["ctrl+q"])
    assert app.store.unsaved == []
    assert log.read_bytes() == before


async def test_a_change_the_log_refused_is_tried_again(
    log: Path, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.log_store, "RETRY_EVERY_S", 0.05)
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench 100x5")
        await saved(app, pilot)
        good = log.read_bytes()
        log.write_bytes(b"{not json")  # another program mangled the log
        await type_line(pilot, "x4")
        await saved(app, pilot)
        assert app.screen.query_one("#save-error").display
        await pilot.pause(0.2)
        assert app.screen.query_one("#save-error").display
        log.write_bytes(good)  # and it is put back
        await retried(app, pilot)
        assert not app.screen.query_one("#save-error").display
        assert text(app, "#message") == "Saved everything that was waiting."
    assert [(s.weight_kg, s.reps) for s in read_log(log, clock)[1]] == [(100.0, 5), (100.0, 4)]


async def test_a_log_mangled_while_open_is_followed_quietly(
    log: Path, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer looks for other processes' changes twice a second: a log it can't read
    meanwhile keeps the screens on what they show, without a notice each time."""
    app = make_app(log, clock)
    notices: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: notices.append(message))
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench 100x5")
        await saved(app, pilot)
        good = log.read_bytes()
        log.write_bytes(b"{not json")
        await pilot.pause(1.2)
        assert notices == [] and shown_sets(app) == ["100 kg x 5"]
        log.write_bytes(good)
    assert len(read_log(log, clock)[1]) == 1


async def test_a_new_exercise_on_a_full_disk_is_made_once(log: Path, clock, disk: FullDisk) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await saved(app, pilot)
        disk.fill()
        await press(pilot, ["alt+p", *chars("zercher squat")])
        count = app.screen.query_one("#picker-options", OptionList).option_count
        await press(pilot, ["down"] * (count - 1) + ["enter", "tab", *chars("quads"), "enter"])
        assert isinstance(app.screen, WorkoutScreen)  # kept in memory: it can be used now
        assert current_name(app) == "Zercher Squat"
        await type_line(pilot, "60x5")
        await saved(app, pilot)
        assert app.screen.query_one("#save-error").display
        disk.free()
        await retried(app, pilot)
        assert not app.screen.query_one("#save-error").display
    with Repository(log, clock=clock) as repo:
        (made,) = [e for e in repo.exercises() if e.name == "Zercher Squat"]
        assert [s.exercise for s in repo.sets()] == [made.id]


async def test_sets_kept_in_memory_are_saved_on_quit(
    log: Path, clock, disk: FullDisk, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench")
        await saved(app, pilot)
        disk.fill()
        monkeypatch.setattr(tui.log_store, "RETRY_EVERY_S", 3600)  # only quitting saves
        await type_line(pilot, "100x5")
        await saved(app, pilot)
        assert app.screen.query_one("#save-error").display
        disk.free()
        await leave_entry(pilot)
        await press(pilot, ["ctrl+q"])  # asks first: a change is not saved yet
        assert isinstance(app.screen, QuitScreen)
        await press(pilot, ["l"])  # leaving tries once more, and it works now
    assert logged(read_log(log, clock)[1]) == [(BENCH, 100.0, 5, None, False, False)]
    assert app.store.unsaved == []


async def test_quitting_with_a_set_not_saved_asks_and_tells_it(
    log: Path, clock, disk: FullDisk, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await type_line(pilot, "bench")
        await saved(app, pilot)
        disk.fill()
        monkeypatch.setattr(tui.log_store, "RETRY_EVERY_S", 3600)
        await type_line(pilot, "102.5x5@8")
        await type_line(pilot, "w 60x5")
        await saved(app, pilot)
        await leave_entry(pilot)
        await press(pilot, ["ctrl+q"])
        assert isinstance(app.screen, QuitScreen)
        problem = str(app.screen.query_one("#quit-problem", Static).visual)
        assert "No space left on device" in problem
        await press(pilot, ["s"])  # stay: nothing lost, the sets still on screen
        assert isinstance(app.screen, WorkoutScreen)
        assert shown_sets(app) == ["102.5 kg x 5 @8", "60 kg x 5"]
        await press(pilot, ["ctrl+q", "q"])  # q again in the dialog is not a yes
        assert isinstance(app.screen, WorkoutScreen)
        await press(pilot, ["ctrl+q", "l"])
    assert app.store.unsaved == ["Bench Press 102.5kgx5@8", "w Bench Press 60kgx5"]
    assert "No space left on device" in app.store.problem
    assert read_log(log, clock)[1] == []


# -- the keystroke budget ---------------------------------------------------------------------


async def test_keystroke_budget(six_week_log: Path, clock) -> None:
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "Upper A")

        # A new set: its characters and Enter.
        await press(pilot, [*chars("102.5x5@8"), "enter"], budget=len("102.5x5@8") + 1)
        assert shown_sets(app) == ["102.5 kg x 5 @8"]

        # The last set again: one key.
        await press(pilot, ["enter"], budget=1)
        assert shown_sets(app) == ["102.5 kg x 5 @8"] * 2

        # An exercise already in today's workout: at most 3 keys.
        await press(pilot, ["alt+2"], budget=1)
        assert current_name(app) == "Barbell Row"
        await press(pilot, ["up"], budget=3)
        assert current_name(app) == "Bench Press"
        await press(pilot, ["down", "down"], budget=3)
        assert current_name(app) == "Incline Dumbbell Press"

        # Any library exercise with a distinctive name: at most 6 keys.
        await press(pilot, [*chars("face"), "enter"], budget=6)
        assert current_name(app) == "Face Pull"
        await press(pilot, [*chars("rdl"), "enter"], budget=6)
        assert current_name(app) == "Romanian Deadlift"
        await press(pilot, ["alt+p", *chars("bp"), "enter"], budget=6)
        assert current_name(app) == "Bench Press"

        # And back to it: the sets logged are all still there.
        assert shown_sets(app) == ["102.5 kg x 5 @8"] * 2
        await saved(app, pilot)
    assert len(todays(six_week_log, clock)[1]) == 2


async def test_the_screen_fits_80x24(six_week_log: Path, clock) -> None:
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "Upper A")
        for line in ("w 60x5", "", "100x5@8", "", "", "x4@9"):
            await type_line(pilot, line)
        screen = workout_screen(app)
        for selector in ("#exercise-list", "#exercise-info", "#sets", "#message", "#entry"):
            region = screen.query_one(selector).region
            assert region.height > 0 and region.bottom <= 24, selector
        assert screen.query_one("#sets").region.height >= 6  # room for today's sets


async def test_names_with_brackets_are_shown_as_typed(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await press(pilot, ["alt+p"])
        picker = app.screen
        assert isinstance(picker, ExercisePickerScreen)
        picker.query_one(Input).value = "Curl [/] [EZ]"
        await pilot.pause()
        options = picker.query_one(OptionList)
        new = options.get_option_at_index(options.option_count - 1)
        assert "Curl [/] [EZ]" in str(new.prompt)
