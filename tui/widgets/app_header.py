"""The top line of every screen: the title, the screen's name, and the rest timer."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


def format_rest(remaining: float) -> str:
    """'2:45' counting down, '+0:12' once the rest runs over."""
    if remaining > -1:
        seconds = max(0, int(remaining + 0.999))
        return f"{seconds // 60}:{seconds % 60:02d}"
    over = int(-remaining)
    return f"+{over // 60}:{over % 60:02d}"


class AppHeader(Widget):
    DEFAULT_CSS = """
    AppHeader {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    subtitle: reactive[str] = reactive("")
    rest: reactive[str] = reactive("")
    rest_state: reactive[str] = reactive("")  # "running", "paused", "over" or ""

    def on_mount(self) -> None:
        tick = getattr(self.app, "tick", None)  # the app's rest timer
        if tick is not None:
            tick()  # a new screen shows the timer at once, not at the next tick

    def render(self) -> Text:
        width = self.size.width
        left = Text.assemble((" restday", "bold"), ("  " + self.subtitle, "dim"))
        line = Text(no_wrap=True, overflow="crop")
        line.append_text(left)
        if self.rest:
            label = {"paused": "rest (paused) ", "over": "rest over "}.get(self.rest_state, "rest ")
            style = {"over": "bold reverse", "paused": "dim"}.get(self.rest_state, "bold")
            right = Text.assemble((label, "dim"), (f" {self.rest} ", style), " ")
            gap = max(1, width - left.cell_len - right.cell_len)
            line.append(" " * gap)
            line.append_text(right)
        return line
