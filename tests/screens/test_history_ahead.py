"""History made ready ahead: `y` refreshes no CSS, and history's modules are loaded once
home shows the score, not in the key's time (issue 17: `y` at the terminal)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.support.history_app import NOW, history_app, open_history
from tui.screens.history.ahead import MODULES

ROOT = Path(__file__).resolve().parents[2]


async def test_opening_history_refreshes_no_css(tmp_path: Path, twelve_week_demo: Path) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    refreshes = []
    refresh_css = app.refresh_css
    app.refresh_css = lambda animate=True: (refreshes.append(1), refresh_css(animate))[1]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        refreshes.clear()
        screen = await open_history(pilot, scored=False)
        assert refreshes == []
        assert screen.query_one("#tabs").styles.height.value == 1  # history.tcss applies


OPEN_HOME = textwrap.dedent(
    """
    import asyncio, sys
    from datetime import datetime
    from pathlib import Path
    from tests.support.clock import FakeClock
    from tui.app import RestdayApp

    async def main(log, now, modules):
        app = RestdayApp(log, clock=FakeClock(now), keymap_file=Path(log + ".no-keymap"))
        async with app.run_test(size=(80, 24)) as pilot:
            # The log's and the score's modules history shares with home's score (worked
            # out on the writer as soon as the first frame is up) may be loaded already.
            before = [m for m in modules if m in sys.modules and m.startswith("tui.")]
            for _ in range(2000):
                missing = [m for m in modules if m not in sys.modules]
                if app.store.ready and not missing:
                    break
                await asyncio.sleep(0.01)
            await pilot.pause()
            print(repr((before, missing, type(app.screen).__name__)))

    asyncio.run(main(sys.argv[1], datetime.fromisoformat(sys.argv[2]), sys.argv[3:]))
    """
)


def test_history_modules_are_loaded_once_home_shows_the_score(
    tmp_path: Path, twelve_week_demo: Path
) -> None:
    """In a process of its own: none of history's screens and widgets is loaded while home
    starts, every module history needs once the log is read and the app is idle, with home
    still on screen."""
    log = tmp_path / "log.json"
    log.write_bytes(twelve_week_demo.read_bytes())
    run = subprocess.run(
        [sys.executable, "-c", OPEN_HOME, str(log), NOW.isoformat(), *MODULES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    before, missing, screen = eval(run.stdout.strip().splitlines()[-1])  # noqa: S307
    assert before == []
    assert missing == []
    assert screen == "HomeScreen"
