"""The repository: the only way the rest of restday writes the log (and reads it live).

Plain dataclasses go in and come out; the questions it answers are `LogReader`'s. Every
change is applied under the log's lock on up-to-date data, so two copies of the app on one
log never lose each other's work: a change to a stored record (`update_set`,
`finish_workout`, `undo_recovery`...) is the fields it changes from the record as its copy
read it, merged with what another copy changed since and refused (`ChangeRefused`) where
both changed one field (`storage.model.merge`), never that copy's whole record written over
the stored one. A change that cannot be saved (disk full, read-only file system) stays
queued in memory and is saved with the next change or `flush()`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from typing import Any, TypeVar

from storage.errors import ReadOnlyLogError, StorageError, ValidationError, WriteFailedError
from storage.log import bulk_write
from storage.log.atomic_json import AtomicJSONStorage
from storage.log.reader import LogReader, Tables, doc_ids
from storage.log.snapshot import LogSnapshot
from storage.log.tables import LogDB
from storage.model import validation
from storage.model.intake import add_intake
from storage.model.merge import ChangeRefused, Collision, changes_between, merge
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
from storage.model.set_rules import place_set, touches_rest_timer
from storage.model.starter_templates import STARTER_IDS
from storage.model.template_names import unique_template_name
from storage.model.template_plan import NOTHING_TO_PLAN, plan_of_sets
from storage.paths import real_path

R = TypeVar("R", bound=Record)
Change = Callable[[], None]


class SaveFailedError(StorageError):
    """A change could not be written; this repository keeps it and tries it again with
    the next save, for as long as it lives."""


class Repository(LogReader):
    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        clock: Callable[[], datetime] = utc_now,
        read_only: bool = False,
        storage: type[AtomicJSONStorage] = AtomicJSONStorage,
    ) -> None:
        super().__init__(clock)
        self.path = real_path(path)
        self._db = LogDB(self.path, storage=storage, read_only=read_only, today=self._local_date)
        self._storage: AtomicJSONStorage = self._db.storage
        self._pending: list[Change] = []
        # Changes waiting to be saved (after a failed write) that refused themselves when
        # tried again: reported by `take_refused()`.
        self._refused_later: dict[Change, Exception] = {}
        self._in_transaction = False
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
    def problem(self) -> str | None:
        """Why the log is only read, if records in it cannot be read (they are left out)."""
        return self._storage.problem

    @property
    def stamp(self) -> tuple[int, ...] | None:
        """Which version of the log on disk this repository holds (`atomic.disk_stamp`)."""
        return self._storage.stamp

    @property
    def pending(self) -> int:
        """How many changes are waiting to be saved."""
        return len(self._pending)

    @property
    def journalled(self) -> bool:
        """Whether saved changes wait in the log's journal to be folded into its file."""
        return self._storage.journalled

    def holds(self, day: date) -> bool:
        """Whether the log as read here holds every record of `day` (one read from the
        recent copy holds only its weeks: `recent_storage`)."""
        return self._storage.holds(day)

    def fold(self) -> None:
        """Fold the journal into the log file (`AtomicJSONStorage.fold`); `WriteFailedError`
        if the disk refuses, the changes staying safe in the journal."""
        self._storage.fold()

    def close(self) -> None:
        self._db.close()

    def _tables(self) -> Tables:
        return self._storage.read()

    def _local_date(self) -> date:
        """The machine's date by the clock: what the day's backup is named after."""
        return self.clock().astimezone().date()

    def refresh(self) -> bool:
        """Read the log again if another process changed it since this one last read or
        wrote it; whether it did."""
        if self._in_transaction or not self._storage.changed_on_disk():
            return False
        self._storage.read()
        return True

    def snapshot(self) -> LogSnapshot:
        """The log as it stands now, for reading on any thread while this repository
        goes on writing (changes waiting to be saved are not in it)."""
        tables = self._storage.frozen()
        generation = self._storage.generation
        return LogSnapshot(
            self.path,
            tables,
            self._storage.stamp,
            clock=self.clock,
            read_only_reason=self.read_only_reason if self.read_only else None,
            # Kept up to date as this repository writes (`_reindex`), so the snapshot
            # answers "the sets of a workout" without a pass over every set in the log.
            indexes={
                key: dict(index)
                for key, (built, index) in self._indexes.items()
                if built == generation
            },
        )

    def _generation(self) -> int:
        return self._storage.generation

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
            # Whether the changes outlive this message is the caller's to say: a process
            # that is ending keeps nothing.
            raise SaveFailedError(f"{exc} {len(self._pending)} change(s) not saved.") from None
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

    def _reindex(self, table: str, doc_id: int, old: dict | None, new: dict | None) -> None:
        generation = self._storage.generation
        for (name, field), (built, index) in self._indexes.items():
            if name != table or built != generation:
                continue
            # A new array of ids, never one changed in place: snapshots share the others.
            if old is not None and doc_id in (ids := index.get(old.get(field), ())):
                index[old.get(field)] = doc_ids([i for i in ids if i != doc_id])
            if new is not None:
                ids = index.get(new.get(field), ())
                if doc_id not in ids:
                    index[new.get(field)] = doc_ids([*ids, doc_id])

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

    def import_records(self, records: Iterable[Record]) -> int:
        """Insert many records (a demo log, an import) in one write. Each passes the checks
        typed input gets (`validation.check_record`); one that does not raises
        `ValidationError`, naming it, and nothing is written."""
        today = self.today()
        by_table: dict[str, list[Record]] = {}
        for record in records:
            try:
                validation.check_record(record, today)
            except ValidationError as exc:
                raise ValidationError(f"{type(record).__name__} {record.id}: {exc}") from None
            by_table.setdefault(record.TABLE, []).append(record)

        def change() -> None:
            # Each document is made as it is inserted: a big import holds one copy of its
            # documents (the table's), not two.
            for table, items in by_table.items():
                self._db.table(table).insert_multiple(r.to_doc() for r in items)
            self._ids.clear()
            self._indexes.clear()

        self._apply(change)
        return sum(len(items) for items in by_table.values())

    def import_stream(self, records: Iterable[Record]) -> dict[str, int]:
        """Add records of any number (an import of millions of rows) in one write, all or
        nothing, holding none of them: each is checked as typed input is
        (`validation.check_record`; one that fails raises `ValidationError`, naming it, and
        nothing is written) and spooled to disk as it comes (`bulk_write`). A record whose
        id the log holds already is left as it is. Returns how many records of each table
        were written. Afterwards the log is read from disk again when next asked."""
        if self.read_only:
            raise ReadOnlyLogError(f"the log {self.path} is read-only: {self.read_only_reason}")
        self.flush()  # the bulk write replaces the log as read from disk
        today = self.today()
        since = self._storage.stamp

        def docs() -> Iterator[bulk_write.Doc]:
            for record in records:
                try:
                    validation.check_record(record, today)
                except ValidationError as exc:
                    raise ValidationError(f"{type(record).__name__} {record.id}: {exc}") from None
                if record.id not in self._doc_ids(record.TABLE):
                    yield record.TABLE, record.id, record.to_doc()

        try:
            return bulk_write.insert_streamed(self._storage, docs(), since)
        finally:
            self._ids.clear()
            self._indexes.clear()

    # -- settings and days -----------------------------------------------------------------

    def save_settings(self, settings: Settings) -> Settings:
        validation.check_settings(settings)
        existing = next(iter(self._docs(Settings)), None)
        if existing is not None:
            settings = replace(settings, id=existing["id"])
        settings = self._stamp(settings, self.today())
        self._apply(lambda: self._put(settings))
        return settings

    def update_settings(self, base: Settings, changed: Settings) -> Settings:
        """Make the changes from `base` (the settings as read) to `changed` (targets, say)
        to the settings as stored (`_update`)."""
        return self._update(
            base, changed, validation.check_settings, "the settings", stored=self.settings
        )

    def clear_settings(self) -> None:
        """Remove the log's settings record (an import puts an export's own in its place)."""
        for doc in list(self._docs(Settings)):
            settings_id = doc["id"]
            self._apply(lambda settings_id=settings_id: self._delete(Settings.TABLE, settings_id))

    # -- exercises -------------------------------------------------------------------------

    def add_exercise(self, exercise: Exercise) -> Exercise:
        validation.check_new_exercise(exercise, self.exercises())
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
        """Put a workout in the log as given: a new one (a change to a stored workout is
        `update_workout`)."""
        validation.check_workout(workout)
        workout = self._stamp(workout, self.day_of(workout.start))
        self._apply(lambda: self._put(workout))
        return workout

    def update_workout(self, base: Workout, changed: Workout) -> Workout:
        """Make the changes from `base` (the workout as read) to `changed` to the workout
        as stored (`_update`). A workout finished (or finished again) stops the rest timer
        counting after one of its sets: no rest is timed after the last set."""
        return self._update(
            base, changed, validation.check_workout, "this workout", then=self._end_rest_of
        )

    def _end_rest_of(self, workout: Workout) -> None:
        if workout.end is None or workout.reopened:
            return
        for doc in list(self._docs(RestPeriod)):
            after = self.set_entry(doc["after_set"]) if doc.get("after_set") else None
            if after is not None and after.workout == workout.id:
                self._delete(RestPeriod.TABLE, doc["id"])

    def finish_workout(
        self, workout: Workout, session_rpe: int | None, notes: str = "", at: datetime | None = None
    ) -> Workout:
        """End `workout` (as read) at `at` with a session RPE and notes (none: its notes
        stay as they are): refused if another copy finished it otherwise meanwhile."""
        notes = notes or workout.notes
        end = (at or self.clock()).replace(microsecond=0)
        finished = replace(workout, end=end, session_rpe=session_rpe, notes=notes, reopened=False)
        return self.update_workout(workout, finished)

    def reopen_workout(self, workout: Workout) -> Workout:
        """Open a finished `workout` (as read) again, of today or any day, to add, change or
        delete a set: it is marked `reopened` (`_update`); its end, session RPE and notes
        stay in the log for when it is finished again. Refused while another workout is in
        progress (today's, or another reopened: one at a time), or if another copy changed
        its end to something else meanwhile."""

        def check(reopened: Workout) -> None:
            validation.check_workout(reopened)
            for other in (self.open_workout(), self.reopened_workout()):
                if other is None or other.id == reopened.id:
                    continue
                which = f"today's workout {other.name or 'in progress'}"
                if other.day != self.today():
                    which = f"the workout of {other.day:%a %-d %b} (reopened)"
                raise ChangeRefused(f"{which} is not finished: finish it before reopening another")

        return self._update(workout, replace(workout, reopened=True), check, "this workout")

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
        weight_kg: float = 0.0,
        reps: int = 0,
        *,
        rpe: float | None = None,
        warmup: bool = False,
        bodyweight: bool = False,
        assisted: bool = False,
        duration_s: int | None = None,
        distance_m: float | None = None,
        set_type: str = "",
        group: str | None = None,
        notes: str = "",
        at: datetime | None = None,
        rest_after_s: int | None = None,
        set_id: str | None = None,
    ) -> SetEntry:
        """Add a set to a workout, numbering it and noting the rest taken before it
        (`place_set`). Both are worked out under the lock, so two processes logging at once
        number their sets in turn. The rest timer starts from it: `rest_after_s` (a
        template's rest) or the exercise's rest; after a warm-up, the warm-up rest setting."""
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
            assisted=assisted,
            duration_s=duration_s,
            distance_m=distance_m,
            set_type=set_type,
            group=group,
            notes=notes,
            timestamp=moment,
        )
        validation.check_set(entry)
        entry = self._stamp(entry, workout.day)
        logged = [entry]

        def change() -> None:
            earlier = [s for s in self.sets(workout=workout.id) if s.id != entry.id]
            placed = place_set(
                entry, earlier, exercise, self.settings(), template_rest_s=rest_after_s
            )
            logged[0] = placed.entry
            self._put(placed.entry)
            if not touches_rest_timer(placed.entry, self.settings(), self.today()):
                return
            if placed.rest is not None:
                self._put_rest(placed.rest)
            else:  # a set with no rest after it ends the one before
                self._clear_rest()

        self._apply(change)
        return logged[0]

    def save_set(self, entry: SetEntry) -> SetEntry:
        """Put a set in the log as given (a change to a stored set is `update_set`)."""
        validation.check_set(entry)
        entry = self._stamp(entry, entry.day or self.day_of(entry.timestamp))
        self._apply(lambda: self._put(entry))
        return entry

    def update_set(self, base: SetEntry, changed: SetEntry) -> SetEntry:
        """Make the changes from `base` (the set as read) to `changed` (its weight, reps, a
        note...) to the set as stored (`_update`)."""
        return self._update(base, changed, validation.check_set, "this set")

    def delete_set(self, set_id: str, *, base: SetEntry | None = None) -> None:
        """Delete a set; given `base` (the set as read), only if nobody changed it since."""
        if base is None:
            self._apply(lambda: self._delete(SetEntry.TABLE, set_id))
        else:
            self._delete_unchanged(base, "this set")

    def restore_set(self, entry: SetEntry) -> SetEntry:
        """Put back a set this copy deleted (undo), unless it is in the log again."""
        return self._restore(entry, self.save_set)

    # -- the rest timer --------------------------------------------------------------------

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
        self,
        day: date,
        *,
        water_cups: int | None = None,
        protein_g: float | None = None,
        carbs_g: float | None = None,
    ) -> Recovery:
        """Add water, protein and carbs to a day's totals (they accumulate over a day). The
        sum is taken under the lock, so two processes adding at once both count."""
        return self.update_recovery(
            day,
            lambda entry: add_intake(
                entry, water_cups=water_cups, protein_g=protein_g, carbs_g=carbs_g
            ),
        )

    def delete_recovery(self, day: date) -> None:
        entry = self.recovery(day)
        if entry is not None:
            self._apply(lambda: self._delete(Recovery.TABLE, entry.id))

    def undo_recovery(self, day: date, after: Recovery, before: Recovery | None) -> None:
        """Take back a change to a day's recovery entry that made it `after` from `before`
        (None: there was none): only its own fields go back, merged with what another
        copy changed meanwhile (`merge`), and the entry goes only if nothing is left in it.
        Raises ChangeRefused if another copy changed one of those fields to another value.
        """
        base = after.to_doc()
        changes = changes_between(base, (before or Recovery(day=day)).to_doc())

        def change() -> None:
            stored = self.recovery(day)
            if stored is None:
                if before is not None:
                    raise ChangeRefused(_gone("this day's recovery entry"))
                return
            try:
                merged = merge(stored.to_doc(), base, changes)
            except Collision as collision:
                raise ChangeRefused(_collided("this day's recovery entry", collision)) from None
            if before is None and not changes_between({}, merged):
                self._delete(Recovery.TABLE, stored.id)
                return
            entry = replace(Recovery.from_doc(merged), updated=self.now())
            validation.check_recovery(entry)
            self._put(entry)

        self._apply_refusable(change)

    # -- symptoms --------------------------------------------------------------------------

    def save_symptoms(self, entry: SymptomEntry) -> SymptomEntry:
        """Add a symptom entry as given (several a day are kept; a change to a stored one
        is `update_symptoms`)."""
        validation.check_symptoms(entry)
        entry = replace(entry, timestamp=entry.timestamp.replace(microsecond=0))
        entry = self._stamp(entry, self.day_of(entry.timestamp))
        self._apply(lambda: self._put(entry))
        return entry

    def update_symptoms(self, base: SymptomEntry, changed: SymptomEntry) -> SymptomEntry:
        """Make the changes from `base` (the entry as read) to `changed` to the entry as
        stored (`_update`; soreness merges muscle by muscle)."""
        return self._update(base, changed, validation.check_symptoms, "this symptom entry")

    def delete_symptoms(self, entry_id: str, *, base: SymptomEntry | None = None) -> None:
        """Delete a symptom entry; given `base` (as read), only if nobody changed it since."""
        if base is None:
            self._apply(lambda: self._delete(SymptomEntry.TABLE, entry_id))
        else:
            self._delete_unchanged(base, "this symptom entry")

    def restore_symptoms(self, entry: SymptomEntry) -> SymptomEntry:
        """Put back an entry this copy deleted (undo), unless it is in the log again."""
        return self._restore(entry, self.save_symptoms)

    # -- templates -------------------------------------------------------------------------

    def save_template(self, template: Template) -> Template:
        """Put a new template in the log as given, under a name no other template offered
        has (`unique_template_name`)."""
        validation.check_template(template)
        with self.transaction():
            name = unique_template_name(template.name, self.offered_templates(), template.id)
            template = self._stamp(replace(template, name=name), template.day or self.today())
            self._apply(lambda: self._put(template))
        return template

    def update_template(self, base: Template, changed: Template) -> Template:
        """Make the changes from `base` (the template as read: the log's, or a starter
        template) to `changed` (name, items) to the template as offered now (`_update`);
        a starter changed for the first time is stored as the log's own, under its id."""

        def offered() -> Template | None:
            template = self.template(changed.id)
            if template is None or template.created is not None:
                return template
            return self._stamp(template, self.today())  # a starter, stored from now on

        return self._update(
            base, changed, validation.check_template, "this template", stored=offered
        )

    def delete_template(self, base: Template) -> None:
        """Delete a template as read (`base`), unless another copy changed it since
        (ChangeRefused); a starter template is hidden for good. A workout started from it
        keeps its name and sets."""
        with self.transaction():
            if self._get(Template, base.id) is not None:
                self._delete_unchanged(base, "this template")
            if base.id in STARTER_IDS:
                settings = self.settings()
                if base.id not in settings.hidden_starters:
                    hidden = [*settings.hidden_starters, base.id]
                    self.save_settings(replace(settings, hidden_starters=hidden))

    def template_from_workout(self, workout_id: str, name: str) -> Template:
        """A new template named `name` made from a stored workout's sets (`plan_of_sets`)."""
        with self.transaction():
            items = plan_of_sets(self.sets(workout=workout_id))
            if not items:
                raise ValidationError(f"that workout has {NOTHING_TO_PLAN}: no template made")
            return self.save_template(Template(name=name, items=items))

    # -- changes to a stored record, made as another copy may have changed it ---------------

    def _update(
        self,
        base: R,
        changed: R,
        check: Callable[[R], None],
        what: str,
        stored: Callable[[], R | None] | None = None,
        then: Callable[[R], None] | None = None,
    ) -> R:
        """Apply the fields `changed` sets other than `base` (the record as this copy read
        it) to the record as stored, under the lock: merged with another writer's changes
        to other fields (`merge`). Raises ChangeRefused, saving nothing, if the record is
        gone or another writer set one of those fields to another value; ValidationError
        if the result is not a valid record. `stored` finds the record (by default, by
        `changed`'s id); `then` makes what follows from the record as saved, in the same
        write."""
        check(changed)
        base_doc = base.to_doc()
        changes = changes_between(base_doc, changed.to_doc())
        cls = type(changed)
        result = [changed]

        def change() -> None:
            record = stored() if stored is not None else self._get(cls, changed.id)
            if record is None:
                raise ChangeRefused(_gone(what))
            try:
                merged = merge(record.to_doc(), base_doc, changes)
            except Collision as collision:
                raise ChangeRefused(_collided(what, collision)) from None
            record = replace(cls.from_doc(merged), updated=self.now())
            check(record)
            self._put(record)
            if then is not None:
                then(record)
            result[0] = record

        self._apply_refusable(change)
        return result[0]

    def _delete_unchanged(self, base: Record, what: str) -> None:
        """Delete the record `base` was read as, unless another writer changed it since
        (ChangeRefused); one already gone is left gone."""

        def change() -> None:
            stored = self._get(type(base), base.id)
            if stored is None:
                return
            changed = tuple(changes_between(base.to_doc(), stored.to_doc()))
            if changed:
                raise ChangeRefused(
                    f"another copy of restday changed {what} ({_words(changed)}) since this "
                    "screen read it, so it was not deleted"
                )
            self._delete(base.TABLE, base.id)

        self._apply_refusable(change)

    def _restore(self, record: R, save: Callable[[R], R]) -> R:
        with self.transaction():
            stored = self._get(type(record), record.id)
            return stored if stored is not None else save(record)

    def _apply_refusable(self, change: Change) -> None:
        """`_apply` a change that may refuse itself (ChangeRefused or ValidationError, as
        it finds the log under the lock): raised here, once the rest is saved. Kept after a
        failed write and tried again later, a refusal drops it and `take_refused()` says
        why."""
        refusal: list[Exception] = []
        first = True

        def refusable() -> None:
            try:
                change()
            except (ChangeRefused, ValidationError) as error:
                if first:
                    refusal.append(error)
                else:
                    self._refused_later[refusable] = error
            else:
                self._refused_later.pop(refusable, None)

        try:
            self._apply(refusable)
        finally:
            first = False
        if refusal:
            raise refusal[0]

    def take_refused(self) -> list[Exception]:
        """Why the changes kept after a failed write and refused when they were saved at
        last were dropped (another copy changed what they change); asked once all is saved."""
        if self._pending:
            return []
        refused, self._refused_later = list(self._refused_later.values()), {}
        return refused


def _words(fields: tuple[str, ...]) -> str:
    """Field names as a person reads them: weight_kg -> weight, session_rpe -> session RPE."""
    named = [f.removesuffix("_kg").replace("rpe", "RPE").replace("_", " ") for f in fields]
    return ", ".join(named)


def _gone(what: str) -> str:
    return f"another copy of restday deleted {what} since this screen read it"


def _collided(what: str, collision: Collision) -> str:
    return (
        f"another copy of restday changed {what} ({_words(collision.fields)}) to something "
        "else since this screen read it"
    )


def _replace_with(doc: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    def transform(stored: dict[str, Any]) -> None:
        stored.clear()
        stored.update(doc)

    return transform
