"""A detail opened from history (a day, a session): a box over the screen, with its own
footer, closed with Escape or q."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import ModalScreen


class DetailScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    DetailScreen { align: center middle; }
    DetailScreen > .detail {
        width: 78; height: 22; padding: 0 1;
        border: round $accent; background: $surface;
    }
    """
    BINDINGS = [Binding("escape,q", "close", "Back", id="detail.close")]

    def action_close(self) -> None:
        self.dismiss(None)
