"""The app as the snapshot tests see it, pinned so that nothing varies between runs.

A fake clock (Tuesday 24 November 2026, 18:00 UTC) for the repository and the app, the
log's timezone (UTC, not the machine's), a 6-week demo log from a fixed seed ending that
day, no keymap file, toasts that do not time out, and no blinking cursor (`settle`). The
test also unsets NO_COLOR (App.__init__ reads it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from storage.demo import generate_demo, write_demo
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from tests.support.clock import FakeClock
from tui.app import RestdayApp

SIZE = (80, 24)
DEMO_END = date(2026, 11, 24)  # a Tuesday: the demo's "Lower A" day, not trained yet
NOW = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)


def demo_app(
    tmp_path: Path,
    clock: FakeClock,
    first_screen: str = "workout",
    then: Callable[[Repository], object] | None = None,
) -> RestdayApp:
    """The app on a 6-week demo log whose last day is today (the fake clock's); `then`
    changes the log before the app opens it."""
    repo = Repository(tmp_path / "log.json", clock=clock)
    repo.save_settings(replace(repo.settings(), timezone="UTC"))
    log = generate_demo(DEMO_END, weeks=6, seed=1, tz="UTC", exercises=BUILTIN_BY_ID, now=clock())
    write_demo(repo, log)
    if then is not None:
        then(repo)
    app = RestdayApp(
        repo, clock=clock, keymap_file=tmp_path / "no-keymap.toml", first_screen=first_screen
    )
    app.NOTIFICATION_TIMEOUT = 600  # a toast must not time out on a slow machine mid-test
    return app


async def settle(pilot: Pilot) -> None:
    """No blinking cursor: the snapshot must not depend on how long the test took."""
    for entry in pilot.app.screen.query(Input):
        entry.cursor_blink = False
    await pilot.pause()
