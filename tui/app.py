"""The restday app: one screen per job, a rest timer that runs across all of them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from storage.models import RestPeriod, utc_now
from storage.repository import Repository
from tui.store import LogStore
from tui.widgets.app_header import AppHeader, format_rest

REST_STEP_S = 15


def _workout_screen() -> Screen:
    from tui.screens.workout import WorkoutScreen

    return WorkoutScreen()


class RestdayApp(App):
    TITLE = "restday"
    CSS_PATH = "app.tcss"
    MODES = {"workout": _workout_screen}
    BINDINGS = [
        Binding("w", "switch_mode('workout')", "Workout", id="screen.workout"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("plus,equals_sign", "rest_adjust(15)", "+15s", id="timer.add", show=False),
        Binding("minus", "rest_adjust(-15)", "-15s", id="timer.subtract", show=False),
        Binding("space", "rest_pause", "Pause rest", id="timer.pause", show=False),
        Binding("x", "rest_stop", "Stop rest", id="timer.stop", show=False),
    ]

    def __init__(self, repo: Repository, *, clock: Callable[[], datetime] = utc_now) -> None:
        super().__init__()
        self.store = LogStore(repo)
        self.clock = clock
        self.rest: RestPeriod | None = None
        self._rest_alerted: datetime | None = None

    def on_mount(self) -> None:
        self.rest = self.store.read(lambda repo: repo.rest_period())
        if self.rest is not None and self.rest.remaining(self.clock()) <= 0:
            self._rest_alerted = self.rest.started  # it ran out before the app opened
        self.switch_mode("workout")
        self.set_interval(0.2, self.tick)

    def on_unmount(self) -> None:
        self.store.close()

    # -- the rest timer ----------------------------------------------------------------

    def start_rest(self, period: RestPeriod | None) -> None:
        """Show a rest that has just begun (the repository stores it with the set)."""
        self.rest = period
        self._rest_alerted = None
        self.tick()

    def tick(self) -> None:
        """Bring the timer on screen up to date; ring once when the rest runs out."""
        rest = self.rest
        header = next(iter(self.screen.query(AppHeader)), None)
        if rest is None:
            if header is not None:
                header.rest = ""
            return
        remaining = rest.remaining(self.clock())
        if remaining <= 0 and self._rest_alerted != rest.started and not rest.paused:
            self._rest_alerted = rest.started
            self.bell()
            self.notify("Rest is over: time for the next set.", title="Rest timer")
        if header is not None:
            header.rest = format_rest(remaining)
            header.rest_state = "paused" if rest.paused else "over" if remaining <= 0 else "running"

    def _save_rest(self, period: RestPeriod | None) -> None:
        self.rest = period
        if period is None:
            self.store.save(lambda repo: repo.stop_rest())
        else:
            self.store.save(lambda repo: repo.save_rest_period(period))
        self.tick()

    def action_rest_adjust(self, seconds: int) -> None:
        if self.rest is not None:
            self._save_rest(self.rest.adjust(seconds))

    def action_rest_pause(self) -> None:
        if self.rest is not None:
            now = self.clock()
            self._save_rest(self.rest.resume(now) if self.rest.paused else self.rest.pause(now))

    def action_rest_stop(self) -> None:
        if self.rest is not None:
            self._save_rest(None)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Workout", "Today's workout (w)", lambda: self.switch_mode("workout"))
        yield SystemCommand("Help", "Every key (?)", self.action_help)
        if self.rest is not None:
            yield SystemCommand("Stop the rest timer", "x", self.action_rest_stop)
