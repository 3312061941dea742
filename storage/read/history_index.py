"""The log boiled down for the history screen: per day, per session, per exercise.

`HistoryIndex.build` reads the whole log once (every set, workout, recovery and symptom
entry) and aggregates it; the views then draw from the index without touching the log.
Reading ten years takes about half a second, so the screen builds it off the UI thread.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from scoring.bodyweights import Bodyweights
from scoring.load import set_efforts
from storage.giving_way import give_way
from storage.log.reader import LogReader
from storage.model.records import Exercise, SetEntry, Settings, Workout
from storage.read.records_so_far import RecordsSoFar, set_e1rm

REP_RECORDS = (1, 3, 5, 8, 10)


@dataclass(frozen=True, slots=True)
class DaySummary:
    workouts: int
    working_sets: int
    hard_sets: int
    volume_kg: float
    daily_load: float  # the sum of the effort multipliers of the day's working sets
    muscle_sets: Mapping[str, float]  # hard sets per muscle: 1 trained directly, 0.5 indirectly


@dataclass(frozen=True, slots=True)
class SessionSummary:
    workout_id: str
    day: date
    start: datetime
    end: datetime | None
    name: str
    duration_min: float | None
    working_sets: int
    volume_kg: float
    session_rpe: int | None
    session_load: float | None  # Foster's session RPE load: RPE x minutes
    exercises: tuple[str, ...]  # exercise ids, in the order first done
    notes: str


@dataclass(frozen=True, slots=True)
class SessionSet:
    entry: SetEntry
    e1rm_kg: float | None
    method: str | None
    is_pr: bool  # beat the exercise's best e1RM, or its best reps at that weight, so far
    rest_s: int | None


StoredSet = SetEntry | Mapping[str, Any]
"""A set as a record, or as the log stores it: the index keeps the log's own document and
makes the record when it is asked for (a record kept for each set of a ten-year log took
10 MB, issue 17)."""


def _entry(stored: StoredSet) -> SetEntry:
    return stored if isinstance(stored, SetEntry) else SetEntry.from_doc(stored)


def _done_order(entry: SetEntry) -> tuple[datetime, int]:
    return entry.timestamp, entry.order


@dataclass(frozen=True, slots=True)
class ExerciseSession:
    """One exercise within one workout."""

    workout_id: str
    day: date
    best_e1rm_kg: float | None
    method: str | None
    top: int | None  # which of `stored` gives the best e1RM
    working_sets: int
    volume_kg: float
    stored: tuple[StoredSet, ...]  # the working sets, in order

    @property
    def sets(self) -> tuple[SetEntry, ...]:
        """The working sets, in order."""
        return tuple(map(_entry, self.stored))

    @property
    def top_set(self) -> SetEntry | None:
        """The set giving the best e1RM."""
        return None if self.top is None else _entry(self.stored[self.top])


@dataclass(frozen=True, slots=True)
class PersonalRecord:
    label: str  # "1 rep" ... "10 reps", "e1RM", "Session volume", "Most reps"
    value_kg: float | None  # the weight, e1RM or session volume; None for "Most reps"
    reps: int | None  # the set's reps (at least the label's), or the most reps
    day: date | None  # None: no such record yet
    entry: SetEntry | None


@dataclass(frozen=True, slots=True)
class DayWellness:
    sleep_hours: float | None
    bodyweight_kg: float | None
    soreness: float | None  # the highest muscle soreness of the day's newest symptom entry


class HistoryIndex:
    def __init__(
        self,
        workouts: Iterable[Workout],
        sets: Iterable[StoredSet],
        exercises: Mapping[str, Exercise],
        wellness: Mapping[date, DayWellness],
        settings: Settings | None = None,
    ) -> None:
        """The log's sets go through a workout at a time, oldest first: only one day's
        records are held at once (`StoredSet`)."""
        hands = _hands(exercises, settings or Settings())
        by_workout: dict[str, list[StoredSet]] = defaultdict(list)
        for stored in sets:
            by_workout[
                stored.workout if isinstance(stored, SetEntry) else stored["workout"]
            ].append(stored)
        self._sets = dict(by_workout)
        with_sets = [w for w in workouts if w.id in by_workout]
        self.wellness = dict(wellness)
        self.bodyweights = Bodyweights(
            (day, w.bodyweight_kg)
            for day, w in self.wellness.items()
            if w.bodyweight_kg is not None
        )
        """A bodyweight set's e1RM and volume count the bodyweight as of its day."""
        newest_first = sorted(with_sets, key=lambda w: w.start, reverse=True)
        to_come = Counter(w.day for w in newest_first)  # of each day's workouts
        day_done: dict[date, list[tuple[SessionSummary, list[SetEntry]]]] = defaultdict(list)
        days: dict[date, DaySummary] = {}
        sessions: list[SessionSummary] = []
        walk = _ExerciseWalk(hands, self.bodyweights)
        for workout in reversed(newest_first):
            give_way()  # to a key being answered (History's aggregate is built on a thread)
            done = sorted(((_entry(s), s) for s in by_workout[workout.id]), key=_pair_order)
            entries = [entry for entry, _ in done]
            session = _summary(workout, entries, hands, self.bodyweights)
            sessions.append(session)
            walk.add(session, done)
            day_done[session.day].append((session, [e for e in entries if not e.warmup]))
            to_come[session.day] -= 1
            if not to_come[session.day]:
                days[session.day] = _day(day_done.pop(session.day)[::-1], exercises)
        self._sessions = sessions[::-1]
        self.days = dict(sorted(days.items()))
        self._prs, self._by_exercise = walk.prs, dict(walk.by_exercise)
        self._day_list = sorted(self.days)
        known = self._day_list + sorted(self.wellness)
        self.first_day: date | None = min(known) if known else None
        self.last_day: date | None = max(known) if known else None

    @classmethod
    def build(cls, repo: LogReader) -> HistoryIndex:
        """The whole log, read once."""
        exercises = {e.id: e for e in repo.exercises()}
        return cls(
            repo.workouts(), repo.stored_sets(), exercises, read_wellness(repo), repo.settings()
        )

    # -- sessions --------------------------------------------------------------------------

    def sessions(self, exercise_id: str | None = None) -> list[SessionSummary]:
        """Workouts with at least one set, newest first; only those with `exercise_id`."""
        if exercise_id is None:
            return self._sessions
        return [s for s in self._sessions if exercise_id in s.exercises]

    def session(self, workout_id: str) -> SessionSummary | None:
        return next((s for s in self._sessions if s.workout_id == workout_id), None)

    def session_sets(self, workout_id: str) -> list[SessionSet]:
        """Every set of a workout, warm-ups included, in order."""
        rows = []
        for entry in sorted(map(_entry, self._sets.get(workout_id, ())), key=_done_order):
            found = set_e1rm(entry, self.bodyweights.on(entry.day))
            rows.append(
                SessionSet(
                    entry,
                    None if found is None else found[0],
                    None if found is None else found[1],
                    entry.id in self._prs,
                    entry.rest_s,
                )
            )
        return rows

    # -- exercises -------------------------------------------------------------------------

    def exercises_done(self) -> list[tuple[str, int]]:
        """(exercise id, sessions with it), the most done first."""
        counts = [(exercise_id, len(done)) for exercise_id, done in self._by_exercise.items()]
        return sorted(counts, key=lambda item: (-item[1], item[0]))

    def exercise_sessions(self, exercise_id: str) -> list[ExerciseSession]:
        """The exercise's sessions with at least one working set, oldest first."""
        return self._by_exercise.get(exercise_id, [])

    def records(self, exercise_id: str) -> list[PersonalRecord]:
        """The heaviest set of at least 1, 3, 5, 8 and 10 reps, the best e1RM, the best
        session volume and the most reps in a set; each the first time it was done."""
        done = self.exercise_sessions(exercise_id)
        sets = [(s.day, e) for s in done for e in s.sets]
        records = []
        for reps in REP_RECORDS:
            best = _first_best(
                (day, entry, entry.weight_kg)
                for day, entry in sets
                if entry.reps >= reps and entry.weight_kg > 0 and not entry.bodyweight
            )
            label = f"{reps} rep" + ("s" if reps > 1 else "")
            records.append(_record(label, best, lambda e: e.weight_kg))
        best_e1rm = _first_best(
            (s.day, s.top_set, s.best_e1rm_kg) for s in done if s.best_e1rm_kg is not None
        )
        records.append(
            PersonalRecord(
                "e1RM",
                None if best_e1rm is None else best_e1rm[2],
                None if best_e1rm is None else best_e1rm[1].reps,
                None if best_e1rm is None else best_e1rm[0],
                None if best_e1rm is None else best_e1rm[1],
            )
        )
        volume = _first_best((s.day, None, s.volume_kg) for s in done if s.volume_kg > 0)
        records.append(
            PersonalRecord(
                "Session volume",
                None if volume is None else volume[2],
                None,
                None if volume is None else volume[0],
                None,
            )
        )
        most = _first_best((day, entry, entry.reps) for day, entry in sets)
        records.append(_record("Most reps", most, lambda e: None))
        return records

    # -- series over a span ----------------------------------------------------------------

    def training_days(self, first_day: date, last_day: date) -> list[date]:
        """Training days from `first_day` to `last_day`, oldest first."""
        days = self._day_list
        return days[bisect_left(days, first_day) : bisect_right(days, last_day)]

    def daily_loads(self, first_day: date, last_day: date) -> list[float]:
        """Each day's load from `first_day` to `last_day`, 0 on a rest day."""
        loads = [0.0] * ((last_day - first_day).days + 1)
        for day in self.training_days(first_day, last_day):
            loads[(day - first_day).days] = self.days[day].daily_load
        return loads

    def weekly_hard_sets(
        self, first_day: date, last_day: date
    ) -> dict[str, list[tuple[date, float]]]:
        """Hard sets per muscle in each Monday-to-Sunday week touching the span: muscle ->
        [(Monday, sets)], every week listed, 0 for a week without any."""
        first_monday = first_day - timedelta(days=first_day.weekday())
        weeks = (last_day - first_monday).days // 7 + 1
        totals: dict[str, list[float]] = defaultdict(lambda: [0.0] * weeks)
        for day in self.training_days(first_monday, last_day):
            week = (day - first_monday).days // 7
            for muscle, sets in self.days[day].muscle_sets.items():
                totals[muscle][week] += sets
        mondays = [first_monday + timedelta(days=7 * k) for k in range(weeks)]
        return {
            muscle: list(zip(mondays, counts, strict=True))
            for muscle, counts in sorted(totals.items())
        }


