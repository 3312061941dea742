"""What size each screen needs, and the one-line notice shown instead of a screen while the
terminal is smaller.

At 80x24 or more every screen has its full layout. Below that, down to 45x20 (a phone in
portrait), the app has the `-compact` class and the screens a lifter uses between sets
(`CompactLayout`: home, the workout, the rest timer, recovery and symptoms, and help,
which is how a phone user finds the keys) lay themselves out by their compact rules;
any other screen, or any screen below 45x20, is covered by `TooSmallScreen`, which says
what size is needed. The app pushes it and pops it as the terminal and the screens change
(`RestdayApp.check_size`), so no screen has to handle small terminals itself.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Static

FULL_SIZE = (80, 24)
COMPACT_SIZE = (45, 20)
COMPACT_CLASS = "-compact"
# The app's keys a notice offers: the screens that fit a phone, and quit.
COMPACT_KEYS = ("screen.workout", "screen.recovery", "screen.symptoms", "quit")


class CompactLayout:
    """A screen with a layout for COMPACT_SIZE too: its .tcss has rules under `.-compact`."""


def fits(size: tuple[int, int], needed: tuple[int, int]) -> bool:
    return size[0] >= needed[0] and size[1] >= needed[1]


def is_compact(width: int, height: int) -> bool:
    """Whether the terminal is below the full layout's size (the app's `-compact` class)."""
    return not fits((width, height), FULL_SIZE)


def needed_size(screen: Screen) -> tuple[int, int]:
    return COMPACT_SIZE if isinstance(screen, CompactLayout) else FULL_SIZE


def notice(name: str, needed: tuple[int, int], width: int, height: int) -> str:
    return f"{name} needs {needed[0]}x{needed[1]} (this is {width}x{height})"


class TooSmallScreen(Screen[None]):
    """Covers `covered`, a screen that does not fit the terminal. Not modal: if a compact
    screen fits, the app's keys switch to it (`offers_screens`), and Escape closes a dialog
    or help that does not fit; if none fits, only quitting works (`RestdayApp.check_action`)."""

    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
        background: $background;
    }
    TooSmallScreen > Static {
        width: 100%;
        height: auto;
        text-align: center;
        content-align: center middle;
    }
    TooSmallScreen > #too-small-hint {
        color: $text-muted;
    }
    """
    BINDINGS = [
        Binding("q,ctrl+q", "app.quit", "Quit", show=False),
        Binding("escape", "close_covered", "Close", show=False),
    ]
    AUTO_FOCUS = None

    def __init__(self, covered: Screen, name: str) -> None:
        super().__init__()
        self.covered = covered
        self.needed = needed_size(covered)
        self.covered_name = name
        self.offers_screens = self.needed == FULL_SIZE
        """Whether the app's keys lead to a screen that fits (else they do nothing)."""

    def compose(self) -> ComposeResult:
        yield Static(self._notice(*self.app.size), id="too-small", markup=False)
        yield Static(self._hint(), id="too-small-hint", markup=False)

    def _notice(self, width: int, height: int) -> str:
        return notice(self.covered_name, self.needed, width, height)

    def _hint(self) -> str:
        """The keys (as remapped) of the screens that fit a phone, when this one needs more."""
        from tui.screens.help import effective_bindings

        wanted = COMPACT_KEYS if self.offers_screens else ("quit",)
        rows = {row.binding.id: row for row in effective_bindings(self.app, self.app)}
        keys = [f"{rows[i].keys[0]} {rows[i].description.lower()}" for i in wanted if i in rows]
        return " · ".join(keys)

    def on_resize(self, event: Resize) -> None:
        self.query_one("#too-small", Static).update(self._notice(*event.size))

    def action_close_covered(self) -> None:
        """Escape closes what Escape would close if it could be seen: a dialog or help
        (not a mode's own screen, which has nothing under it)."""
        stack = self.app.screen_stack
        if len(stack) > 2 and stack[-2] is self.covered:
            self.app.pop_screen()
            self.covered.dismiss()
