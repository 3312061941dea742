"""e1RM trends per exercise and the decline flags drawn from them (spec 2.2 s_perf, 4).

A session is one exercise on one training day. Its e1RM is the best of its working sets by
one method: the RPE chart when any of its sets has a chart e1RM, else Epley; it is only
compared with other sessions' bests by the same method. A session's change (delta) is its
e1RM over the best e1RM of the 21 days before it, minus 1; it exists when the exercise had
at least 3 sessions with that method in the 42 days up to it and one in those 21 days.

A drop "in a row" is session over session: two drops in a row of 3 % means the session is
3 % under the one before, which was 3 % under the one before it. (Against the 21-day best
instead, a lifter's usual double progression, 12 reps then 8 at the same load, would read
as two drops running.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from scoring.constants import SCORING
from scoring.timeline import Session, Timeline, WorkSet

E1RM = "e1rm"
REPS = "reps"


@dataclass(frozen=True, slots=True)
class Trend:
    """A session's e1RM against the best of the 21 days before it."""

    exercise: str
    day: date
    method: str
    e1rm: float
    reference: float

    @property
    def delta(self) -> float:
        return self.e1rm / self.reference - 1


@dataclass(frozen=True, slots=True)
class Decline:
    """A lift that went backwards in a session, in words and in numbers.

    `kind` is "e1rm" (`drop`: the fraction under the 21-day best, e.g. 0.06) or "reps"
    (fewer reps at `load_kg` than the 21 days before: `reps` now, `reps_before` then).
    """

    exercise: str
    name: str
    day: date
    kind: str
    text: str
    drop: float | None = None
    load_kg: float | None = None
    reps: int | None = None
    reps_before: int | None = None


def session_trend(timeline: Timeline, session: Session, until: datetime) -> Trend | None:
    """The session's e1RM against the best of the 21 days before it, if there is enough
    history (spec 2.2: >= 3 sessions in 42 days)."""
    c = SCORING
    method = session.method(until)
    if method is None:
        return None
    e1rm = session.best(method, until)
    first = session.day - timedelta(days=c.perf_history_days - 1)
    reference_from = session.day - timedelta(days=c.perf_reference_days)
    count = 0
    reference = None
    for other in timeline.sessions_of(session.exercise, until, first):
        if other.day > session.day:
            break
        best = other.best(method, until)
        if best is None:
            continue
        count += 1
        if reference_from <= other.day < session.day and (reference is None or best > reference):
            reference = best
    if count < c.perf_min_sessions or reference is None:
        return None
    return Trend(session.exercise, session.day, method, e1rm, reference)


def latest_trends(timeline: Timeline, until: datetime, today: date) -> dict[str, Trend]:
    """Per exercise, the trend of its latest session, when that was within 7 days."""
    recent = today - timedelta(days=SCORING.perf_recent_days - 1)
    trends = {}
    for exercise in timeline.sessions:
        sessions = timeline.sessions_of(exercise, until, recent)
        if sessions:
            trend = session_trend(timeline, sessions[-1], until)
            if trend is not None:
                trends[exercise] = trend
    return trends


def drops_in_a_row(timeline: Timeline, session: Session, until: datetime) -> bool:
    """Whether the session's e1RM is 3 % or more under the previous session's, which was
    3 % or more under the one before (same method, within 42 days)."""
    method = session.method(until)
    if method is None:
        return False
    first = session.day - timedelta(days=SCORING.perf_history_days - 1)
    bests = [
        best
        for other in timeline.sessions_of(session.exercise, until, first)
        if other.day <= session.day and (best := other.best(method, until)) is not None
    ][-3:]
    limit = 1 - SCORING.override_consecutive_drop
    return len(bests) == 3 and bests[2] <= limit * bests[1] and bests[1] <= limit * bests[0]


def declines(timeline: Timeline, until: datetime, today: date) -> list[Decline]:
    """Per lift (`ExerciseMuscles.lift`), its newest declining session within 14 days;
    the newest first.

    A session declined when its e1RM is 10 % or more under the 21-day best, or after two
    drops in a row of 3 % or more (the spec's two e1RM patterns), or when at a load also
    lifted in the 21 days before it the most reps done were fewer than then, at an RPE no
    lower (a missing RPE counts as no lower).
    """
    first = today - timedelta(days=SCORING.decline_window_days - 1)
    found = []
    for exercise in timeline.sessions:
        if not timeline.is_lift(exercise):
            continue
        for session in reversed(timeline.sessions_of(exercise, until, first)):
            decline = _e1rm_decline(timeline, session, until) or _reps_decline(
                timeline, session, until
            )
            if decline is not None:
                found.append(decline)
                break
    return sorted(found, key=lambda d: (-d.day.toordinal(), d.name))


def _e1rm_decline(timeline: Timeline, session: Session, until: datetime) -> Decline | None:
    trend = session_trend(timeline, session, until)
    if trend is None or trend.delta >= 0:
        return None
    if trend.delta > -SCORING.override_drop and not drops_in_a_row(timeline, session, until):
        return None
    name = timeline.names.get(session.exercise, session.exercise)
    return Decline(
        session.exercise,
        name,
        session.day,
        E1RM,
        f"{name} e1RM {percent(trend.delta)} vs {SCORING.perf_reference_days}-day best",
        drop=-trend.delta,
    )


def _reps_decline(timeline: Timeline, session: Session, until: datetime) -> Decline | None:
    earlier = timeline.sessions_of(
        session.exercise, until, session.day - timedelta(days=SCORING.perf_reference_days)
    )
    before = _most_reps(s for e in earlier if e.day < session.day for s in e.sets)
    now = _most_reps(s for s in session.sets if s.moment <= until)
    worst = None
    for load, (reps, rpe) in now.items():
        if load not in before:
            continue
        reps_before, rpe_before = before[load]
        easier = rpe is not None and rpe_before is not None and rpe < rpe_before
        if reps < reps_before and not easier and (worst is None or reps - reps_before < worst[0]):
            worst = (reps - reps_before, load, reps, reps_before)
    if worst is None:
        return None
    _, load, reps, reps_before = worst
    name = timeline.names.get(session.exercise, session.exercise)
    return Decline(
        session.exercise,
        name,
        session.day,
        REPS,
        f"{name} {reps} reps at {load:g} kg, down from {reps_before}",
        load_kg=load,
        reps=reps,
        reps_before=reps_before,
    )


def _most_reps(sets: Iterable[WorkSet]) -> dict[float, tuple[int, float | None]]:
    """Per load (to 0.01 kg), the most reps done and the RPE of that set."""
    most: dict[float, tuple[int, float | None]] = {}
    for s in sets:
        if s.load_kg is None:
            continue
        load = round(s.load_kg, 2)
        if load not in most or s.reps > most[load][0]:
            most[load] = (s.reps, s.rpe)
    return most


def percent(fraction: float) -> str:
    """A change as a whole percentage with its sign: -0.062 -> "-6 %"."""
    return f"{round(100 * fraction):+d} %"
