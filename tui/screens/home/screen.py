"""Home: how ready the lifter is today, why, and what to do about it.

The score is worked out on a worker thread from the log as last saved (`ScoreReady`), so
the screen never waits for it. It is worked out again each time the screen is shown, each
time a save changes the log while it is (what was just logged on another screen, once it
is saved), and every minute (the day, the 24 hours a symptom entry counts, the decay of
fatigue).
"""

from __future__ import annotations

import threading
import time
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from storage.model.records import MUSCLES
from tui.messages import LogChanged, LogOpened, ScoreReady
from tui.screens.too_small import COMPACT_CLASS, COMPACT_SIZE, CompactLayout
from tui.widgets.app_footer import AppFooter
from tui.widgets.app_header import AppHeader
from tui.widgets.big_digits import BigDigits
from tui.widgets.body_map import BodyMap

if TYPE_CHECKING:  # the score's modules are imported once there is a score to work out
    from storage.log.snapshot import LogSnapshot
    from storage.read.readiness import ReadinessView

REFRESH_EVERY_S = 60
FIRST_LOOK_WAIT_S = 1.0
# Once the frame is drawn, Textual's output thread writes it to the terminal: the moment
# it needs the interpreter for, before parsing a long log holds it.
FRAME_OUT_S = 0.02
# A reason's words beside the score on a phone (45 columns): what is left of the verdict's
# column once the score's digits and the points are drawn; a column each wider terminal.
COMPACT_REASON_WIDTH = 22
# The plan's rows on a phone: what 45x20 has once the rest of home is drawn.
COMPACT_PLAN_ROWS = 7


