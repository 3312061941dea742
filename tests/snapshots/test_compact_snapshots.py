"""The screens a lifter uses between sets on a phone in portrait, at 45x20 (the compact
layout), as SVG snapshots on the pinned demo log of tests/support/snapshot_app.py. The
80x24 snapshots of the same screens are in the other modules. Regenerate after a
deliberate change, and look at them:

    .venv/bin/python -m pytest --snapshot-update tests/snapshots/test_compact_snapshots.py
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.snapshots.test_snapshots import three_squat_sets
from tests.support.clock import FakeClock
from tests.support.snapshot_app import NOW, demo_app, settle
from tests.support.typing import type_line
from tui.app import RestdayApp
from tui.screens.recovery.screen import RecoveryScreen
from tui.screens.rest_timer import RestTimerScreen
from tui.screens.symptoms.screen import SymptomScreen
from tui.widgets.app_header import AppHeader

PHONE = (45, 20)


@pytest.fixture
def app(tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> RestdayApp:
    monkeypatch.delenv("NO_COLOR", raising=False)
    # This morning's recovery not logged yet: the screen shows what the test types.
    return demo_app(tmp_path, clock, then=lambda repo: repo.delete_recovery(NOW.date()))


def test_compact_mid_workout(snap_compare, app: RestdayApp, clock: FakeClock) -> None:
    """Lower A, three sets of squats: the current exercise, its sets, the entry line, the
    rest time in the one-line header; no exercise list."""

    async def run_before(pilot: Pilot) -> None:
        await three_squat_sets(pilot, clock)
        assert pilot.app.has_class("-compact")
        assert not pilot.app.screen.query_one("#exercise-list").display
        assert pilot.app.screen.query_one(AppHeader).rest == "2:45"

    assert snap_compare(app, terminal_size=PHONE, run_before=run_before)


def test_compact_rest_timer(snap_compare, app: RestdayApp, clock: FakeClock) -> None:
    """The big digits at 45 columns: 2:45 three columns a pixel."""

    async def run_before(pilot: Pilot) -> None:
        await three_squat_sets(pilot, clock)
        await pilot.press("alt+t")
        await settle(pilot)
        assert isinstance(pilot.app.screen, RestTimerScreen)

    assert snap_compare(app, terminal_size=PHONE, run_before=run_before)


def test_compact_recovery(snap_compare, app: RestdayApp) -> None:
    """A morning line typed: each value on its row, the entry line under them."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("alt+r")
        await settle(pilot)
        assert isinstance(pilot.app.screen, RecoveryScreen)
        await type_line(pilot, "s 7:15 q4 w+3 p40 c80 bw 82.4 st2")
        await settle(pilot)

    assert snap_compare(app, terminal_size=PHONE, run_before=run_before)


def test_compact_symptoms(snap_compare, app: RestdayApp) -> None:
    """An entry typed: the scales one a row, its soreness in words (sorest first, cut
    with '…'), today's entries; the body map is left to the full layout."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("alt+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SymptomScreen)
        await type_line(pilot, "weak 3 energy 2 mood 3 mot 2 quads 4 hams 5")
        await settle(pilot)

    assert snap_compare(app, terminal_size=PHONE, run_before=run_before)
