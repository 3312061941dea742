"""Finishing a workout: the session's RPE, then its notes, typed in one go."""

from __future__ import annotations

from textual.app import App

from tests.support.typing import key_event, press_at_pace
from tui.screens.workout.finish import Finish, FinishWorkoutScreen


async def test_notes_typed_right_behind_the_rpe_are_kept() -> None:
    """The notes line takes the focus as the RPE is read; what is typed behind it, before
    the focus moved, goes into the notes all the same (it was dropped)."""
    answers: list[Finish | None] = []
    app = App()
    async with app.run_test() as pilot:
        app.push_screen(FinishWorkoutScreen(), answers.append)
        await pilot.pause()
        for key in ("8", *"great day", "enter"):
            app.post_message(key_event("space" if key == " " else key))
        await pilot.pause(0.2)
    assert answers == [Finish(8, "great day")]


async def test_a_reopened_workout_keeps_its_session_rpe_and_notes_unless_changed() -> None:
    """Finishing a reopened workout shows what it was finished with: Enter keeps both; a
    key changes the RPE and goes on to the notes as they were."""
    kept: list[Finish | None] = []
    changed: list[Finish | None] = []
    app = App()
    async with app.run_test() as pilot:
        app.push_screen(FinishWorkoutScreen("felt strong", 7), kept.append)
        await press_at_pace(pilot, ["enter"])
        app.push_screen(FinishWorkoutScreen("felt strong", 7), changed.append)
        await press_at_pace(pilot, ["9", *"!", "enter"])
    assert kept == [Finish(7, "felt strong")]
    assert changed == [Finish(9, "felt strong!")]
