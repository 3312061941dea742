"""How the app says a count and shortens a text, in plain strings (no UI library: plain
state such as `tui.format.recovery` uses them): "1 session", "Incline Dumbbel…"."""

from __future__ import annotations

import unicodedata

from storage.model.words import counted as counted  # the commands' too: its owner is there

ELLIPSIS = "…"


def cells(character: str) -> int:
    """The terminal cells a character takes: 2 for a wide one, 0 for a combining mark."""
    if unicodedata.combining(character):
        return 0
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


def ellipsized(text: str, width: int) -> str:
    """`text` in at most `width` cells; if longer, cut to end with "…"."""
    if sum(map(cells, text)) <= width:
        return text
    room, kept = max(width, 1) - 1, []
    for character in text:
        room -= cells(character)
        if room < 0:
            break
        kept.append(character)
    return "".join(kept) + ELLIPSIS
