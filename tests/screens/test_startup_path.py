"""What restday's first frame waits for: the app starts on its first screen (home), not on
Textual's blank screen switched away from, so the frame is held back by no delay and the
stylesheet, home's read with the app's, is parsed once more at most."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.css.stylesheet import Stylesheet

from tests.support.clock import TUESDAY_EVENING, FakeClock
from tui.app import RestdayApp
from tui.screens.home.screen import HomeScreen

SIZE = (80, 24)


@pytest.mark.parametrize("first_screen", [None, "workout"])
async def test_the_first_screen_is_the_first_made_and_its_frame_waits_for_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_screen: str | None
) -> None:
    delays: list[float] = []
    reparses: list[None] = []
    delay_update, reparse = App.delay_update, Stylesheet.reparse

    def delayed(app: App, delay: float = 0.05) -> None:
        delays.append(delay)
        delay_update(app, delay)

    def reparsed(stylesheet: Stylesheet) -> None:
        reparses.append(None)
        reparse(stylesheet)

    monkeypatch.setattr(App, "delay_update", delayed)
    monkeypatch.setattr(Stylesheet, "reparse", reparsed)
    log = tmp_path / "log.json"
    app = RestdayApp(
        log,
        clock=FakeClock(TUESDAY_EVENING),
        keymap_file=tmp_path / "no-keymap.toml",
        first_screen=first_screen,
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.current_mode == (first_screen or "home")
        assert len(app.screen_stack) == 1
        assert isinstance(app.screen, HomeScreen) == (first_screen is None)
        assert delays == []
        if first_screen is None:  # home's stylesheet was read with the app's
            assert len(reparses) <= 1
