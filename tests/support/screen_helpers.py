"""Helpers for screen tests: the app on a log, waiting for background saves, and a disk
that fills up (the `disk` fixture in conftest.py)."""

from __future__ import annotations

import asyncio
import errno
import threading
from collections.abc import Callable
from pathlib import Path

from textual.errors import NoWidget
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static

import storage.log.durable
import storage.log.journal
from storage.log.repository import Repository
from tests.support.clock import FakeClock
from tui.app import RestdayApp
from tui.screens.workout.screen import WorkoutScreen


def make_app(log: Path, clock: FakeClock, first_screen: str = "workout") -> RestdayApp:
    """The app on `log`, with the fake clock and no keymap file, opening on the workout."""
    return RestdayApp(
        Repository(log, clock=clock),
        clock=clock,
        keymap_file=log.parent / "no-keymap.toml",
        first_screen=first_screen,
    )


def message(app: RestdayApp) -> str:
    """What the screen's message line says."""
    return str(app.screen.query_one("#message", Static).visual)


def screen_lines(app: RestdayApp) -> list[str]:
    """The screen on top as the terminal shows it, a string a row: each widget drawn where
    the layout put it, clipped as it is on screen (an ancestor before its children)."""
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for widget in [app.screen, *app.screen.walk_children(Widget)]:
        try:
            placed = app.screen.find_widget(widget)
        except NoWidget:  # not laid out: hidden, or under a hidden ancestor
            continue
        shown = placed.region.intersection(placed.clip)
        if not shown:
            continue
        strips = widget.render_lines(Region(0, 0, placed.region.width, placed.region.height))
        for y in range(shown.y, shown.bottom):
            text = strips[y - placed.region.y].text.ljust(placed.region.width)
            for x in range(shown.x, min(shown.right, width)):
                rows[y][x] = text[x - placed.region.x]
    return ["".join(row) for row in rows]


async def saved(app: RestdayApp, pilot: Pilot) -> None:
    """Wait for every save queued so far (they run in order on one thread), then for the
    app to take in what the writer said of them."""
    await asyncio.wrap_future(app.store.flushed())
    await pilot.pause()


async def workers_done(pilot: Pilot, group: str) -> None:
    """Wait for the app's background workers of `group` (the home screen's "score") to
    finish, and for the app to take in what they reported."""
    workers = [worker for worker in pilot.app.workers if worker.group == group]
    if workers:  # none would mean every worker, the log's writer too: it never finishes
        await pilot.app.workers.wait_for_complete(workers)
    await pilot.pause()


async def eventually(pilot: Pilot, check: Callable[[], bool], timeout: float = 5) -> None:
    """Wait until `check()` holds (a timer or a background save has to act first)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        assert asyncio.get_running_loop().time() < deadline, "gave up waiting"
        await pilot.pause(0.05)


class FullDisk:
    """Replacing the log and appending to its journal fail as on a full disk between
    `fill()` and `free()`."""

    def __init__(self, log: Path) -> None:
        self.log = log
        self.full = threading.Event()
        self.real_replace = storage.log.durable.os.replace
        self.real_append = storage.log.journal.append

    def append(self, path: Path, *args, **kwargs):
        if self.full.is_set() and path.parent == self.log.parent:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self.real_append(path, *args, **kwargs)

    def replace(self, src, dst, *args, **kwargs):
        if self.full.is_set() and Path(dst).parent == self.log.parent:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self.real_replace(src, dst, *args, **kwargs)

    def fill(self) -> None:
        self.full.set()

    def free(self) -> None:
        self.full.clear()


def workout_screen(app: RestdayApp) -> WorkoutScreen:
    """The workout screen, whichever screen is shown."""
    screen = app.get_screen_stack("workout")[0]
    assert isinstance(screen, WorkoutScreen)
    return screen


def workout_entry(app: RestdayApp) -> Input:
    return workout_screen(app).query_one("#entry", Input)


def workout_sets(app: RestdayApp) -> list[str]:
    """The 'set' column of the workout's set table, as shown."""
    table = workout_screen(app).query_one("#sets", DataTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
