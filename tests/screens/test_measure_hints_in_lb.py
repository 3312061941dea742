"""The entry line's hint for a hold or a distance speaks the user's unit: a user of lb is
shown feet, miles and pounds to type, not metres, km and kg."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from storage.log.repository import Repository
from tests.support.screen_helpers import eventually, make_app, workout_entry
from tests.support.typing import chars, press, press_at_pace, start_choice

SIZE = (80, 24)


async def test_a_lb_user_is_shown_feet_and_miles_to_type(log: Path, clock) -> None:
    with Repository(log, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), unit="lb"))
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, start_choice(0))
        await press_at_pace(pilot, [*chars("run 3mi 24:00"), "enter"])
        entry = workout_entry(app)
        await eventually(pilot, lambda: "3 mi in 24:00" in entry.placeholder)
        assert entry.placeholder.endswith("· +5ft · 100lb 60ft · 3mi 24:00")
        await press_at_pace(pilot, [*chars("plank 45lbx45s"), "enter"])
        await eventually(pilot, lambda: "45 lb x 45 s" in entry.placeholder)
        assert entry.placeholder.endswith("· +10s · -5s · 45lbx45s")
        await press_at_pace(pilot, [*chars("wall sit"), "enter"])
        await eventually(pilot, lambda: "rdl switches exercise" in entry.placeholder)
        assert entry.placeholder.startswith("60s · 1:30 · 45lb x 45s")
