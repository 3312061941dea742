"""While the whole log is read, and while History aggregates it, threads take quick turns
with the interpreter (`tui.taking_turns`): the UI thread, which gives it up at each turn
of its event loop, gets it back within half a millisecond, not 5 (issue 17: `y` at the
terminal while the log is read took 150-600 ms for 30 ms of work)."""

from __future__ import annotations

import gc
import sys
import threading
from pathlib import Path

import pytest

import storage.giving_way
import storage.log.repository
import tui.taking_turns
from storage.log.repository import Repository
from storage.read.history_index import HistoryIndex
from tests.support.clock import FakeClock
from tests.support.history_app import NOW, open_history
from tests.support.screen_helpers import eventually
from tests.support.typing import press_at_pace
from tui.app import RestdayApp
from tui.taking_turns import QUICK_SWITCH_S, collector_paused, quick_turns


def test_quick_until_the_last_thread_inside_leaves() -> None:
    usual = sys.getswitchinterval()
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with quick_turns():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other)
    with quick_turns():
        thread.start()
        assert inside.wait(5)
        assert sys.getswitchinterval() == pytest.approx(QUICK_SWITCH_S)
    assert sys.getswitchinterval() == pytest.approx(QUICK_SWITCH_S)  # the other is inside
    leave.set()
    thread.join(5)
    assert sys.getswitchinterval() == pytest.approx(usual)


def test_the_collector_is_paused_inside_and_as_it_was_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


async def test_the_whole_log_and_historys_aggregate_are_read_taking_quick_turns(
    tmp_path: Path, twelve_week_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, float] = {}

    class Watched(Repository):
        def __init__(self, *args, **kwargs) -> None:
            seen["log"] = sys.getswitchinterval()
            seen["log collected"] = gc.isenabled()
            super().__init__(*args, **kwargs)

    build = HistoryIndex.build.__func__

    def watched_build(cls, log):
        seen["history"] = sys.getswitchinterval()
        return build(cls, log)

    monkeypatch.setattr(storage.log.repository, "Repository", Watched)
    monkeypatch.setattr(HistoryIndex, "build", classmethod(watched_build))
    log = tmp_path / "log.json"
    log.write_bytes(twelve_week_demo.read_bytes())
    app = RestdayApp(log, clock=FakeClock(NOW), keymap_file=tmp_path / "no-keymap.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await eventually(pilot, lambda: app.store.ready)
        screen = await open_history(pilot, scored=False)
        assert screen.index is not None
    assert seen == {
        "log": pytest.approx(QUICK_SWITCH_S),
        "log collected": False,
        "history": pytest.approx(QUICK_SWITCH_S),
    }
    assert tui.taking_turns._working == 0


@pytest.fixture
def gate_said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the app says to `storage.giving_way`, in order."""
    said: list[str] = []
    monkeypatch.setattr(storage.giving_way, "hold", lambda: said.append("hold"))
    monkeypatch.setattr(storage.giving_way, "release", lambda: said.append("release"))
    return said


def app_on_a_copy(tmp_path: Path, log: Path) -> RestdayApp:
    copy = tmp_path / "log.json"
    copy.write_bytes(log.read_bytes())
    return RestdayApp(copy, clock=FakeClock(NOW), keymap_file=tmp_path / "no-keymap.toml")


async def test_a_key_holds_the_logs_read_until_its_answer_is_on_screen(
    tmp_path: Path, twelve_week_demo: Path, gate_said: list[str]
) -> None:
    """`storage.giving_way`: each key holds the log's read, its answer on screen releases it
    (`y` while a ten-year log was read: 140-180 ms at the terminal, then 90-110 ms)."""
    app = app_on_a_copy(tmp_path, twelve_week_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await eventually(pilot, lambda: app.store.ready)
        gate_said.clear()
        await press_at_pace(pilot, ["y"])
        assert gate_said[0] == "hold" and gate_said[-1] == "release"
        assert gate_said.count("hold") == 1


async def test_a_key_that_draws_nothing_releases_the_logs_read(
    tmp_path: Path, twelve_week_demo: Path, gate_said: list[str]
) -> None:
    """A key with nothing to draw (no binding) writes no frame: its hold was never
    released, and a key held down kept the log's read waiting as long as it was held."""
    app = app_on_a_copy(tmp_path, twelve_week_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await eventually(pilot, lambda: app.store.ready)
        await press_at_pace(pilot, ["y"])
        await pilot.pause()
        gate_said.clear()
        await press_at_pace(pilot, ["z", "z", "z"])
        assert gate_said == ["hold", "release"] * 3
