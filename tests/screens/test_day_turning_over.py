"""The day turns over (the rollover hour, 4:00) with the app open and a workout begun before
it in progress: a set typed just after goes to that workout, of its day, and starts the rest
timer like any set done now; the home screen then names the new day."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import Settings
from tests.support.clock import FakeClock
from tests.support.screen_helpers import (
    eventually,
    make_app,
    saved,
    screen_lines,
    workout_sets,
)
from tests.support.typing import chars, press_at_pace

BEFORE = datetime(2026, 11, 25, 3, 58, tzinfo=UTC)  # still Tuesday 24 November's training


async def test_a_set_typed_just_after_the_rollover_is_the_workouts_and_rests(
    tmp_path: Path,
) -> None:
    log, clock = tmp_path / "log.json", FakeClock(BEFORE)
    with Repository(log, clock=clock) as repo:
        repo.save_settings(Settings(timezone="UTC"))
        workout = repo.start_workout("Late")
        repo.log_set(workout, BUILTIN_BY_ID["bench-press"], 100, 5)
    app = make_app(log, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await eventually(pilot, lambda: workout_sets(app) == ["100 kg x 5"])
        clock.advance(minutes=3)  # 04:01 on Wednesday
        app.tick()
        await press_at_pace(pilot, [*chars("105x5"), "enter"])
        await eventually(pilot, lambda: workout_sets(app) == ["100 kg x 5", "105 kg x 5"])
        await saved(app, pilot)
        stored = app.store.snapshot.sets()[-1]
        assert (stored.workout, stored.day) == (workout.id, date(2026, 11, 24))
        assert app.rest is not None and app.rest.after_set == stored.id
        assert app.store.snapshot.running_rest().after_set == stored.id
        await press_at_pace(pilot, ["escape", "alt+h"])
        await eventually(pilot, lambda: "Home · Wed 25 Nov" in "\n".join(screen_lines(app)))
