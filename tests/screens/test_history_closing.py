"""Quitting while History is still mounting its views (they are mounted one at a time
after the calendar, once their modules are imported on a thread): the app closes, it does
not crash on a view whose children went first (found by CI's terminal run, under load)."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

import tui.screens.history.screen
from tests.support.history_app import history_app
from tests.support.screen_helpers import eventually


@pytest.mark.parametrize("delay_s", [i / 400 for i in range(28)])
async def test_quitting_while_history_mounts_its_views_closes_the_app(
    tmp_path: Path, twelve_week_demo: Path, monkeypatch: pytest.MonkeyPatch, delay_s: float
) -> None:
    imported = threading.Event()
    release = threading.Event()

    def held_import() -> None:
        imported.set()
        release.wait(5)

    monkeypatch.setattr(tui.screens.history.screen, "_import_ahead", held_import)
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await eventually(pilot, lambda: app.store.ready)
        await pilot.press("y")
        await eventually(pilot, imported.is_set)
        await pilot.press("escape")
        release.set()
        await asyncio.sleep(delay_s)
        app.exit()
    assert app.return_code == 0
