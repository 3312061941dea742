"""An adversary's lines on the workout screen at a person's pace (issue 16's review): reps
typed from a carry are refused with why, and nothing is saved; feet added again and again
show as the feet they add up to."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from storage.log.repository import Repository
from tests.support.screen_helpers import make_app, message, saved, workout_sets
from tests.support.typing import chars, press, press_at_pace, start_choice

SIZE = (80, 24)


async def test_x6_after_a_carry_says_why_and_logs_nothing(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, start_choice(0))
        await press_at_pace(pilot, [*chars("carry 40kg 30m"), "enter"])
        await press_at_pace(pilot, [*chars("x6"), "enter"])
        assert "the last set was not a set of reps but a distance" in message(app)
        await saved(app, pilot)
        assert len(workout_sets(app)) == 1
    with Repository(log, clock=clock) as repo:
        assert [(s.reps, s.distance_m) for s in repo.sets()] == [(0, 30.0)]


async def test_a_foot_added_ten_times_is_ten_feet(log: Path, clock) -> None:
    with Repository(log, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), unit="lb"))
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, start_choice(0))
        await press_at_pace(pilot, [*chars("sled push 90lb 100ft"), "enter"])
        for _ in range(10):
            await press_at_pace(pilot, [*chars("+1ft"), "enter"])
        await saved(app, pilot)
    with Repository(log, clock=clock) as repo:
        last = max(repo.sets(), key=lambda s: s.order)
        assert last.distance_m == round(110 * 0.3048, 3)
