"""A year of days as a heat map: weeks left to right, Monday to Sunday top to bottom, a
cursor on one day. It draws what it is given (a text and a style per day) and knows nothing
of training: the history screen shades the days by volume or by readiness.

    Jan       Feb       Mar ...
 Mo ░ ▒ · █ ...
 Tu
 ...
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from rich.style import Style, StyleType
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
LABEL = 3  # columns before the first week: "Mo "
WEEKS = 54  # a year touches at most 54 Monday-to-Sunday weeks


def year_weeks(year: int) -> date:
    """The Monday of the week holding 1 January of `year` (the map's first column)."""
    first = date(year, 1, 1)
    return first - timedelta(days=first.weekday())


class YearCalendar(Widget, can_focus=True):
    # Its rules (8 rows high, 58 wide; the cursor in reverse bold) are in history.tcss.
    COMPONENT_CLASSES = {"calendar--cursor"}
    BINDINGS = [
        Binding("up", "move(-1)", "Day before", show=False, id="calendar.day_before"),
        Binding("down", "move(1)", "Day after", show=False, id="calendar.day_after"),
        Binding("left", "move(-7)", "Week before", show=False, id="calendar.week_before"),
        Binding("right", "move(7)", "Week after", show=False, id="calendar.week_after"),
        Binding("pageup", "month(-1)", "Month before", id="calendar.month_before"),
        Binding("pagedown", "month(1)", "Month after", id="calendar.month_after"),
        Binding("left_square_bracket", "year(-1)", "Year before", id="calendar.year_before"),
        Binding("right_square_bracket", "year(1)", "Year after", id="calendar.year_after"),
        Binding("enter", "open", "Open the day", id="calendar.open"),
    ]

    cursor: reactive[date] = reactive(date(2000, 1, 1))

    class Moved(Message):
        def __init__(self, calendar: YearCalendar, day: date) -> None:
            super().__init__()
            self.calendar = calendar
            self.day = day

    class Opened(Message):
        """Enter on a day."""

        def __init__(self, calendar: YearCalendar, day: date) -> None:
            super().__init__()
            self.calendar = calendar
            self.day = day

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cells: Mapping[date, tuple[str, StyleType]] = {}
        self.first_day = date.min
        self.last_day = date.max

    def set_days(self, cells: Mapping[date, tuple[str, StyleType]]) -> None:
        """Each day's one-character text and style; a day not given is blank."""
        self.cells = cells
        self.refresh()

    def set_range(self, first_day: date, last_day: date) -> None:
        """The days the cursor may go to."""
        self.first_day, self.last_day = first_day, last_day
        self.cursor = min(max(self.cursor, first_day), last_day)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return LABEL + WEEKS

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1 + len(WEEKDAYS)

    def render(self) -> Text:
        year = self.cursor.year
        start = year_weeks(year)
        months = [" "] * WEEKS
        for month in range(1, 13):
            column = (date(year, month, 1) - start).days // 7
            label = date(year, month, 1).strftime("%b")
            months[column : column + len(label)] = label
        lines = [Text(" " * LABEL + "".join(months).rstrip(), style="bold")]
        cursor_style = self.get_component_rich_style("calendar--cursor")
        for weekday, name in enumerate(WEEKDAYS):
            line = Text(f"{name} ", style="dim")
            for week in range(WEEKS):
                day = start + timedelta(days=7 * week + weekday)
                if day.year != year:
                    line.append(" ")
                    continue
                text, style = self.cells.get(day, (" ", ""))
                if day == self.cursor and self.has_focus:
                    style = Style.chain(Style.parse(str(style)) if style else Style(), cursor_style)
                    text = text if text.strip() else "□"
                line.append(text, style)
            lines.append(line)
        return Text("\n").join(lines)

    def watch_cursor(self, day: date) -> None:
        self.post_message(self.Moved(self, day))
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def _go(self, day: date) -> None:
        self.cursor = min(max(day, self.first_day), self.last_day)

    def action_move(self, days: int) -> None:
        self._go(self.cursor + timedelta(days=days))

    def action_month(self, months: int) -> None:
        month = self.cursor.month - 1 + months
        year, month = self.cursor.year + month // 12, month % 12 + 1
        self._go(_same_day_in(year, month, self.cursor.day))

    def action_open(self) -> None:
        self.post_message(self.Opened(self, self.cursor))

    def action_year(self, years: int) -> None:
        self._go(_same_day_in(self.cursor.year + years, self.cursor.month, self.cursor.day))


def _same_day_in(year: int, month: int, day: int) -> date:
    """`day` of that month, or its last day (31 January -> 28 February)."""
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, min(day, (following - timedelta(days=1)).day))
