"""`TakesTyping`: a screen that takes typing wherever the focus is on it (the workout's: a
set or an exercise name typed after Escape, a dialog or another screen still reaches its
entry line). The app hands such a screen every key first, in the order typed."""

from __future__ import annotations

from textual import events


class TakesTyping:
    """A screen the app hands every key to before the focused widget gets it."""

    def take_typing(self, key: events.Key) -> None:
        """See `key` before it goes to the focused widget: move the focus to the line it
        types into, if it types."""
