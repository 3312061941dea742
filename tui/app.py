"""The restday app: one screen per job, a rest timer that runs across all of them."""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import os
import signal
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.events import Event, Key, Resize
from textual.message import Message
from textual.message_pump import MessagePump
from textual.reactive import var
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Input

from storage import giving_way
from storage.model.records import RestPeriod, utc_now
from tui.log_store import LogStore
from tui.messages import LogChanged, LogOpened, SaveFailed, SavesCaughtUp
from tui.screens.takes_typing import TakesTyping, keys_typed
from tui.textual_workarounds import (
    escape_digit,
    forget_drawn_lines,
    key_handled,
    run_binding_as_read,
    styled_as_the_app_is,
)

if TYPE_CHECKING:  # read by the log's writer after the first frame: imported then
    from storage.log.repository import Repository

EXIT_SIGNALS = (signal.SIGHUP, signal.SIGTERM)
REST_ONLY_BINDINGS = {"timer.add", "timer.subtract", "timer.pause", "timer.stop"}
REST_STEP_S = 15
TICK_S = 0.2
IMPORT_GAP_S = 0.01  # between two of history's modules imported ahead


def _home_screen() -> Screen:
    from tui.screens.home.screen import HomeScreen

    return HomeScreen()


def _workout_screen() -> Screen:
    from tui.screens.workout.screen import WorkoutScreen

    return WorkoutScreen()


def _history_screen() -> Screen:
    from tui.screens.history.screen import HistoryScreen

    return styled_as_the_app_is(HistoryScreen())


def _templates_screen() -> Screen:
    from tui.screens.templates.screen import TemplatesScreen

    return TemplatesScreen()


def _recovery_screen() -> Screen:
    from tui.screens.recovery.screen import RecoveryScreen

    return RecoveryScreen()


def _symptom_screen() -> Screen:
    from tui.screens.symptoms.screen import SymptomScreen

    return SymptomScreen()


def _settings_screen() -> Screen:
    from tui.screens.settings.screen import SettingsScreen

    return SettingsScreen()


