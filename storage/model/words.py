"""How restday says a count, in the app and in every command: "1 set", "2 sets"."""

from __future__ import annotations


def counted(count: int, word: str, plural: str | None = None) -> str:
    """'1 session', '2 sessions', '0 sessions': the one plural rule of what restday says."""
    return f"{count} {word if abs(count) == 1 else plural or word + 's'}"
