"""The app as the snapshot tests see it, pinned so that nothing varies between runs.

A fake clock (Tuesday 24 November 2026, 18:00 UTC) for the repository and the app, the
log's timezone (UTC, not the machine's), a 6-week demo log from a fixed seed ending that
day, no keymap file, toasts that do not time out, and no blinking cursor (`settle`). The
test also unsets NO_COLOR (App.__init__ reads it).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from storage.log.repository import Repository
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.logs import demo_log_at
from tests.support.screen_helpers import saved
from tui.app import RestdayApp

SIZE = (80, 24)
NOW = TUESDAY_EVENING


def demo_app(
    tmp_path: Path,
    clock: FakeClock,
    first_screen: str = "workout",
    then: Callable[[Repository], object] | None = None,
) -> RestdayApp:
    """The app on a 6-week demo log whose last day is today (the fake clock's); `then`
    changes the log before the app opens it."""
    repo = Repository(demo_log_at(tmp_path / "log.json", 6, clock()), clock=clock)
    if then is not None:
        then(repo)
    app = RestdayApp(
        repo, clock=clock, keymap_file=tmp_path / "no-keymap.toml", first_screen=first_screen
    )
    app.NOTIFICATION_TIMEOUT = 600  # a toast must not time out on a slow machine mid-test
    return app


async def settle(pilot: Pilot) -> None:
    """No blinking cursor, every save made (no set shown as "saving"): the snapshot must
    not depend on how long the test took."""
    for entry in pilot.app.screen.query(Input):
        entry.cursor_blink = False
    await saved(pilot.app, pilot)
