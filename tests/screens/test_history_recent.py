"""History opened while the whole log is still being read (`y` soon after start-up, home
showing the recent copy's score): the calendar shows the recent weeks from their copy, as
the whole log has them, says it is reading the rest, and the keys typed meanwhile do what
they say once the whole log is there (issue 17: `y` at the terminal)."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

import tui.screens.history.screen
from storage.log.recent_copy import RECENT_DAYS, write_recent
from storage.log.repository import Repository
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import eventually
from tests.support.typing import press_at_pace
from tui.app import RestdayApp
from tui.log_store import LogStore
from tui.screens.history.day_detail import DayDetailScreen
from tui.screens.history.screen import HistoryScreen
from tui.widgets.history.calendar_view import CalendarView
from tui.widgets.history.sessions_view import SessionsView
from tui.widgets.history.year_calendar import YearCalendar

SIZE = (80, 24)
NOW = TUESDAY_EVENING
TODAY = NOW.date()


class SlowReader:
    """The whole log's read (on the writer) waits until `release()`, as a ten-year log's
    takes a while; the recent copy's is not held."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.go = threading.Event()
        read = LogStore._read_log

        def held(store: LogStore) -> None:
            assert self.go.wait(10), "the whole log was never let through"
            read(store)

        monkeypatch.setattr(LogStore, "_read_log", held)

    def release(self) -> None:
        self.go.set()


@pytest.fixture
def copied_log(twelve_week_log: Path) -> Path:
    """The twelve-week log with its recent copy, as the last restday to close left it."""
    with Repository(twelve_week_log, clock=FakeClock(NOW)) as repo:
        write_recent(repo)
    return twelve_week_log


def opened_by_path(log: Path) -> RestdayApp:
    return RestdayApp(log, clock=FakeClock(NOW), keymap_file=log.parent / "no-keymap.toml")


