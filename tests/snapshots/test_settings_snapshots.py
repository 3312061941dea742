"""The settings screen at 80x24, as an SVG snapshot, on the pinned demo log (UTC), after
lb was chosen. Regenerate after a deliberate change, and look at it:

    .venv/bin/python -m pytest --snapshot-update tests/snapshots/test_settings_snapshots.py
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tests.support.clock import FakeClock
from tests.support.snapshot_app import SIZE, demo_app, settle
from tests.support.typing import press_at_pace


def test_lb_chosen(snap_compare, tmp_path: Path, clock: FakeClock, monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)  # read by App.__init__
    app = demo_app(tmp_path, clock, first_screen="settings")

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await press_at_pace(pilot, ["l"])
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
