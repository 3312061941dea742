"""The rest timer, full screen: the countdown in big digits, readable from across the gym.

The app owns the timer (`RestdayApp.rest`) and its clock (`RestdayApp.now`); this screen
watches both and shows them, so the view follows the same clock as the header, and tests
drive it with a fake clock and `app.tick()`.
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from storage.model.records import RestPeriod
from tui.screens.too_small import CompactLayout
from tui.textual_workarounds import forget_watchers
from tui.widgets.app_header import AppHeader, format_rest
from tui.widgets.big_digits import BigDigits

KEYS = "+/- 15 s   space pause/resume   x stop   t or Esc close"
KEYS_SHORT = "+/- 15 s · space pause · x stop · t close"  # a phone's width
NO_REST = "-:--"


class RestTimerScreen(CompactLayout, Screen):
    CSS_PATH = "rest_timer.tcss"
    BINDINGS = [
        Binding("escape,t", "close", "Close", id="timer.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._exercise_names: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Vertical(id="rest-view"):
            yield Static("", id="rest-title", markup=False)
            yield BigDigits(NO_REST, id="rest-digits")
            yield Static("", id="rest-state", markup=False)
            yield Static(KEYS, id="rest-keys", markup=False)
            yield Static(KEYS_SHORT, id="rest-keys-short", markup=False)

    def on_mount(self) -> None:
        self.query_one(AppHeader).subtitle = "Rest timer"
        self.watch(self.app, "rest", self.show_rest)
        self.watch(self.app, "now", self.show_rest)

    def on_unmount(self) -> None:
        forget_watchers(self.app, of=self)

    def action_close(self) -> None:
        self.dismiss()

    def show_rest(self) -> None:
        """Bring the view up to date with the app's timer at the app's clock."""
        if self.app.screen is not self:
            return  # under help, say: the app ticks when it is on top again
        rest: RestPeriod | None = self.app.rest
        now: datetime = self.app.now
        view = self.query_one("#rest-view")
        if rest is None:
            state, title, digits = "none", "No rest running", NO_REST
            line = "A rest starts when you log a set."
        else:
            remaining = rest.remaining(now)
            digits = format_rest(remaining)
            title = f"Resting after {self._exercise_name(rest.exercise)}"
            if rest.paused:
                state, line = "paused", "Paused: space resumes"
            elif remaining <= 0:
                state, line = "over", "Rest over: time for the next set"
            else:
                state, line = "running", f"of {format_rest(rest.duration_s)} rest"
        for name in ("none", "paused", "over", "running"):
            view.set_class(name == state, f"-{name}")
        self.query_one("#rest-digits", BigDigits).value = digits
        self._update_static("#rest-title", title)
        self._update_static("#rest-state", line)

    def _update_static(self, selector: str, text: str) -> None:
        static = self.query_one(selector, Static)
        if str(static.content) != text:  # an unchanged line is not redrawn
            static.update(text)

    def _exercise_name(self, exercise_id: str | None) -> str:
        if exercise_id is None:
            return "the last set"
        name = self._exercise_names.get(exercise_id)
        if name is None:
            exercise = self.app.store.snapshot.exercise(exercise_id)
            name = exercise.name if exercise is not None else exercise_id
            self._exercise_names[exercise_id] = name
        return name