def read_wellness(repo: LogReader) -> dict[date, DayWellness]:
    """Sleep, bodyweight and the day's worst soreness, by day."""
    sleep: dict[date, float | None] = {}
    bodyweight: dict[date, float | None] = {}
    for recovery in repo.recoveries():
        sleep[recovery.day] = recovery.sleep_hours
        bodyweight[recovery.day] = recovery.bodyweight_kg
    soreness: dict[date, float | None] = {}
    for entry in repo.symptoms():  # oldest first: the day's newest entry is the one kept
        values = [v for v in entry.soreness.values() if v is not None]
        soreness[entry.day] = max(values) if values else None
    days = sleep.keys() | soreness.keys()
    return {
        day: DayWellness(sleep.get(day), bodyweight.get(day), soreness.get(day))
        for day in sorted(days)
    }


def session_summary(log: LogReader, workout_id: str) -> SessionSummary | None:
    """One workout boiled down as the log holds it now (None: it holds no such workout)."""
    workout = log.workout(workout_id)
    if workout is None:
        return None
    sets = log.sets(workout=workout_id)
    exercises = {e: log.exercise(e) for e in {s.exercise for s in sets}}
    return _summary(workout, sets, _hands(exercises, log.settings()), log.bodyweights())


def _hands(exercises: Mapping[str, Exercise | None], settings: Settings) -> Callable[[str], int]:
    """Exercise id -> what its typed load counts for in volume (`Settings.hands_for`)."""
    return lambda exercise_id: settings.hands_for(exercises.get(exercise_id))


