"""A note from a log written before notes had a limit is shown cut to the limit, as text."""

from __future__ import annotations

from storage.model.validation import MAX_NOTE_CHARS
from tui.format.text import note


def test_a_note_longer_than_the_limit_is_shown_cut_with_an_ellipsis() -> None:
    shown = note("x" * 10_000_000)
    assert len(shown) == MAX_NOTE_CHARS and shown.endswith("…")


def test_a_note_within_the_limit_is_shown_whole_and_printable() -> None:
    assert note("easy [red]x[/red]\x1b[2J") == "easy [red]x[/red]"  # the escape sequence gone
