"""The start list (no workout in progress) stays what home plans and what the lifter chose
while the log changes under it or the day turns over with it on screen."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from textual.widgets import OptionList

from storage.log.repository import Repository
from storage.model.records import Template, TemplateItem
from storage.read.today_plan import planned_template
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import eventually, make_app, workout_screen
from tests.support.typing import press_at_pace

SIZE = (80, 24)


def options(app) -> OptionList:
    return app.screen.query_one("#start-options", OptionList)


def prompts(app) -> list[str]:
    found = options(app)
    return [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]


def highlighted_id(app) -> str | None:
    found = options(app)
    return found.get_option_at_index(found.highlighted).id


async def test_the_template_chosen_stays_chosen_when_another_copy_changes_the_log(
    six_week_log: Path, clock: FakeClock
) -> None:
    """The lifter moves to Upper B; meanwhile another copy adds a template (sorted above):
    the list is filled again, and Enter still starts Upper B (not today's plan)."""
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        upper_b = next(i for i, p in enumerate(prompts(app)) if p.startswith("Upper B"))
        await press_at_pace(pilot, ["down"] * (upper_b - options(app).highlighted))
        assert prompts(app)[options(app).highlighted].startswith("Upper B")
        with Repository(six_week_log, clock=clock) as other:
            other.save_template(
                Template(
                    name="Arms", items=[TemplateItem(exercise="dumbbell-curl", sets=3, reps=12)]
                )
            )
        await eventually(pilot, lambda: any(p.startswith("Arms") for p in prompts(app)))
        assert prompts(app)[options(app).highlighted].startswith("Upper B")
        await press_at_pace(pilot, ["enter"])
        assert workout_screen(app).workout.name == "Upper B"


async def test_the_list_follows_the_day_turning_over_with_it_on_screen(
    six_week_log: Path,
) -> None:
    """Tuesday's Lower A is finished; at 03:59 on Wednesday the list offers to reopen it.
    At 04:00 the day is Wednesday: the list marks Wednesday's plan (home's), on it, and no
    longer offers Tuesday's workout as today's."""
    clock = FakeClock(TUESDAY_EVENING)
    with Repository(six_week_log, clock=clock) as repo:
        lower_a = next(t for t in repo.offered_templates() if t.name == "Lower A")
        workout = repo.start_workout("Lower A", template=lower_a.id)
        repo.finish_workout(workout, 7, at=TUESDAY_EVENING + timedelta(hours=1))
    clock.now = datetime(2026, 11, 25, 3, 59, 50, tzinfo=TUESDAY_EVENING.tzinfo)
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any(p.startswith("Reopen today's Lower A") for p in prompts(app))
        assert not any("today's plan" in p for p in prompts(app))
        clock.advance(20)
        await eventually(pilot, lambda: any("today's plan" in p for p in prompts(app)))
        with Repository(six_week_log, clock=clock) as repo:
            planned = planned_template(repo, repo.today())
        assert planned is not None
        assert highlighted_id(app) == planned.id
        assert not any(p.startswith("Reopen today's") for p in prompts(app))


async def test_todays_plan_begun_and_finished_in_another_copy_is_not_offered_as_the_plan(
    six_week_log: Path, clock: FakeClock
) -> None:
    """The list is on Lower A, today's plan; another copy starts and finishes it: the list
    offers to reopen it, marks no plan, and Enter does not start Lower A again."""
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert prompts(app)[options(app).highlighted].startswith("today's plan  Lower A")
        with Repository(six_week_log, clock=clock) as other:
            lower_a = next(t for t in other.offered_templates() if t.name == "Lower A")
            workout = other.start_workout("Lower A", template=lower_a.id)
            other.finish_workout(workout, 7)
        await eventually(pilot, lambda: any(p.startswith("Reopen today's") for p in prompts(app)))
        assert not any("today's plan" in p for p in prompts(app))
        assert highlighted_id(app) == "empty"
        await press_at_pace(pilot, ["enter"])
        assert workout_screen(app).workout.name == ""


async def test_w_from_home_opens_the_list_on_home_s_plan_again(
    six_week_log: Path, clock: FakeClock
) -> None:
    """The lifter moved to Upper B, went home (Plan: Lower A), and pressed w: the list is
    on Lower A again, so Enter starts the workout home plans."""
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        planned = highlighted_id(app)
        assert prompts(app)[options(app).highlighted].startswith("today's plan  Lower A")
        await press_at_pace(pilot, ["down", "down", "down"])
        assert prompts(app)[options(app).highlighted].startswith("Upper B")
        await press_at_pace(pilot, ["alt+h"])
        await eventually(pilot, lambda: app.current_mode == "home")
        await press_at_pace(pilot, ["w"])
        await eventually(pilot, lambda: app.current_mode == "workout")
        assert highlighted_id(app) == planned
        await press_at_pace(pilot, ["enter"])
        assert workout_screen(app).workout.name == "Lower A"


async def test_help_over_the_list_keeps_the_template_chosen(
    six_week_log: Path, clock: FakeClock
) -> None:
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, ["down", "down", "down"])
        assert prompts(app)[options(app).highlighted].startswith("Upper B")
        await press_at_pace(pilot, ["question_mark"])
        await eventually(pilot, lambda: app.screen is not workout_screen(app))
        await press_at_pace(pilot, ["escape"])
        await eventually(pilot, lambda: app.screen is workout_screen(app))
        assert prompts(app)[options(app).highlighted].startswith("Upper B")


async def test_the_plans_template_deleted_elsewhere_moves_the_mark_to_homes_next_plan(
    six_week_log: Path, clock: FakeClock
) -> None:
    app = make_app(six_week_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        planned = highlighted_id(app)
        with Repository(six_week_log, clock=clock) as other:
            other.delete_template(other.template(planned))
            after = planned_template(other, other.today())
        assert after is not None and after.id != planned
        await eventually(pilot, lambda: highlighted_id(app) == after.id)
        assert [p for p in prompts(app) if "today's plan" in p] == [
            p for p in prompts(app) if p.startswith(f"today's plan  {after.name}")
        ]
