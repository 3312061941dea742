"""Like-for-like e1RM trends per exercise and the declining lifts drawn from them (spec 2.2
s_perf, 4 "Declining lift", 8 "Residual").

A session is one exercise on one training day. Its top set is its working set with the best
e1RM among those of 1-12 reps (each set's own e1RM: the chart when it has an RPE in the
chart, else Epley). Its reference is the best e1RM of the 21 days before it from working
sets within 2 reps of the top set's reps, and only sets of the top set's method (the RPE
chart when it has an RPE, else Epley: spec 1 compares a trend within one method, so an
unrated set is never held against a rated one, nor the other way round): Epley drifts
across rep ranges, so a 12-rep day is never held against a 3-rep day. A trend needs 3
sessions of the exercise in the 42 days up to it and a comparable set.

A top set at RPE 7 or below never makes a decline by itself: its negative change reads as
none (a light day is not a weak day); `Trend.change` keeps the raw figure for the backtest.

The model only reads sessions of days before the day it scores (spec 6), which are over, so
a session's trend is worked out once per timeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from scoring.constants import SCORING
from scoring.timeline import Session, Timeline, WorkSet


@dataclass(frozen=True, slots=True)
class Trend:
    """A session's top e1RM against its like-for-like reference."""

    exercise: str
    day: date
    e1rm: float
    reference: float
    light: bool = False  # the top set was at RPE 7 or below
    # Sessions of the exercise in the 42 days before this one's day: section 8 takes a
    # session's residual only with 3 of them (2.2's s_perf counts the session itself).
    sessions_before: int = 0

    @property
    def change(self) -> float:
        """Top e1RM over the reference, minus 1 (section 8's residual)."""
        return self.e1rm / self.reference - 1

    @property
    def delta(self) -> float:
        """The change the model reads: a light session's drop reads as none."""
        change = self.change
        return 0.0 if self.light and change < 0 else change


@dataclass(frozen=True, slots=True)
class Decline:
    """A lift that went backwards in a session: `drop` is the fraction under its reference
    (e.g. 0.06). `active` while it is the lift's latest session and at most 10 days old."""

    exercise: str
    name: str
    day: date
    text: str
    drop: float
    active: bool


def top_set(session: Session) -> WorkSet | None:
    """The session's working set with the best e1RM among those of 1-12 reps."""
    sets = [s for s in session.sets if s.e1rm is not None and s.reps <= SCORING.epley_max_reps]
    return max(sets, key=lambda s: s.e1rm or 0.0, default=None)


def session_trend(timeline: Timeline, session: Session) -> Trend | None:
    """The session's top e1RM against its like-for-like reference (None: not enough
    history or no comparable set)."""
    key = (session.exercise, session.day)
    if key not in timeline.trends:
        timeline.trends[key] = _trend(timeline, session)
    return timeline.trends[key]  # type: ignore[return-value]


def _trend(timeline: Timeline, session: Session) -> Trend | None:
    c = SCORING
    top = top_set(session)
    if top is None:
        return None
    first = session.day - timedelta(days=c.perf_history_days - 1)
    reference_from = session.day - timedelta(days=c.perf_reference_days)
    before_from = session.day - timedelta(days=c.perf_history_days)
    count = 1
    before = 0
    reference = None
    for other in timeline.sessions.get(session.exercise, ()):
        if other.day < before_from or other.day >= session.day:
            continue
        if top_set(other) is None:
            continue
        before += 1
        if other.day < first:
            continue
        count += 1
        if other.day < reference_from:
            continue
        for s in other.sets:
            if s.e1rm is None or abs(s.reps - top.reps) > c.perf_rep_window:
                continue
            if s.method != top.method:  # one method per trend (spec 1), either way
                continue
            if reference is None or s.e1rm > reference:
                reference = s.e1rm
    if count < c.perf_min_sessions or reference is None:
        return None
    light = top.rpe is not None and top.rpe <= c.perf_light_rpe
    return Trend(session.exercise, session.day, top.e1rm, reference, light, before)


def latest_trends(timeline: Timeline, until: datetime, today: date) -> dict[str, Trend]:
    """Per exercise, the trend of its latest session done by `until`, when that was within
    7 days of `today`."""
    recent = today - timedelta(days=SCORING.perf_recent_days - 1)
    trends = {}
    for exercise in timeline.sessions:
        sessions = timeline.sessions_of(exercise, until, recent)
        if sessions:
            trend = session_trend(timeline, sessions[-1])
            if trend is not None:
                trends[exercise] = trend
    return trends


def declined(timeline: Timeline, sessions: list[Session], i: int) -> Trend | None:
    """The trend of `sessions[i]` when that session declined: 10 % or more under its
    reference, or it and the session before each 3 % or more under theirs."""
    c = SCORING
    trend = session_trend(timeline, sessions[i])
    if trend is None or trend.delta > -c.decline_consecutive_drop:
        return None
    if trend.delta <= -c.decline_drop:
        return trend
    before = session_trend(timeline, sessions[i - 1]) if i > 0 else None
    if before is not None and before.delta <= -c.decline_consecutive_drop:
        return trend
    return None


def declines(timeline: Timeline, until: datetime, today: date) -> list[Decline]:
    """Per lift (`ExerciseMuscles.lift`), its newest declining session done by `until`
    within 14 days of `today`, newest first."""
    c = SCORING
    first = today - timedelta(days=c.decline_window_days - 1)
    clear = today - timedelta(days=c.decline_clear_days)
    found = []
    for exercise in timeline.sessions:
        if not timeline.is_lift(exercise):
            continue
        sessions = timeline.sessions_of(exercise, until, date.min)
        for i in range(len(sessions) - 1, -1, -1):
            if sessions[i].day < first:
                break
            trend = declined(timeline, sessions, i)
            if trend is None:
                continue
            name = timeline.names.get(exercise, exercise)
            text = f"{name} e1RM {percent(trend.delta)} vs {c.perf_reference_days}-day best"
            active = i == len(sessions) - 1 and sessions[i].day >= clear
            found.append(Decline(exercise, name, trend.day, text, -trend.delta, active))
            break
    return sorted(found, key=lambda d: (-d.day.toordinal(), d.name))


def percent(fraction: float) -> str:
    """A change as a whole percentage with its sign: -0.062 -> "-6 %"."""
    return f"{round(100 * fraction):+d} %"
