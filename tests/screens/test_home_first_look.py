"""Home on a log given by path (as `restday` opens it): the score from the log's recent copy
is on screen while the whole log is still being read, is the whole log's score, and is not
worked out again once the whole log is read; a stale copy is never shown."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Static

import storage.log.repository
import storage.read.readiness
from storage.log.recent_copy import write_recent
from storage.log.repository import Repository
from storage.read.readiness import read_readiness
from tests.support.clock import FakeClock
from tests.support.screen_helpers import eventually, workers_done
from tui.app import RestdayApp
from tui.screens.home.screen import HomeScreen

SIZE = (80, 24)
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


class HeldLog:
    """The whole log's read (on the writer) waits until `release()`; the score's reads
    are counted."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.go = threading.Event()
        self.scored = 0
        go = self.go

        class HeldRepository(Repository):
            def __init__(self, *args, **kwargs) -> None:
                assert go.wait(10), "the whole log was never let through"
                super().__init__(*args, **kwargs)

        def counted(log, moment):
            self.scored += 1
            return read_readiness(log, moment)

        monkeypatch.setattr(storage.log.repository, "Repository", HeldRepository)
        monkeypatch.setattr(storage.read.readiness, "read_readiness", counted)

    def release(self) -> None:
        self.go.set()


def opened_by_path(log: Path, clock: FakeClock) -> RestdayApp:
    return RestdayApp(log, clock=clock, keymap_file=log.parent / "no-keymap.toml")


def band(app: RestdayApp) -> str:
    return str(app.screen.query_one("#band", Static).visual)


@pytest.fixture
def copied_log(twelve_week_log: Path) -> Path:
    """The twelve-week log with its recent copy, as the last restday to close left it."""
    with Repository(twelve_week_log, clock=FakeClock(NOW)) as repo:
        write_recent(repo)
    return twelve_week_log


async def test_home_shows_the_recent_weeks_score_before_the_whole_log_is_read(
    copied_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Repository(copied_log, clock=FakeClock(NOW), read_only=True) as repo:
        whole = read_readiness(repo.snapshot(), NOW)
    held = HeldLog(monkeypatch)
    app = opened_by_path(copied_log, FakeClock(NOW))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        await eventually(pilot, lambda: screen.view is not None)
        assert not app.store.ready  # the whole log is still being read
        assert screen.view == whole
        held.release()
        await eventually(pilot, lambda: app.store.ready)
        await pilot.pause()
        await workers_done(pilot, "score")
        assert held.scored == 1  # the whole log is the same version: not scored again
        assert screen.view == whole


async def test_a_copy_older_than_the_log_is_not_shown(
    copied_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Repository(copied_log, clock=FakeClock(NOW)) as other:  # a restday still open
        other.add_intake(NOW.date(), water_cups=3)
        whole = read_readiness(other.snapshot(), NOW)
    held = HeldLog(monkeypatch)
    app = opened_by_path(copied_log, FakeClock(NOW))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        await pilot.pause(0.3)
        assert screen.view is None and band(app) == "reading your log…"
        held.release()
        await eventually(pilot, lambda: screen.view is not None)
        await workers_done(pilot, "score")
        assert held.scored == 1
        assert screen.view == whole
