"""The recovery screen's heading: the day on show between the days before and after it,
and how much of it is filled in."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.widgets import Static

from tui.format.recovery import days_ago
from tui.screens.recovery.days import RecoveryDays
from tui.screens.recovery.fields import FIELDS, filled_fields

WIDTH = 76  # the day after is drawn at the right edge


class DayHeading(Static):
    def show(self, days: RecoveryDays) -> None:
        day, today = days.day, days.today
        when = "today" if day == today else days_ago(day, today)
        previous = f"◂ {day - timedelta(days=1):%a %-d %b}"
        following = f"{day + timedelta(days=1):%a %-d %b} ▸" if day < today else ""
        filled = filled_fields(days.entry)
        status = (
            "nothing logged on this day yet: type a line below"
            if filled == 0
            else f"{filled} of {len(FIELDS)} filled"
        )
        title = Text.assemble(
            (f"{previous:<14}", "dim"),
            (f"{day:%A %-d %B %Y}", "bold"),
            (f" · {when}", "bold" if day == today else ""),
        )
        line = Text(no_wrap=True, overflow="crop")
        line.append_text(title)
        line.append(" " * max(0, WIDTH - title.cell_len - len(following)))
        line.append(following, "dim")
        line.append(f"\n{status}", "dim" if filled else "")
        self.update(line)
