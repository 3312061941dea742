"""The recovery screen at 80x24, as SVG snapshots, on the pinned demo log of
tests/snapshot_app.py. Regenerate after a deliberate change, and look at them:

    .venv/bin/python -m pytest --snapshot-update tests/test_recovery_snapshots.py
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.support.clock import FakeClock
from tests.support.snapshot_app import NOW, SIZE, demo_app, settle
from tests.support.typing import type_line
from tui.app import RestdayApp
from tui.screens.recovery.screen import RecoveryScreen


@pytest.fixture
def app(tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> RestdayApp:
    monkeypatch.delenv("NO_COLOR", raising=False)
    # This morning's inputs not logged yet.
    return demo_app(tmp_path, clock, then=lambda repo: repo.delete_recovery(NOW.date()))


async def open_recovery(pilot: Pilot) -> RecoveryScreen:
    await settle(pilot)
    await pilot.press("alt+r")  # from the workout screen, where r types
    await settle(pilot)
    assert isinstance(pilot.app.screen, RecoveryScreen)
    return pilot.app.screen


def test_empty_day(snap_compare, app: RestdayApp) -> None:
    """Nothing logged yet today: every field empty, the targets from the latest bodyweight."""

    async def run_before(pilot: Pilot) -> None:
        screen = await open_recovery(pilot)
        assert screen.entry is None

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_filled_day(snap_compare, app: RestdayApp) -> None:
    """A morning line, two meals, a bottle of water, then Escape onto the fields."""

    async def run_before(pilot: Pilot) -> None:
        screen = await open_recovery(pilot)
        await type_line(pilot, "s 7:15 q4 w+3 p40 c80 bw 82.4 st2")
        await type_line(pilot, "p45 c120")
        await pilot.press("plus", "plus", "escape", "down", "down", "down")
        await settle(pilot)
        assert screen.entry.water_cups == 5 and screen.entry.protein_g == 85

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_input_error(snap_compare, app: RestdayApp) -> None:
    """A value out of range: the message says what is accepted; the line stays to be fixed."""

    async def run_before(pilot: Pilot) -> None:
        screen = await open_recovery(pilot)
        await type_line(pilot, "s 7.5 q6")
        await settle(pilot)
        assert screen.entry is None

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_a_day_gone_by(snap_compare, app: RestdayApp) -> None:
    """Yesterday, from the demo log, reached with the left arrow."""

    async def run_before(pilot: Pilot) -> None:
        screen = await open_recovery(pilot)
        await pilot.press("escape", "left")
        await settle(pilot)
        assert screen.day == date(2026, 11, 23)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
