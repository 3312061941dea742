"""Quitting with changes the log has not taken yet: stay, or leave without them (restday
then prints the sets among them as `restday log` commands that log them again)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label


class QuitScreen(ModalScreen[bool]):
    """Dismissed with True to leave anyway, False to stay."""

    DEFAULT_CSS = """
    QuitScreen { align: center middle; }
    QuitScreen > Vertical {
        width: 72; height: auto; padding: 1 2;
        border: round $error; background: $surface;
    }
    QuitScreen Label { width: 100%; }
    QuitScreen #quit-title { text-style: bold; color: $error; }
    QuitScreen #quit-problem { margin: 1 0; }
    QuitScreen .hint { color: $text-muted; }
    QuitScreen Horizontal { height: auto; margin-top: 1; }
    QuitScreen Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("escape,s", "stay", "Stay", id="quit.stay"),
        Binding("l", "leave", "Leave anyway", id="quit.leave"),
        Binding("q", "stay", show=False),  # q again is not a yes: the app stays
    ]

    def __init__(self, waiting: int, problem: str | None) -> None:
        super().__init__()
        self.waiting = waiting
        self.problem = problem

    def compose(self) -> ComposeResult:
        changes = "1 change is" if self.waiting == 1 else f"{self.waiting} changes are"
        with Vertical():
            yield Label(f"{changes} not saved yet", id="quit-title")
            problem = self.problem or "they are still being saved"
            yield Label(problem, id="quit-problem", markup=False)
            yield Label(
                "Leaving now loses them: restday prints the sets among them as "
                "'restday log' commands that log them again.",
                classes="hint",
            )
            with Horizontal():
                yield Button("Stay (s)", id="stay", variant="primary")
                yield Button("Leave anyway (l)", id="leave", variant="error")

    def on_mount(self) -> None:
        self.query_one("#stay", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "leave")

    def action_stay(self) -> None:
        self.dismiss(False)

    def action_leave(self) -> None:
        self.dismiss(True)
