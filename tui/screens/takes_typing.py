"""`TakesTyping`: a screen that takes typing wherever the focus is on it (the workout's: a
set or an exercise name typed after Escape, a dialog or another screen still reaches its
entry line). The app hands such a screen every key first, in the order typed; help and the
command palette show its keys that type as keys of other screens."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.binding import ActiveBinding
from textual.keys import format_key, key_to_character
from textual.screen import Screen
from textual.widgets import Input

from tui.textual_workarounds import COMMAND_MODIFIERS

# Keys that type nothing where a line is empty: "?" is help there, and a space begins no
# text (both type once something is in the line).
NOT_TYPING_FIRST = {"?", " "}


def typed_character(key: str) -> str | None:
    """The character a key types, None for one that types nothing (up, alt+h):
    `key_to_character` misses a few that do ("plus", "minus"), whose name shows as one."""
    if key.startswith(COMMAND_MODIFIERS):
        return None
    shown = format_key(key)
    character = key_to_character(key) or (shown if len(shown) == 1 and shown.isascii() else None)
    return character if character is not None and character.isprintable() else None


class TakesTyping:
    """A screen the app hands every key to before the focused widget gets it. Mixed in
    before `Screen`: its commands shown (footer, help) leave out the keys that type."""

    typing_rule: ClassVar[str]  # how it tells typing from commands, at the top of its help
    entry_forms: ClassVar[tuple[tuple[str, str], ...]] = ()  # (example, what): in its help
    TYPING_LINE: ClassVar[str] = "#entry"  # the line typing goes to

    def types(self, key: str) -> bool:
        """Whether `key` (as bound: "h", "plus", "alt+h") types here rather than commands."""
        raise NotImplementedError

    def take_typing(self, key: events.Key) -> None:
        """Called by the app for each key, in the order typed, before it goes to the focused
        widget: a key that types here (or goes on a line already begun) moves the focus to
        the line first, so it and the keys behind it go there, in order (a focus moved by
        the key's own handler would come after keys already on their way: textual#6605)."""
        line = self.query_one(self.TYPING_LINE, Input)
        if self.focused is line:
            return
        goes_on = bool(line.value) and typed_character(key.key) is not None
        if self.types(key.key) or goes_on:
            self.set_focus(line)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys shown as commands (footer, help): not those that type here (the app's
        "h" types; its "alt+h" is shown)."""
        bound = super().active_bindings
        return {key: binding for key, binding in bound.items() if not self.types(key)}

    def key_of(self, binding_id: str) -> str:
        """The key of one of this screen's commands or the app's as bound now (the keymap
        applied), one that does not type here."""
        from tui.screens.help import effective_bindings

        rows = [
            *effective_bindings(self.app, self, self.types),
            *effective_bindings(self.app, self.app, self.types),
        ]
        return next(row.keys[0] for row in rows if row.binding.id == binding_id)


def keys_typed(screen: Screen | None) -> Callable[[str], bool]:
    """Which keys type on `screen` rather than command: none unless it takes typing."""
    if isinstance(screen, TakesTyping):
        return screen.types
    return lambda key: False
