"""History (`y`): the calendar, the sessions, an exercise's progress and the trends, one
view at a time (Tab cycles them); Enter opens what is selected, Escape goes back.

The log is aggregated once, off the UI thread (`storage.read.history_index.HistoryIndex`, after the
saves already queued), and each view (a widget of `tui.widgets.history`) draws from it; it is
built again only when the log has changed. Opened while the whole log is still being read (at
start-up, a ten-year log takes a second), the calendar shows the recent weeks from their copy
(`LogStore.recent`: every day of them as the whole log has it), and says that it is reading
the rest; the other views, and the day's detail, wait for the whole log. The score each
morning is worked out in the background too (`tui.screens.history.mornings`); the views show
it as it arrives and say so until then.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import importlib
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import MountError, Widget
from textual.widgets import Static
from textual.worker import get_current_worker

from storage.giving_way import give_way
from storage.log.snapshot import LogSnapshot
from tui.messages import HistoryBuilt, LogChanged, LogOpened, MorningsScored
from tui.screens.history.mornings import MorningScorer
from tui.taking_turns import quick_turns
from tui.widgets.app_footer import AppFooter
from tui.widgets.app_header import AppHeader
from tui.widgets.history.calendar_view import CalendarView
from tui.widgets.history.year_calendar import YearCalendar

if TYPE_CHECKING:
    from storage.read.history_index import HistoryIndex
    from tui.widgets.history.exercise_progress import ExerciseProgress
    from tui.widgets.history.sessions_view import SessionsView
    from tui.widgets.history.trends import TrendsView

VIEWS = (
    ("calendar", "Calendar"),
    ("sessions", "Sessions"),
    ("progress", "Progress"),
    ("trends", "Trends"),
)
DRAWN_AFTER_S = 0.1  # the calendar is on screen by then
MOUNT_LATER_S = 0.3
KEYS_QUIET_S = 0.4  # scoring waits this long after a key
FAVOURITE_DAYS = 90  # Progress opens on the compound lift trained most in these days


class HistoryScreen(Screen):
    CSS_PATH = "history.tcss"
    HELP_TITLE = "History"
    BINDINGS = [
        Binding("tab", "view(1)", "Next view", id="history.next_view", priority=True),
        Binding("shift+tab", "view(-1)", "Previous view", id="history.previous_view"),
        Binding("v", "shade", "Volume/readiness", id="history.shade"),
        Binding("f", "filter", "Filter", id="history.filter"),
        Binding("T", "make_template", "Make template", id="history.make_template"),
        Binding("p", "pick", "Exercise", id="history.pick_exercise"),
        Binding("escape", "back", "Back", id="history.back"),
    ]
    VIEW_ACTIONS = {
        "shade": "calendar",
        "filter": "sessions",
        "make_template": "sessions",
        "pick": "progress",
    }

    class RecentBuilt(Message, bubble=False):
        """The log's recent weeks aggregated (`LogStore.recent`): exact from `since` on."""

        def __init__(self, index: HistoryIndex, since: date, today: date, unit: str) -> None:
            super().__init__()
            self.index, self.since, self.today, self.unit = index, since, today, unit

    def __init__(self) -> None:
        super().__init__()
        self.index = None  # storage.read.history_index.HistoryIndex, once built
        self.scorer = MorningScorer(self._score_mornings)
        self.names: dict[str, str] = {}  # exercise id -> name
        self.kinds: dict[str, str] = {}  # exercise id -> "compound" or "isolation"
        self.unit = "kg"
        self.today: date | None = None
        self.shade_by = "volume"
        self.exercise_filter: str | None = None
        self.progress_exercise: str | None = None
        self._stamp: object = None  # the log's stamp when the index was built
        self._current_view = "calendar"
        self._release_scoring: Timer | None = None
        # A picker asked for while the log is still being read: opened once it is.
        self._pick_waiting: tuple[str | None, Callable[[str | None], None]] | None = None
        self._day_waiting: date | None = None  # Enter on a day, likewise
        self._views = {"calendar": asyncio.Event()}  # set once mounted
        self._views["calendar"].set()

    @property
    def mornings(self) -> dict[date, object]:
        return self.scorer.scores

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        view = self.VIEW_ACTIONS.get(action)
        return view is None or view == self.view

    @property
    def view(self) -> str:
        return self._current_view

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Static(id="tabs")
        with Vertical(id="views"):
            yield CalendarView(id="calendar")
        yield AppFooter()

    def on_mount(self) -> None:
        self.query_one(AppHeader).subtitle = "History · reading your log…"
        self._show_tabs()
        if (log := self.app.store.snapshot or self.app.store.recent) is not None:
            self.query_one(CalendarView).start_on(log.today())
        # The log is aggregated once the screen is drawn: the thread doing it would take
        # turns with the one drawing.
        self.set_timer(DRAWN_AFTER_S, self._build_when_ready)
        # The calendar first; the other views once it is on screen, one at a time.
        self.set_timer(MOUNT_LATER_S, lambda: self.run_worker(self._mount_views(), group="views"))

    def _build_when_ready(self) -> None:
        if self.app.store.ready:
            self.build()
        elif (recent := self.app.store.recent) is not None:
            self._build_recent(recent)

    async def _mount_views(self) -> None:
        # What the other views and the details import, on a thread: on the UI thread, a
        # module such as Progress's charts held the keys for 100 ms (History opened before
        # the app had imported them ahead, `RestdayApp._import_history`).
        await asyncio.to_thread(_import_ahead)
        for key, _label in VIEWS:
            await self._mount_view(key)
        _settled()

    async def _mount_view(self, key: str) -> None:
        """Mount the view `key` unless it is (or is being) mounted; return once it is."""
        mounted = self._views.get(key)
        if mounted is None:
            mounted = self._views[key] = asyncio.Event()
            view = _new_view(key)
            view.id = key
            view.display = False
            try:
                await self.query_one("#views").mount(view)
            except (NoMatches, MountError):  # the app is closing
                return
            mounted.set()
            if self.index is not None and view.is_attached:  # else the app is closing
                with contextlib.suppress(NoMatches):
                    self._draw(key)
        await mounted.wait()

    def _mounted(self, key: str) -> bool:
        mounted = self._views.get(key)
        return mounted is not None and mounted.is_set()

    @on(LogOpened)
    def _log_opened(self) -> None:
        self.build()
        if self._day_waiting is not None:
            day, self._day_waiting = self._day_waiting, None
            self._open_day(day)

    @on(LogChanged)
    def _log_changed(self) -> None:
        if self.is_current and self.index is not None:
            self.build()

    def on_screen_resume(self) -> None:
        self._hold_scoring()  # back from a detail by a key: the screen is drawn first
        self.scorer.resume()
        if self._mounted("sessions"):
            self.query_one("#sessions").go_on()
        if self.index is not None:
            self.build()  # the log may have changed on another screen

    def on_screen_suspend(self) -> None:
        self.scorer.pause()
        # Left before the log was read: the person has moved on.
        self._day_waiting = self._pick_waiting = None

    # -- reading the log -------------------------------------------------------------------

    def build(self) -> None:
        """Aggregate the log in the background, unless it is unchanged since the last time;
        draw the views once it is done (`HistoryBuilt`)."""
        log = self.app.store.snapshot
        stamp = (log.stamp, log.today())
        if stamp != self._stamp or stamp[0] is None:
            self._build(log, stamp)

    @work(thread=True, exclusive=True, group="history index")
    def _build(self, log: LogSnapshot, stamp: tuple) -> None:
        from storage.read.history_index import HistoryIndex

        exercises = log.exercises()
        with quick_turns():  # the keys typed meanwhile are answered as they come
            index = HistoryIndex.build(log)
        built = HistoryBuilt(
            stamp,
            index,
            {e.id: e.name for e in exercises},
            {e.id: e.kind for e in exercises},
            log.settings().unit,
        )
        if not get_current_worker().is_cancelled:  # a newer log is being built
            self.post_message(built)

    @work(thread=True, exclusive=True, group="history recent")
    def _build_recent(self, recent: LogSnapshot) -> None:
        """The calendar from the log's recent weeks while the whole log is being read."""
        from storage.log.recent_copy import RECENT_DAYS
        from storage.read.history_index import HistoryIndex

        today = recent.today()
        since = today - timedelta(days=RECENT_DAYS - 1)  # the copy holds every day since
        unit = recent.settings().unit
        with quick_turns():
            index = HistoryIndex.build(recent)
        self.post_message(self.RecentBuilt(index, since, today, unit))

    @on(RecentBuilt)
    def _recent_built(self, message: RecentBuilt) -> None:
        if self.index is not None or not self.is_mounted:  # the whole log came first
            return
        self.unit = message.unit
        with contextlib.suppress(NoMatches):  # the app is closing
            self.query_one(CalendarView).show_recent(
                message.index, message.unit, message.since, message.today
            )

    @on(HistoryBuilt)
    def _built(self, message: HistoryBuilt) -> None:
        if not self.is_mounted:
            return
        with contextlib.suppress(NoMatches):  # the app is closing
            self._show_built(message)

    def _show_built(self, built: HistoryBuilt) -> None:
        self._stamp, self.index = built.stamp, built.index
        self.names, self.kinds, self.unit = built.names, built.kinds, built.unit
        _settled()
        today = self._stamp[1]
        self.today = today
        self.query_one(AppHeader).subtitle = "History"
        first = min(self.index.first_day or today, today)
        self.query_one(CalendarView).show(self.index, self.mornings, self.unit, first, today)
        if self.progress_exercise is None:
            self.progress_exercise = self._favourite_exercise()
        for key, _label in VIEWS[1:]:
            if self._mounted(key):
                self._draw(key)
        self.scorer.start(first, today)
        self._show_scoring()
        if self._pick_waiting is not None:
            every, then = self._pick_waiting
            self._pick_waiting = None
            self._pick_exercise(every, then)
        from tui.screens.history.session_detail import SessionDetailScreen

        top = self.app.screen
        if isinstance(top, SessionDetailScreen) and top.history is self:
            top.follow()  # a session opened from here shows it as the log has it now

    def _favourite_exercise(self) -> str | None:
        """The compound lift trained in the most sessions of the last 90 days, then of all
        time, the most lifted of equals (the most done exercise without a compound)."""
        done = self.index.exercises_done()
        compound = [item for item in done if self.kinds.get(item[0]) == "compound"] or done
        if not compound:
            return None
        since = self.today - timedelta(days=FAVOURITE_DAYS)

        def rank(item: tuple[str, int]) -> tuple[int, int, float]:
            sessions = self.index.exercise_sessions(item[0])
            recent = sum(1 for s in sessions if s.day > since)
            return recent, item[1], sum(s.volume_kg for s in sessions)

        return max(compound, key=rank)[0]

    def _score_mornings(self, days: list[date], generation: int) -> None:
        self._score_stretch(self.app.store.snapshot, days, generation)

    @work(thread=True, group="mornings")
    def _score_stretch(self, log: LogSnapshot, days: list[date], generation: int) -> None:
        from scoring.mornings import morning_scores
        from storage.read.score_window import read_span

        scores = {}
        for day, score in morning_scores(read_span(log, days[0], days[-1]), days, log.now()):
            scores[day] = score
            if self.scorer.stopping:  # the rest later: a key or another screen comes first
                break
            give_way()  # to any other key being answered
        self.post_message(MorningsScored(scores, generation))

    @on(MorningsScored)
    def _mornings_scored(self, message: MorningsScored) -> None:
        scores = self.scorer.finished(message.scores, message.generation)
        self._show_scoring()
        if scores:
            self._scored(scores)

    def _scored(self, scores: dict) -> None:
        if not self.is_mounted or self.index is None:
            return
        if self.scorer.done:
            _settled()
        try:
            calendar = self.query_one(CalendarView)
        except NoMatches:  # the app is closing
            return
        calendar.scored(scores)
        if self._mounted("sessions"):
            self.query_one("#sessions").scored(scores)
        if self.view == "trends":
            self._draw_trends()

    def _want_mornings(self, days: list[date]) -> None:
        if self.index is None:  # scored from the whole log, once it is read
            return
        self.scorer.want(days)
        self._show_scoring()

    def _show_scoring(self) -> None:
        """Whether mornings are still being scored, for the calendar's legend."""
        with contextlib.suppress(NoMatches):  # the app is closing
            self.query_one(CalendarView).show_scoring(not self.scorer.done)

    # -- drawing ---------------------------------------------------------------------------

    def _show_tabs(self) -> None:
        current = self.view
        tabs = Text()
        for key, label in VIEWS:
            tabs.append(f" {label} ", "reverse bold" if key == current else "dim")
            tabs.append(" ")
        tabs.append("  Tab: next view", "dim")
        self.query_one("#tabs", Static).update(tabs)

    def _draw(self, key: str) -> None:
        """Draw a view mounted after the calendar."""
        {
            "sessions": self._draw_sessions,
            "progress": self._draw_progress,
            "trends": self._draw_trends,
        }[key]()

    def _draw_sessions(self) -> None:
        if self._mounted("sessions"):
            sessions = self.query_one("#sessions")
            sessions.show(
                self.index, self.mornings, self.names, self.unit, self.exercise_filter, self.today
            )

    def _draw_progress(self) -> None:
        if not self._mounted("progress"):
            return
        progress = self.query_one("#progress")
        if self.progress_exercise is None:
            progress.show_empty()
        else:
            progress.show(self.index, self.progress_exercise, self.names, self.unit, self.today)

    def _draw_trends(self) -> None:
        if self._mounted("trends"):
            trends = self.query_one("#trends")
            trends.show(self.index, self.mornings, self.unit, self.today)

    def on_trends_view_mornings_wanted(self, message: TrendsView.MorningsWanted) -> None:
        self._want_mornings(message.days)

    def on_calendar_view_mornings_wanted(self, message: CalendarView.MorningsWanted) -> None:
        self._want_mornings(message.days)

    def on_sessions_view_session_chosen(self, message: SessionsView.SessionChosen) -> None:
        self._open_session(message.workout_id)

    def on_exercise_progress_session_chosen(self, message: ExerciseProgress.SessionChosen) -> None:
        self._open_session(message.workout_id)

    # -- keys ------------------------------------------------------------------------------

    def on_key(self) -> None:
        self._hold_scoring()

    def _hold_scoring(self) -> None:
        """The mornings' scoring waits until the keys have stopped for a moment: a stretch
        scored meanwhile takes turns with the key's answer (a view's first drawing)."""
        self.scorer.hold()
        if self._release_scoring is not None:
            self._release_scoring.stop()
        self._release_scoring = self.set_timer(KEYS_QUIET_S, self.scorer.release)

    async def action_view(self, step: int) -> None:
        self._hold_scoring()
        keys = [key for key, _label in VIEWS]
        view = keys[(keys.index(self.view) + step) % len(keys)]
        await self._mount_view(view)
        self.query_one(f"#{self._current_view}").display = False
        self.query_one(f"#{view}").display = True
        self._current_view = view
        self._show_tabs()
        if self.view == "trends" and self.index is not None:
            self._draw_trends()  # the scores found since it was last drawn
        focus = {
            "calendar": "#year",
            "sessions": "#session-table",
            "progress": "#progress DataTable",
            "trends": "#trends",
        }[self.view]
        self.set_focus(self.query_one(focus))  # the footer follows the focus

    def action_shade(self) -> None:
        self.shade_by = "readiness" if self.shade_by == "volume" else "volume"
        self.query_one(CalendarView).shade(self.shade_by)

    def _pick_exercise(self, every: str | None, then) -> None:
        """The picker over the exercises in the log; `then` gets the exercise id, or
        None for `every`."""
        from tui.screens.dialogs.exercise_picker import EVERY_EXERCISE, ExercisePickerScreen

        if self.index is None:
            self._pick_waiting = (every, then)
            return
        done = {exercise_id for exercise_id, _count in self.index.exercises_done()}
        exercises = [e for e in self.app.store.snapshot.exercises() if e.id in done]

        def picked(choice) -> None:
            if choice == EVERY_EXERCISE:
                then(None)
            elif choice is not None:
                then(choice.id)

        self.app.push_screen(ExercisePickerScreen(exercises, "", every=every), picked)

    def action_filter(self) -> None:
        def chosen(exercise_id: str | None) -> None:
            self.exercise_filter = exercise_id
            self._draw_sessions()

        self._pick_exercise("All exercises", chosen)

    def action_pick(self) -> None:
        def chosen(exercise_id: str | None) -> None:
            self.progress_exercise = exercise_id
            self._draw_progress()

        self._pick_exercise(None, chosen)

    def action_make_template(self) -> None:
        """`T` on the sessions list: a template of the session highlighted."""
        from tui.screens.history.session_detail import make_template

        workout_id = self.query_one("#sessions").highlighted()
        session = self.index.session(workout_id) if self.index and workout_id else None
        if session is None:
            self.notify("No session here to make a template of.")
            return
        make_template(self.app, session)

    def action_back(self) -> None:
        self.app.switch_mode("home")

    def _open_session(self, workout_id: str) -> None:
        from tui.screens.history.session_detail import SessionDetailScreen

        session = self.index.session(workout_id) if self.index else None
        if session is not None:
            self.app.push_screen(SessionDetailScreen(self, session))

    def on_year_calendar_opened(self, message: YearCalendar.Opened) -> None:
        self._open_day(message.day)

    def _open_day(self, day: date) -> None:
        """The day's detail; while the log is still being read, once it is."""
        from tui.screens.history.day_detail import DayDetailScreen

        if not self.app.store.ready:
            self._day_waiting = day
            return
        log = self.app.store.snapshot
        self.app.push_screen(DayDetailScreen(day, log.settings().unit))


def _settled() -> None:
    """The log's aggregate, the views and the scores are tens of thousands of objects that
    live as long as the screen: out of the cyclic collector's sight, its full passes (which
    otherwise grow to tens of milliseconds) stay short while keys are answered."""
    gc.freeze()


def _import_ahead() -> None:
    from tui.screens.history.ahead import MODULES

    with quick_turns():  # the keys typed meanwhile are answered as they come
        for module in MODULES:
            importlib.import_module(module)


def _new_view(key: str) -> Widget:
    if key == "sessions":
        from tui.widgets.history.sessions_view import SessionsView

        return SessionsView()
    if key == "progress":
        from tui.widgets.history.exercise_progress import ExerciseProgress

        return ExerciseProgress()
    from tui.widgets.history.trends import TrendsView

    return TrendsView()
