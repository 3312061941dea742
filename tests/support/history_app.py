"""The app as the history tests see it: the 12-week demo log (fixed seed, UTC) or an empty
log, a fake clock on the demo's last day (Tuesday 24 November 2026, 18:00 UTC), opening on
home; and `open_history`, which presses `y` and waits for the log and the scores."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.pilot import Pilot

from storage.log.repository import Repository
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import eventually, make_app, saved
from tui.app import RestdayApp
from tui.screens.history.screen import HistoryScreen

NOW = TUESDAY_EVENING


def history_app(tmp_path: Path, demo: Path | None) -> RestdayApp:
    """The app on a copy of `demo` (the twelve-week demo log), or on an empty log."""
    log = tmp_path / "log.json"
    if demo is not None:
        log.write_bytes(demo.read_bytes())
    else:
        with Repository(log, clock=FakeClock(NOW)) as repo:
            repo.save_settings(replace(repo.settings(), timezone="UTC"))
    return make_app(log, FakeClock(NOW), first_screen="home")


async def open_history(pilot: Pilot, *, scored: bool = True) -> HistoryScreen:
    await saved(pilot.app, pilot)
    await pilot.press("y")
    screen = pilot.app.screen
    assert isinstance(screen, HistoryScreen)
    await eventually(pilot, lambda: screen.index is not None)
    if scored:
        await eventually(pilot, lambda: screen.scorer.done, timeout=20)
    await pilot.pause()
    return screen