class HomeScreen(CompactLayout, Screen):
    CSS_PATH = "home.tcss"
    HELP_TITLE = "Home"

    def __init__(self) -> None:
        super().__init__()
        self.view: ReadinessView | None = None
        self.scored_stamp: tuple[int, ...] | None = None
        """The stamp of the version of the log `view` was worked out from."""

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Vertical(id="home"):
            with Horizontal(id="top"):
                yield BigDigits(id="score")
                with Vertical(id="verdict"):
                    yield Static(id="band")
                    yield Static(id="reasons")
            yield Static(id="sides")
            body_map = BodyMap(id="muscles", legend="P_m: 0-100 · ✗ skip today")
            body_map.can_focus = False
            yield body_map
            yield Static(id="checklist")
            yield Static(id="plan")
            yield Static(id="trends")
            yield Static(id="load")
            yield Static(id="history")
            yield Static("Guidance, not medical advice.", id="disclaimer")
        yield AppFooter()

    def on_mount(self) -> None:
        self.query_one(AppHeader).subtitle = "Home"
        if self.app.store.ready:
            self.refresh_score()
        else:
            self.query_one("#band", Static).update("reading your log…")
        self.set_interval(REFRESH_EVERY_S, self.refresh_score)

    @on(LogOpened)
    def _log_opened(self) -> None:
        if self.scored_stamp is None or self.scored_stamp != self.app.store.snapshot.stamp:
            self.refresh_score()  # else the first look scored this very log already

    @on(LogChanged)
    def _log_changed(self) -> None:
        if self.is_current:
            self.refresh_score()

    def on_screen_resume(self) -> None:
        if self.app.store.ready:
            self.refresh_score()

    def on_resize(self) -> None:
        if self.view is not None:  # the reasons' width follows the layout
            self.show(self.view)

    def refresh_score(self) -> None:
        """Work the score out again in the background; show it when it is ready."""
        self._score(self.app.store.snapshot, self.app.clock())

    def first_look(self, recent: LogSnapshot, stamp: tuple[int, ...]) -> None:
        """On the log's writer, before it reads the whole log (`LogStore.open`): the score
        from the log's recent weeks (the weeks it reads). Returns once it is on screen (or
        after `FIRST_LOOK_WAIT_S`): parsing a long log holds the interpreter, and the
        screen would wait for it."""
        from storage.read.readiness import read_readiness

        shown = threading.Event()
        self.post_message(ScoreReady(read_readiness(recent, recent.now()), stamp, shown))
        if shown.wait(FIRST_LOOK_WAIT_S):
            time.sleep(FRAME_OUT_S)

    @work(thread=True, exclusive=True, group="score")
    def _score(self, log: LogSnapshot, moment: datetime) -> None:
        from storage.read.readiness import read_readiness

        self.post_message(ScoreReady(read_readiness(log, moment), log.stamp))

    @on(ScoreReady)
    def _scored(self, message: ScoreReady) -> None:
        if self.is_mounted:
            self.view = message.view
            self.scored_stamp = message.stamp
            self.show(self.view)
        if message.shown is not None:
            self.call_after_refresh(message.shown.set)

    # -- drawing ---------------------------------------------------------------------------

    def show(self, view: ReadinessView) -> None:
        from tui.format.plan import done_line, plan_line
        from tui.format.readiness import (
            BAND_STYLE,
            REASON_WIDTH,
            checklist,
            load,
            reasons,
            sides,
            sparkline,
            trends,
            verdict,
        )

        result = view.assessment
        self.query_one(AppHeader).subtitle = f"Home · {result.day:%a %-d %b}"
        self.query_one("#checklist", Static).update(checklist(view.today))
        compact = self.app.has_class(COMPACT_CLASS)
        line = done_line(view) if view.done is not None else plan_line(view)
        plan = self.query_one("#plan", Static)
        plan.update(_rows(line, self.size.width, COMPACT_PLAN_ROWS) if compact else line)
        plan.display = bool(line.plain)
        self.query_one("#history", Static).update(sparkline(result.history))
        if result.readiness is None:
            self._show_no_score(result)
            return
        score = self.query_one("#score", BigDigits)
        self._show_score(f"{result.readiness:.0f}")
        score.set_classes(BAND_STYLE.get(result.band, ""))
        self.query_one("#band", Static).update(verdict(result))
        width = REASON_WIDTH
        if compact:
            wider = self.size.width - COMPACT_SIZE[0]
            width = min(REASON_WIDTH, COMPACT_REASON_WIDTH + wider)
        self.query_one("#reasons", Static).update(reasons(result, width))
        self.query_one("#sides", Static).update(sides(result))
        self._show_muscles(result)
        self.query_one("#trends", Static).update(trends(result))
        self.query_one("#load", Static).update(load(result))

    def _show_score(self, value: str) -> None:
        score = self.query_one("#score", BigDigits)
        score.value = value
        score.refresh()  # all of it: BigDigits repaints only what changed, for the timer

    def _show_no_score(self, result) -> None:
        self._show_score("--")
        apart = "\n" if self.app.has_class(COMPACT_CLASS) else " "  # a phone's column
        band = Text(f"No score yet.{apart}To get one, log:", "bold")
        self.query_one("#band", Static).update(band)
        what = result.log_first or ("a workout, your recovery or how you feel",)
        first = what[:3]  # the three rows of the reasons
        self.query_one("#reasons", Static).update("\n".join(f"· {item}" for item in first))
        self.query_one("#sides", Static).update("")
        self.query_one("#trends", Static).update("")
        self.query_one("#load", Static).update("")
        self.query_one("#muscles", BodyMap).set_cells({m: ("—", "dim") for m in MUSCLES})

    def _show_muscles(self, result) -> None:
        from tui.format.readiness import score_style

        cells = {}
        for muscle in MUSCLES:
            score = result.muscles.get(muscle)
            if score is None:
                cells[muscle] = ("—", "dim")
            elif muscle in result.skip_muscles:
                cells[muscle] = (f"{score:.0f}✗", "bold red")
            else:
                cells[muscle] = (f"{score:.0f}", score_style(score))
        self.query_one("#muscles", BodyMap).set_cells(cells)


def _rows(line: Text, width: int, most: int) -> Content:
    """`line` wrapped to `width`, on `most` rows at most: the last one ends in … when the
    rest is cut, as a line too long for 80x24 does."""
    rows = Content.from_rich_text(line).wrap(width)
    if len(rows) > most:
        rows = rows[:most]
        rows[-1] = rows[-1].rstrip().truncate(width - 2) + " …"
    return Content("\n").join(rows)
