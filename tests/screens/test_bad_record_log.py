"""The app on a log holding a record restday cannot read (valid JSON, a field of the wrong
type): it opens on the rest of the log, says atop every screen that the log is read-only
and why, and writes nothing to it until it is fixed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storage.log.repository import Repository
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.logs import log_with_sets
from tests.support.screen_helpers import eventually, saved
from tests.support.typing import type_line
from tui.app import RestdayApp
from tui.screens.workout.screen import WorkoutScreen
from tui.widgets.app_header import AppHeader


def spoilt_log(tmp_path: Path) -> tuple[Path, str]:
    """A log with three sets, the first of them weighing "abc"; its id."""
    log = log_with_sets(tmp_path / "log.json")
    data = json.loads(log.read_bytes())
    bad = data["sets"]["1"]
    bad["weight_kg"] = "abc"
    log.write_bytes(json.dumps(data).encode())
    return log, bad["id"]


def banner(app: RestdayApp) -> str:
    return str(app.screen.query_one(AppHeader).cannot_write)


@pytest.mark.parametrize("given", ["by path", "as a repository"])
async def test_the_app_opens_read_only_and_says_why(tmp_path: Path, given: str) -> None:
    log, bad_id = spoilt_log(tmp_path)
    before = log.read_bytes()
    clock = FakeClock(TUESDAY_EVENING)
    opened = log if given == "by path" else Repository(log, clock=clock)
    app = RestdayApp(opened, clock=clock, keymap_file=tmp_path / "no-keymap.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await eventually(pilot, lambda: app.store.ready)
        await pilot.pause()
        assert bad_id in banner(app) and "weight_kg" in banner(app)
        assert len(app.store.snapshot.sets()) == 2  # the good ones

        await pilot.press("w")
        assert isinstance(app.screen, WorkoutScreen)
        assert bad_id in banner(app)
        await type_line(pilot, "100x5")
        await saved(app, pilot)
        assert "not logged" in str(app.screen.query_one("#message").render())
    assert log.read_bytes() == before


async def test_a_log_spoilt_while_the_app_is_open_is_left_alone(tmp_path: Path) -> None:
    log = log_with_sets(tmp_path / "log.json")
    clock = FakeClock(TUESDAY_EVENING)
    app = RestdayApp(log, clock=clock, keymap_file=tmp_path / "no-keymap.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await eventually(pilot, lambda: app.store.ready)
        await pilot.press("w")
        data = json.loads(log.read_bytes())
        data["sets"]["2"]["reps"] = "five"  # another program edits the log
        log.write_bytes(json.dumps(data).encode())
        bad_id = data["sets"]["2"]["id"]
        await eventually(pilot, lambda: bad_id in (app.cannot_write or ""), timeout=10)
        before = log.read_bytes()
        await type_line(pilot, "100x5")
        await saved(app, pilot)
        assert "not logged" in str(app.screen.query_one("#message").render())
        assert log.read_bytes() == before

        data["sets"]["2"]["reps"] = 5  # fixed: the log takes sets again
        log.write_bytes(json.dumps(data).encode())
        await eventually(pilot, lambda: app.cannot_write is None, timeout=10)
        await pilot.press("enter")  # the line refused stays typed
        await saved(app, pilot)
    assert len(json.loads(log.read_bytes())["sets"]) == 4
