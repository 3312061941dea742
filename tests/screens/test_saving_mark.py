"""A set shows at once and says "saving" until the log says it is on disk; once the app is
idle, its writer folds the log's journal into the log file."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from textual.widgets import DataTable

import tui.log_store
from storage.log.journal import journal_path
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import eventually, make_app, saved
from tests.support.typing import press, type_line
from tui.app import RestdayApp

SIZE = (80, 24)


def marks(app: RestdayApp) -> list[str]:
    table = app.screen.query_one("#sets", DataTable)
    return [str(table.get_row_at(i)[3]) for i in range(table.row_count)]  # the marks column


async def test_a_set_says_saving_until_it_is_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log, clock = tmp_path / "log.json", FakeClock(TUESDAY_EVENING)
    app = make_app(log, clock)
    real_fsync = os.fsync
    held, syncing = threading.Event(), threading.Event()
    held.set()

    def fsync(fd: int) -> None:
        syncing.set()
        held.wait(10)
        real_fsync(fd)

    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, ["enter"])  # an empty workout
        await type_line(pilot, "bench")
        await saved(app, pilot)
        monkeypatch.setattr(os, "fsync", fsync)
        held.clear()
        syncing.clear()
        try:
            await type_line(pilot, "100x5@8")
            assert syncing.wait(5)  # the writer is flushing the set to disk, and waits
            await pilot.pause()
            assert ["saving" in mark for mark in marks(app)] == [True]
        finally:
            held.set()
        await saved(app, pilot)
        assert marks(app) == [""]


async def test_the_journal_is_folded_into_the_file_once_idle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.log_store, "FOLLOW_EVERY_S", 0.05)
    monkeypatch.setattr(tui.log_store, "FOLD_AFTER_IDLE_S", 0.2)
    log, clock = tmp_path / "log.json", FakeClock(TUESDAY_EVENING)
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, ["enter"])
        await type_line(pilot, "bench 100x5@8")
        await saved(app, pilot)

        def folded() -> bool:
            return journal_path(log).stat().st_size == 0

        await eventually(pilot, folded)
        sets = json.loads(log.read_bytes())["sets"]
        assert [(d["weight_kg"], d["reps"]) for d in sets.values()] == [(100, 5)]
        assert marks(app) == [""]
