"""Canaries for `tui/textual_workarounds.py`: each fails when a Textual upgrade changes what
a workaround relies on, or fixes what it works around (then the workaround can go)."""

from __future__ import annotations

import inspect
import os
import threading
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from textual import events
from textual._xterm_parser import XTermParser
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingsMap
from textual.drivers import linux_driver
from textual.drivers._writer_thread import WriterThread
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from tui.textual_workarounds import (
    TEXTUAL_BINDING_CHAIN,
    WATCHERS,
    OrderedInput,
    ParserAnsweringEscapeInTime,
    WriterOutlivingItsTerminal,
    _keymapped_binding_chain,
    answer_escape_in_time,
    footer_keys,
    forget_watchers,
    keep_writing_when_the_terminal_goes,
    run_binding_as_read,
    show_key,
    styled_as_the_app_is,
)

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_the_textual_these_were_written_for_is_the_one_installed() -> None:
    """A new pin: check each workaround below against the new Textual, then pin here."""
    dependencies = tomllib.loads(PYPROJECT.read_text())["project"]["dependencies"]
    assert "textual==8.2.8" in dependencies
    assert version("textual") == "8.2.8"


def test_the_private_names_used_are_there() -> None:
    assert inspect.iscoroutinefunction(App._check_bindings)
    assert callable(App._check_action_state)
    app = App()
    assert isinstance(app._bindings, BindingsMap) and hasattr(app, "_keymap")
    assert inspect.iscoroutinefunction(Input._on_key)


class TypingApp(App):
    def __init__(self, line: Input) -> None:
        super().__init__()
        self.line = line

    def compose(self) -> ComposeResult:
        yield self.line


async def burst(line: Input, *keys: str) -> str:
    """Type `keys` in one burst, as over a slow SSH link; what the line then holds."""
    app = TypingApp(line)
    async with app.run_test() as pilot:
        for key in keys:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause(0.1)
        return line.value


async def test_textual_6605_a_bound_key_in_a_burst_still_applies_out_of_order() -> None:
    """https://github.com/Textualize/textual/issues/6605: Backspace runs after the "c"
    typed behind it. When this fails, Textual has fixed it: `OrderedInput` can go."""
    assert await burst(Input(), "b", "a", "backspace", "c") == "ba"


async def test_ordered_input_applies_a_burst_in_order() -> None:
    assert await burst(OrderedInput(), "b", "a", "backspace", "c") == "bc"


class TwoLines(App):
    """Alt+w moves the focus to the second line (as it moves to another screen)."""

    BINDINGS = [Binding("alt+w", "second")]

    def __init__(self, *, commands_as_read: bool) -> None:
        super().__init__()
        self.commands_as_read = commands_as_read

    def compose(self) -> ComposeResult:
        yield OrderedInput(id="first")
        yield OrderedInput(id="second")

    def action_second(self) -> None:
        self.set_focus(self.query_one("#second"))

    async def on_event(self, event: events.Event) -> None:
        if (
            self.commands_as_read
            and isinstance(event, events.Key)
            and not event.is_forwarded
            and await run_binding_as_read(self, event)
        ):
            return
        await super().on_event(event)


async def typed_behind_alt_w(*, commands_as_read: bool) -> tuple[str, str]:
    """Alt+w and "a" in one burst: what each line then holds."""
    app = TwoLines(commands_as_read=commands_as_read)
    async with app.run_test() as pilot:
        app.post_message(events.Key("alt+w", "w"))
        app.post_message(events.Key("a", "a"))
        await pilot.pause(0.1)
        return app.query_one("#first", Input).value, app.query_one("#second", Input).value


async def test_textual_6605_a_key_behind_a_bound_command_goes_where_the_focus_was() -> None:
    """Alt+w's binding runs once the focused line reads the key (or, in a plain Input, once
    it has bubbled back up to the app), after the "a" behind it was forwarded to that line.
    When this fails, `run_binding_as_read` can go."""
    assert await typed_behind_alt_w(commands_as_read=False) == ("a", "")


async def test_a_command_run_as_read_sends_the_keys_behind_it_to_the_new_focus() -> None:
    assert await typed_behind_alt_w(commands_as_read=True) == ("", "a")


class Watched(App):
    value: var[int] = var(0)

    def compose(self) -> ComposeResult:
        yield Static(id="watcher")

    def on_mount(self) -> None:
        self.query_one("#watcher").watch(self, "value", lambda: None)


