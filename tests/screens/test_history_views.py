"""The history screen's calendar and sessions views on their own, in a small app with an
index of the 12-week demo log: what they draw from what they are given, and what they tell
the screen."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from textual import on
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Static

from scoring.mornings import MorningScore
from storage.log.repository import Repository
from storage.read.history_index import HistoryIndex
from tests.support.clock import FakeClock
from tests.support.history_app import NOW
from tui.widgets.history.calendar_view import CalendarView
from tui.widgets.history.sessions_view import SessionsView
from tui.widgets.history.year_calendar import YearCalendar

TODAY = NOW.date()
NAMES = {"deadlift": "Deadlift"}


@pytest.fixture(scope="module")
def index(twelve_week_demo: Path) -> HistoryIndex:
    with Repository(twelve_week_demo, clock=FakeClock(NOW), read_only=True) as repo:
        return HistoryIndex.build(repo.snapshot())


class ViewApp(App):
    """The view alone, keeping the messages it sends up to the screen."""

    def __init__(self, view: Widget) -> None:
        super().__init__()
        self.view = view
        self.told: list[Message] = []

    def compose(self) -> ComposeResult:
        yield self.view

    @on(CalendarView.MorningsWanted)
    @on(SessionsView.SessionChosen)
    def _tell(self, message: Message) -> None:
        self.told.append(message)


def text_of(view: Widget, selector: str) -> str:
    return str(view.query_one(selector, Static).render())


async def test_calendar_shades_by_volume_then_asks_for_the_years_mornings(
    index: HistoryIndex,
) -> None:
    view = CalendarView()
    app = ViewApp(view)
    first = index.first_day
    async with app.run_test() as pilot:
        view.show(index, {}, "kg", first, TODAY)
        await pilot.pause()
        calendar = view.query_one(YearCalendar)
        assert calendar.cursor == TODAY
        assert "volume" in text_of(view, "#legend")
        assert "Tuesday 24 November 2026" in text_of(view, "#day")
        assert {text for text, _style in calendar.cells.values()} <= set("░▒▓█·")
        assert not app.told

        view.show_scoring(True)
        view.shade("readiness")
        await pilot.pause()
        assert "(scoring…)" in text_of(view, "#legend")
        assert all(text == "·" for text, _style in calendar.cells.values())  # none scored yet
        [wanted] = app.told
        assert wanted.days == [first + timedelta(days=k) for k in range((TODAY - first).days + 1)]

        mornings = {TODAY: MorningScore(80.0, 80.0, 80.0)}
        view.mornings = mornings
        view.scored(mornings)
        view.show_scoring(False)
        await pilot.pause()
        assert "(scoring…)" not in text_of(view, "#legend")
        assert calendar.cells[TODAY][1] == "green"
        assert "readiness 80" in text_of(view, "#day")


async def test_calendar_moved_describes_the_day(index: HistoryIndex) -> None:
    view = CalendarView()
    app = ViewApp(view)
    async with app.run_test() as pilot:
        view.show(index, {}, "lb", index.first_day, TODAY)
        await pilot.pause()
        trained = max(d for d in index.days if d < TODAY)
        view.query_one(YearCalendar).cursor = trained
        await pilot.pause()
        assert f"{trained:%A %-d %B %Y}" in text_of(view, "#day")
        assert " lb" in text_of(view, "#day")


async def test_sessions_filtered_scored_and_chosen(index: HistoryIndex) -> None:
    view = SessionsView()
    app = ViewApp(view)
    async with app.run_test() as pilot:
        mornings: dict[date, MorningScore] = {}
        view.show(index, mornings, NAMES, "kg", "deadlift")
        await pilot.pause()
        table = view.query_one(DataTable)
        deadlifts = index.sessions("deadlift")
        assert table.row_count == len(deadlifts) > 0
        assert text_of(view, "#sessions-filter").startswith(
            f"{len(deadlifts)} sessions, newest first · Deadlift"
        )
        assert table.get_row_at(0)[6].plain == "…"  # not scored yet

        newest = deadlifts[0]
        mornings[newest.day] = MorningScore(55.0, 50.0, 60.0)
        view.scored([newest.day])
        assert table.get_row_at(0)[6].plain == "55"

        table.focus()
        await pilot.press("enter")
        [chosen] = app.told
        assert chosen.workout_id == newest.workout_id
