"""Templates, typed at a person's pace (a key every 150 ms, `press_at_pace`): made from the
workout in progress, a finished one or a session in history; made, changed and deleted on
the templates screen (`l`); the starters a fresh log offers; `T` never silent."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable, OptionList, Static

from storage.log.repository import Repository
from storage.model.records import Template, TemplateItem
from tests.support.clock import FakeClock
from tests.support.screen_helpers import eventually, make_app, message, saved
from tests.support.typing import chars, press_at_pace
from tui.app import RestdayApp
from tui.screens.dialogs.prompt import PromptScreen
from tui.screens.history.session_detail import SessionDetailScreen
from tui.screens.templates.confirm import ConfirmDeleteScreen
from tui.screens.templates.editor import TemplateEditorScreen
from tui.screens.templates.screen import TemplatesScreen
from tui.screens.workout.screen import WorkoutScreen

SIZE = (80, 24)


def options(app: RestdayApp, selector: str) -> list[str]:
    option_list = app.screen.query_one(selector, OptionList)
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


def stored(log: Path, clock: FakeClock) -> list[Template]:
    with Repository(log, clock=clock) as repo:
        return repo.templates()


async def line(pilot, text: str) -> None:
    """Type a line and Enter, at a person's pace."""
    await press_at_pace(pilot, [*chars(text), "enter"])


# -- T on the workout screen never does nothing ---------------------------------------------


