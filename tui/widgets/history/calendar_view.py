"""The history screen's calendar: a year of days shaded by volume or by readiness, the
shading's legend, and what the day under the cursor holds.

       Jan Feb Mar  Apr May  Jun Jul Aug  Sep Oct Nov  Dec
    Mo                                     ▒▒▓▒▒▒▒█░▒▓▒
    ...
    volume  low ░▒▓█ high   · rest day   v: readiness
    Monday 23 November 2026  1 workout · 17 sets · 8722 kg  readiness 87
    Enter: the day · ←→ week · ↑↓ day · PgUp/PgDn month · [ ] year

The screen gives it the log's aggregate, the morning scores found so far and the unit
(`show`), or, while the whole log is being read, its recent weeks' (`show_recent`: those
days are described as the whole log has them, the shading waits for the whole log), the
shading (`shade`), the scores as they arrive (`scored`) and whether more are being worked
out (`show_scoring`). Shaded by readiness, the view asks for the mornings of
the year on show (`MorningsWanted`). Enter on a day is the calendar's `YearCalendar.Opened`.
Its rules are in history.tcss, with the screen's.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from tui.format.readiness import BAND_GLYPHS, BAND_STYLE, score_style
from tui.format.units import format_number, to_unit
from tui.format.words import counted
from tui.widgets.history.year_calendar import YearCalendar

if TYPE_CHECKING:
    from scoring.mornings import MorningScore
    from storage.read.history_index import HistoryIndex

VOLUME_SHADES = "░▒▓█"


class CalendarView(Vertical):
    class MorningsWanted(Message):
        """Shaded by readiness, the year on show needs these mornings' scores: work out
        those not found yet, and hand them over through `scored`."""

        def __init__(self, days: list[date]) -> None:
            super().__init__()
            self.days = days

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index: HistoryIndex | None = None
        self.mornings: Mapping[date, MorningScore] = {}
        self.unit = "kg"
        self.shade_by = "volume"
        self.scoring = False  # mornings are still being scored
        self.known_from: date | None = None  # showing the recent weeks: the first day known
        self._placed = False  # the recent weeks placed the cursor
        self._started_on: date | None = None  # where the cursor was put before any index
        self._drawn_year: int | None = None

    def compose(self) -> ComposeResult:
        yield YearCalendar(id="year")
        yield Static(id="legend")
        yield Static(id="day")

    # -- public ------------------------------------------------------------------------------

    def show(
        self,
        index: HistoryIndex,
        mornings: Mapping[date, MorningScore],
        unit: str,
        first_day: date,
        last_day: date,
    ) -> None:
        """The log as aggregated, on the days from `first_day` to `last_day` (today, where
        the cursor starts; on the newest day logged when this year has nothing yet)."""
        first_show = self.index is None or (self.known_from is not None and not self._placed)
        self.index, self.mornings, self.unit = index, mornings, unit
        self.known_from = None
        calendar = self.query_one(YearCalendar)
        calendar.set_range(first_day, last_day)
        if first_show:
            self._place_cursor(last_day)
        self._draw()

    def show_recent(self, index: HistoryIndex, unit: str, since: date, today: date) -> None:
        """The log's recent weeks (`index`, exact from `since` on) while the whole log is
        being read: the days from `since` to `today` are described, the cursor goes where
        `show` would put it (if the recent weeks say where), and moves freely (the log's
        first day is not known yet)."""
        self.index, self.unit, self.known_from = index, unit, since
        self.query_one(YearCalendar).set_range(date.min, today)
        self._placed = index.last_day is not None
        if self._placed:
            self._place_cursor(today)
        self._draw()

    def start_on(self, today: date) -> None:
        """The cursor on `today` before the log is aggregated, so that a key typed meanwhile
        moves it from there; the log, once aggregated, leaves it where the keys took it."""
        calendar = self.query_one(YearCalendar)
        calendar.set_range(date.min, today)
        calendar.cursor = self._started_on = today

    def _place_cursor(self, today: date) -> None:
        """On today, or on the newest day logged when this year has nothing yet, unless a
        key has moved it since `start_on`."""
        calendar = self.query_one(YearCalendar)
        if self._started_on is not None and calendar.cursor != self._started_on:
            return
        newest = min(self.index.last_day or today, today)
        calendar.cursor = today if newest.year == today.year else newest

    def shade(self, by: str) -> None:
        """Shade the days by "volume" or by "readiness"."""
        self.shade_by = by
        if self.index is not None:
            self._draw()

    def scored(self, days: Iterable[date]) -> None:
        """These mornings' scores have arrived (in the mapping given to `show`)."""
        if self.index is None:
            return
        calendar = self.query_one(YearCalendar)
        if self.shade_by == "readiness" and any(d.year == calendar.cursor.year for d in days):
            self._draw()
        else:
            self._show_legend()
            self._describe_day(calendar.cursor)

    def show_scoring(self, scoring: bool) -> None:
        """Whether mornings are still being scored: the legend says so, shaded by readiness."""
        if scoring != self.scoring:
            self.scoring = scoring
            if self.index is not None and self.shade_by == "readiness":
                self._show_legend()

    # -- drawing -----------------------------------------------------------------------------

    def _draw(self) -> None:
        calendar = self.query_one(YearCalendar)
        year = calendar.cursor.year
        if self.known_from is not None:  # a shade is a rank among the year's days
            calendar.set_days({})
            self._show_legend()
            self._describe_day(calendar.cursor)
            return
        days = {d: s for d, s in self.index.days.items() if d.year == year}
        if self.shade_by == "volume":
            volumes = sorted(s.volume_kg for s in days.values() if s.volume_kg > 0)
            cells = {d: _volume_cell(s.volume_kg, volumes) for d, s in days.items()}
        else:
            cells = {
                d: (BAND_GLYPHS[score.band][d not in days], BAND_STYLE[score.band])
                for d, score in self.mornings.items()
                if d.year == year and score.readiness is not None
            }
            self._want_year(year)
        start = date(year, 1, 1)
        for offset in range(366):
            day = date.fromordinal(start.toordinal() + offset)
            if day.year != year:
                break
            if calendar.first_day <= day <= calendar.last_day and day not in cells:
                cells[day] = ("·", "dim")  # a rest day, or one without a score
        calendar.set_days(cells)
        self._show_legend()
        self._describe_day(calendar.cursor)

    def _show_legend(self) -> None:
        if self.known_from is not None:
            text = Text(f"{self.shade_by}  ", style="bold")
            text.append("reading your log…", "dim")
        elif self.shade_by == "volume":
            text = Text("volume  ", style="bold")
            text.append("low ", "dim")
            text.append(VOLUME_SHADES, "green")
            text.append(" high   · rest day", "dim")
        else:
            text = Text("readiness  ", style="bold")
            for label, band in zip(("train", "reduce", "rest"), BAND_STYLE, strict=True):
                text.append(BAND_GLYPHS[band][0], BAND_STYLE[band])
                text.append(f" {label}  ")
            text.append("hollow: no training", "dim")
            if self.scoring:
                text.append(" (scoring…)", "dim")
        text.append("   v: ", "dim")
        text.append("readiness" if self.shade_by == "volume" else "volume", "dim")
        self.query_one("#legend", Static).update(text)

    def _describe_day(self, day: date) -> None:
        summary = self.index.days.get(day)
        text = Text(f"{day:%A %-d %B %Y}  ", style="bold")
        if self.known_from is not None and day < self.known_from:
            text.append("reading your log…", "dim")
        elif summary is None:
            text.append("rest day", "dim")
        else:
            volume = format_number(to_unit(summary.volume_kg, self.unit))
            text.append(
                f"{counted(summary.workouts, 'workout')} · "
                f"{counted(summary.working_sets, 'set')} · {volume} {self.unit}"
            )
        score = self.mornings.get(day)
        if score is not None and score.readiness is not None:
            text.append("  readiness ")
            text.append(f"{score.readiness:.0f}", f"bold {score_style(score.readiness)}")
        text.append("\nEnter: the day · ←→ week · ↑↓ day · PgUp/PgDn month · [ ] year", "dim")
        self.query_one("#day", Static).update(text)

    def _want_year(self, year: int) -> None:
        calendar = self.query_one(YearCalendar)
        first = max(date(year, 1, 1), calendar.first_day)
        last = min(date(year, 12, 31), calendar.last_day)
        self.post_message(
            self.MorningsWanted([first + timedelta(days=k) for k in range((last - first).days + 1)])
        )

    # -- events ------------------------------------------------------------------------------

    def on_year_calendar_moved(self, message: YearCalendar.Moved) -> None:
        if self.index is None:
            return
        if self._drawn_year != message.day.year:
            self._drawn_year = message.day.year
            self._draw()
        else:
            self._describe_day(message.day)


def _volume_cell(volume: float, volumes: list[float]) -> tuple[str, str]:
    """A shade by where the day's volume stands among the year's training days."""
    if not volumes or volume <= 0:
        return ("·", "dim")
    rank = bisect_left(volumes, volume) / len(volumes)
    return (VOLUME_SHADES[min(len(VOLUME_SHADES) - 1, int(rank * len(VOLUME_SHADES)))], "green")
