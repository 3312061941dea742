"""The app as it stands: what the log holds, in the app (Pilot) and in a real terminal."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from storage.repository import Repository
from tests.terminal import Terminal
from tui.app import RestdayApp


def _log_with_sets(path: Path) -> None:
    with Repository(path) as repo:
        workout = repo.start_workout("Upper A", at=datetime(2026, 11, 20, 18, tzinfo=UTC))
        bench = repo.exercise("bench-press")
        for _ in range(3):
            repo.log_set(workout, bench, 100, 5, rpe=8)


async def test_app_shows_what_the_log_holds(tmp_path: Path) -> None:
    _log_with_sets(tmp_path / "log.json")
    app = RestdayApp(Repository(tmp_path / "log.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.title == "restday"
        counts = str(app.query_one("#counts").render())
        assert "1 workout " in counts and "3 sets" in counts and "1 day" in counts
        await pilot.press("q")
    assert app.return_code == 0


async def test_empty_log_says_how_to_start(tmp_path: Path) -> None:
    app = RestdayApp(Repository(tmp_path / "log.json"))
    async with app.run_test(size=(80, 24)):
        assert "Nothing logged yet" in str(app.query_one("#notice").render())
    assert not (tmp_path / "log.json").exists()


def test_app_in_a_real_terminal(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    _log_with_sets(log)
    with Terminal([sys.executable, "-m", "tui", "--db", str(log)], size="80x24") as term:
        screen = term.wait_for("3 sets")
        assert "restday" in screen.splitlines()[0]
        assert "1 workout " in screen and str(log) in screen
        term.keys("q")
        screen = term.wait_for("[exited 0]")
        assert "Traceback" not in screen