class RestdayApp(App):
    TITLE = "restday"
    MODES = {
        "home": _home_screen,
        "workout": _workout_screen,
        "recovery": _recovery_screen,
        "symptoms": _symptom_screen,
        "history": _history_screen,
        "settings": _settings_screen,
        "templates": _templates_screen,
    }
    # Read at start: adding a stylesheet later re-parses and re-applies every one, which
    # would cost opening history a third of its time budget, and the first frame (home's)
    # a parse of them all.
    CSS_PATH = [
        Path(__file__).parent / "screens" / "home" / "home.tcss",
        Path(__file__).parent / "screens" / "history" / "history.tcss",
    ]
    # A binding with an id and a tooltip is a command in the palette (ctrl+p) too.
    BINDINGS = [
        Binding(
            "h,alt+h",
            "switch_mode('home')",
            "Home",
            id="screen.home",
            tooltip="Readiness: train as planned, reduce or rest",
        ),
        Binding(
            "w,alt+w",
            "switch_mode('workout')",
            "Workout",
            id="screen.workout",
            tooltip="Today's workout",
        ),
        Binding(
            "r,alt+r",
            "switch_mode('recovery')",
            "Recovery",
            id="screen.recovery",
            tooltip="Sleep, water, protein, carbs, bodyweight, stress",
        ),
        Binding(
            "s,alt+s",
            "switch_mode('symptoms')",
            "Symptoms",
            id="screen.symptoms",
            tooltip="Weakness, energy, mood, motivation, soreness",
        ),
        Binding(
            "y,alt+y",
            "switch_mode('history')",
            "History",
            id="screen.history",
            tooltip="Calendar, sessions, progress and trends",
        ),
        Binding(
            "comma",
            "switch_mode('settings')",
            "Settings",
            id="screen.settings",
            tooltip="kg or lb, and the other settings",
        ),
        Binding(
            "l,alt+l",
            "switch_mode('templates')",
            "Templates",
            id="screen.templates",
            show=False,
            tooltip="Make, change and delete workout templates",
        ),
        # F1 too: while a line has the focus, "?" types
        Binding("question_mark,f1", "help", "Help", id="help", tooltip="Every key"),
        Binding("q", "quit", "Quit", id="quit", tooltip="Save and leave restday"),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            id="palette",
            show=False,
            priority=True,
            tooltip="Search screens and actions",
        ),
        Binding(
            "plus,equals_sign",
            f"rest_adjust({REST_STEP_S})",
            f"+{REST_STEP_S}s",
            id="timer.add",
            show=False,
        ),
        Binding(
            "minus",
            f"rest_adjust(-{REST_STEP_S})",
            f"-{REST_STEP_S}s",
            id="timer.subtract",
            show=False,
        ),
        Binding("space", "rest_pause", "Pause rest", id="timer.pause", show=False),
        Binding("x,alt+x", "rest_stop", "Stop rest", id="timer.stop", show=False),
        Binding("t,alt+t", "rest_view", "Full-screen timer", id="timer.view", show=False),
    ]

    rest: var[RestPeriod | None] = var(None, init=False)
    """The rest timer: running, paused or run over; None when there is none."""
    now: var[datetime] = var(datetime.min.replace(tzinfo=UTC), init=False, always_update=True)
    """The app's clock as of its last tick (every 0.2 s): what the timer on screen reads."""
    save_problem: var[str | None] = var(None, init=False)
    """Why changes are waiting to be saved, while some are (they are being retried)."""
    cannot_write: var[str | None] = var(None, init=False)
    """Why the log can never be written (read-only: a newer restday's), if it cannot: every
    screen's header says so, and the entry lines take nothing."""

    def __init__(
        self,
        repo: Repository | str | os.PathLike[str],
        *,
        clock: Callable[[], datetime] = utc_now,
        keymap_file: Path | None = None,
        first_screen: str | None = None,
    ) -> None:
        """`repo` is an open Repository, or the log's path: then the log is read by the
        writer once the first frame is on screen, and screens get `LogOpened`.
        `first_screen` is a mode; the first of MODES (home) by default."""
        # The app starts in its first mode: switching to it from Textual's blank default
        # screen read the stylesheet twice more and held the first frame back 50 ms
        # (`switch_mode` delays updates to hide the change of screens).
        self.DEFAULT_MODE = first_screen or next(iter(self.MODES))
        super().__init__()
        self.store = LogStore(repo, clock=clock)
        self.clock = clock
        self._key_target: MessagePump | None = None  # where the last key went
        self.set_reactive(RestdayApp.now, clock())
        self._rest_alerted: datetime | None = None
        if keymap_file is None:
            from storage.paths import keymap_path

            keymap_file = keymap_path()
        self.keymap_file = keymap_file
        self.open_error: BaseException | None = None  # the log could not be read: cli says why
        self.exit_signal: int | None = None
        self.exiting = False
        self._ticking: Timer | None = None
        self._shown: Screen | None = None  # on top: its drawn lines go when it is left

    def on_load(self) -> None:
        self._apply_keymap()  # before the first screen is made: its footer shows the keys

    def on_mount(self) -> None:
        self._handle_exit_signals()
        self._write_log()
        if self.store.ready:
            self._load_rest()
            self._check_writable()
        self._ticking = self.set_interval(TICK_S, self.tick)
        self.screen_change_signal.subscribe(self, self._screen_changed)
        self.check_size()

    @work(thread=True, name="log writer", group="log writer")
    def _write_log(self) -> None:
        """The one worker that writes the log: every change, in order (`LogStore.run`)."""
        self.store.run(self.post_message)

    def on_ready(self) -> None:
        """The first frame is on screen: now read the log, if it was given by path (a
        screen with a `first_look`, home, shows the recent weeks meanwhile)."""
        if not self.store.ready:
            self.store.open(getattr(self.screen, "first_look", None))

    @on(LogOpened)
    def _log_opened(self) -> None:
        """The log has been read (or failed to be): tell every screen, or leave."""
        if (error := self.store.error) is not None:
            self._cannot_open(error)
            return
        self._load_rest()
        self._check_writable()
        self.tell_screens(LogOpened)
        if self.current_mode != "history":  # else History imports them itself, on a thread
            self.call_after_refresh(self._import_history, self.screen)

    def _import_history(self, shown: Screen, left: tuple[str, ...] | None = None) -> None:
        """History's modules, loaded while the screen the log opened on (home) shows the
        score, not in `y`'s time: one at a time on the UI thread, with a pause between for
        the keys typed meanwhile (each waits for one module at most), and none once a key
        has changed the screen. A worker importing them would share the interpreter, and
        the modules, with the key's answer."""
        if left is None:
            from tui.screens.history.ahead import MODULES

            left = MODULES
        if left and self.screen_stack[-1:] == [shown]:  # (none while the app closes)
            importlib.import_module(left[0])
            self.set_timer(IMPORT_GAP_S, partial(self._import_history, shown, left[1:]))

    @on(LogChanged)
    def _log_changed(self) -> None:
        if not self.store.pending:  # the timer as saved, with nothing of ours on its way
            self._show_rest(self.store.snapshot.running_rest())
        self._check_writable()
        self.tell_screens(LogChanged)

    def _check_writable(self) -> None:
        self.cannot_write = self.store.snapshot.read_only_reason

    @on(SaveFailed)
    def _save_failed(self, message: SaveFailed) -> None:
        if message.kept:
            self.save_problem = message.problem
        else:
            self.notify(message.problem, title="Not saved", severity="error", markup=False)

    @on(SavesCaughtUp)
    def _saves_caught_up(self) -> None:
        self.save_problem = None
        self.tell_screens(SavesCaughtUp)

    def tell_screens(self, message: Callable[[], Message]) -> None:
        """Post a `message()` to every screen of every mode (a screen of a mode not shown
        yet has not been made: it reads the log when it mounts)."""
        for mode in dict.fromkeys((self.current_mode, *self.MODES)):
            with contextlib.suppress(KeyError):  # a mode not visited yet has no screens
                for screen in self.get_screen_stack(mode):
                    screen.post_message(message())

    async def on_event(self, event: Event) -> None:
        if isinstance(event, Key) and not event.is_forwarded:
            giving_way.hold()  # the log's read waits until the key's answer is on screen
            try:
                await self._read_key(event)
            finally:
                self._release_once_answered()
            return
        await super().on_event(event)

    async def _read_key(self, event: Key) -> None:
        # A screen that takes typing anywhere (the workout's) sees each key before it goes
        # to the focused widget, in the order typed: it may move the focus to its line.
        # Each key after the one before has been handled: that one may change the screen,
        # and a key no line takes as text runs its binding as it is read.
        await key_handled(self._key_target)
        event = await self._escape_read_with(self._escape_digit(event))
        self._close_help_for_typing(event)
        if isinstance(self.screen, TakesTyping):
            self.screen.take_typing(event)
        if await run_binding_as_read(self, event):
            self._key_target = self.screen  # the keys behind it wait for it to mount
            return
        self._key_target = self.focused or self.screen
        await super().on_event(event)

    def _release_once_answered(self) -> None:
        """Let the log's read go on once the key's answer is on screen: after the next
        frame, or once the key is handled if it has nothing to draw (a key held down that
        drew nothing kept the read waiting as long as it was held)."""
        target = self._key_target
        if target is None or not target.call_after_refresh(giving_way.release):
            giving_way.release()

    def _close_help_for_typing(self, key: Key) -> None:
        """Help over a screen that takes typing anywhere closes for a key that types there
        (not one of help's own keys: ?, q, Escape): the key goes on to the line, as help's
        first line says ("110x3" typed over help was dropped)."""
        from tui.screens.help import HelpScreen

        help_screen = self.screen
        if not isinstance(help_screen, HelpScreen):
            return
        below = help_screen.for_screen
        typed = isinstance(below, TakesTyping) and below.types(key.key)
        if typed and key.key not in help_screen.active_bindings:
            help_screen.dismiss(None)

    def _escape_digit(self, key: Key) -> Key:
        """Escape and a digit read as a character (`textual_workarounds.escape_digit`) are
        Alt+digit, unless a line that takes any text has the focus (a note may hold "£"):
        the workout's entry line takes no such character."""
        alt = escape_digit(key)
        if alt is None:
            return key
        if isinstance(self.focused, Input) and not isinstance(self.screen, TakesTyping):
            return key
        return alt

    async def _escape_read_with(self, key: Key) -> Key:
        """A terminal sends Alt+1 as Escape then 1, so Escape and the key typed right after
        it (within a few ms, or in one SSH packet) arrive as one Alt+key. Over a dialog
        that Escape closes and that has no use for the Alt+key (the finish dialog, a note),
        it is that: the dialog closes, and the key goes on, as typed, to the screen below
        (where a 1 begins a set, never a session RPE)."""
        dialog = self.screen
        character = key.character
        if not (
            isinstance(dialog, ModalScreen)
            and key.key.startswith("alt+")
            and character is not None
            and character.isalnum()
            and key.key not in dialog.active_bindings
        ):
            return key
        escape = dialog.active_bindings.get("escape")
        if escape is None or not escape.enabled:
            return key
        await self.run_action(escape.binding.action, escape.node)  # it dismisses the dialog
        typed = Key(character, character)
        typed.set_sender(self)
        return typed

    def _screen_changed(self, screen: Screen) -> None:
        if self._shown is not None and self._shown is not screen:
            forget_drawn_lines(self._shown)
        self._shown = screen
        self.tick()  # the new screen's header shows the timer as of now
        self.call_later(self.check_size)

    def exit(self, *args, **kwargs) -> None:
        self.exiting = True
        if self._ticking is not None:
            self._ticking.stop()  # the screens go next: nothing may draw the timer then
        super().exit(*args, **kwargs)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Keys typed ahead of a quit ("q" then "s") must not open a screen while the app
        # closes: it would be mounted half-way.
        if self.exiting:
            return False
        from tui.screens.too_small import TooSmallScreen

        screen = self.screen
        if isinstance(screen, TooSmallScreen) and not screen.offers_screens:
            return action == "quit"  # no screen fits: only leaving does something
        return True

    def _load_rest(self) -> None:
        rest = self.store.snapshot.running_rest()
        if rest is not None and rest.remaining(self.clock()) <= 0:
            self._rest_alerted = rest.started  # it ran out before the app opened
        self.rest = rest

    def _cannot_open(self, error: BaseException) -> None:
        self.open_error = error
        self.exit(return_code=1)

    async def action_quit(self) -> None:
        """Leave, once every change is saved; with some not saved, ask first."""
        from tui.screens.dialogs.quit import QuitScreen

        if self.exiting or isinstance(self.screen, QuitScreen):
            return
        if self.store.pending and self.save_problem is None:
            self._quit_when_saved()  # most likely saved within moments: then leave
            return
        if self.store.pending:
            self.push_screen(QuitScreen(self.store.pending, self.save_problem), self._leave)
            return
        self.exit()

    @work(exclusive=True, group="quit")
    async def _quit_when_saved(self) -> None:
        from tui.screens.dialogs.quit import QuitScreen

        self.notify("Saving before leaving…", timeout=2)
        await asyncio.wrap_future(self.store.flushed())  # a try is seconds at most
        if self.exiting or isinstance(self.screen, QuitScreen):
            return
        if self.store.pending:
            problem = self.store.problem or self.save_problem
            self.push_screen(QuitScreen(self.store.pending, problem), self._leave)
        else:
            self.exit()

    def _leave(self, anyway: bool | None) -> None:
        if anyway:
            self.exit()

    def on_unmount(self) -> None:
        try:
            # With our handlers still on, a SIGTERM or SIGHUP that comes while the last
            # saves wait for the log's lock does not end the process before they are made
            # (a held lock keeps them seconds at most). What is not saved, the command
            # prints once the terminal is back (`store.unsaved`).
            self.store.close()
        finally:
            if not self.is_headless:
                loop = asyncio.get_running_loop()
                for signum in EXIT_SIGNALS:
                    loop.remove_signal_handler(signum)

    # -- the shell: keymap, terminal size, signals -------------------------------------------

    def _apply_keymap(self) -> None:
        if not self.keymap_file.exists():
            return  # the usual case: no remapping, and nothing to import
        from tui.keymap import known_binding_ids, load_keymap
        from tui.textual_workarounds import remapped_keys_work_while_typing

        remapped_keys_work_while_typing()

        keymap = load_keymap(self.keymap_file)
        if keymap.keys:
            keymap = keymap.check_ids(known_binding_ids(type(self)))
        if keymap.notice is not None:
            title = "Keymap: lines not used" if keymap.keys else "Keymap not used"
            self.notify(keymap.notice, title=title, severity="error", timeout=20, markup=False)
        self.set_keymap(keymap.keys)

    def on_resize(self, event: Resize) -> None:
        self.check_size(*event.size)

    def check_size(self, width: int | None = None, height: int | None = None) -> None:
        """Below 80x24 the app is compact (`too_small`): the screens made for it lay out in
        one column; over any other, or below 45x20, a notice says what size is needed. It
        goes when the screen fits again."""
        from tui.screens.too_small import (
            COMPACT_CLASS,
            TooSmallScreen,
            fits,
            is_compact,
            needed_size,
        )

        if self.current_mode not in self.MODES:
            return  # not started yet: on_mount checks
        if width is None or height is None:
            width, height = self.size
        self.set_class(is_compact(width, height), COMPACT_CLASS)
        screen = self.screen
        if isinstance(screen, TooSmallScreen):
            if not fits((width, height), screen.needed):
                return
            self.pop_screen()
            screen = screen.covered
            # The app's class changed while the notice was on top, and App.update_styles
            # restyles only the top screen: the one uncovered still has the old layout.
            screen.update_node_styles(animate=False)
        if not fits((width, height), needed_size(screen)):
            base = screen is self.screen_stack[0] or len(self.screen_stack) == 1
            name = self.current_mode.capitalize() if base else "This screen"
            self.push_screen(TooSmallScreen(screen, name))

    def _handle_exit_signals(self) -> None:
        """SIGHUP (the SSH connection dropped) and SIGTERM: save and leave, exit status 0."""
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for signum in EXIT_SIGNALS:
            loop.add_signal_handler(signum, self._exit_on_signal, signum)

    def _exit_on_signal(self, signum: int) -> None:
        self.exit_signal = signum
        self.exit()  # on_unmount saves what is pending (store.close) before the process ends

    # -- the rest timer ----------------------------------------------------------------

    def start_rest(self, period: RestPeriod | None) -> None:
        """Show the rest a change on its way to the log begins (the repository stores it
        with the set), or None for one that ends it (a set with no rest, a finish)."""
        self._rest_alerted = None
        self._show_rest(period)

    def _show_rest(self, period: RestPeriod | None) -> None:
        self.rest = period
        self.tick()

    def tick(self) -> None:
        """Move the app's clock on: the timer on screen follows (`now`). Not once the app
        closes (a test's run ends without `exit()`): its screens are going."""
        if self.is_running and not self.exiting:
            self.now = self.clock()

    def watch_now(self) -> None:
        self._ring_when_over()

    def watch_rest(self) -> None:
        self._ring_when_over()

    def _ring_when_over(self) -> None:
        """Ring once when the rest runs out."""
        rest = self.rest
        if rest is None:
            return
        remaining = rest.remaining(self.now)
        if remaining > 0 and self._rest_alerted == rest.started:
            self._rest_alerted = None  # time was added after it rang: ring again at zero
        if remaining <= 0 and self._rest_alerted != rest.started and not rest.paused:
            self._rest_alerted = rest.started
            self.bell()
            self.notify("Rest is over: time for the next set.", title="Rest timer")

    def _save_rest(self, period: RestPeriod | None) -> None:
        if period is None:
            self.store.save(lambda repo: repo.stop_rest())
        else:
            self.store.save(lambda repo: repo.save_rest_period(period))
        self._show_rest(period)

    def action_rest_adjust(self, seconds: int) -> None:
        if self.rest is not None:
            self._save_rest(self.rest.adjust(seconds))

    def action_rest_pause(self) -> None:
        if self.rest is not None:
            now = self.clock()
            self._save_rest(self.rest.resume(now) if self.rest.paused else self.rest.pause(now))

    def action_rest_stop(self) -> None:
        if self.rest is not None:
            self._save_rest(None)

    def action_rest_view(self) -> None:
        """Open the big-digit rest timer; `t` again (or Escape) closes it."""
        from tui.screens.rest_timer import RestTimerScreen

        if isinstance(self.screen, RestTimerScreen):
            self.screen.dismiss()
        else:
            self.push_screen(RestTimerScreen())

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every screen and action with its key (as remapped): the app's bindings, then the
        current screen's; Textual's own Theme and Screenshot stay."""
        from tui.screens.help import ELSEWHERE, effective_bindings
        from tui.textual_workarounds import action_state

        for command in super().get_system_commands(screen):
            if command.title not in ("Quit", "Keys"):  # ours below carry their key
                yield command
        for node in (self, screen):
            for row in effective_bindings(self, node, keys_typed(screen)):
                binding = row.binding
                if binding.id is None or binding.action in ("command_palette", "help_quit"):
                    continue
                if binding.id in REST_ONLY_BINDINGS and self.rest is None:
                    continue  # they do something only while a rest runs
                if not action_state(self, binding.action, node):
                    continue  # the screen says it can do nothing now (no workout to finish)
                keys = f"key: {', '.join(row.keys)}"
                if row.description.endswith(ELSEWHERE):  # chosen here, it runs here all the same
                    keys += ELSEWHERE
                help_text = f"{binding.tooltip} · {keys}" if binding.tooltip else keys
                yield SystemCommand(
                    row.description.removesuffix(ELSEWHERE),
                    help_text,
                    partial(self.run_action, binding.action, node),
                )