def _summary(
    workout: Workout,
    sets: list[SetEntry],
    hands: Callable[[str], int],
    bodyweights: Bodyweights,
) -> SessionSummary:
    working = [s for s in sets if not s.warmup]
    minutes = workout.duration_minutes
    exercises = tuple(dict.fromkeys(s.exercise for s in sets))
    load = None
    if workout.session_rpe is not None and minutes is not None:
        load = workout.session_rpe * minutes
    return SessionSummary(
        workout_id=workout.id,
        day=workout.day,
        start=workout.start,
        end=workout.end,
        name=workout.name,
        duration_min=minutes,
        working_sets=len(working),
        volume_kg=sum(s.volume_kg(bodyweights.on(s.day), hands(s.exercise)) for s in working),
        session_rpe=workout.session_rpe,
        session_load=load,
        exercises=exercises,
        notes=workout.notes,
    )


def _pair_order(pair: tuple[SetEntry, StoredSet]) -> tuple[datetime, int]:
    return _done_order(pair[0])


def _day(
    done: list[tuple[SessionSummary, list[SetEntry]]], exercises: Mapping[str, Exercise]
) -> DaySummary:
    """A day of its sessions (newest first), each with its working sets."""
    working = [e for _, sets in done for e in sets]
    hard, load, muscles = day_work(working, exercises)
    return DaySummary(
        workouts=len(done),
        working_sets=len(working),
        hard_sets=hard,
        volume_kg=sum(s.volume_kg for s, _ in done),
        daily_load=load,
        muscle_sets=muscles,
    )


