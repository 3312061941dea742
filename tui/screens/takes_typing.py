"""`TakesTyping`: a screen that takes typing wherever the focus is on it (the workout's: a
set or an exercise name typed after Escape, a dialog or another screen still reaches its
entry line). The app hands such a screen every key first, in the order typed; help and the
command palette show its keys that type as keys of other screens."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.screen import Screen


class TakesTyping:
    """A screen the app hands every key to before the focused widget gets it."""

    typing_rule: ClassVar[str]  # how it tells typing from commands, at the top of its help

    def take_typing(self, key: events.Key) -> None:
        """See `key` before it goes to the focused widget: move the focus to the line it
        types into, if it types."""
        raise NotImplementedError

    def types(self, key: str) -> bool:
        """Whether `key` (as bound: "h", "plus", "alt+h") types here rather than commands."""
        raise NotImplementedError


def keys_typed(screen: Screen | None) -> Callable[[str], bool]:
    """Which keys type on `screen` rather than command: none unless it takes typing."""
    if isinstance(screen, TakesTyping):
        return screen.types
    return lambda key: False
