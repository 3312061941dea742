"""The log indexed once for scoring at many moments: working sets in time order with their
effort and e1RM, sessions per exercise, recovery by day, symptoms in time order.

Everything the model reads at a moment `t` is what was logged at or before `t` (recovery by
day: entries of days up to the moment's day).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from scoring.bodyweights import Bodyweights
from scoring.constants import SCORING
from scoring.e1rm import estimate
from scoring.inputs import DayRecovery, Symptoms, TrainingLog
from scoring.load import set_efforts

DAY = timedelta(days=1)
EPSILON = timedelta(microseconds=1)
HALF_LIVES = dict(SCORING.half_life_days)
MUSCLE_ORDER = tuple(HALF_LIVES)


@dataclass(frozen=True, slots=True)
class Point:
    """A day's score, read `at` a moment (fatigue decays up to it) from the sets done by
    `sets_until` (before the day's first set) and the symptoms logged by `symptoms_until`."""

    day: date
    at: datetime
    sets_until: datetime
    symptoms_until: datetime


@dataclass(frozen=True, slots=True)
class WorkSet:
    """A working set, prepared: `doses` are (muscle, effort * coefficient, half-life) and
    `seconds` its moment as a POSIX timestamp."""

    moment: datetime
    seconds: float
    day: date
    exercise: str
    effort: float
    doses: tuple[tuple[str, float, float], ...]
    load_kg: float | None
    reps: int
    rpe: float | None
    e1rm: float | None
    method: str | None


@dataclass(frozen=True, slots=True)
class Session:
    """One exercise on one training day: its working sets in time order."""

    exercise: str
    day: date
    sets: tuple[WorkSet, ...]

    @property
    def moment(self) -> datetime:
        return self.sets[0].moment

    def best(self, method: str, until: datetime) -> float | None:
        """The best e1RM by `method` among its sets done by `until`."""
        values = [s.e1rm for s in self.sets if s.method == method and s.moment <= until and s.e1rm]
        return max(values, default=None)

    def method(self, until: datetime) -> str | None:
        """The trend method of the session: the RPE chart when any set has it, else Epley."""
        methods = {s.method for s in self.sets if s.moment <= until and s.e1rm}
        for method in ("rpe", "epley"):
            if method in methods:
                return method
        return None


class Timeline:
    """A `TrainingLog` indexed for evaluation at many moments."""

    def __init__(self, log: TrainingLog) -> None:
        self.log = log
        self.names = {key: exercise.name for key, exercise in log.exercises.items()}
        self.sets = sorted(_work_sets(log), key=lambda s: s.moment)
        self.moments = [s.moment for s in self.sets]
        sessions: dict[str, dict[date, list[WorkSet]]] = {}
        self.day_sets: dict[date, list[WorkSet]] = {}
        # The first set logged each day, a ramp-up set included: a later, heavier set that
        # makes it a warm-up must not move the day's point (spec 6).
        self.day_first: dict[date, datetime] = {}
        for s in log.sets:
            if not s.warmup and s.exercise in log.exercises:
                first = self.day_first.get(s.day)
                self.day_first[s.day] = s.moment if first is None else min(first, s.moment)
        for s in self.sets:
            sessions.setdefault(s.exercise, {}).setdefault(s.day, []).append(s)
            self.day_sets.setdefault(s.day, []).append(s)
        # Each day's whole load, summed once: the 14 mornings' load measures ask for the
        # loads of the 42 days before each.
        self.day_loads = {day: sum(s.effort for s in sets) for day, sets in self.day_sets.items()}
        self.sessions = {  # by exercise id, so that results list exercises in one order
            exercise: [Session(exercise, day, tuple(group)) for day, group in sorted(by.items())]
            for exercise, by in sorted(sessions.items())
        }
        self.recovery: dict[date, DayRecovery] = {r.day: r for r in log.recoveries}
        self.bodyweights = Bodyweights(
            (r.day, r.bodyweight_kg) for r in log.recoveries if r.bodyweight_kg is not None
        )
        self.symptoms = sorted(log.symptoms, key=lambda s: s.moment)
        self.symptom_moments = [s.moment for s in self.symptoms]
        self.trends: dict[tuple[str, date], object] = {}  # scoring.trends' cache
        self.starts = sorted(log.day_starts.items())
        self.start_moments = [start for _, start in self.starts]

    # -- days ------------------------------------------------------------------------------

    def day_of(self, moment: datetime) -> date:
        """The training day a moment falls in (days after the calendar's last are 24 h)."""
        i = bisect_right(self.start_moments, moment)
        if i == 0:
            return moment.astimezone(UTC).date()
        day, start = self.starts[i - 1]
        return day + timedelta(days=(moment - start) // DAY)

    def day_start(self, day: date) -> datetime:
        start = self.log.day_starts.get(day)
        return start if start is not None else datetime(day.year, day.month, day.day, tzinfo=UTC)

    def point(self, day: date, known: datetime) -> Point:
        """Where `day`'s one score is read, with what was logged by `known` (spec 6): at
        its first set, else at `known` or the day's end, whichever is earlier; the
        day's own sets never count, its symptoms do whenever they were typed."""
        end = self.day_start(day) + DAY
        first = self.day_first.get(day)
        if first is not None and first <= known:
            return Point(day, first, first - EPSILON, min(known, end - EPSILON))
        if known < end:
            return Point(day, known, known, known)
        return Point(day, end, end - EPSILON, end - EPSILON)  # the next day starts at `end`

    # -- reads at a moment -----------------------------------------------------------------

    def sets_between(self, start: datetime, end: datetime) -> list[WorkSet]:
        """Working sets done after `start`, up to and including `end`."""
        return self.sets[bisect_right(self.moments, start) : bisect_right(self.moments, end)]

    def sessions_of(self, exercise: str, until: datetime, first_day: date) -> list[Session]:
        """Sessions of an exercise from `first_day` that had begun by `until`."""
        return [
            s for s in self.sessions.get(exercise, ()) if s.day >= first_day and s.moment <= until
        ]

    def first_training_day(self, since: date, until: datetime) -> date | None:
        """The first day from `since` with a working set done by `until`."""
        day, last = since, self.day_of(until)
        while day <= last:
            if self.trained_on(day, until):
                return day
            day += DAY
        return None

    def is_lift(self, exercise: str) -> bool:
        known = self.log.exercises.get(exercise)
        return known is not None and known.lift

    def day_load(self, day: date, until: datetime) -> float:
        sets = self.day_sets.get(day)
        if not sets:
            return 0
        if sets[-1].moment <= until:
            return self.day_loads[day]
        return sum(s.effort for s in sets if s.moment <= until)

    def trained_on(self, day: date, until: datetime) -> bool:
        sets = self.day_sets.get(day)
        return bool(sets) and sets[0].moment <= until

    def recent_symptoms(self, point: Point) -> Iterator[Symptoms]:
        """Symptom entries of the 24 h before the point and of its day, newest first."""
        start = point.at - timedelta(hours=SCORING.soreness_window_hours)
        low = bisect_right(self.symptom_moments, start)
        high = bisect_right(self.symptom_moments, point.symptoms_until)
        return reversed(self.symptoms[low:high])

    def symptoms_between(self, start: datetime, end: datetime) -> list[Symptoms]:
        """Symptom entries logged after `start`, up to and including `end`."""
        low = bisect_right(self.symptom_moments, start)
        return self.symptoms[low : bisect_right(self.symptom_moments, end)]

    def bodyweight(self, day: date) -> float | None:
        """The bodyweight logged on `day` or, failing that, the latest before it."""
        return self.bodyweights.on(day)


def _work_sets(log: TrainingLog) -> Iterator[WorkSet]:
    working = [s for s in log.sets if not s.warmup and s.exercise in log.exercises]
    efforts = set_efforts(
        [((s.exercise, s.day), s.load_kg, s.reps, s.rpe, s.drop) for s in working]
    )
    muscle_terms: dict[str, list[tuple[str, float, float]]] = {}  # by exercise
    for s, effort in zip(working, efforts, strict=True):
        if s.rpe is None and effort == 0:
            continue  # a ramp-up set the log did not mark as a warm-up
        e1rm = method = None
        if s.load_kg and _informative(s.rpe):
            found = estimate(s.load_kg, s.reps, s.rpe)
            if found is not None:
                e1rm, method = found
        terms = muscle_terms.get(s.exercise)
        if terms is None:
            terms = muscle_terms[s.exercise] = [
                (muscle, coefficient, HALF_LIVES[muscle])
                for muscle, coefficient in log.exercises[s.exercise].muscles.items()
                if muscle in HALF_LIVES and coefficient > 0
            ]
        doses = tuple(
            (muscle, effort * coefficient, half_life) for muscle, coefficient, half_life in terms
        )
        yield WorkSet(
            s.moment,
            s.moment.timestamp(),
            s.day,
            s.exercise,
            effort,
            doses,
            s.load_kg,
            s.reps,
            s.rpe,
            e1rm,
            method,
        )


def _informative(rpe: float | None) -> bool:
    """Whether a set's e1RM says something about strength: RPE unknown (Epley assumes a
    set near failure) or inside the RPE chart. A set the lifter rated below the chart
    stopped 4 or more reps short, so Epley would understate the lifter's strength (spec 1:
    "estimates below RPE 6 carry little information")."""
    return rpe is None or rpe >= SCORING.rts_min_rpe