def day_work(
    working: Sequence[SetEntry], exercises: Mapping[str, Exercise]
) -> tuple[int, float, dict[str, float]]:
    """A day's working sets as hard sets, daily load (the sum of their effort multipliers)
    and hard sets per muscle (1 trained directly, 0.5 indirectly)."""
    muscles: dict[str, float] = defaultdict(float)
    hard = 0
    load = 0.0
    efforts = set_efforts(
        [
            (
                e.exercise,
                None if e.bodyweight else e.weight_kg,
                e.reps,
                e.effort_rpe,
                e.set_type == "drop",
            )
            for e in working
        ]
    )
    for entry, effort in zip(working, efforts, strict=True):
        load += effort
        if effort <= 0:
            continue
        hard += 1
        exercise = exercises.get(entry.exercise)
        for muscle, coefficient in (exercise.muscles if exercise else {}).items():
            muscles[muscle] += coefficient
    return hard, load, dict(muscles)


class _ExerciseWalk:
    """Sessions added in the order they were done: the sets that were PRs when done (as
    the workout screen marks them), and each exercise's sessions."""

    def __init__(self, hands: Callable[[str], int], bodyweights: Bodyweights) -> None:
        self.hands = hands
        self.bodyweights = bodyweights
        self.prs: set[str] = set()
        self.records: dict[str, RecordsSoFar] = defaultdict(RecordsSoFar)
        self.by_exercise: dict[str, list[ExerciseSession]] = defaultdict(list)

    def add(self, session: SessionSummary, done: list[tuple[SetEntry, StoredSet]]) -> None:
        per_exercise: dict[str, list[tuple[SetEntry, StoredSet]]] = defaultdict(list)
        for entry, stored in done:
            if entry.warmup:
                continue
            per_exercise[entry.exercise].append((entry, stored))
            if self.records[entry.exercise].add(entry, self.bodyweights.on(entry.day)):
                self.prs.add(entry.id)
        bodyweight_kg = self.bodyweights.on(session.day)
        for exercise_id, sets in per_exercise.items():
            self.by_exercise[exercise_id].append(
                _exercise_session(session, sets, self.hands(exercise_id), bodyweight_kg)
            )


def _exercise_session(
    session: SessionSummary,
    done: list[tuple[SetEntry, StoredSet]],
    hands: int,
    bodyweight_kg: float | None,
) -> ExerciseSession:
    """`bodyweight_kg`: the lifter's as of the session's day."""
    best = None
    for k, (entry, _) in enumerate(done):
        found = set_e1rm(entry, bodyweight_kg)
        if found is not None and (best is None or found[0] > best[0]):
            best = (found[0], found[1], k)
    return ExerciseSession(
        workout_id=session.workout_id,
        day=session.day,
        best_e1rm_kg=None if best is None else best[0],
        method=None if best is None else best[1],
        top=None if best is None else best[2],
        working_sets=len(done),
        volume_kg=sum(e.volume_kg(bodyweight_kg, hands) for e, _ in done),
        stored=tuple(stored for _, stored in done),
    )


def _first_best(candidates: Iterable[tuple[date, SetEntry | None, float]]):
    """The candidate with the highest value, the earliest of equals (oldest first in)."""
    best = None
    for candidate in candidates:
        if best is None or candidate[2] > best[2] + 1e-9:
            best = candidate
    return best


def _record(label: str, best, value) -> PersonalRecord:
    if best is None:
        return PersonalRecord(label, None, None, None, None)
    day, entry, _ = best
    return PersonalRecord(label, value(entry), entry.reps, day, entry)
