"""Text from the log (a name, a note, what a file held) as the app draws it: a
`rich.text.Text`, so that brackets in it are never read as markup (`[/b]`, `[$x]`,
`[link=...]` are shown as typed), holding printable characters only. Text that does not
fit its column ends with an ellipsis (`clipped`), and a column laid out for 80 columns
takes its share of a wider terminal (`widened`)."""

from __future__ import annotations

from rich.text import Text

from storage.model.text import printable
from storage.model.validation import MAX_NOTE_CHARS
from tui.format.words import ellipsized

LAID_OUT_FOR = 80  # the terminal width every screen is drawn for at least


def log_text(text: str, style: str = "") -> Text:
    return Text(printable(text), style=style)


def note(text: str) -> str:
    """A note from the log as shown whole: printable, and no longer than a note may be (a
    log written before the limit may hold a longer one: History froze on a 10 MB note)."""
    if len(text) > MAX_NOTE_CHARS:
        text = text[: MAX_NOTE_CHARS - 1] + "…"
    return printable(text)


def clipped(text: str, width: int, style: str = "") -> Text:
    """`text` from the log in at most `width` cells; if longer, cut to end with "…"."""
    return log_text(ellipsized(printable(text), width), style)


def widened(width: int, terminal_width: int, share: float = 1.0) -> int:
    """A column `width` cells wide at 80 columns, with `share` of the columns beyond."""
    return width + int(max(0, terminal_width - LAID_OUT_FOR) * share)
