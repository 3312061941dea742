"""The repository: the only way the rest of restday reads or writes the log.

Plain dataclasses go in and come out. Every change is applied under the log's lock on
up-to-date data, so two copies of the app on one log never lose each other's work. A change
that cannot be saved (disk full, read-only file system) stays queued in memory and is saved
with the next change or `flush()`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from storage.errors import ReadOnlyLogError, StorageError, ValidationError, WriteFailedError
from storage.log.atomic_json import AtomicJSONStorage
from storage.log.tables import LogDB
from storage.model import validation
from storage.model.days import day_of, machine_timezone
from storage.model.exercise_library import BUILTIN_BY_ID, BUILTIN_EXERCISES
from storage.model.records import (
    SCHEMA_VERSION,
    Exercise,
    Record,
    Recovery,
    RestPeriod,
    SetEntry,
    Settings,
    SymptomEntry,
    Template,
    Workout,
    new_id,
    utc_now,
)

R = TypeVar("R", bound=Record)
Change = Callable[[], None]


class SaveFailedError(StorageError):
    """A change could not be written; it is kept in memory and retried with the next save."""


@dataclass(frozen=True)
class LogCounts:
    workouts: int
    sets: int
    days: int


class Repository:
    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        clock: Callable[[], datetime] = utc_now,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path).expanduser().absolute()
        self.clock = clock
        self._db = LogDB(self.path, storage=AtomicJSONStorage, read_only=read_only)
        self._storage: AtomicJSONStorage = self._db.storage
        self._pending: list[Change] = []
        self._in_transaction = False
        self._ids: dict[str, tuple[int, dict[str, int]]] = {}
        self._indexes: dict[tuple[str, str], tuple[int, dict[Any, set[int]]]] = {}
        self._storage.read()  # fail now, with a clear message, if the log is unreadable
        version = self.settings().schema_version
        if version > SCHEMA_VERSION:
            self._storage.read_only = True
            self._storage.read_only_reason = (
                f"it was written by a newer restday (log schema {version}; this restday "
                f"knows {SCHEMA_VERSION}); upgrade restday to change it"
            )

    # -- the log as a whole ----------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self._storage.read_only

    @property
    def read_only_reason(self) -> str:
        return self._storage.read_only_reason

    @property
    def stamp(self) -> tuple[int, ...] | None:
        """Which version of the log on disk this repository holds (`atomic.disk_stamp`)."""
        return self._storage.stamp

    @property
    def pending(self) -> int:
        """How many changes are waiting to be saved."""
        return len(self._pending)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the log's lock for the block, apply its changes in memory as they come (so
        reads inside see them), and save them in one write at its end. If the block raises,
        its changes are dropped."""
        if self._in_transaction:
            yield
            return
        self._in_transaction = True
        start = len(self._pending)
        try:
            with self._storage.batch():
                for change in self._pending[:start]:
                    change()
                yield
        except WriteFailedError as exc:
            raise SaveFailedError(
                f"{exc} {len(self._pending)} unsaved change(s) kept in memory; "
                "they are saved with the next change."
            ) from None
        except BaseException:
            del self._pending[start:]
            raise
        else:
            self._pending.clear()
        finally:
            self._in_transaction = False

    def flush(self) -> None:
        """Save the changes waiting in memory; raise `SaveFailedError` if the disk refuses."""
        if self._pending:
            with self.transaction():
                pass

    def _apply(self, change: Change) -> None:
        if self.read_only:
            raise ReadOnlyLogError(f"the log {self.path} is read-only: {self.read_only_reason}")
        self._pending.append(change)
        if self._in_transaction:
            change()
            return
        try:
            self.flush()
        except SaveFailedError:
            raise
        except BaseException:
            if self._pending and self._pending[-1] is change:
                self._pending.pop()
            raise

    def _raw(self, table: str) -> dict[str, dict[str, Any]]:
        return self._storage.read().get(table, {})

    def _docs(self, cls: type[R]) -> Iterable[dict[str, Any]]:
        return self._raw(cls.TABLE).values()

    def _doc_ids(self, table: str) -> dict[str, int]:
        generation = self._storage.generation
        cached = self._ids.get(table)
        if cached is None or cached[0] != generation:
            ids = {doc["id"]: int(key) for key, doc in self._raw(table).items() if "id" in doc}
            cached = self._ids[table] = (generation, ids)
        return cached[1]

    def _index(self, table: str, field: str) -> dict[Any, set[int]]:
        """Doc ids by the value of one field, kept up to date by `_put` and `_delete`."""
        generation = self._storage.generation
        cached = self._indexes.get((table, field))
        if cached is None or cached[0] != generation:
            index: dict[Any, set[int]] = {}
            for key, doc in self._raw(table).items():
                index.setdefault(doc.get(field), set()).add(int(key))
            cached = self._indexes[(table, field)] = (generation, index)
        return cached[1]

    def _reindex(self, table: str, doc_id: int, old: dict | None, new: dict | None) -> None:
        generation = self._storage.generation
        for (name, field), (built, index) in self._indexes.items():
            if name != table or built != generation:
                continue
            if old is not None:
                index.get(old.get(field), set()).discard(doc_id)
            if new is not None:
                index.setdefault(new.get(field), set()).add(doc_id)

    def now(self) -> datetime:
        """The clock, to the second: what the log stores."""
        return self.clock().replace(microsecond=0)

    def _stamp(self, record: R, day: date | None) -> R:
        now = self.now()
        return replace(record, created=record.created or now, updated=now, day=day)

    def _put(self, record: Record) -> None:
        """Insert or replace a record by its id (inside a change)."""
        table = self._db.table(record.TABLE)
        doc = record.to_doc()
        ids = self._doc_ids(record.TABLE)
        doc_id = ids.get(record.id)
        if doc_id is None:
            doc_id = ids[record.id] = table.insert(doc)
            self._reindex(record.TABLE, doc_id, None, doc)
        else:
            old = dict(self._raw(record.TABLE)[str(doc_id)])
            table.update(_replace_with(doc), doc_ids=[doc_id])
            self._reindex(record.TABLE, doc_id, old, doc)

    def _delete(self, table_name: str, record_id: str) -> None:
        ids = self._doc_ids(table_name)
        doc_id = ids.pop(record_id, None)
        if doc_id is not None:
            old = self._raw(table_name).get(str(doc_id))
            self._db.table(table_name).remove(doc_ids=[doc_id])
            self._reindex(table_name, doc_id, old, None)

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

    def import_records(self, records: Iterable[Record]) -> int:
        """Insert many records (a demo log, an import) in one write."""
        by_table: dict[str, list[dict[str, Any]]] = {}
        for record in records:
            by_table.setdefault(record.TABLE, []).append(record.to_doc())

        def change() -> None:
            for table, docs in by_table.items():
                self._db.table(table).insert_multiple(docs)
            self._ids.clear()
            self._indexes.clear()

        self._apply(change)
        return sum(len(docs) for docs in by_table.values())

    def counts(self) -> LogCounts:
        days: set[str] = set()
        for table in (Workout, Recovery, SymptomEntry):
            days.update(doc["day"] for doc in self._docs(table) if "day" in doc)
        return LogCounts(
            workouts=len(self._raw(Workout.TABLE)),
            sets=len(self._raw(SetEntry.TABLE)),
            days=len(days),
        )

    # -- settings and days -----------------------------------------------------------------

    def settings(self) -> Settings:
        for doc in self._docs(Settings):
            return Settings.from_doc(doc)
        return Settings()

    def save_settings(self, settings: Settings) -> Settings:
        validation.check_settings(settings)
        existing = next(iter(self._docs(Settings)), None)
        if existing is not None:
            settings = replace(settings, id=existing["id"])
        settings = self._stamp(settings, self.today())
        self._apply(lambda: self._put(settings))
        return settings

    def clear_settings(self) -> None:
        """Remove the log's settings record (an import puts an export's own in its place)."""
        for doc in list(self._docs(Settings)):
            settings_id = doc["id"]
            self._apply(lambda settings_id=settings_id: self._delete(Settings.TABLE, settings_id))

    @property
    def timezone(self) -> str:
        return self.settings().timezone or machine_timezone()

    def day_of(self, moment: datetime) -> date:
        settings = self.settings()
        return day_of(moment, settings.timezone or machine_timezone(), settings.rollover_hour)

    def today(self) -> date:
        return self.day_of(self.clock())

    # -- exercises -------------------------------------------------------------------------

    def exercises(self) -> list[Exercise]:
        """The built-in library followed by the user's own exercises."""
        return [*BUILTIN_EXERCISES, *(Exercise.from_doc(d) for d in self._docs(Exercise))]

    def exercise(self, exercise_id: str) -> Exercise | None:
        return BUILTIN_BY_ID.get(exercise_id) or self._get(Exercise, exercise_id)

    def add_exercise(self, exercise: Exercise) -> Exercise:
        validation.check_exercise(exercise)
        name = exercise.name.strip().casefold()
        for other in self.exercises():
            if other.id != exercise.id and name in {
                other.name.casefold(),
                *(a.casefold() for a in other.aliases),
            }:
                raise ValidationError(f"an exercise called {other.name!r} already exists")
        exercise = self._stamp(replace(exercise, builtin=False), self.today())
        self._apply(lambda: self._put(exercise))
        return exercise

    # -- workouts --------------------------------------------------------------------------

    def start_workout(
        self, name: str = "", *, template: str | None = None, at: datetime | None = None
    ) -> Workout:
        start = (at or self.clock()).replace(microsecond=0)
        workout = self._stamp(Workout(start=start, name=name, template=template), None)
        workout = replace(workout, day=self.day_of(start))
        self._apply(lambda: self._put(workout))
        return workout

    def save_workout(self, workout: Workout) -> Workout:
        validation.check_workout(workout)
        workout = self._stamp(workout, self.day_of(workout.start))
        self._apply(lambda: self._put(workout))
        return workout

    def finish_workout(
        self, workout: Workout, session_rpe: int | None, notes: str = "", at: datetime | None = None
    ) -> Workout:
        notes = notes or workout.notes
        end = (at or self.clock()).replace(microsecond=0)
        finished = replace(workout, end=end, session_rpe=session_rpe, notes=notes)
        return self.save_workout(finished)

    def workout(self, workout_id: str) -> Workout | None:
        return self._get(Workout, workout_id)

    def workouts(self, since: date | None = None, until: date | None = None) -> list[Workout]:
        docs = _within(self._docs(Workout), since, until)
        return sorted((Workout.from_doc(d) for d in docs), key=lambda w: w.start)

    def open_workout(self) -> Workout | None:
        """Today's workout in progress, if there is one."""
        today = self.today().isoformat()
        open_today = [d for d in self._docs(Workout) if d.get("day") == today and "end" not in d]
        if not open_today:
            return None
        return Workout.from_doc(max(open_today, key=lambda d: d["start"]))

    def todays_workout(self) -> Workout:
        """Today's workout in progress, started now if there is none (under the lock, so two
        processes never start two)."""
        with self.transaction():
            return self.open_workout() or self.start_workout()

    def delete_workout(self, workout_id: str) -> None:
        """Delete a workout and its sets."""
        set_ids = [d["id"] for d in self._docs(SetEntry) if d.get("workout") == workout_id]

        def change() -> None:
            for set_id in set_ids:
                self._delete(SetEntry.TABLE, set_id)
            self._delete(Workout.TABLE, workout_id)

        self._apply(change)

    # -- sets ------------------------------------------------------------------------------

    def log_set(
        self,
        workout: Workout,
        exercise: Exercise,
        weight_kg: float,
        reps: int,
        *,
        rpe: float | None = None,
        warmup: bool = False,
        bodyweight: bool = False,
        notes: str = "",
        at: datetime | None = None,
        rest_after_s: int | None = None,
        set_id: str | None = None,
    ) -> SetEntry:
        """Add a set to a workout, numbering it and noting the rest taken before it. Both are
        worked out under the lock, so two processes logging at once number their sets in
        turn. The rest timer starts from it: `rest_after_s` (a template's rest) or the
        exercise's rest; after a warm-up, the warm-up rest setting."""
        moment = (at or self.clock()).replace(microsecond=0)
        entry = SetEntry(
            id=set_id or new_id(),
            workout=workout.id,
            exercise=exercise.id,
            weight_kg=float(weight_kg),
            reps=reps,
            rpe=None if rpe is None else float(rpe),
            warmup=warmup,
            bodyweight=bodyweight,
            notes=notes,
            timestamp=moment,
        )
        validation.check_set(entry)
        logged = [self._stamp(entry, workout.day)]

        def change() -> None:
            earlier = [s for s in self.sets(workout=workout.id) if s.id != entry.id]
            previous = earlier[-1] if earlier else None
            rest = None
            if previous is not None and moment >= previous.timestamp:
                rest = round((moment - previous.timestamp).total_seconds())
            order = previous.order + 1 if previous else 1
            logged[0] = replace(logged[0], order=order, rest_s=rest)
            self._put(logged[0])
            if rest_target:
                self._put_rest(
                    RestPeriod(
                        started=moment,
                        duration_s=rest_target,
                        after_set=entry.id,
                        exercise=exercise.id,
                    )
                )
            else:  # a set with no rest after it ends the one before
                self._clear_rest()

        rest_target = self.rest_for(exercise, warmup=warmup, template_rest_s=rest_after_s)
        self._apply(change)
        return logged[0]

    def save_set(self, entry: SetEntry) -> SetEntry:
        validation.check_set(entry)
        entry = self._stamp(entry, entry.day or self.day_of(entry.timestamp))
        self._apply(lambda: self._put(entry))
        return entry

    def delete_set(self, set_id: str) -> None:
        self._apply(lambda: self._delete(SetEntry.TABLE, set_id))

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

    # -- the rest timer --------------------------------------------------------------------

    def rest_for(
        self, exercise: Exercise, *, warmup: bool = False, template_rest_s: int | None = None
    ) -> int:
        """Seconds of rest after a set: 0 means no timer."""
        return self.settings().rest_for(exercise, warmup=warmup, template_rest_s=template_rest_s)

    def rest_period(self) -> RestPeriod | None:
        """The running (or paused, or overdue) rest timer, if any."""
        for doc in self._docs(RestPeriod):
            return RestPeriod.from_doc(doc)
        return None

    def save_rest_period(self, period: RestPeriod) -> RestPeriod:
        period = self._stamp(period, self.day_of(period.started))
        self._apply(lambda: self._put_rest(period))
        return period

    def stop_rest(self) -> None:
        self._apply(self._clear_rest)

    def _clear_rest(self) -> None:
        for doc in list(self._docs(RestPeriod)):
            self._delete(RestPeriod.TABLE, doc["id"])

    def _put_rest(self, period: RestPeriod) -> None:
        """There is one rest timer: it takes the place of the one before."""
        existing = next(iter(self._docs(RestPeriod)), None)
        if existing is not None:
            period = replace(period, id=existing["id"], created=period.created)
        now = self.now()
        self._put(
            replace(
                period,
                created=period.created or now,
                updated=now,
                day=period.day or self.day_of(period.started),
            )
        )

    # -- recovery --------------------------------------------------------------------------

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

    def latest_bodyweight(self, day: date) -> tuple[date, float] | None:
        """The bodyweight logged that day or, failing that, the latest logged before it:
        the day it was logged and the weight in kg."""
        key = day.isoformat()
        logged = [
            (doc["day"], doc["bodyweight_kg"])
            for doc in self._docs(Recovery)
            if doc.get("bodyweight_kg") is not None and doc.get("day", "") <= key
        ]
        if not logged:
            return None
        latest, kg = max(logged)
        return date.fromisoformat(latest), kg

    def save_recovery(self, entry: Recovery) -> Recovery:
        """Set a day's recovery entry (there is one per day; `entry.day` says which)."""
        day = entry.day or self.today()
        return self.update_recovery(day, lambda _stored: entry)

    def update_recovery(self, day: date, edit: Callable[[Recovery], Recovery]) -> Recovery:
        """Change a day's recovery entry: `edit` gets the entry as stored (an empty one if
        there is none) and returns the new one. It runs under the lock on the latest entry,
        so what another process added meanwhile (a cup of water) is kept; it is checked
        first against the entry as read now, so a bad value raises before anything is saved.
        """
        now = self.now()
        empty = Recovery(day=day)  # one id for the day's entry, whichever read finds none

        def edited(stored: Recovery | None) -> Recovery:
            base = stored or empty
            entry = edit(base)
            validation.check_recovery(entry)
            return replace(
                entry,
                id=stored.id if stored else entry.id,
                created=base.created or now,
                updated=now,
                day=day,
            )

        result = edited(self.recovery(day))
        self._apply(lambda: self._put(edited(self.recovery(day))))
        return result

    def add_intake(
        self, day: date, *, water_cups: int = 0, protein_g: float = 0, carbs_g: float = 0
    ) -> Recovery:
        """Add water, protein and carbs to a day's totals (they accumulate over a day). The
        sum is taken under the lock, so two processes adding at once both count."""
        return self.update_recovery(
            day, lambda entry: _add_intake(entry, water_cups, protein_g, carbs_g)
        )

    def delete_recovery(self, day: date) -> None:
        entry = self.recovery(day)
        if entry is not None:
            self._apply(lambda: self._delete(Recovery.TABLE, entry.id))

    # -- symptoms --------------------------------------------------------------------------

    def save_symptoms(self, entry: SymptomEntry) -> SymptomEntry:
        """Add a symptom entry, or replace the one with its id (several a day are kept)."""
        validation.check_symptoms(entry)
        entry = replace(entry, timestamp=entry.timestamp.replace(microsecond=0))
        entry = self._stamp(entry, self.day_of(entry.timestamp))
        self._apply(lambda: self._put(entry))
        return entry

    def delete_symptoms(self, entry_id: str) -> None:
        self._apply(lambda: self._delete(SymptomEntry.TABLE, entry_id))

    def symptoms(self, since: date | None = None, until: date | None = None) -> list[SymptomEntry]:
        entries = [
            SymptomEntry.from_doc(d) for d in _within(self._docs(SymptomEntry), since, until)
        ]
        return sorted(entries, key=lambda s: s.timestamp)

    def latest_symptoms(self) -> SymptomEntry | None:
        """The newest symptom entry of all: a new one starts from it."""
        docs = self._docs(SymptomEntry)
        newest = max(docs, key=lambda d: d.get("timestamp", ""), default=None)
        return None if newest is None else SymptomEntry.from_doc(newest)

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

    # -- templates -------------------------------------------------------------------------

    def templates(self) -> list[Template]:
        return sorted((Template.from_doc(d) for d in self._docs(Template)), key=lambda t: t.name)

    def save_template(self, template: Template) -> Template:
        validation.check_template(template)
        template = self._stamp(template, template.day or self.today())
        self._apply(lambda: self._put(template))
        return template

    def delete_template(self, template_id: str) -> None:
        self._apply(lambda: self._delete(Template.TABLE, template_id))


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


def _replace_with(doc: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    def transform(stored: dict[str, Any]) -> None:
        stored.clear()
        stored.update(doc)

    return transform


def _add_intake(entry: Recovery, water_cups: int, protein_g: float, carbs_g: float) -> Recovery:
    def plus(current: float | None, extra: float) -> float | None:
        if not extra:
            return current
        return (current or 0) + extra

    return replace(
        entry,
        water_cups=plus(entry.water_cups, water_cups),
        protein_g=plus(entry.protein_g, protein_g),
        carbs_g=plus(entry.carbs_g, carbs_g),
    )
