"""Today's plan on the workout screen, typed at a person's pace, on the demo's fatigue
episode (19-28 October in the 12-week demo ending Tuesday 24 November): each exercise shows
its plan planned -> adjusted with the reasons, Enter on its first set logs the set the plan
suggests, and a set under the stop rule's e1RM floor says so and is logged all the same."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from storage.demo import generate_demo, write_demo
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import SymptomEntry
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import make_app, message, saved, screen_lines
from tests.support.typing import chars, press_at_pace, start_choice
from tui.screens.workout.screen import WorkoutScreen

# Mornings of the episode whose band is Reduce (tests/core/test_scoring_demo.py), before
# the day's workout: Upper B on the 21st (sleep 5.8 h), Upper A on the 23rd (readiness 48).
UPPER_B_MORNING = datetime(2026, 10, 21, 9, 0, tzinfo=UTC)
UPPER_A_MORNING = datetime(2026, 10, 23, 9, 0, tzinfo=UTC)


def demo_as_at(path: Path, moment: datetime) -> Path:
    """The 12-week demo ending Tuesday evening as its lifter had logged it by `moment`."""
    demo = generate_demo(
        TUESDAY_EVENING.date(), weeks=12, seed=1, tz="UTC", exercises=BUILTIN_BY_ID, now=moment
    )
    demo = replace(
        demo,
        workouts=[w for w in demo.workouts if w.start <= moment],
        sets=[s for s in demo.sets if s.timestamp <= moment],
    )
    with Repository(path, clock=FakeClock(moment)) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
        write_demo(repo, demo)
    return path


async def start_template(pilot, name: str) -> None:
    """Start the workout from the template `name` on the start screen, at a person's pace."""
    app = pilot.app
    await saved(app, pilot)
    screen = app.screen
    assert isinstance(screen, WorkoutScreen)
    index = 1 + [t.name for t in screen.session.templates].index(name)
    await press_at_pace(pilot, start_choice(index))
    await saved(app, pilot)


def plan_lines(app) -> str:
    return str(app.screen.query_one("#exercise-plan", Static).visual)


def stored_sets(log: Path, clock: FakeClock) -> list[tuple[str, float, int, float | None]]:
    with Repository(log, clock=clock, read_only=True) as repo:
        workout = repo.open_workout()
        return [(s.exercise, s.weight_kg, s.reps, s.rpe) for s in repo.sets(workout=workout.id)]


