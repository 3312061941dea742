"""What the symptom screen says of its day (`SymptomDay`): the title over the entry being
edited, its notes line, and the heading over today's entries."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text

from storage.model.records import SymptomEntry
from tui.format.symptoms import soreness
from tui.screens.symptoms.day import COUNTS_FOR, SymptomDay


def title(day: SymptomDay, new_key: str) -> str:
    """`new_key` starts a new entry."""
    if day.in_log:
        return f"Entry of {day.when(day.entry)} · changes update it · {new_key} starts a new one"
    if day.based_on is None:
        return "New entry · nothing logged before: type how you feel below"
    return f"New entry · starts from {day.when(day.based_on)} · Enter alone logs it"


def notes_line(entry: SymptomEntry, note_key: str) -> Text:
    """`note_key` opens the note."""
    none = f"— ({note_key} adds one, or type n and the note)"
    return Text.assemble(
        ("notes       ", "dim"),
        (entry.notes, "") if entry.notes else (none, "dim"),
        no_wrap=True,
        overflow="ellipsis",
    )


def soreness_line(entry: SymptomEntry) -> Text:
    """The soreness being entered, for the compact layout (the body map needs the full
    width): 'soreness    hams 5 quads 4', sorest first."""
    sore = soreness(entry)
    return Text.assemble(
        ("soreness    ", "dim"),
        (sore, "") if sore else ("— (quads 4 rates a muscle 0-10)", "dim"),
    )


def entries_heading(day: SymptomDay, now: datetime) -> str:
    """Today's entries counted, and which counts for the score."""
    if day.todays:
        count = len(day.todays)
        return (
            f"Today: {count} entr{'y' if count == 1 else 'ies'} · "
            "the newest within 24 h counts for the score"
        )
    counting = day.counting(now)
    if counting is not None:
        until = day.clock_time(counting.timestamp + COUNTS_FOR)
        return f"Today: no entry yet · {day.when(counting)} counts for the score until {until}"
    return "Today: no entry yet · none in the last 24 h counts for the score"
