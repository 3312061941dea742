"""A one-line question in a dialog: a note, a template's name, a corrected value."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from storage.entry.set_line import EntryError
from storage.errors import ValidationError
from tui.screens.too_small import CompactLayout
from tui.textual_workarounds import OrderedInput


class PromptScreen(CompactLayout, ModalScreen[Any]):
    """Ask for a line of text; Enter gives it, Escape gives None.

    With `check`, Enter gives `check(text)` instead; when that raises, its message shows
    under the line, the text stays as typed and the dialog stays open."""

    DEFAULT_CSS = """
    PromptScreen { align: center middle; }
    PromptScreen > Vertical {
        width: 64; max-width: 100%; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    PromptScreen Label { margin-bottom: 1; }
    PromptScreen .hint { width: 100%; color: $text-muted; margin: 1 0 0 0; }
    PromptScreen #prompt-error {
        width: 100%; color: $error; text-style: bold; margin: 1 0 0 0;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(
        self,
        title: str,
        value: str = "",
        placeholder: str = "",
        *,
        check: Callable[[str], Any] | None = None,
        hint: str = "",
        enter: str = "Enter to save",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder
        self.check = check
        self.hint = hint
        self.enter = enter

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text)
            yield OrderedInput(self.value, placeholder=self.placeholder, id="prompt-input")
            error = Label("", id="prompt-error", markup=False)
            error.display = False
            yield error
            hint = f"{self.hint}\n" if self.hint else ""
            yield Label(f"{hint}{self.enter}, Escape to cancel", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if self.check is None:
            self.dismiss(text)
            return
        try:
            value = self.check(text)
        except (EntryError, ValidationError) as exc:
            error = self.query_one("#prompt-error", Label)
            error.update(str(exc))
            error.display = True
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
