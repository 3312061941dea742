"""The symptom screen at 80x24, as SVG snapshots, on the pinned demo log of
tests/snapshot_app.py. Regenerate after a deliberate change, and look at them:

    .venv/bin/python -m pytest --snapshot-update tests/test_symptom_snapshots.py
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.support.clock import FakeClock
from tests.support.snapshot_app import NOW, SIZE, demo_app, settle
from tests.support.typing import type_line
from tui.app import RestdayApp
from tui.screens.symptoms.screen import SymptomScreen
from tui.widgets.body_map import BodyMap

MORNING = NOW.replace(hour=6, minute=30)  # before the demo's entry of this morning


@pytest.fixture(autouse=True)
def colours(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)


def app_at(tmp_path: Path, moment: datetime) -> RestdayApp:
    return demo_app(tmp_path, FakeClock(moment))


async def open_symptoms(pilot: Pilot) -> SymptomScreen:
    await settle(pilot)
    await pilot.press("alt+s")  # from the workout screen, where s types
    await settle(pilot)
    assert isinstance(pilot.app.screen, SymptomScreen)
    return pilot.app.screen


def test_empty_day(snap_compare, tmp_path: Path) -> None:
    """06:30, nothing logged today: a new entry from yesterday's, which still counts."""

    async def run_before(pilot: Pilot) -> None:
        screen = await open_symptoms(pilot)
        assert not screen.in_log and screen.todays == []
        assert screen.based_on is not None

    assert snap_compare(app_at(tmp_path, MORNING), terminal_size=SIZE, run_before=run_before)


def test_filled_day(snap_compare, tmp_path: Path) -> None:
    """18:00: this morning's entry and one after training, typed on the line; then Escape
    onto the body map and down to the quads."""

    async def run_before(pilot: Pilot) -> None:
        screen = await open_symptoms(pilot)
        await type_line(pilot, "weak 3 energy 2 mood 3 mot 2 quads 4 hams 5 chest 2")
        await pilot.press("escape", "down", "down", "down")
        await settle(pilot)
        assert len(screen.todays) == 2
        assert screen.query_one(BodyMap).cursor == "quads"

    assert snap_compare(app_at(tmp_path, NOW), terminal_size=SIZE, run_before=run_before)


def test_input_error(snap_compare, tmp_path: Path) -> None:
    """Energy out of range: the message says what is accepted, the line stays to be fixed."""

    async def run_before(pilot: Pilot) -> None:
        screen = await open_symptoms(pilot)
        await type_line(pilot, "weak 3 energy 7")
        await settle(pilot)
        assert screen.query_one("#entry").value == "weak 3 energy 7"
        assert not screen.in_log

    assert snap_compare(app_at(tmp_path, NOW), terminal_size=SIZE, run_before=run_before)
