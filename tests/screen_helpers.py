"""Helpers for screen tests: waiting for background saves, and a disk that fills up."""

from __future__ import annotations

import asyncio
import errno
import threading
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

import storage.atomic
from tui.app import RestdayApp


async def saved(app: RestdayApp, pilot: Pilot) -> None:
    """Wait for every save queued so far (they run in order on one thread)."""
    app.store.save(lambda repo: None).result()
    await pilot.pause()


async def eventually(pilot: Pilot, check: Callable[[], bool], timeout: float = 5) -> None:
    """Wait until `check()` holds (a timer or a background save has to act first)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        assert asyncio.get_running_loop().time() < deadline, "gave up waiting"
        await pilot.pause(0.05)


class FullDisk:
    """Replacing the log fails as on a full disk between `fill()` and `free()`."""

    def __init__(self, log: Path) -> None:
        self.log = log
        self.full = threading.Event()
        self.real_replace = storage.atomic.os.replace

    def replace(self, src, dst, *args, **kwargs):
        if self.full.is_set() and Path(dst).parent == self.log.parent:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self.real_replace(src, dst, *args, **kwargs)

    def fill(self) -> None:
        self.full.set()

    def free(self) -> None:
        self.full.clear()
