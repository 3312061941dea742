"""Where restday works around the pinned Textual (8.2.8): every use of Textual's private API
is here, each with the upstream issue that would let it go. A canary test
(tests/screens/test_textual_workarounds.py) fails when a Textual upgrade changes what these
rely on, or fixes what they work around.
"""

from __future__ import annotations

import asyncio
import contextlib
import select
import sys
from collections.abc import Iterable

from textual import events
from textual._time import get_time
from textual._xterm_parser import XTermParser
from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.drivers import linux_driver
from textual.drivers._writer_thread import WriterThread
from textual.keys import key_to_character
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widgets import Footer, Input
from textual.widgets._footer import FooterKey

WATCHERS = "__watchers"  # where a reactive's watchers are kept on the object watched
COMMAND_MODIFIERS = ("alt+", "ctrl+", "super+", "meta+", "hyper+")


def is_command_key(event: events.Key) -> bool:
    """A key held with Alt, Ctrl...: a command, never text, though alt+e carries an "e"."""
    return event.key.startswith(COMMAND_MODIFIERS)


# Textual reads Escape and a digit (what a terminal sends for Alt+digit, or for Escape then a
# digit typed quickly) as the character macOS's Option+digit types under WezTerm: "\x1b1" is
# "¡", never alt+1. https://github.com/Textualize/textual/blob/v8.2.8/src/textual/_ansi_sequences.py
# ("WezTerm on macOS emits sequences for Opt and keys on the top numeric row")
ESCAPE_DIGIT_CHARACTERS = dict(zip("¡™£¢∞§¶•ªº", "1234567890", strict=True))


def escape_digit(event: events.Key) -> events.Key | None:
    """The alt+digit that a key read as an Option+digit character was sent as (`¡` is
    Escape and 1), where it is one."""
    digit = ESCAPE_DIGIT_CHARACTERS.get(event.character or "")
    if digit is None:
        return None
    return events.Key(f"alt+{digit}", digit)


KEY_HANDLED_WAIT_S = 0.5  # a widget that takes longer is busy: the next key goes on


async def key_handled(target: MessagePump | None) -> None:
    """Wait until `target` has handled the key the app forwarded to it last.

    The app forwards each key to the focused widget's own queue and goes on, so a key that
    changes the screen or the focus (alt+h, then alt+w) can still be waiting in one widget
    while the keys typed behind it are handled by another: "+5x5" after Alt+h, Alt+w went
    to the Home screen's "+". https://github.com/Textualize/textual/issues/6605"""
    if target is None or not target.is_attached:
        return
    handled = asyncio.Event()
    target.call_later(handled.set)  # runs after what is already in its queue
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(handled.wait(), KEY_HANDLED_WAIT_S)


async def run_binding_as_read(app: App, event: events.Key) -> bool:
    """Run the binding of a key no line takes as text (a command key such as Alt+w, or any
    key while the focus is not on a line) as the app reads the key; whether one ran.
    Textual forwards a key to the focused widget and runs a binding that is not a priority
    one only once the key has bubbled back up to the app, behind the keys typed after it:
    "+5x5" sent in one write with Alt+w (or typed right after `w` on Home) went to the
    screen the key left. No widget here handles a bound key in a handler of its own
    (`key_` methods, `on_key`) before its binding, so the binding is all the bubbling
    would have run.
    https://github.com/Textualize/textual/issues/6605"""
    if not is_command_key(event) and isinstance(app.focused, Input):
        return False
    return await app._check_bindings(event.key, priority=True) or await app._check_bindings(
        event.key
    )


class OrderedInput(Input):
    """An Input that runs a bound key (Enter, Backspace, up/down) as the key is read, in
    turn with the characters typed around it. Textual's Input inserts a character as it
    reads the key but runs a bound key only once it has bubbled up to the app, so in a
    burst of keys (typed ahead over a slow SSH link) they apply out of order: "100x5",
    Enter, "x6", Enter logged 100x5x6 twice; Ctrl+U, "120", Enter in a dialog saved an
    empty value. Every line a person types into is one.
    https://github.com/Textualize/textual/issues/6605 (fix proposed in
    https://github.com/Textualize/textual/pull/6631)

    `is_text(event)` says which printable keys are text (all, unless a subclass says);
    a key held with Alt or Ctrl never is (Input would type the "e" of alt+e)."""

    def is_text(self, event: events.Key) -> bool:
        return True

    async def _on_key(self, event: events.Key) -> None:
        command = is_command_key(event)
        if event.is_printable and not command and self.is_text(event):
            return  # Input's own handler, next, inserts it in order
        # The app's own binding lookup (focused widget, screen, app; the keymap applied),
        # run now rather than after the key has bubbled up.
        if await self.app._check_bindings(event.key) or (command and event.is_printable):
            event.stop()
            event.prevent_default()


