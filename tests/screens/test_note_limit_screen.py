"""A note typed (or pasted) longer than `MAX_NOTE_CHARS` is refused, saying the limit; the
log keeps the note it had."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from storage.log.repository import Repository
from storage.model.validation import MAX_NOTE_CHARS
from tests.support.clock import FakeClock
from tests.support.screen_helpers import eventually, make_app
from tests.support.typing import press, start_choice, type_line
from tui.screens.dialogs.prompt import PromptScreen


async def test_a_workout_note_over_the_limit_is_refused_with_the_limit(
    log: Path, clock: FakeClock
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, start_choice(0))
        await type_line(pilot, "bench 100x5")
        await press(pilot, ["escape", "alt+shift+n"])
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one("#prompt-input", Input).value = "n" * (MAX_NOTE_CHARS + 1)
        await press(pilot, ["enter"])
        await eventually(
            pilot,
            lambda: (
                f"at most {MAX_NOTE_CHARS:,} characters"
                in str(app.screen.query_one("#message").render())
            ),
        )
    with Repository(log, clock=clock) as repo:
        assert [w.notes for w in repo.workouts()] == [""]
