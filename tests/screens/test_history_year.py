"""Early in a year, History opens on the newest year that has data (not an empty new
year), and a day of another year says its year: 'Tue 1 Dec 2026', never 'Tue 1 Dec 26'."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual.widgets import DataTable, Static

from storage.log.repository import Repository
from tests.support.clock import FakeClock
from tests.support.screen_helpers import eventually, make_app
from tests.support.typing import press_at_pace
from tui.format.dates import day_text
from tui.screens.history.screen import HistoryScreen
from tui.widgets.history.year_calendar import YearCalendar

NEW_YEAR = datetime(2027, 1, 3, 18, 0, tzinfo=UTC)  # a Sunday, nothing logged this year


def _log_of_last_year(tmp_path: Path, *, this_year: bool = False) -> Path:
    log = tmp_path / "log.json"
    with Repository(log, clock=FakeClock(NEW_YEAR)) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
        bench = repo.exercise("bench-press")
        days = [timedelta(days=d) for d in (33, 26)] + ([timedelta(0)] if this_year else [])
        for back in days:
            workout = repo.start_workout("Upper A", at=NEW_YEAR - back)
            repo.log_set(workout, bench, 100, 5, rpe=8, at=NEW_YEAR - back)
            repo.finish_workout(workout, 7)
    return log


def test_a_day_of_another_year_says_its_year() -> None:
    today = NEW_YEAR.date()
    assert day_text(today, today) == "Sun 3 Jan"
    assert day_text(datetime(2026, 12, 1).date(), today) == "Tue 1 Dec 2026"
    assert day_text(datetime(2026, 12, 1).date(), today, weekday=False) == "1 Dec 2026"


async def test_history_opens_on_the_newest_year_with_data(tmp_path: Path) -> None:
    app = make_app(_log_of_last_year(tmp_path), FakeClock(NEW_YEAR), first_screen="home")
    async with app.run_test(size=(80, 24)) as pilot:
        await press_at_pace(pilot, ["y"])
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        await eventually(pilot, lambda: screen.index is not None)
        calendar = screen.query_one(YearCalendar)
        assert calendar.cursor == datetime(2026, 12, 8).date()  # the newest day logged
        assert "Tuesday 8 December 2026" in str(screen.query_one("#day", Static).render())
        await press_at_pace(pilot, ["tab"])
        table = screen.query_one("#session-table", DataTable)
        await eventually(pilot, lambda: table.row_count == 2)
        assert str(table.get_row_at(0)[0]) == "Tue 8 Dec 2026"


async def test_history_opens_on_today_when_this_year_has_data(tmp_path: Path) -> None:
    log = _log_of_last_year(tmp_path, this_year=True)
    app = make_app(log, FakeClock(NEW_YEAR), first_screen="home")
    async with app.run_test(size=(80, 24)) as pilot:
        await press_at_pace(pilot, ["y"])
        screen = app.screen
        await eventually(pilot, lambda: screen.index is not None)
        assert screen.query_one(YearCalendar).cursor == NEW_YEAR.date()
        await press_at_pace(pilot, ["tab"])
        table = screen.query_one("#session-table", DataTable)
        await eventually(pilot, lambda: table.row_count == 3)
        assert str(table.get_row_at(0)[0]) == "Sun 3 Jan"