async def test_t_says_why_when_there_is_nothing_to_save(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await saved(app, pilot)
        await press_at_pace(pilot, ["alt+shift+t"])
        assert "No workout to save as a template" in message(app)
        await press_at_pace(pilot, ["enter"])  # an empty workout
        await line(pilot, "w bench 60x5")
        await press_at_pace(pilot, ["alt+shift+t"])
        assert isinstance(app.screen, WorkoutScreen)
        assert "Nothing to save as a template yet: no working sets" in message(app)
        await saved(app, pilot)
    assert stored(log, clock) == []


async def test_t_makes_a_template_of_the_workout_in_progress(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await saved(app, pilot)
        await press_at_pace(pilot, ["enter"])
        for typed in ("bench 100x5@8", "", "row 80x8@7"):
            await line(pilot, typed)
        await press_at_pace(pilot, ["alt+shift+t"])
        assert isinstance(app.screen, PromptScreen)
        await line(pilot, "Push pull")
        assert "made into the template 'Push pull'" in message(app)
        await saved(app, pilot)
    (template,) = stored(log, clock)
    assert template.name == "Push pull"
    assert [(i.exercise, i.sets, i.reps, i.rpe) for i in template.items] == [
        ("bench-press", 2, 5, 8),
        ("barbell-row", 1, 8, 7),
    ]


async def test_t_after_finishing_makes_a_template_of_the_finished_workout(log, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await saved(app, pilot)
        await press_at_pace(pilot, ["enter"])
        await line(pilot, "ohp 50x8@8")
        await line(pilot, "")
        clock.advance(minutes=30)
        await press_at_pace(pilot, ["alt+shift+f", "7", "enter"])
        await saved(app, pilot)
        assert app.screen.query_one("#start").display
        await press_at_pace(pilot, ["alt+shift+t"])
        assert isinstance(app.screen, PromptScreen)
        await line(pilot, "Press day")
        assert "finished workout made into the template 'Press day'" in message(app)
        await saved(app, pilot)
        await eventually(
            pilot, lambda: any("Press day" in o for o in options(app, "#start-options"))
        )
    (template,) = stored(log, clock)
    assert template.items == [TemplateItem(exercise="overhead-press", sets=2, reps=8, rpe=8)]


# -- starters -------------------------------------------------------------------------------


async def test_a_fresh_log_offers_starters_that_start_a_workout(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await saved(app, pilot)
        shown = options(app, "#start-options")
        assert shown[0] == "Empty workout"
        assert [s.split("  ")[0] for s in shown[1:]] == ["Full body", "Upper", "Lower"]
        await press_at_pace(pilot, ["down", "down", "enter"])
        screen = app.screen
        assert screen.workout.name == "Upper"
        assert screen.current.name == "Bench Press"
        assert "plan 4x6@8" in str(screen.query_one("#exercise-plan", Static).visual)
        await line(pilot, "80x6@8")
        await saved(app, pilot)
    with Repository(log, clock=clock) as repo:
        (workout,) = repo.workouts()
        assert workout.template == "starter-upper"
        assert len(repo.sets()) == 1


# -- the templates screen -------------------------------------------------------------------


async def open_templates(app: RestdayApp, pilot) -> TemplatesScreen:
    await saved(app, pilot)
    await press_at_pace(pilot, ["alt+l"])
    assert isinstance(app.screen, TemplatesScreen)
    return app.screen


async def test_make_a_template_and_type_its_lines(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_templates(app, pilot)
        assert [o.split("\n")[0] for o in options(app, "#templates-list")] == [
            "Full body  starter",
            "Upper  starter",
            "Lower  starter",
        ]
        await line(pilot, "Legs")  # typed with the list focused: a name, never a command
        assert isinstance(app.screen, TemplateEditorScreen)
        await line(pilot, "squat 5x5@8 rest 3:00 140")
        await line(pilot, "rdl 3x8")
        await line(pilot, "curl 3x10 bad")
        assert "can't read 'bad'" in message(app)
        await press_at_pace(pilot, ["ctrl+u"])
        await line(pilot, "leg curl 3x12@9 rest 90s")
        assert options(app, "#editor-lines") == [
            "1. Back Squat 5x5@8 rest 3:00 140kg",
            "2. Romanian Deadlift 3x8",
            "3. Lying Leg Curl 3x12@9 rest 1:30",
        ]
        # change line 2, move it first, remove line 3
        await press_at_pace(pilot, ["escape", "home", "down", "alt+e"])
        assert app.screen.query_one("#entry").value == "Romanian Deadlift 3x8"
        await press_at_pace(pilot, ["backspace", "1", "0", "@", "8", "enter"])
        await press_at_pace(pilot, ["escape", "shift+up", "down", "down", "alt+d"])
        assert options(app, "#editor-lines") == [
            "1. Romanian Deadlift 3x10@8",
            "2. Back Squat 5x5@8 rest 3:00 140kg",
        ]
        await press_at_pace(pilot, ["alt+shift+r"])
        await press_at_pace(pilot, ["ctrl+u", *chars("Legs A"), "enter"])
        await press_at_pace(pilot, ["escape"])
        assert isinstance(app.screen, TemplatesScreen)
        await saved(app, pilot)
        await eventually(pilot, lambda: options(app, "#templates-list")[0].startswith("Legs A"))
    (template,) = stored(log, clock)
    assert template.name == "Legs A"
    assert template.items == [
        TemplateItem(exercise="romanian-deadlift", sets=3, reps=10, rpe=8),
        TemplateItem(exercise="back-squat", sets=5, reps=5, rpe=8, rest_s=180, weight_kg=140),
    ]


async def test_a_changed_starter_is_the_lifters_own(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_templates(app, pilot)
        await press_at_pace(pilot, ["down", "enter"])  # Upper
        assert isinstance(app.screen, TemplateEditorScreen)
        await press_at_pace(pilot, ["escape", "alt+d"])  # its first line goes
        await press_at_pace(pilot, ["escape"])
        await saved(app, pilot)
        await eventually(pilot, lambda: options(app, "#templates-list")[0].startswith("Upper\n"))
    (upper,) = stored(log, clock)
    assert upper.id == "starter-upper" and upper.items[0].exercise == "barbell-row"


async def test_delete_asks_first_and_a_workout_from_it_keeps_working(log, clock) -> None:
    with Repository(log, clock=clock) as repo:
        repo.save_template(
            Template(name="Arms", items=[TemplateItem(exercise="barbell-curl", sets=3, reps=10)])
        )
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await saved(app, pilot)
        await press_at_pace(pilot, ["down", "enter"])  # start from Arms
        await line(pilot, "30x10")
        await open_templates(app, pilot)
        await press_at_pace(pilot, ["alt+d"])
        assert isinstance(app.screen, ConfirmDeleteScreen)
        await press_at_pace(pilot, ["n"])
        assert "Kept it" in message(app)
        await press_at_pace(pilot, ["alt+d", "y"])
        assert "Deleted the template 'Arms'" in message(app)
        await press_at_pace(pilot, ["down", "alt+d", "y"])  # a starter: Upper
        assert [o.split("\n")[0] for o in options(app, "#templates-list")] == [
            "Full body  starter",
            "Lower  starter",
        ]
        await saved(app, pilot)
        await press_at_pace(pilot, ["alt+w"])
        assert isinstance(app.screen, WorkoutScreen)
        await line(pilot, "32.5x8")
        await saved(app, pilot)
        assert app.screen.workout.name == "Arms"
    with Repository(log, clock=clock) as repo:
        assert repo.templates() == []
        assert [t.name for t in repo.offered_templates()] == ["Full body", "Lower"]
        assert [s.reps for s in repo.sets()] == [10, 8]


# -- a session from history -----------------------------------------------------------------


async def open_history_session(app: RestdayApp, pilot) -> None:
    """From home, history (y), then its newest session."""
    await saved(app, pilot)
    await press_at_pace(pilot, ["y"])
    await eventually(pilot, lambda: app.screen.index is not None)
    await press_at_pace(pilot, ["tab"])
    assert isinstance(app.focused, DataTable)
    await press_at_pace(pilot, ["enter"])
    assert isinstance(app.screen, SessionDetailScreen)


async def test_t_on_a_history_session_makes_a_template(log: Path, clock) -> None:
    with Repository(log, clock=clock) as repo:
        workout = repo.start_workout("Old push", at=clock() - timedelta(days=3))
        repo.log_set(workout, repo.exercise("bench-press"), 100, 5, rpe=8)
        repo.log_set(workout, repo.exercise("dip"), 0, 10)
        repo.finish_workout(workout, 8, at=clock() - timedelta(days=3, hours=-1))
    app = make_app(log, clock, first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        await open_history_session(app, pilot)
        await press_at_pace(pilot, ["T"])
        assert app.screen.query_one("#prompt-input").value == "Old push"
        await press_at_pace(pilot, ["enter"])
        await saved(app, pilot)
    (template,) = stored(log, clock)
    assert template.name == "Old push"
    assert [i.exercise for i in template.items] == ["bench-press", "dip"]


async def test_t_on_the_history_sessions_list_makes_a_template(log: Path, clock) -> None:
    """T on a session highlighted in History's list, not only in an opened one."""
    with Repository(log, clock=clock) as repo:
        workout = repo.start_workout("Old pull", at=clock() - timedelta(days=3))
        repo.log_set(workout, repo.exercise("barbell-row"), 80, 8, rpe=8)
        repo.finish_workout(workout, 8, at=clock() - timedelta(days=3, hours=-1))
    app = make_app(log, clock, first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        await saved(app, pilot)
        await press_at_pace(pilot, ["y"])
        await eventually(pilot, lambda: app.screen.index is not None)
        await press_at_pace(pilot, ["tab"])
        assert isinstance(app.focused, DataTable)
        await press_at_pace(pilot, ["T"])
        assert app.screen.query_one("#prompt-input").value == "Old pull"
        await press_at_pace(pilot, ["enter"])
        await saved(app, pilot)
    (template,) = stored(log, clock)
    assert (template.name, [i.exercise for i in template.items]) == ("Old pull", ["barbell-row"])


async def test_the_templates_screen_follows_another_copy(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_templates(app, pilot)
        with Repository(log, clock=clock) as other:
            other.save_template(
                Template(name="Added", items=[TemplateItem(exercise="dip", sets=3, reps=8)])
            )
        app.store.follow()
        await eventually(pilot, lambda: options(app, "#templates-list")[0].startswith("Added"))
        await press_at_pace(pilot, ["enter"])
        assert options(app, "#editor-lines") == ["1. Dip 3x8"]


# -- no two of a kind -----------------------------------------------------------------------


async def test_the_editor_refuses_an_exercise_already_in_the_template(log, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_templates(app, pilot)
        await line(pilot, "Push")
        await line(pilot, "bench 3x5@8")
        await line(pilot, "ohp 3x8")
        await line(pilot, "bench press 4x6")
        assert "Bench Press is line 1 already" in message(app)
        assert app.screen.query_one("#entry").value == "bench press 4x6"  # kept to change
        await press_at_pace(pilot, ["ctrl+u"])
        await press_at_pace(pilot, ["escape", "home", "down", "alt+e", "ctrl+u"])
        await line(pilot, "bench 2x10")  # line 2 becomes a second bench line: refused too
        assert "Bench Press is line 1 already" in message(app)
        await press_at_pace(pilot, ["ctrl+u"])
        await line(pilot, "dips 3x10")
        await press_at_pace(pilot, ["escape", "home", "alt+e", "ctrl+u"])
        await line(pilot, "bench 4x6")  # line 1 itself, changed: fine
        assert options(app, "#editor-lines") == ["1. Bench Press 4x6", "2. Dip 3x10"]
        await saved(app, pilot)
    (template,) = stored(log, clock)
    assert [(i.exercise, i.sets) for i in template.items] == [("bench-press", 4), ("dip", 3)]


async def test_a_template_made_with_a_name_taken_gets_a_number(log: Path, clock) -> None:
    with Repository(log, clock=clock) as repo:
        workout = repo.start_workout("Upper", at=clock() - timedelta(days=3))
        repo.log_set(workout, repo.exercise("bench-press"), 100, 5, rpe=8)
        repo.finish_workout(workout, 8, at=clock() - timedelta(days=3, hours=-1))
    app = make_app(log, clock, first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        await open_history_session(app, pilot)
        await press_at_pace(pilot, ["T"])
        assert app.screen.query_one("#prompt-input").value == "Upper"  # the starter's name
        await press_at_pace(pilot, ["enter"])
        await saved(app, pilot)
        assert "Made the template 'Upper (2)'" in list(app._notifications)[-1].message
        await press_at_pace(pilot, ["T", "enter"])  # again: a third
        await saved(app, pilot)
        await press_at_pace(pilot, ["escape", "escape", "alt+l"])
        assert isinstance(app.screen, TemplatesScreen)
        await press_at_pace(pilot, [*chars("upper "), "enter"])
        await saved(app, pilot)
        assert isinstance(app.screen, TemplateEditorScreen)
        assert app.screen.template.name == "upper (4)"
    assert sorted(t.name for t in stored(log, clock)) == ["Upper (2)", "Upper (3)", "upper (4)"]
