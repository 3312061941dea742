"""A day as the app names it in lists: 'Tue 24 Nov' in the current year, 'Tue 24 Nov 2025'
in any other (a two-digit year read as a day: 'Tue 24 Nov 26')."""

from __future__ import annotations

from datetime import date


def day_text(day: date, today: date, *, weekday: bool = True) -> str:
    text = f"{day:%a} {day.day} {day:%b}" if weekday else f"{day.day} {day:%b}"
    return text if day.year == today.year else f"{text} {day.year}"