@pytest.mark.parametrize("size", [(80, 24), (45, 20)])
async def test_a_reduce_day_shows_the_plan_and_enter_logs_its_set(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    clock = FakeClock(UPPER_A_MORNING)
    log = demo_as_at(tmp_path / "log.json", UPPER_A_MORNING)
    app = make_app(log, clock)
    async with app.run_test(size=size) as pilot:
        await start_template(pilot, "Upper A")
        assert app.screen.session.current.name == "Bench Press"
        plan = plan_lines(app)
        assert plan.startswith("plan 4x5@8 95 kg -> 2x5@7 87.5 kg · rest ")
        assert plan.splitlines()[1] == "chest 62 · sleep duration 5.8 h"
        shown = "\n".join(screen_lines(app))
        assert "plan 4x5@8 95 kg -> 2x5@7 87.5 kg" in shown
        hint = app.screen.query_one("#entry", Input).placeholder
        assert hint.startswith("Enter logs w ")  # the demo's lifter warms up
        assert "warm-up 1/4 to 87.5" in hint or hint.endswith("…")  # for the plan's set (cut at 45)
        await press_at_pace(pilot, ["alt+k"])  # skipped
        hint = app.screen.query_one("#entry", Input).placeholder
        assert hint.startswith("Enter logs 87.5 kg x 5 @7 (plan)")
        assert all(len(line) <= size[0] for line in screen_lines(app))

        await press_at_pace(pilot, ["enter"])
        await saved(app, pilot)
        assert stored_sets(log, clock) == [("bench-press", 87.5, 5, 7)]
        # A lifter can always log something else: the next exercise, its own load.
        await press_at_pace(pilot, [*chars("row 80x8@8"), "enter"])
        await saved(app, pilot)
        assert stored_sets(log, clock)[-1] == ("barbell-row", 80, 8, 8)


async def test_a_set_under_the_stop_floor_says_so_and_is_logged(tmp_path: Path) -> None:
    """Overhead Press on the 21st: 4x6@7 at 52.5 kg, stopped 3 % under the first set."""
    clock = FakeClock(UPPER_B_MORNING)
    log = demo_as_at(tmp_path / "log.json", UPPER_B_MORNING)
    app = make_app(log, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_template(pilot, "Upper B")
        assert app.screen.session.current.name == "Overhead Press"
        plan = plan_lines(app)
        assert plan.startswith("plan 4x6@8 52.5 kg -> 4x6@7 52.5 kg · rest ")
        assert plan.splitlines()[1] == "sleep duration 5.8 h · stop at -3 % e1RM"

        await press_at_pace(pilot, ["alt+k", "enter"])  # no warm-ups; the plan's 52.5 x 6 @7
        await saved(app, pilot)
        assert plan_lines(app).splitlines()[1].endswith("stop under e1RM 66.8 kg")
        assert message(app) == ""
        await press_at_pace(pilot, [*chars("x6@9"), "enter"])  # e1RM 64.7 kg: under it
        await saved(app, pilot)
        assert message(app).startswith(
            "e1RM 64.7 kg < stop floor 66.8 kg: the plan says stop Overhead Press here."
        )
        assert stored_sets(log, clock) == [
            ("overhead-press", 52.5, 6, 7),
            ("overhead-press", 52.5, 6, 9),
        ]
        await press_at_pace(pilot, ["enter"])  # never blocks: Enter repeats it
        await saved(app, pilot)
        assert len(stored_sets(log, clock)) == 3


# The deload week's second Upper A: last time's sets were at RPE 6, under the chart, so the
# plan knows no e1RM now and no load for the day (2x5@6.5).
DELOAD_MORNING = datetime(2026, 11, 9, 9, 0, tzinfo=UTC)


async def test_without_a_load_in_the_plan_enter_logs_last_times_load_at_the_plans_target(
    tmp_path: Path,
) -> None:
    clock = FakeClock(DELOAD_MORNING)
    log = demo_as_at(tmp_path / "log.json", DELOAD_MORNING)
    app = make_app(log, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_template(pilot, "Upper A")
        assert plan_lines(app).startswith("plan 4x5@8 ")
        assert "-> 2x5@6.5 · rest " in plan_lines(app)
        await press_at_pace(pilot, ["alt+k"])  # warm-ups skipped
        hint = app.screen.query_one("#entry", Input).placeholder
        assert hint.startswith("Enter logs ") and " x 5 @6.5" in hint, hint
        await press_at_pace(pilot, ["enter"])
        await saved(app, pilot)
        [(exercise, _, reps, rpe)] = stored_sets(log, clock)
        assert (exercise, reps, rpe) == ("bench-press", 5, 6.5)


async def test_a_workout_begins_on_the_first_exercise_the_plan_does_not_skip(
    tmp_path: Path,
) -> None:
    """Upper A on a Reduce morning with a chest sore at 8: the plan skips Bench Press, its
    first exercise, so the workout begins on Barbell Row, and Enter offers Row's set, not
    a warm-up for the bench the plan leaves out. The bench is still there to go to."""
    clock = FakeClock(UPPER_A_MORNING)
    log = demo_as_at(tmp_path / "log.json", UPPER_A_MORNING)
    with Repository(log, clock=clock) as repo:
        repo.save_symptoms(SymptomEntry(timestamp=UPPER_A_MORNING, soreness={"chest": 8}))
    app = make_app(log, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_template(pilot, "Upper A")
        session = app.screen.session
        assert session.plan_item("bench-press").adjusted.sets == 0
        assert session.current.name == "Barbell Row"
        assert plan_lines(app).startswith("plan 4x8@8 ")
        hint = app.screen.query_one("#entry", Input).placeholder
        assert "bench" not in hint.lower()
        await press_at_pace(pilot, ["alt+1"])  # the lifter may do it all the same
        assert session.current.name == "Bench Press"
        assert "skip: chest sore" in plan_lines(app)