class WriterOutlivingItsTerminal(WriterThread):
    """Textual's output thread, which goes on taking the app's writes once the terminal is
    gone. Textual's dies on the first write the terminal refuses (EIO once an SSH
    connection drops or the tmux pane is killed); its queue holds 30 writes, so the next
    frames fill it and the app, leaving, blocks for ever putting the last one: the process
    outlived its terminal, asleep. The same dead-writer hang as
    https://github.com/Textualize/textual/issues/6692 (after a failed suspend)."""

    def run(self) -> None:
        try:
            super().run()
        except (OSError, ValueError):  # the terminal is gone (ValueError: its file closed)
            while self._queue.get() is not None:
                pass  # nowhere to write to: let the app go on and leave


def keep_writing_when_the_terminal_goes() -> None:
    """Make the Linux driver use `WriterOutlivingItsTerminal` for the app's output."""
    linux_driver.WriterThread = WriterOutlivingItsTerminal  # type: ignore[misc]


class ParserAnsweringEscapeInTime(XTermParser):
    """Textual's key parser, whose lone Escape comes after `ESCDELAY`, not 100 ms. Textual
    tells a lone Escape from the start of a key's sequence by a deadline `ESCDELAY` after
    it, checked by `tick()`, which its input thread calls only after waiting up to 100 ms
    for more input: a lone Escape came 100 ms after the key whatever `ESCDELAY` said
    (https://github.com/Textualize/textual/blob/v8.2.8/src/textual/drivers/linux_driver.py#L458,
    `ESCDELAY` from https://github.com/Textualize/textual/pull/4848). Here `tick()` waits
    for input until that deadline: input ends the wait (the sequence goes on), else the
    Escape is due."""

    input_fd: int | None = None  # the terminal's; Textual's driver reads sys.__stdin__

    def tick(self) -> Iterable[Message]:
        deadline = self._timeout_time
        if deadline is not None:
            fd = sys.__stdin__.fileno() if self.input_fd is None else self.input_fd
            with contextlib.suppress(OSError, ValueError):  # no terminal: Textual's wait
                while (wait := deadline - get_time()) > 0:
                    if select.select([fd], [], [], wait)[0]:
                        break  # more input: the sequence may go on
        return super().tick()


def answer_escape_in_time() -> None:
    """Make the Linux driver read keys with `ParserAnsweringEscapeInTime`."""
    linux_driver.XTermParser = ParserAnsweringEscapeInTime  # type: ignore[misc]


TEXTUAL_BINDING_CHAIN = Screen._binding_chain  # Textual's own, for the canary


def _keymapped_binding_chain(screen: Screen) -> list[tuple[DOMNode, BindingsMap]]:
    """Textual's `Screen._binding_chain` with the keymap applied before the keys the
    focused line takes as text are left out, not after."""
    focused = screen.focused
    if focused is not None and focused.loading:
        focused = None
    nodes = [screen, screen.app] if focused is None else list(focused.ancestors_with_self)
    chain = [(node, node._bindings.copy()) for node in nodes]
    if keymap := screen.app._keymap:
        for node, bindings in chain:
            result = bindings.apply_keymap(keymap)
            if result.clashed_bindings:
                screen.app.handle_bindings_clash(result.clashed_bindings, node)
    for index, (_node, bindings) in enumerate(chain):
        for inner, _ in chain[:index]:
            for key in list(bindings.key_to_bindings):
                if inner.check_consume_key(key, key_to_character(key)):
                    del bindings.key_to_bindings[key]
    return chain