def text_of(screen: HistoryScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


@asynccontextmanager
async def history_on_the_recent_weeks(
    log: Path, reader: SlowReader
) -> AsyncIterator[tuple[Pilot, HistoryScreen]]:
    """The app on `log`, `y` as soon as home shows the recent copy's score: the calendar
    on the recent weeks, the whole log held by `reader`."""
    app = opened_by_path(log)
    async with app.run_test(size=SIZE) as pilot:
        await eventually(pilot, lambda: app.screen.view is not None)  # home's score
        await press_at_pace(pilot, ["y"])
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        calendar = screen.query_one(CalendarView)
        await eventually(pilot, lambda: calendar.known_from is not None)
        assert not app.store.ready and screen.index is None
        yield pilot, screen


async def test_y_before_the_whole_log_shows_the_recent_weeks_as_the_whole_log_has_them(
    copied_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = SlowReader(monkeypatch)
    async with history_on_the_recent_weeks(copied_log, reader) as (pilot, screen):
        calendar = screen.query_one(YearCalendar)
        assert calendar.cursor == TODAY
        await press_at_pace(pilot, ["up"])  # the day before: a training day
        recent_day = text_of(screen, "#day").splitlines()[0]
        assert recent_day.startswith("Monday 23 November 2026  1 workout · ")
        assert "reading your log…" in text_of(screen, "#legend")
        assert calendar.cells == {}  # a shade is a rank among the year's days: not yet
        assert "reading your log" in str(screen.query_one("AppHeader").subtitle)

        reader.release()
        await eventually(pilot, lambda: screen.index is not None)
        await pilot.pause()
        assert calendar.cursor == TODAY - timedelta(days=1)  # no jump
        assert text_of(screen, "#day").splitlines()[0].startswith(recent_day)
        assert calendar.cells and "reading" not in text_of(screen, "#legend")


async def test_days_before_the_recent_weeks_say_the_log_is_being_read(
    copied_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = SlowReader(monkeypatch)
    async with history_on_the_recent_weeks(copied_log, reader) as (pilot, screen):
        first_known = TODAY - timedelta(days=RECENT_DAYS - 1)
        weeks = (TODAY - first_known).days // 7 + 1
        await press_at_pace(pilot, ["left"] * weeks)  # a week back each
        calendar = screen.query_one(YearCalendar)
        assert calendar.cursor == TODAY - timedelta(weeks=weeks) < first_known
        day = text_of(screen, "#day").splitlines()[0]
        assert day == f"{calendar.cursor:%A %-d %B %Y}  reading your log…"

        reader.release()
        await eventually(pilot, lambda: screen.index is not None)
        await pilot.pause()
        assert calendar.cursor == TODAY - timedelta(weeks=weeks)
        assert "reading" not in text_of(screen, "#day")


async def test_keys_typed_before_the_whole_log_do_what_they_say_once_it_is_read(
    copied_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A week back and Enter: the day opens once the log is read (its detail reads the
    whole log); Tab to the sessions: they are drawn once it is."""
    reader = SlowReader(monkeypatch)
    async with history_on_the_recent_weeks(copied_log, reader) as (pilot, screen):
        app = pilot.app
        await press_at_pace(pilot, ["left", "enter"])
        assert app.screen is screen
        reader.release()
        await eventually(pilot, lambda: isinstance(app.screen, DayDetailScreen))
        assert app.screen.day == TODAY - timedelta(weeks=1)
        await press_at_pace(pilot, ["escape", "tab"])
        assert screen.view == "sessions"
        await eventually(pilot, lambda: screen.index is not None)
        await pilot.pause()
        table = screen.query_one(SessionsView).query_one("#session-table")
        assert table.row_count == len(screen.index.sessions())


@pytest.mark.parametrize("asked", [["enter"], ["tab", "tab", "p"]], ids=["day", "exercise"])
async def test_what_was_asked_for_is_not_opened_once_history_is_left(
    copied_log: Path, monkeypatch: pytest.MonkeyPatch, asked: list[str]
) -> None:
    """Enter on a day (or `p` for Progress's exercise), then Escape home before the log is
    read: the person has moved on, and no day's detail (or picker) comes up over home once
    the log is read."""
    reader = SlowReader(monkeypatch)
    async with history_on_the_recent_weeks(copied_log, reader) as (pilot, screen):
        app = pilot.app
        await press_at_pace(pilot, [*asked, "escape"])
        assert app.current_mode == "home"
        home = app.screen
        reader.release()
        await eventually(pilot, lambda: app.store.ready)
        await pilot.pause(0.3)
        assert app.screen is home
        await press_at_pace(pilot, ["y"])  # History again: as it was, no day opening
        await pilot.pause(0.3)
        assert app.screen is screen


async def test_without_a_recent_copy_the_calendar_waits_for_the_whole_log(
    twelve_week_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = SlowReader(monkeypatch)
    app = opened_by_path(twelve_week_log)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.3)
        await press_at_pace(pilot, ["y"])
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        await pilot.pause(0.3)
        assert screen.query_one(CalendarView).index is None
        assert text_of(screen, "#day") == ""
        reader.release()
        await eventually(pilot, lambda: screen.index is not None)


async def test_history_open_when_the_log_is_read_imports_its_modules_on_a_thread(
    copied_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app imports history's modules ahead on the UI thread while home is on show;
    History opened before that imports them itself, on a thread, with its keys answered
    meanwhile (on the UI thread, Progress's charts held them for 100 ms)."""
    reader = SlowReader(monkeypatch)
    threads: list[threading.Thread] = []
    import_ahead = tui.screens.history.screen._import_ahead

    def watched() -> None:
        threads.append(threading.current_thread())
        import_ahead()

    monkeypatch.setattr(tui.screens.history.screen, "_import_ahead", watched)
    on_ui_thread: list[object] = []
    monkeypatch.setattr(RestdayApp, "_import_history", lambda *args: on_ui_thread.append(args))
    async with history_on_the_recent_weeks(copied_log, reader) as (pilot, screen):
        reader.release()
        await eventually(pilot, lambda: screen.index is not None and threads != [])
        assert on_ui_thread == []
        assert threads[0] is not threading.main_thread()


async def test_a_key_typed_before_the_recent_weeks_are_shown_moves_the_cursor(
    copied_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`y` then Up at a person's pace, on a ten-year log at the terminal: the recent weeks
    came after the Up (their index is built on a thread taking turns with the whole log's
    read), and placing the cursor on today then undid it."""
    monkeypatch.setattr(tui.screens.history.screen, "DRAWN_AFTER_S", 0.5)
    reader = SlowReader(monkeypatch)
    app = opened_by_path(copied_log)
    async with app.run_test(size=SIZE) as pilot:
        await eventually(pilot, lambda: app.screen.view is not None)  # home's score
        await press_at_pace(pilot, ["y", "up"])
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        calendar = screen.query_one(CalendarView)
        assert calendar.known_from is None  # the recent weeks still to come
        await eventually(pilot, lambda: calendar.known_from is not None)
        await pilot.pause()
        year = screen.query_one(YearCalendar)
        assert year.cursor == TODAY - timedelta(days=1)
        assert text_of(screen, "#day").startswith("Monday 23 November 2026  1 workout")

        reader.release()
        await eventually(pilot, lambda: screen.index is not None)
        await pilot.pause()
        assert year.cursor == TODAY - timedelta(days=1)
