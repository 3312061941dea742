"""The restday app. For now one screen: what the log holds. The working screens (home,
today's workout, recovery, symptoms, history) are built on this shell."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, Static

from storage.repository import Repository


class RestdayApp(App):
    TITLE = "restday"
    CSS_PATH = "app.tcss"
    BINDINGS = [Binding("q", "quit", "Quit", id="quit")]

    def __init__(self, repo: Repository) -> None:
        super().__init__()
        self.repo = repo

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="summary"):
            yield Static(id="counts")
            yield Static(id="log-path")
            yield Static(id="notice")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_summary()

    def refresh_summary(self) -> None:
        counts = self.repo.counts()
        self.query_one("#counts", Static).update(
            "   ".join(
                _count(n, noun)
                for n, noun in (
                    (counts.workouts, "workout"),
                    (counts.sets, "set"),
                    (counts.days, "day"),
                )
            )
        )
        self.query_one("#log-path", Static).update(f"log: {self.repo.path}")
        notice = self.query_one("#notice", Static)
        if self.repo.read_only:
            notice.update(f"Read-only: {self.repo.read_only_reason}")
        elif counts.sets == 0:
            notice.update('Nothing logged yet. Log a set with: restday log "bench 100x5@8"')
        else:
            notice.update("")


def _count(n: int, noun: str) -> str:
    return f"[b]{n:,}[/b] {noun}{'' if n == 1 else 's'}"