def watchers_of(app: App) -> list:
    return getattr(app, WATCHERS, {}).get("value", [])


async def test_textual_6666_a_removed_widget_stays_watching_until_the_value_changes() -> None:
    """https://github.com/Textualize/textual/issues/6666. When the first assertion fails,
    Textual lets go of them itself: `forget_watchers` can go."""
    app = Watched()
    async with app.run_test() as pilot:
        await app.query_one("#watcher").remove()
        await pilot.pause()
        assert len(watchers_of(app)) == 1  # kept, and the widget with it
        forget_watchers(app)
        assert watchers_of(app) == []


class GoneTerminal:
    """A terminal that has hung up: every write fails, as on a pty whose session ended."""

    def write(self, text: str) -> int:
        raise OSError(5, "Input/output error")

    def flush(self) -> None:
        raise OSError(5, "Input/output error")


def writes_after_the_terminal_went(writer: WriterThread) -> bool:
    """Whether the app, writing 40 frames after its terminal went and then leaving, gets
    through (False: it would block for ever)."""
    writer.start()

    def app_writing_then_leaving() -> None:
        for _ in range(40):
            writer.write("frame")
        writer.stop()

    app = threading.Thread(target=app_writing_then_leaving, daemon=True)
    app.start()
    app.join(timeout=2)
    return not app.is_alive()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_textual_6692_a_writer_that_lost_its_terminal_blocks_the_app() -> None:
    """Textual's output thread dies on the first failed write and its queue fills: the app
    leaving blocks for ever. When this fails, Textual has fixed it:
    `WriterOutlivingItsTerminal` can go."""
    assert not writes_after_the_terminal_went(WriterThread(GoneTerminal()))  # type: ignore[arg-type]


def test_the_writer_outliving_its_terminal_lets_the_app_leave() -> None:
    assert writes_after_the_terminal_went(WriterOutlivingItsTerminal(GoneTerminal()))  # type: ignore[arg-type]
    keep_writing_when_the_terminal_goes()
    assert linux_driver.WriterThread is WriterOutlivingItsTerminal


def test_textual_checks_a_lone_escape_only_after_waiting_100_ms_for_input() -> None:
    """Textual's input thread feeds what it reads to its parser, then calls `tick()` (where a
    lone Escape's deadline is checked) only after waiting up to 100 ms for more input: the
    Escape came 100 ms after the key whatever ESCDELAY said. When this fails, the input
    loop has changed: see whether `ParserAnsweringEscapeInTime` is still needed."""
    loop = inspect.getsource(linux_driver.LinuxDriver.run_input_thread)
    assert "parser = XTermParser(self._debug)" in loop
    assert "process_selector_events(selector.select(0.1))" in loop
    assert "for event in tick():" in loop
    parser = XTermParser()
    assert list(parser.feed("\x1b")) == [] and parser._timeout_time is not None
    assert list(parser.tick()) == []  # before the deadline: nothing, and no wait


@pytest.fixture
def terminal_input():
    """A pipe standing for the terminal: its reading end, and its writing end."""
    read_end, write_end = os.pipe()
    yield read_end, write_end
    os.close(read_end)
    os.close(write_end)


def test_a_lone_escape_is_answered_by_the_first_tick(terminal_input) -> None:
    parser = ParserAnsweringEscapeInTime()
    parser.input_fd = terminal_input[0]
    assert list(parser.feed("\x1b")) == []
    assert [event.key for event in parser.tick()] == ["escape"]


def test_input_coming_before_the_deadline_goes_on_with_the_sequence(terminal_input) -> None:
    read_end, write_end = terminal_input
    parser = ParserAnsweringEscapeInTime()
    parser.input_fd = read_end
    os.write(write_end, b"[A")  # the rest of the Up key's sequence, not yet read
    assert list(parser.feed("\x1b")) == []
    assert list(parser.tick()) == []  # the wait ended by input: no Escape
    assert [event.key for event in parser.feed(os.read(read_end, 8).decode())] == ["up"]


def test_the_linux_driver_reads_keys_with_the_parser_answering_escape_in_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(linux_driver, "XTermParser", XTermParser)  # put back after
    answer_escape_in_time()
    assert linux_driver.XTermParser is ParserAnsweringEscapeInTime


