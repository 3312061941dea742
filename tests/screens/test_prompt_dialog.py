"""The one-line dialog (a note, a name, a corrected value) takes keys typed in a burst, as
over a slow SSH link or by a quick hand, in the order they were typed."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Input

from tests.support.typing import key_event
from tui.screens.dialogs.prompt import PromptScreen


async def test_clearing_and_retyping_in_one_burst_gives_what_was_typed() -> None:
    answers: list[str | None] = []
    app = App()
    async with app.run_test() as pilot:
        app.push_screen(PromptScreen("Protein, Tue 24 Nov", "30"), answers.append)
        await pilot.pause()
        assert isinstance(app.focused, Input)
        for key in ("ctrl+u", "1", "2", "0", "enter"):
            app.post_message(key_event(key))
        await pilot.pause(0.1)
    assert answers == ["120"]
