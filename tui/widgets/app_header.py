"""The top line of every screen: the title, the screen's name, and the rest timer; under
it, while the log cannot be written (`RestdayApp.cannot_write`), why.

The timer is the app's (`RestdayApp.rest`, read at the app's clock, `RestdayApp.now`): the
header of the screen on show watches both and draws what they say."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.textual_workarounds import forget_watchers

if TYPE_CHECKING:
    from storage.model.records import RestPeriod


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
        height: auto;
        background: $panel;
        color: $foreground;
    }
    """

    subtitle: reactive[str] = reactive("")
    rest: reactive[str] = reactive("")
    rest_state: reactive[str] = reactive("")  # "running", "paused", "over" or ""
    cannot_write: reactive[str | None] = reactive(None, layout=True)

    def on_mount(self) -> None:
        self.watch(self.app, "rest", self._show_rest)
        self.watch(self.app, "now", self._show_rest)
        self.watch(self.app, "cannot_write", self._show_cannot_write)

    def _show_cannot_write(self, reason: str | None) -> None:
        self.cannot_write = reason

    def on_unmount(self) -> None:
        forget_watchers(self.app, of=self)

    def _show_rest(self) -> None:
        if not self.screen.is_active:
            # A screen under the one on top would have the one on top drawn again (all of
            # it, each second); the app ticks when the screens change. At shutdown there
            # is no screen on top at all.
            return
        rest: RestPeriod | None = self.app.rest
        if rest is None:
            self.rest = ""
            return
        remaining = rest.remaining(self.app.now)
        self.rest = format_rest(remaining)
        self.rest_state = "paused" if rest.paused else "over" if remaining <= 0 else "running"

    def render(self) -> Text | Group:
        width = self.size.width
        right = Text()
        if self.rest:
            label = {"paused": "rest (paused) ", "over": "rest over "}.get(self.rest_state, "rest ")
            style = {"over": "bold reverse", "paused": "dim"}.get(self.rest_state, "bold")
            right = Text.assemble((label, "dim"), (f" {self.rest} ", style), " ")
        left = Text.assemble((" restday", "bold"), ("  " + self.subtitle, "dim"))
        if left.cell_len + 1 + right.cell_len > width:
            # a phone's width: the screen's name and the timer, without the app's
            left = Text(" " + self.subtitle, "dim")
            left.truncate(max(0, width - 1 - right.cell_len), overflow="ellipsis")
        line = Text(no_wrap=True, overflow="crop")
        line.append_text(left)
        if right:
            line.append(" " * max(1, width - left.cell_len - right.cell_len))
            line.append_text(right)
        if self.cannot_write is None:
            return line
        banner = Text(f"READ-ONLY: nothing you enter is saved: {self.cannot_write}")
        return Group(line, Padding(banner, (0, 1), style="bold reverse"))