class _LineAndHelp(App):
    BINDINGS = [Binding("question_mark", "help", "Help", id="help")]

    def compose(self) -> ComposeResult:
        yield Input()


async def test_textual_still_drops_a_key_moved_off_a_character_while_a_line_is_focused() -> None:
    """Textual leaves out the bindings whose default key the focused line takes as text,
    then applies the keymap: help moved from ? to F1 is gone (`remapped_keys_work_while_typing`
    keeps it)."""
    app = _LineAndHelp()
    app.set_keymap({"help": "f1"})
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.focused, Input)

        def keys(chain: list[tuple[object, BindingsMap]]) -> set[str]:
            return {key for _node, bindings in chain for key in bindings.key_to_bindings}

        assert "f1" not in keys(TEXTUAL_BINDING_CHAIN.fget(app.screen))
        assert "f1" in keys(_keymapped_binding_chain(app.screen))


def test_textual_reads_escape_and_a_digit_as_an_option_character() -> None:
    """`escape_digit`: while Textual maps Escape+digit to macOS's Option characters."""
    from textual._ansi_sequences import ANSI_SEQUENCES_KEYS

    from tui.textual_workarounds import ESCAPE_DIGIT_CHARACTERS

    for character, digit in ESCAPE_DIGIT_CHARACTERS.items():
        if character != "§":  # Escape+§ reads as § too
            assert ANSI_SEQUENCES_KEYS[f"\x1b{digit}"] == character


class Modes(App):
    """Two modes; the second's screen is styled by the app's CSS."""

    CSS = "#mark { height: 3; }"
    MODES = {"first": Screen, "second": lambda: Modes.second_screen()}
    mark_new_screens = False

    @classmethod
    def second_screen(cls) -> Screen:
        screen = Screen()
        screen.compose_add_child(Static("second", id="mark"))
        return styled_as_the_app_is(screen) if cls.mark_new_screens else screen

    def __init__(self) -> None:
        super().__init__()
        self.css_refreshes = 0

    def on_mount(self) -> None:
        self.switch_mode("first")

    def refresh_css(self, animate: bool = True) -> None:
        self.css_refreshes += 1
        super().refresh_css(animate)


async def css_refreshes_showing_a_new_mode(*, marked: bool) -> int:
    Modes.mark_new_screens = marked
    app = Modes()
    async with app.run_test() as pilot:
        await pilot.pause()
        before = app.css_refreshes
        await app.switch_mode("second")
        await pilot.pause()
        assert app.screen.query_one("#mark").styles.height.value == 3  # styled all the same
        refreshes = app.css_refreshes - before
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        assert app.screen._css_update_count == app._css_update_count  # a theme still reaches it
    return refreshes


async def test_textual_5211_refreshes_the_whole_apps_css_for_a_new_modes_screen() -> None:
    """https://github.com/Textualize/textual/pull/5211. When this fails, Textual refreshes
    the CSS only when needed: `styled_as_the_app_is` can go."""
    assert await css_refreshes_showing_a_new_mode(marked=False) > 0


async def test_a_new_modes_screen_marked_styled_is_shown_without_a_css_refresh() -> None:
    assert await css_refreshes_showing_a_new_mode(marked=True) == 0


class FooterApp(App):
    BINDINGS = [Binding("question_mark,f1", "help", "Help")]

    def compose(self) -> ComposeResult:
        yield Footer()


async def test_a_footer_key_shows_and_presses_the_key_it_is_given() -> None:
    """`show_key`: FooterKey draws its `key_display` and, clicked, presses its `key`."""
    app = FooterApp()
    async with app.run_test() as pilot:
        footer = app.query_one(Footer)
        while "help" not in footer_keys(footer):  # composed once its bindings are known
            await pilot.pause()
        key = footer_keys(footer)["help"]
        assert (key.key, key.key_display) == ("question_mark", "?")
        show_key(key, "f1", "f1")
        await pilot.pause()
        assert str(key.render()) == " f1 Help " and key.region.width == len(" f1 Help ")
        pressed = []
        app.simulate_key = pressed.append  # type: ignore[method-assign]
        await pilot.click(key)
        assert pressed == ["f1"]


def test_a_widget_keeps_its_drawn_lines_in_a_cache_it_can_empty() -> None:
    cache = Static()._styles_cache
    assert isinstance(cache._cache, dict) and callable(cache.clear)
