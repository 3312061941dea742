"""Asking before deleting a template: y deletes, n or Escape keeps it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from tui.format.text import log_text


class ConfirmDeleteScreen(ModalScreen[bool]):
    """Dismissed with True to delete, False to keep."""

    DEFAULT_CSS = """
    ConfirmDeleteScreen { align: center middle; }
    ConfirmDeleteScreen > Vertical {
        width: 64; height: auto; padding: 1 2;
        border: round $error; background: $surface;
    }
    ConfirmDeleteScreen Label { width: 100%; }
    ConfirmDeleteScreen .hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("y", "answer(True)", "Delete", id="confirm.delete"),
        Binding("n,escape", "answer(False)", "Keep", id="confirm.keep"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.template_name = name

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(log_text(f"Delete the template “{self.template_name}”?"))
            yield Label(
                "A workout started from it keeps its name and sets.\n"
                "y: delete · n or Escape: keep it",
                classes="hint",
            )

    def action_answer(self, delete: bool) -> None:
        self.dismiss(delete)
