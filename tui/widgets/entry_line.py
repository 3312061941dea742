"""The quick-entry line every screen types into."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class EntryLine(Input):
    """The entry line, taking its keys strictly in the order they come.

    Textual's Input inserts a character as soon as it reads the key, but runs a bound key
    (Enter, Backspace, up/down) only once the key has bubbled up to the app, and submits by
    posting a message. Keys that arrive in one burst (typed ahead over a slow SSH link) were
    applied out of order: "100x5", Enter, "x6", Enter logged 100x5x6 twice (Textual issue
    #6605). Here a bound key runs as it is read, and Enter hands the line over at once.

    `keys_when_empty` are printable keys that, typed into an empty line, work as the
    screen's keys (the recovery screen's `+` adds a cup of water); typed after something,
    they are text."""

    def __init__(self, *args, keys_when_empty: frozenset[str] = frozenset(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.keys_when_empty = keys_when_empty

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable and not (self.value == "" and event.key in self.keys_when_empty):
            return  # Input's own handler inserts it, in order
        # The app's own binding lookup (focused widget, screen, app; the keymap applied),
        # run here rather than after the key has bubbled up.
        if await self.app._check_bindings(event.key):
            event.stop()
            event.prevent_default()

    async def action_submit(self) -> None:
        submit = getattr(self.screen, "submit_entry", None)
        if submit is not None:
            submit(self)
