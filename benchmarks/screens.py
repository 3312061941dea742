"""What the screen benchmarks share: a demo log and a clock that stands still, every frame
an app composes with the time it was ready for the terminal, and the time from a key to the
first frame that shows something."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App

from storage.demo import generate_demo, write_demo
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID

MOVE = re.compile(r"\x1b\[\d+;\d+H")  # a cursor move starts each fragment of a frame
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
TIMEOUT_S = 5.0


class FakeClock:
    """A clock that stands still until a benchmark moves it (`clock.now = ...`)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def build_log(directory: Path, weeks: int, clock: FakeClock) -> Path:
    """A demo log of `weeks` ending on the clock's day, in UTC."""
    path = directory / "log.json"
    started = time.perf_counter()
    repo = Repository(path, clock=clock)
    repo.save_settings(replace(repo.settings(), timezone="UTC"))
    log = generate_demo(
        clock().date(), weeks=weeks, seed=1, tz="UTC", exercises=BUILTIN_BY_ID, now=clock()
    )
    write_demo(repo, log)
    counts = repo.counts()
    repo.close()
    print(
        f"log: {weeks} weeks, {counts.workouts} workouts, {counts.sets} sets, "
        f"{path.stat().st_size / 1e6:.1f} MB, built in {time.perf_counter() - started:.1f} s"
    )
    return path


@dataclass
class Frames:
    """Every frame the app composes, with the time it was ready for the terminal."""

    app: App
    times: list[float] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    # Asked as each frame is composed; what it says is kept with the frame (in `states`)
    probe: Callable[[], bool] = lambda: True
    states: list[bool] = field(default_factory=list)

    def install(self) -> None:
        app = self.app
        display = app._display

        def timed_display(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            render = getattr(renderable, "render_segments", None)
            if render is not None and not app._batch_count:
                data = render(app.console)  # what App._display sends a real terminal
                self.times.append(time.perf_counter())
                self.texts.append(data)
                self.states.append(self.probe())

        app._display = timed_display  # type: ignore[method-assign]

    def clear(self) -> None:
        self.times.clear()
        self.texts.clear()
        self.states.clear()

    def first_showing(self, row: re.Pattern[str], start: int = 0) -> tuple[int, float | None]:
        """(frames looked at, when the first frame from `start` on that shows `row` was
        ready, or None)."""
        n = len(self.times)
        for i in range(start, n):
            if row.search(self.plain(self.texts[i])):
                return n, self.times[i]
        return n, None

    @staticmethod
    def plain(text: str) -> str:
        """A frame's text: each fragment on a line of its own, without escape codes."""
        return ANSI.sub("", MOVE.sub("\n", text))


async def timed_key(
    app: App, frames: Frames, pattern: re.Pattern[str], key: str = "enter", character="\r"
) -> float:
    """Send `key`; milliseconds until a frame matches `pattern`. Only polls: it never makes
    the app draw."""
    frames.clear()
    seen = 0
    start = time.perf_counter()
    app._driver.send_message(events.Key(key, character))
    while True:
        seen, shown = frames.first_showing(pattern, seen)
        if shown is not None:
            return (shown - start) * 1000
        if time.perf_counter() - start > TIMEOUT_S:
            raise RuntimeError(f"{pattern.pattern!r} never reached the screen after {key}")
        await asyncio.sleep(0.0005)
