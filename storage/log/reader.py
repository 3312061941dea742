"""Reading the log: every question the app asks of it, over a set of tables.

`LogReader` answers from whatever tables it is given. The repository (`repository.py`)
is one: it reads the live log under its lock and writes it. A `LogSnapshot`
(`snapshot.py`) is another: the log as one commit left it, which no later write changes,
so the UI thread reads it without a lock and without touching the disk.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from scoring.bodyweights import Bodyweights
from storage.model.days import machine_timezone
from storage.model.exercise_library import BUILTIN_BY_ID, BUILTIN_EXERCISES
from storage.model.records import (
    Exercise,
    Record,
    Recovery,
    RestPeriod,
    SetEntry,
    Settings,
    SymptomEntry,
    Template,
    Workout,
    utc_now,
)
from storage.model.starter_templates import offered

R = TypeVar("R", bound=Record)
DocIds = array | tuple  # of the doc ids of one value of a field, in the order stored
Tables = dict[str, dict[str, dict[str, Any]]]


def doc_ids(ids: Sequence[int]) -> DocIds:
    """`ids` in an array of machine integers, or in a tuple if one is past 64 bits (a key
    no restday makes, in a log edited by hand)."""
    try:
        return array("q", ids)
    except OverflowError:
        return tuple(ids)


@dataclass(frozen=True)
class LogCounts:
    workouts: int
    sets: int
    days: int


class LogReader:
    def __init__(self, clock: Callable[[], datetime] = utc_now) -> None:
        self.clock = clock
        self._ids: dict[str, tuple[int, dict[str, int]]] = {}
        self._indexes: dict[tuple[str, str], tuple[int, dict[Any, DocIds]]] = {}

    def _tables(self) -> Tables:
        """The log's tables: table name -> doc id (a string) -> document."""
        raise NotImplementedError

    def _generation(self) -> int:
        """Changes whenever `_tables()` may hold other documents than when the caches
        below were built (the data was read again)."""
        return 0

    def _raw(self, table: str) -> dict[str, dict[str, Any]]:
        return self._tables().get(table, {})

    def stored(self) -> Tables:
        """Every table as stored, fields this restday does not know included: what an
        export of a log from a newer restday holds (read it, never change it)."""
        return self._tables()

    def _docs(self, cls: type[R]) -> Iterable[dict[str, Any]]:
        return self._raw(cls.TABLE).values()

    def _doc_ids(self, table: str) -> dict[str, int]:
        generation = self._generation()
        cached = self._ids.get(table)
        if cached is None or cached[0] != generation:
            ids = {doc["id"]: int(key) for key, doc in self._raw(table).items() if "id" in doc}
            cached = self._ids[table] = (generation, ids)
        return cached[1]

    def doc_id(self, record: Record) -> int | None:
        """The key the log stores `record` under (None: it is not stored)."""
        return self._doc_ids(record.TABLE).get(record.id)

    def _index(self, table: str, field: str) -> dict[Any, DocIds]:
        """Doc ids by the value of one field (the repository keeps it up to date as it
        writes), each value's in an array of machine integers: a set of int objects per
        value took ten times the memory (9 MB for a ten-year log's sets, issue 17)."""
        generation = self._generation()
        cached = self._indexes.get((table, field))
        if cached is None or cached[0] != generation:
            index: dict[Any, DocIds] = {}
            for key, doc in self._raw(table).items():
                value, doc_id = doc.get(field), int(key)
                ids = index.get(value)
                if type(ids) is array:
                    try:
                        ids.append(doc_id)
                        continue
                    except OverflowError:  # past 64 bits: a tuple for this value
                        pass
                index[value] = doc_ids([*(ids or ()), doc_id])
            cached = self._indexes[(table, field)] = (generation, index)
        return cached[1]

    def now(self) -> datetime:
        """The clock, to the second: what the log stores."""
        return self.clock().replace(microsecond=0)

    def _get(self, cls: type[R], record_id: str) -> R | None:
        for _ in range(2):  # a second time if another process wrote between the two reads
            doc_id = self._doc_ids(cls.TABLE).get(record_id)
            if doc_id is None:
                return None
            doc = self._raw(cls.TABLE).get(str(doc_id))
            if doc is not None and doc.get("id") == record_id:
                return cls.from_doc(doc)
            self._ids.pop(cls.TABLE, None)
        return None

    def counts(self) -> LogCounts:
        days: set[str] = set()
        for table in (Workout, Recovery, SymptomEntry):
            days.update(doc["day"] for doc in self._docs(table) if "day" in doc)
        return LogCounts(
            workouts=len(self._raw(Workout.TABLE)),
            sets=len(self._raw(SetEntry.TABLE)),
            days=len(days),
        )

    def settings(self) -> Settings:
        for doc in self._docs(Settings):
            return Settings.from_doc(doc)
        return Settings()

    @property
    def timezone(self) -> str:
        return self.settings().timezone or machine_timezone()

    def day_of(self, moment: datetime) -> date:
        return self.settings().day_of(moment)

    def today(self) -> date:
        return self.day_of(self.clock())

    def exercises(self) -> list[Exercise]:
        """The built-in library followed by the user's own exercises."""
        return [*BUILTIN_EXERCISES, *(Exercise.from_doc(d) for d in self._docs(Exercise))]

    def exercise(self, exercise_id: str) -> Exercise | None:
        return BUILTIN_BY_ID.get(exercise_id) or self._get(Exercise, exercise_id)

    def workout(self, workout_id: str) -> Workout | None:
        return self._get(Workout, workout_id)

    def workouts(self, since: date | None = None, until: date | None = None) -> list[Workout]:
        docs = _within(self._docs(Workout), since, until)
        return sorted((Workout.from_doc(d) for d in docs), key=lambda w: w.start)

    def last_finished(self, day: date) -> Workout | None:
        """The workout of `day` finished last, if one was: what can be reopened to add to."""
        done = [w for w in self.workouts(since=day, until=day) if not w.in_progress]
        return max(done, key=lambda w: w.end, default=None)

    def open_workout(self) -> Workout | None:
        """Today's workout in progress (begun, or reopened), if there is one."""
        today = self.today().isoformat()
        open_today = [
            d
            for d in self._docs(Workout)
            if d.get("day") == today and ("end" not in d or d.get("reopened"))
        ]
        if not open_today:
            return None
        return Workout.from_doc(max(open_today, key=lambda d: d["start"]))

    def reopened_workout(self) -> Workout | None:
        """The workout of any day reopened and not finished again, if there is one (the
        last begun): what a copy of restday stopped while it was open leaves open."""
        reopened = [d for d in self._docs(Workout) if d.get("reopened")]
        if not reopened:
            return None
        return Workout.from_doc(max(reopened, key=lambda d: d["start"]))

    def sets(
        self,
        *,
        workout: str | None = None,
        exercise: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[SetEntry]:
        """Sets in the order they were done."""
        if workout is not None or exercise is not None:
            field, value = ("workout", workout) if workout is not None else ("exercise", exercise)
            raw = self._raw(SetEntry.TABLE)
            ids = self._index(SetEntry.TABLE, field).get(value, ())
            # Another process may write between the two reads, so the index can be newer
            # than `raw`: keep only the documents `raw` holds for this workout or exercise.
            found = (raw.get(str(i)) for i in ids)
            docs = (d for d in found if d is not None and d.get(field) == value)
        else:
            docs = self._docs(SetEntry)
        docs = _within(docs, since, until)
        if exercise is not None:
            docs = (d for d in docs if d.get("exercise") == exercise)
        entries = [SetEntry.from_doc(d) for d in docs]
        entries.sort(key=lambda s: (s.timestamp, s.order))
        return entries

    def stored_sets(self) -> Iterable[dict[str, Any]]:
        """Every set as the log stores it (read it, never change it): what `sets()` makes
        its records of, for a reader that keeps no record of each."""
        return self._docs(SetEntry)

    def set_entry(self, set_id: str) -> SetEntry | None:
        return self._get(SetEntry, set_id)

    def rest_period(self) -> RestPeriod | None:
        """The rest timer as stored, if any (what an export holds)."""
        for doc in self._docs(RestPeriod):
            return RestPeriod.from_doc(doc)
        return None

    def running_rest(self) -> RestPeriod | None:
        """The running (or paused, or overdue) rest timer, if any: not one left from an
        earlier day (in a log written before finishing ended it), as a set added to an
        earlier day's workout starts none (`touches_rest_timer`)."""
        period = self.rest_period()
        if period is None or (period.day is not None and period.day < self.today()):
            return None
        return period

    def recovery(self, day: date) -> Recovery | None:
        key = day.isoformat()
        raw = self._raw(Recovery.TABLE)
        for doc_id in self._index(Recovery.TABLE, "day").get(key, ()):
            doc = raw.get(str(doc_id))
            if doc is not None and doc.get("day") == key:
                return Recovery.from_doc(doc)
        return None

    def recoveries(self, since: date | None = None, until: date | None = None) -> list[Recovery]:
        entries = [Recovery.from_doc(d) for d in _within(self._docs(Recovery), since, until)]
        return sorted(entries, key=lambda r: r.day or date.min)

    def bodyweights(self) -> Bodyweights:
        """Every bodyweight logged, to ask for the one as of a day."""
        return Bodyweights(
            (date.fromisoformat(doc["day"]), doc["bodyweight_kg"])
            for doc in self._docs(Recovery)
            if doc.get("bodyweight_kg") is not None and doc.get("day")
        )

    def latest_bodyweight(self, day: date) -> tuple[date, float] | None:
        """The bodyweight logged that day or, failing that, the latest logged before it:
        the day it was logged and the weight in kg."""
        return self.bodyweights().latest(day)

    def symptoms(self, since: date | None = None, until: date | None = None) -> list[SymptomEntry]:
        entries = [
            SymptomEntry.from_doc(d) for d in _within(self._docs(SymptomEntry), since, until)
        ]
        return sorted(entries, key=lambda s: s.timestamp)

    def muscles_trained(self, since: date, until: date) -> dict[str, date]:
        """Muscles trained directly by a working set from `since` to `until`, each with the
        last day it was."""
        trained: dict[str, date] = {}
        for workout in self.workouts(since, until):
            for entry in self.sets(workout=workout.id):
                exercise = self.exercise(entry.exercise)
                if entry.warmup or exercise is None or entry.day is None:
                    continue
                for muscle in exercise.primary_muscles:
                    if muscle not in trained or trained[muscle] < entry.day:
                        trained[muscle] = entry.day
        return trained

    def templates(self) -> list[Template]:
        """The templates the log holds (the lifter's own, and starters they changed)."""
        return sorted((Template.from_doc(d) for d in self._docs(Template)), key=lambda t: t.name)

    def offered_templates(self) -> list[Template]:
        """The templates to start a workout from: the log's (by name), then each starter
        template (`storage.model.starter_templates`) neither changed nor deleted."""
        return offered(self.templates(), self.settings().hidden_starters)

    def template(self, template_id: str) -> Template | None:
        """A template offered (`offered_templates`) by its id."""
        return next((t for t in self.offered_templates() if t.id == template_id), None)


def _within(
    docs: Iterable[dict[str, Any]], since: date | None, until: date | None
) -> Iterable[dict[str, Any]]:
    if since is not None:
        low = since.isoformat()
        docs = (d for d in docs if d.get("day", "") >= low)
    if until is not None:
        high = until.isoformat()
        docs = (d for d in docs if d.get("day", "") <= high)
    return docs
