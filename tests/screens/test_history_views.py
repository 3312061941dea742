"""The history screen's calendar view on its own, in a small app with an index of the
12-week demo log: what it draws from what it is given, and what it tells the screen."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual import on
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from scoring.mornings import MorningScore
from storage.log.repository import Repository
from storage.read.history_index import HistoryIndex
from tests.support.clock import FakeClock
from tests.support.history_app import NOW
from tui.widgets.history.calendar_view import CalendarView
from tui.widgets.history.year_calendar import YearCalendar

TODAY = NOW.date()


@pytest.fixture(scope="module")
def index(demo_log: Path) -> HistoryIndex:
    with Repository(demo_log, clock=FakeClock(NOW), read_only=True) as repo:
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
