"""Shown instead of any screen while the terminal is smaller than restday's layout needs.

The app pushes it on every resize below the minimum and pops it when the terminal grows
(`RestdayApp.check_size`), so no screen has to handle small terminals itself.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widgets import Static

MIN_WIDTH = 80
MIN_HEIGHT = 24


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


def notice(width: int, height: int) -> str:
    return f"terminal too small ({width}x{height}): restday needs {MIN_WIDTH}x{MIN_HEIGHT}"


class TooSmallScreen(ModalScreen[None]):
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
    # modal: the keys of the screens below do nothing while they cannot be seen
    BINDINGS = [Binding("q,ctrl+q", "app.quit", "Quit", show=False)]
    AUTO_FOCUS = None

    def compose(self) -> ComposeResult:
        width, height = self.app.size
        yield Static(notice(width, height), id="too-small")
        yield Static("make the window larger, or q to quit", id="too-small-hint")

    def on_resize(self, event: Resize) -> None:
        self.query_one("#too-small", Static).update(notice(*event.size))
