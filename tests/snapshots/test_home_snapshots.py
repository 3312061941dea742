"""The home screen at 80x24 (and once at 45x20, a phone), as SVG snapshots, on a 12-week
demo log (fixed seed, UTC) at fixed moments: a fresh day, in the fatigue episode, after the
deload; and an empty log.
Regenerate after a deliberate change, and look at them:

    .venv/bin/python -m pytest --snapshot-update tests/test_home_snapshots.py
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from storage.demo import generate_demo, write_demo
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import make_app, saved
from tests.support.snapshot_app import SIZE
from tui.app import RestdayApp
from tui.screens.home.screen import HomeScreen

END = TUESDAY_EVENING  # the demo's last day


@pytest.fixture(autouse=True)
def _colours(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)  # read by App.__init__


def home_at(tmp_path: Path, moment: datetime, *, demo: bool = True) -> RestdayApp:
    log = tmp_path / "log.json"
    with Repository(log, clock=FakeClock(END)) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
        if demo:
            write_demo(
                repo,
                generate_demo(
                    END.date(), weeks=12, seed=1, tz="UTC", exercises=BUILTIN_BY_ID, now=END
                ),
            )
    return make_app(log, FakeClock(moment), first_screen="home")


async def scored(pilot: Pilot) -> None:
    await saved(pilot.app, pilot)
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen) and pilot.app.screen.view is not None


def test_a_fresh_day(snap_compare, tmp_path: Path) -> None:
    """The demo's last morning: recovery and symptoms logged, no workout yet."""
    app = home_at(tmp_path, datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    assert snap_compare(app, terminal_size=SIZE, run_before=scored)


def test_in_the_fatigue_episode(snap_compare, tmp_path: Path) -> None:
    """The last day of the demo's fatigue episode (19-28 October), in the morning."""
    app = home_at(tmp_path, datetime(2026, 10, 28, 9, 0, tzinfo=UTC))
    assert snap_compare(app, terminal_size=SIZE, run_before=scored)


def test_after_the_deload(snap_compare, tmp_path: Path) -> None:
    """Two weeks after the episode, the deload week behind."""
    app = home_at(tmp_path, datetime(2026, 11, 11, 9, 0, tzinfo=UTC))
    assert snap_compare(app, terminal_size=SIZE, run_before=scored)


def test_an_empty_log(snap_compare, tmp_path: Path) -> None:
    """Nothing logged yet: no number, what to log first."""
    app = home_at(tmp_path, END, demo=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=scored)


PHONE = (45, 20)


def test_on_a_phone_in_the_fatigue_episode(snap_compare, tmp_path: Path) -> None:
    """45x20: the score, the verdict with its reasons and their points, today's checklist,
    the whole plan (its load cuts and what they were) and the last 14 days."""

    async def run_before(pilot: Pilot) -> None:
        await scored(pilot)
        assert pilot.app.has_class("-compact")
        screen = pilot.app.screen
        assert not screen.query_one("#muscles").display
        reasons = str(screen.query_one("#reasons").visual).splitlines()
        assert reasons and all(len(line) <= 45 - 2 - 16 - 1 for line in reasons)
        assert all(line.split()[-1].startswith("-") for line in reasons)  # points shown

    app = home_at(tmp_path, datetime(2026, 10, 28, 9, 0, tzinfo=UTC))
    assert snap_compare(app, terminal_size=PHONE, run_before=run_before)
