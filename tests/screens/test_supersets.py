"""Supersets at a person's pace: a template's `&` line groups two exercises; typed sets
and Enter move from one to the other and back, the rest timer starts after the second
only; the list brackets the group; Alt+G groups exercises in a workout; an imported Hevy
superset is shown as one in history's session and day views."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList, Static

from storage.log.repository import Repository
from storage.model.records import Template, TemplateItem
from tests.support.history_app import open_history
from tests.support.other_copy import other_copy
from tests.support.screen_helpers import (
    eventually,
    make_app,
    message,
    saved,
    screen_lines,
    workout_screen,
)
from tests.support.typing import chars, press_at_pace
from tui.app import RestdayApp
from tui.commands.main import main
from tui.screens.history.day_detail import DayDetailScreen
from tui.screens.history.session_detail import SessionDetailScreen
from tui.screens.templates.editor import TemplateEditorScreen
from tui.screens.workout.exercise_list import ExerciseList

PUSH_PULL = Template(
    name="Push pull",
    items=[
        TemplateItem(exercise="bench-press", sets=2, reps=5, rest_s=120),
        TemplateItem(exercise="barbell-row", sets=2, reps=8, rest_s=90, with_above=True),
        TemplateItem(exercise="back-squat", sets=3, reps=5),
    ],
)


@pytest.fixture
def log(tmp_path: Path, clock) -> Path:
    log = tmp_path / "log.json"
    with Repository(log, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
        repo.save_template(PUSH_PULL)
    return log


def current(app: RestdayApp) -> str:
    return workout_screen(app).session.current.id


def listed(app: RestdayApp) -> list[str]:
    return str(workout_screen(app).query_one(ExerciseList).render()).splitlines()


async def test_a_superset_alternates_and_rests_after_its_second_exercise(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        start = workout_screen(app).query_one("#start-options", OptionList)
        assert str(start.get_option_at_index(1).prompt) == (
            "Push pull  Bench Press + Barbell Row, Back Squat"
        )
        await press_at_pace(pilot, ["down", "enter"])  # the template, under "Empty workout"
        assert workout_screen(app).session.template.id == PUSH_PULL.id
        assert [line[:16] for line in listed(app)[:3]] == [
            "▸1┌Bench Press  ",
            " 2└Barbell Row  ",
            " 3 Back Squat   ",
        ]
        await press_at_pace(pilot, [*chars("100x5"), "enter"])
        assert current(app) == "barbell-row" and app.rest is None
        assert "Superset: now Barbell Row." in message(app)
        await press_at_pace(pilot, [*chars("80x8"), "enter"])
        assert current(app) == "bench-press"
        assert app.rest is not None and app.rest.duration_s == 90  # after the second only
        await press_at_pace(pilot, ["enter"])  # Enter repeats the bench's 100x5
        assert current(app) == "barbell-row" and app.rest is None
        await press_at_pace(pilot, ["enter"])  # and the row's 80x8
        assert current(app) == "barbell-row"  # both done: it stays
        assert app.rest is not None
        await saved(app, pilot)
        with Repository(log, clock=clock) as repo:
            today = repo.sets(workout=workout_screen(app).session.workout.id)
        assert [(s.exercise, s.weight_kg, s.reps, s.group) for s in today] == [
            ("bench-press", 100, 5, "1"),
            ("barbell-row", 80, 8, "1"),
            ("bench-press", 100, 5, "1"),
            ("barbell-row", 80, 8, "1"),
        ]


def shown(app: RestdayApp) -> str:
    return "\n".join(screen_lines(app))


@pytest.mark.parametrize("size", [(80, 24), (45, 20)])
async def test_the_panel_says_where_a_supersets_rest_comes(log: Path, clock, size) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, ["down", "enter"])  # the template: bench & row, squat
        assert "no rest: next Barbell Row" in shown(app)  # bench: on to the row
        await press_at_pace(pilot, [*chars("100x5"), "enter"])
        assert current(app) == "barbell-row"
        assert "rest after Barbell Row: 1:30" in shown(app)  # the group's last: its rest
        await press_at_pace(pilot, [*chars("80x8"), "enter", "enter"])
        assert current(app) == "barbell-row"  # the last round's bench done: on to the row
        await press_at_pace(pilot, ["enter"])
        await press_at_pace(pilot, [*chars("#1"), "enter"])  # the row's sets are done:
        assert "rest 2:00" in shown(app)  # a bench set now rests, its own rest
        assert "no rest" not in shown(app)
        await press_at_pace(pilot, [*chars("#3"), "enter"])  # no group
        assert "rest after" not in shown(app) and "no rest" not in shown(app)


async def test_alt_g_supersets_an_exercise_with_the_one_above(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, ["enter", *chars("squat 100x5"), "enter"])
        await press_at_pace(pilot, [*chars("dip 0x10"), "enter"])
        await press_at_pace(pilot, ["alt+g"])
        assert "Dip is a superset with Back Squat" in message(app)
        assert [line[:3] for line in listed(app)] == [" 1┌", "▸2└"]
        assert "rest after Dip: " in shown(app)
        await press_at_pace(pilot, ["enter"])  # the dips again: the group's last, a rest
        assert current(app) == "back-squat" and app.rest is not None
        assert "no rest: next Dip" in shown(app)
        await press_at_pace(pilot, ["enter"])  # the squat again: on to the dips, no rest
        assert current(app) == "dip" and app.rest is None
        await press_at_pace(pilot, ["alt+g"])  # again: out of the superset
        assert "Dip is no longer a superset with Back Squat." in message(app)
        assert [line[:3] for line in listed(app)] == [" 1 ", "▸2 "]
        await press_at_pace(pilot, [*chars("#1"), "enter", "alt+g"])  # the first: none above
        assert "none above" in message(app)


async def test_a_superset_made_with_alt_g_is_kept_when_the_app_starts_again(
    log: Path, clock
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, ["enter", *chars("squat 100x5"), "enter"])
        await press_at_pace(pilot, [*chars("dip"), "enter", "alt+g"])  # no set of dips yet
        assert "Dip is a superset with Back Squat" in message(app)
        await saved(app, pilot)
    again = make_app(log, clock)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert [line[:3] for line in listed(again)] == ["▸1┌", " 2└"]
        await press_at_pace(pilot, ["enter"])  # the squat again: on to the dips, no rest
        assert current(again) == "dip" and again.rest is None
        await press_at_pace(pilot, [*chars("0x10"), "enter"])  # the group's last: a rest
        assert current(again) == "back-squat" and again.rest is not None
        await press_at_pace(pilot, [*chars("#2"), "enter", "alt+g"])  # out again
        assert "Dip is no longer a superset with Back Squat." in message(again)
        await saved(again, pilot)
    third = make_app(log, clock)
    async with third.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert [line[:3] for line in listed(third)] == [" 1 ", "▸2 "]  # out, as left


async def test_another_copy_shows_a_superset_made_with_alt_g_within_a_second(
    log: Path, clock
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, ["enter", *chars("squat 100x5"), "enter"])
        await press_at_pace(pilot, [*chars("dip 0x10"), "enter"])
        await saved(app, pilot)
        other_copy(
            log,
            "repo.update_workout(workout, replace(workout, groups={"
            "'back-squat': '1', 'dip': '1'}))",
            clock(),
        )
        await eventually(pilot, lambda: listed(app)[0][:3] == " 1┌", timeout=1)
        assert [line[:3] for line in listed(app)] == [" 1┌", "▸2└"]


HEVY = """\
"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"
"Arms","23 Nov 2026, 17:00","23 Nov 2026, 18:00","","Bench Press (Barbell)",,"",0,"normal",100,5,,,
"Arms","23 Nov 2026, 17:00","23 Nov 2026, 18:00","","Bicep Curl (Barbell)",0,"",0,"normal",30,10,,,
"Arms","23 Nov 2026, 17:00","23 Nov 2026, 18:00","","Bicep Curl (Barbell)",0,"",1,"normal",30,10,,,
"Arms","23 Nov 2026, 17:00","23 Nov 2026, 18:00","","Triceps Pushdown",0,"",0,"normal",25,12,,,
"""


async def test_an_imported_hevy_superset_is_shown_as_one_in_history(tmp_path: Path, clock) -> None:
    sample, log = tmp_path / "hevy.csv", tmp_path / "log.json"
    sample.write_text(HEVY)
    with Repository(log, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
    assert main(["import", str(sample), "--db", str(log), "--unit", "kg"]) == 0
    with Repository(log, clock=clock) as repo:
        assert [s.group for s in repo.sets()] == [None, "0", "0", "0"]
    app = make_app(log, clock, first_screen="home")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot, scored=False)
        await press_at_pace(pilot, ["tab", "enter"])
        detail = app.screen
        assert isinstance(detail, SessionDetailScreen)
        table = detail.query_one(DataTable)
        names = [str(table.get_row_at(row)[0]) for row in range(table.row_count)]
        assert names == [" Bench Press", "┌Barbell Curl", "│", "└Triceps Pushdown"]
        await press_at_pace(pilot, ["d"])
        assert isinstance(app.screen, DayDetailScreen)
        day = str(app.screen.query_one("#day-detail", Static).render())
        assert "Superset: Barbell Curl + Triceps Pushdown" in day
        assert "      Barbell Curl 30 kg x 10" in day


async def test_a_template_line_beginning_with_and_is_a_superset(tmp_path: Path, clock) -> None:
    log = tmp_path / "log.json"
    app = make_app(log, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await saved(app, pilot)
        await press_at_pace(pilot, ["alt+l", *chars("Arms"), "enter"])
        assert isinstance(app.screen, TemplateEditorScreen)
        await press_at_pace(pilot, [*chars("& dip 3x10"), "enter"])
        assert "the first line has none" in message(app)
        await press_at_pace(pilot, ["ctrl+u", *chars("dip 3x10"), "enter"])
        await press_at_pace(pilot, [*chars("&pushdown 3x12 rest 60s"), "enter"])
        lines = app.screen.query_one("#editor-lines", OptionList)
        shown = [str(lines.get_option_at_index(i).prompt) for i in range(lines.option_count)]
        assert shown == ["1. Dip 3x10", "2. & Triceps Pushdown 3x12 rest 1:00"]
        await press_at_pace(pilot, ["escape", "home", "down", "alt+e"])  # to change
        assert app.screen.query_one("#entry").value == "& Triceps Pushdown 3x12 rest 1:00"
        await press_at_pace(pilot, ["backspace", "backspace", "1", "5", "enter"])
        await saved(app, pilot)
    with Repository(log, clock=clock) as repo:
        (template,) = repo.templates()
    assert [(i.exercise, i.with_above) for i in template.items] == [
        ("dip", False),
        ("triceps-pushdown", True),
    ]
    assert template.items[1].rest_s == 75
