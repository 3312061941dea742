"""The quick-entry line every screen types into."""

from __future__ import annotations

from collections.abc import Callable

from textual import events

from tui.format.words import ellipsized
from tui.textual_workarounds import OrderedInput


class EntryLine(OrderedInput):
    """The entry line: its keys applied strictly in the order they come (`OrderedInput`),
    and Enter handing the line to `submit`, given by the screen that composes it, at once:
    a `Submitted` message would be handled after the keys typed behind it.

    `keys_when_empty` are printable keys that, typed into an empty line, work as the
    screen's keys (the recovery screen's `+` adds a cup of water); typed after something,
    they are text. `?` is always one: help, as everywhere (no line begins with it).

    Its hint (the placeholder, kept whole in `hint`) is shown whole where it fits, and
    cut to end with "…" where it does not (a phone's width)."""

    def __init__(
        self,
        submit: Callable[[EntryLine], None],
        *args,
        keys_when_empty: frozenset[str] = frozenset(),
        **kwargs,
    ) -> None:
        # Back on the line, typing goes on after what it holds: Textual selects it all on
        # focus, and the next key replaced "rdl 10" left with Escape by "0".
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)
        self.cursor_blink = False  # each blink redraws the bordered line: ~2 KB/s over SSH
        self.submit = submit
        self.keys_when_empty = keys_when_empty | {"question_mark"}

    def validate_placeholder(self, hint: str) -> str:
        self.hint = hint
        width = self.content_size.width
        return ellipsized(hint, width) if width else hint

    def on_resize(self) -> None:
        self.placeholder = self.hint

    def is_text(self, event: events.Key) -> bool:
        return not (self.value == "" and event.key in self.keys_when_empty)

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Whether the line takes `key` as text, so the bindings of the screen and the app
        on that key are left out while it has the focus (and from the footer)."""
        if self.value == "" and key in self.keys_when_empty:
            return False
        return super().check_consume_key(key, character)

    def watch_value(self, before: str, value: str) -> None:
        if self.is_mounted and bool(before) != bool(value):  # the footer's keys change
            self.screen.refresh_bindings()

    async def action_submit(self) -> None:
        self.submit(self)