def remapped_keys_work_while_typing() -> None:
    """A key the keymap moves off a character (help from `?` to F1) works while a line
    has the focus. Textual leaves out every binding whose default key the focused line
    takes as text, and only then applies the keymap: the help key, moved to F1, was gone.
    Textual 8.2.8 `Screen._binding_chain`; no upstream issue yet."""
    Screen._binding_chain = property(_keymapped_binding_chain)  # type: ignore[method-assign,assignment]


def forget_watchers(observed: DOMNode, *, of: DOMNode | None = None) -> None:
    """Let go of the watchers kept on `observed` for nodes that are closed or detached (or,
    with `of`, for that node): Textual drops them only when the attribute watched changes
    again, so a widget that watched a long-lived one (`self.watch(self.app, ...)`,
    `data_bind`) is kept alive, with its whole subtree, until then.
    https://github.com/Textualize/textual/issues/6666"""
    for watchers in getattr(observed, WATCHERS, {}).values():
        watchers[:] = [
            (node, callback)
            for node, callback in watchers
            if node is not of and node.is_attached and not node._closing
        ]


# Textual has no public way to ask for these: help and the command palette list every key
# as it is bound now, with the user's keymap applied, and only actions a screen can do now.


def declared_bindings(node: DOMNode) -> list[tuple[str, Binding]]:
    """The node's own bindings, key by key, in the order they were declared."""
    return list(node._bindings)


def keymapped_bindings(app: App, node: DOMNode) -> BindingsMap:
    """The node's own bindings with the app's keymap applied: the map Textual dispatches
    its keys from."""
    bindings = node._bindings.copy()
    if app._keymap:
        bindings.apply_keymap(app._keymap)
    return bindings


def action_state(app: App, action: str, node: DOMNode) -> bool | None:
    """What `node` says of `action` now (its `check_action`): True, False (hidden) or None
    (shown, disabled)."""
    return app._check_action_state(action, node)


def bind_key(node: DOMNode, key: str, action: str) -> None:
    """Bind `key` to `action` on a node already mounted, not shown in the footer."""
    node._bindings.bind(key, action, show=False)


def styled_as_the_app_is(screen: Screen) -> Screen:
    """Mark a screen just made for a mode as styled with the app's CSS as it is now.

    The first time a mode is shown, Textual refreshes the CSS of the whole app for its new
    screen: it parses every stylesheet again, twice, re-applies them to every screen's
    widgets, and empties the parse cache, so the new screen's widgets parse every stylesheet
    once more as they mount. Yet each widget is styled as it mounts, and a screen whose CSS
    is the app's (`RestdayApp.CSS_PATH`) changes nothing: on the 10-year log that was a
    quarter of the time `y` took. A theme change later moves the app's count on, and the
    screen is refreshed then as before.
    https://github.com/Textualize/textual/pull/5211 ("could be improved upon in future, by
    avoiding a CSS refresh when not strictly required")"""
    screen._css_update_count = screen.app._css_update_count
    return screen


# Textual's footer has no public way to show another key for one of its actions: it composes
# every key again (new widgets, their styles, a layout: ~10 ms at 80x24) for any change.
# https://github.com/Textualize/textual/blob/v8.2.8/src/textual/widgets/_footer.py
# (FooterKey draws `key_display` and, clicked, presses `key`)


def footer_keys(footer: Footer) -> dict[str, FooterKey]:
    """The footer's key widgets, by their action."""
    return {key.action: key for key in footer.query(FooterKey)}


def show_key(footer_key: FooterKey, key: str, display: str) -> None:
    """Make a footer key widget show (as `display`) and press another key of its action."""
    if (footer_key.key, footer_key.key_display) != (key, display):
        footer_key.key, footer_key.key_display = key, display
        footer_key.refresh(layout=True)


def forget_drawn_lines(screen: Screen) -> None:
    """Let go of the lines a screen no longer shown keeps drawn: Textual keeps each widget's
    rendered lines until the widget changes, so every mode's screen, kept for the mode,
    held its last frame (3 MB of the app's peak after visiting every screen). Shown again,
    the screen draws them anew, as it does after a resize. Textual 8.2.8 `Widget._styles_cache`;
    no upstream issue."""
    for widget in (screen, *screen.walk_children()):
        widget._styles_cache.clear()
