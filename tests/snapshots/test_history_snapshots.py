"""The history screen at 80x24, as SVG snapshots, on the 12-week demo log (fixed seed, UTC)
on its last day: each view, a session, a day, and an empty log. Regenerate after a
deliberate change, and look at them:

    .venv/bin/python -m pytest --snapshot-update tests/test_history_snapshots.py
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.support.history_app import history_app, open_history
from tests.support.snapshot_app import SIZE
from tui.widgets.history.year_calendar import YearCalendar

EPISODE_DAY = date(2026, 10, 27)  # in the demo's fatigue episode


@pytest.fixture(autouse=True)
def _colours(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)  # read by App.__init__


def after(*keys: str, day: date | None = None) -> Callable[[Pilot], Awaitable[None]]:
    """Open history, wait for the log and every morning's score, then press `keys`."""

    async def run_before(pilot: Pilot) -> None:
        screen = await open_history(pilot)
        if day is not None:
            screen.query_one(YearCalendar).cursor = day
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_calendar_by_volume(snap_compare, tmp_path: Path, twelve_week_demo: Path) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    assert snap_compare(app, terminal_size=SIZE, run_before=after())


def test_calendar_by_readiness(snap_compare, tmp_path: Path, twelve_week_demo: Path) -> None:
    """The fatigue episode in red and yellow, the cursor on a day in it."""
    app = history_app(tmp_path, twelve_week_demo)
    assert snap_compare(app, terminal_size=SIZE, run_before=after("v", day=EPISODE_DAY))


def test_sessions(snap_compare, tmp_path: Path, twelve_week_demo: Path) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    assert snap_compare(app, terminal_size=SIZE, run_before=after("tab"))


def test_a_session(snap_compare, tmp_path: Path, twelve_week_demo: Path) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    assert snap_compare(app, terminal_size=SIZE, run_before=after("tab", "enter"))


def test_a_day(snap_compare, tmp_path: Path, twelve_week_demo: Path) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    assert snap_compare(app, terminal_size=SIZE, run_before=after("enter", day=EPISODE_DAY))


def test_exercise_progress(snap_compare, tmp_path: Path, twelve_week_demo: Path) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    assert snap_compare(app, terminal_size=SIZE, run_before=after("tab", "tab"))


def test_trends(snap_compare, tmp_path: Path, twelve_week_demo: Path) -> None:
    """Readiness with P and C over the 12 weeks."""
    app = history_app(tmp_path, twelve_week_demo)
    assert snap_compare(app, terminal_size=SIZE, run_before=after("tab", "tab", "tab"))


def test_an_empty_log(snap_compare, tmp_path: Path) -> None:
    app = history_app(tmp_path, None)
    assert snap_compare(app, terminal_size=SIZE, run_before=after())
