"""Today's workout as the workout screen holds it, and what a typed line does to it: plain
state and rules, no Textual and no Rich, tested without a screen.

The session holds the workout in progress, its sets in the order done, the order of its
exercises (the template's, then each other one as it comes), the current exercise, the
template's targets, each exercise's past, what `u` takes back and the set being edited.
A change returns what the log must do (a `Change`: a function of the Repository), which
the screen hands to the log's writer: an operation on the record as stored (these fields
changed from what the session read), never the session's copy of it, so what another copy
of restday changed meanwhile is kept (`storage.model.merge`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from scoring.bodyweights import Bodyweights
from scoring.plan import Plan, PlanItem
from storage.entry.exercise_names import Resolved, resolve_exercise, resolve_for_set
from storage.entry.set_line import (
    NO_LAST_SET,
    EntryError,
    LastSet,
    SetSpec,
    parse_workout_entry,
    typed_entry,
)
from storage.log.reader import LogReader
from storage.log.repository import Repository
from storage.model.merge import changes_between
from storage.model.records import (
    Exercise,
    Record,
    SetEntry,
    Settings,
    Template,
    TemplateItem,
    Workout,
    new_id,
)
from storage.model.set_rules import PlacedSet, place_set
from storage.model.starter_templates import is_untouched_starter, offered
from storage.model.template_plan import plan_of_sets
from storage.model.validation import check_set
from storage.read.exercise_history import ExerciseHistory
from storage.read.records_so_far import set_e1rm
from storage.read.today_plan import planned_template, read_today_plan, stop_floor, stop_start
from tui.format.units import format_set
from tui.screens.workout.supersets import Supersets
from tui.screens.workout.warmups import WarmupRamps

EDIT_EXAMPLE = "100x5@8, w 60x5, bw+20x6, +2.5x5"
NO_EXERCISE_YET = "there is no exercise yet: type its name with the set, e.g. bench 100x5"

Change = Callable[[Repository], Any]
R = TypeVar("R", bound=Record | None)


@dataclass(frozen=True)
class Undo:
    """How to take back one change: in the session, and in the log."""

    what: str
    in_session: Callable[[], None]
    in_log: Change


@dataclass(frozen=True)
class RestAfter:
    """What follows a working set of an exercise (`WorkoutSession.rest_after`): a rest
    timer of `rest_s` (0: none), or in a superset's round `next_exercise` at once;
    `ends_round`: the exercise is its superset's last, the superset's rest is its own."""

    exercise: Exercise
    rest_s: int
    next_exercise: Exercise | None
    ends_round: bool


@dataclass(frozen=True)
class ExerciseNumber:
    """A line that is the number of one of today's exercises: go to it."""

    number: int


@dataclass(frozen=True)
class ExerciseName:
    """A line that names an exercise and no set: go to it."""

    name: str


@dataclass(frozen=True)
class TypedSets:
    """A line that is sets (`spec.sets` of them) of an exercise; `named` says what its
    name was read as when it matched other exercises too (`Resolved.note`), on the line
    that goes to the exercise by that name (not on its sets after it: no news there)."""

    exercise: Exercise
    spec: SetSpec
    named: str = ""


class WorkoutSession:
    def __init__(self) -> None:
        self.workout: Workout | None = None
        self.template: Template | None = None
        self.sets: list[SetEntry] = []
        self.unsaved: set[str] = set()
        """Sets shown and not yet saved: the log has not said it holds them (`SetSaved`)."""
        self.dropped: set[str] = set()
        """Sets deleted here (or undone) since the log last held everything shown."""
        self.order: list[str] = []  # exercise ids, as numbered on screen
        self.current: Exercise | None = None
        self.settings = Settings()
        self.today: date | None = None
        self.exercises: dict[str, Exercise] = {}
        self.templates: list[Template] = []
        self.planned: str | None = None
        """The template today's plan is of (next in rotation) while no workout is begun."""
        self.histories: dict[str, ExerciseHistory] = {}
        self.undo_stack: list[Undo] = []
        self.editing: SetEntry | None = None
        self.finished_today: Workout | None = None  # today's workout finished last
        self.plan: Plan | None = None  # today's plan for the workout in progress
        self._plan_of: tuple | None = None  # what `plan` was read for
        self.warmups = WarmupRamps()  # the warm-up ramp Enter logs before a first working set
        self.supersets = Supersets()  # the exercises done in turn
        self.bodyweights = Bodyweights()

    @property
    def unit(self) -> str:
        return self.settings.unit

    def load(self, log: LogReader) -> None:
        """Read the workout in progress (today's, or an earlier day's this session reopened),
        its sets, template, the settings, the exercises and the templates; the current
        exercise stays, or is the last done. The exercises' histories are kept while they
        are of the same workout in progress."""
        read_for = self._histories_of()
        self.workout = self._in_progress(log)
        self.sets = log.sets(workout=self.workout.id) if self.workout else []
        self.templates = log.offered_templates()
        self.template = None
        if self.workout is not None and self.workout.template:
            self.template = next((t for t in self.templates if t.id == self.workout.template), None)
        self.settings = log.settings()
        self.exercises = {e.id: e for e in log.exercises()}
        self.today = log.today()
        self.bodyweights = log.bodyweights()
        self.finished_today = log.last_finished(self.today)
        planned = planned_template(log, self.today) if self.workout is None else None
        self.planned = planned.id if planned is not None else None
        if self._histories_of() != read_for:
            self.histories = {}  # "last time" is of another workout now
        self.order = self._exercise_order()
        if self.current is None and self.order:
            last = self.sets[-1].exercise if self.sets else self.order[0]
            self.current = self.exercises.get(last)
        self.read_plan(log)

    def read_plan(self, log: LogReader) -> None:
        """Today's plan for the workout in progress (none for an earlier day's reopened, or
        one with nothing to plan from), read again when the workout or the unit changed, or
        while it has no set yet (the morning's entries still move today's readiness)."""
        workout = self.workout
        if workout is None or self.earlier_day:
            self.plan, self._plan_of = None, None
            return
        key = (workout.id, workout.template, workout.name, self.unit, log.today())
        if key != self._plan_of or not self.sets:
            self.plan, self._plan_of = read_today_plan(log, log.now(), workout), key

    def _in_progress(self, log: LogReader) -> Workout | None:
        """The workout in progress in `log`: the earlier day's this session reopened, while
        it is open, else today's, else one reopened and left open (by a copy of restday
        stopped meanwhile)."""
        shown = self.workout
        if shown is not None and shown.day is not None and shown.day < log.today():
            stored = log.workout(shown.id)
            if stored is not None and stored.in_progress:
                return stored
        return log.open_workout() or log.reopened_workout()

    def follow(self, log: LogReader, *, ours_on_the_way: bool) -> bool:
        """Take in the log as it is now (another process may have changed it); whether
        what there is to show changed. With changes of this session still on their way
        the log is older than the session: only the sets it holds that the session has
        never had are added (another process's). Otherwise the log is the truth: the
        session becomes what it holds, keeping the current exercise and the edit."""
        before = self._shown()
        if ours_on_the_way:
            self._add_new_sets(log)
        else:
            self._take_log(log)
        return self._shown() != before

    def _take_log(self, log: LogReader) -> None:
        stored = self._in_progress(log)
        same = self.workout is not None and stored is not None and stored.id == self.workout.id
        gone_to = self.order  # exercises gone to with no set yet stay numbered
        if not same:  # finished, or another workout begun, by another process
            self.current, self.undo_stack, gone_to = None, [], []
        self.dropped.clear()
        self.load(log)
        self.order += [e for e in gone_to if e not in self.order and e in self.exercises]

    def _add_new_sets(self, log: LogReader) -> None:
        stored = self._in_progress(log)
        if self.workout is None or stored is None or stored.id != self.workout.id:
            return  # a start or finish of ours is on its way: the log is behind
        known = {s.id for s in self.sets} | self.dropped
        new = [s for s in log.sets(workout=stored.id) if s.id not in known]
        if not new:
            return
        self.exercises.update((e.id, e) for e in log.exercises() if e.id not in self.exercises)
        self.sets = _in_order([*self.sets, *new])
        for entry in new:
            if entry.exercise not in self.order and entry.exercise in self.exercises:
                self.order.append(entry.exercise)

    def _histories_of(self) -> tuple:
        """What the exercises' histories leave out: the workout in progress (its sets,
        saved or not, never change them) and, for an earlier day's, the days after it."""
        workout = self.workout
        return (workout.id if workout else None, workout.day if self.earlier_day else None)

    def _shown(self) -> tuple:
        """What the screen shows of the session: the records without the times the log
        stamps them with (our own saves coming back are nothing new to show)."""
        return (
            _unstamped(self.workout),
            [_unstamped(s) for s in self.sets],
            list(self.order),
            self.current,
            _unstamped(replace(self.settings, id="")),  # a log with none: a new one each time
            [_unstamped(t) for t in self.templates],
            self.planned,
            self.bodyweight_kg,  # a bodyweight set's e1RM
        )

    def _exercise_order(self) -> list[str]:
        """The template's exercises, then those of the sets as done, then those grouped
        with a key that have no set yet."""
        order = [item.exercise for item in (self.template.items if self.template else [])]
        grouped = self.workout.groups if self.workout else {}
        for exercise in [*(entry.exercise for entry in self.sets), *grouped]:
            if exercise not in order:
                order.append(exercise)
        return [ex for ex in order if ex in self.exercises]

    # -- what there is to show -------------------------------------------------------------

    def target(self, exercise_id: str) -> TemplateItem | None:
        """The template's target for the exercise, if it has one."""
        if self.template is None:
            return None
        return next((i for i in self.template.items if i.exercise == exercise_id), None)

    def history(self, exercise_id: str, log: LogReader) -> ExerciseHistory:
        """The exercise's past outside the workout in progress (an earlier workout of the
        same day included; in an earlier day's workout, up to its day), read from `log`
        the first time it is asked."""
        if exercise_id not in self.histories:
            workout_id, until = self._histories_of()
            self.histories[exercise_id] = ExerciseHistory.read(log, exercise_id, workout_id, until)
        return self.histories[exercise_id]

    def plan_item(self, exercise_id: str) -> PlanItem | None:
        """Today's plan for the exercise, if the plan has it."""
        items = self.plan.items if self.plan is not None else ()
        return next((i for i in items if i.exercise == exercise_id), None)

    def planned_set(self, exercise_id: str) -> LastSet | None:
        """The set the plan suggests for the exercise (its adjusted load, reps and RPE); none
        when the plan skips it or knows no load for it."""
        item = self.plan_item(exercise_id)
        if item is None or item.adjusted.sets == 0 or item.adjusted.load_kg is None:
            return None
        adjusted = item.adjusted
        return LastSet(adjusted.load_kg, adjusted.reps, adjusted.rpe, bodyweight=item.bodyweight)

    @property
    def bodyweight_kg(self) -> float | None:
        """The lifter's bodyweight as of the workout's day: a bodyweight set's load."""
        day = self.workout.day if self.workout is not None else None
        return self.bodyweights.on(day or self.today)

    def stop_floor(self, exercise_id: str) -> float | None:
        """The e1RM (kg) under which the plan's stop rule ends the exercise today, from its
        first working set with an e1RM; none before that set or without a stop rule."""
        return stop_floor(
            self.plan_item(exercise_id), self.sets_of(exercise_id), self.bodyweight_kg
        )

    def under_floor(self, entry: SetEntry) -> tuple[float, float] | None:
        """A later set's e1RM and the stop floor, when the set fell under it (the plan says
        stop the exercise: it suggests, it never blocks)."""
        item = self.plan_item(entry.exercise)
        start = stop_start(self.sets_of(entry.exercise), self.bodyweight_kg)
        if item is None or start is None or start[0].id == entry.id:
            return None
        floor = item.stop_floor(start[1])
        found = set_e1rm(entry, self.bodyweight_kg) if entry.set_type != "drop" else None
        if floor is None or found is None:
            return None
        return (found[0], floor) if found[0] < floor else None

    def sets_of(self, exercise_id: str) -> list[SetEntry]:
        return [s for s in self.sets if s.exercise == exercise_id]

    def working_sets(self, exercise_id: str | None = None) -> int:
        """Today's working sets (not warm-ups): of one exercise, or of all."""
        return sum(
            1
            for s in self.sets
            if not s.warmup and (exercise_id is None or s.exercise == exercise_id)
        )

    def set_by_id(self, set_id: str) -> SetEntry | None:
        return next((s for s in self.sets if s.id == set_id), None)

    # -- starting and finishing ------------------------------------------------------------

    def start(self, template_id: str | None, at: datetime, day: date) -> Change:
        """Start today's workout, empty or from a template, at `at` on `day`."""
        template = next((t for t in self.templates if t.id == template_id), None)
        workout = Workout(
            start=at,
            name=template.name if template else "",
            template=template.id if template else None,
            day=day,
        )
        self.workout, self.template, self.sets = workout, template, []
        self.histories = {}  # the workout that ended is history now
        self.order = self._exercise_order()
        self.current = self.exercises.get(self.order[0]) if self.order else None
        return lambda repo: repo.save_workout(workout)

    def begin_on_plan(self) -> None:
        """A workout just begun starts on its first exercise the plan does not skip."""
        kept = (e for e in self.order if (i := self.plan_item(e)) is None or i.adjusted.sets)
        first = next(kept, None)
        if first in self.exercises:
            self.current = self.exercises[first]

    def reopen(self, workout: Workout, log: LogReader) -> Change:
        """Open a finished workout of `log` (today's or an earlier day's) again, to add,
        change or delete sets; its session RPE and notes stay for when it is finished again
        (`Repository.reopen_workout`)."""
        self.workout = replace(workout, reopened=True)
        self.sets = log.sets(workout=workout.id)
        self.template = next((t for t in self.templates if t.id == workout.template), None)
        self.order = self._exercise_order()
        last = self.sets[-1].exercise if self.sets else None
        self.current = self.exercises.get(last) if last else None
        self.undo_stack, self.editing, self.histories = [], None, {}
        self.read_plan(log)
        return lambda repo: repo.reopen_workout(workout)

    @property
    def earlier_day(self) -> bool:
        """Whether the workout in progress is an earlier day's, reopened."""
        workout = self.workout
        return (
            workout is not None
            and workout.day is not None
            and self.today is not None
            and workout.day < self.today
        )

    def set_time(self, now: datetime) -> datetime:
        """When a set logged `now` was done: now, or in a finished workout reopened (today's
        or an earlier day's) a minute after its last set: a set forgotten then, not one
        done hours later, which would stretch the session and its load."""
        if not self._reopened():
            return now
        return min(now, self._last_moment() + timedelta(minutes=1))

    def finish_time(self, now: datetime) -> datetime:
        """When the workout ends if finished `now`: now, or a reopened one's where it ended
        before it was reopened (its last set, if that is later)."""
        if not self._reopened():
            return now
        return max(self._last_moment(), self.workout.end)

    def _reopened(self) -> bool:
        return self.workout is not None and self.workout.reopened and self.workout.end is not None

    def _last_moment(self) -> datetime:
        return max((s.timestamp for s in self.sets), default=self.workout.start)

    def finish(self, workout: Workout, session_rpe: int, notes: str, at: datetime) -> Change:
        """End `workout` (as read when finishing began: another process may have changed
        the session meanwhile) at `at` with that session RPE and notes (the finish dialog
        shows those it had, so empty notes are cleared ones): nothing is in progress after
        it."""
        finished = replace(workout, end=at, session_rpe=session_rpe, notes=notes, reopened=False)
        if workout.day == self.today:
            self.finished_today = finished
        if self._is_shown(workout):
            self.workout, self.template, self.sets, self.order = None, None, [], []
            self.current, self.undo_stack, self.editing = None, [], None
            self.histories = {}  # the workout that ended is history now
        return lambda repo: repo.update_workout(workout, finished)

    def note_workout(self, workout: Workout, notes: str) -> Change:
        """Note `workout` (as read when the note began)."""
        noted = replace(workout, notes=notes)

        def show(shown: Workout) -> None:
            if self._is_shown(shown):
                self.workout = replace(self.workout, notes=shown.notes)

        show(noted)
        self.undo_stack.append(
            Undo(
                "workout note",
                lambda: show(workout),
                lambda repo: repo.update_workout(noted, workout),
            )
        )
        return lambda repo: repo.update_workout(workout, noted)

    def _is_shown(self, workout: Workout) -> bool:
        return self.workout is not None and self.workout.id == workout.id

    # -- a typed line ----------------------------------------------------------------------

    def read_line(self, text: str) -> ExerciseNumber | ExerciseName | TypedSets:
        """What a line typed in the entry line means (outside an edit: see `finish_edit`).
        Raises EntryError, saying what is wrong and what is accepted."""
        number = text.strip().removeprefix("#")
        if not text.strip() and (warmup := self.warmups.next(self, self.current)) is not None:
            return TypedSets(self.current, warmup.spec)
        if text.strip().startswith("#") and number.isdecimal():
            if not 1 <= int(number) <= len(self.order):
                raise EntryError(f"there is no exercise {number} today: #1 to #{len(self.order)}")
            return ExerciseNumber(int(number))
        try:
            no_last = NO_EXERCISE_YET if self.current is None else NO_LAST_SET
            spec = parse_workout_entry(
                text, self.last_set(self.current), self.unit, no_last=no_last
            )
        except EntryError:
            if text.strip() and not any(c.isdigit() for c in text) and "bw" not in text.lower():
                return ExerciseName(text.strip())
            raise
        exercise, named = self.current, ""
        if spec.exercise is not None:
            resolved = resolve_for_set(spec.exercise, list(self.exercises.values()), spec.kind)
            exercise = resolved.exercise
            if self.current is None or self.current.id != exercise.id:
                named = resolved.note()
        if exercise is None:
            raise EntryError("name the exercise first: e.g. bench 100x5, or pick one")
        return TypedSets(exercise, spec, named)

    def resolve(self, name: str) -> Resolved:
        """The exercise `name` means, and the others it matched; raises UnknownExercise or
        AmbiguousExercise."""
        return resolve_exercise(name, list(self.exercises.values()))

    def last_set(self, exercise: Exercise | None) -> LastSet | None:
        """What "+2.5x5", "x6" and Enter start from: the workout's last set of the
        exercise, or before its first the set suggested (`suggested`)."""
        mine = self.sets_of(exercise.id) if exercise is not None else []
        if mine and (working := self.warmups.working_set(self, exercise)) is not None:
            return working  # the ramp's warm-ups done: the working set they led to
        return LastSet.of(mine[-1]) if mine else self.suggested(exercise)

    def suggested(self, exercise: Exercise | None) -> LastSet | None:
        """Before the exercise's first set of the workout, the set to do: the one today's
        plan suggests (`planned_set`); without one, last time's first working set, with the
        plan's reps and RPE when the plan has the exercise but no load for it, else the
        template's if it has a target (none if it was never done), only from
        the past read for it (`history`)."""
        if exercise is None or self.sets_of(exercise.id):
            return None
        planned = self.planned_set(exercise.id)
        if planned is not None:
            return planned
        history = self.histories.get(exercise.id)
        if history is None or not history.last_sets:
            return None
        first = LastSet.of(min(history.last_sets, key=lambda s: (s.timestamp, s.order)))
        item = self.plan_item(exercise.id)
        if item is not None and item.adjusted.sets > 0:
            # A plan without a load (no e1RM now): last time's load at the plan's target.
            return replace(first, reps=item.adjusted.reps, rpe=item.adjusted.rpe)
        target = self.target(exercise.id)
        if target is None:
            return first
        return replace(first, reps=target.reps, rpe=target.rpe)

    def log_set(self, exercise: Exercise, spec: SetSpec, at: datetime) -> tuple[PlacedSet, Change]:
        """Log one set of `spec` done at `at`: the set as it is shown now, with the rest
        timer it starts, and its save. Raises ValidationError (EntryError for a weight
        over the limit). In a superset a working set before the group's last starts no
        rest timer (`rest_after`)."""
        workout = self.workout
        fields = spec.entry_fields(self.unit)
        template_rest = self._template_rest(exercise.id, warmup=fields.get("warmup", False))
        group = self.supersets.group_of(self, exercise.id)
        new = SetEntry(
            id=new_id(),
            workout=workout.id,
            exercise=exercise.id,
            **fields,
            group=group,
            timestamp=at,
            day=workout.day,
        )
        check_set(new)
        placed = place_set(new, self.sets, exercise, self.settings, template_rest_s=template_rest)
        entry = placed.entry
        self.sets.append(entry)
        self.unsaved.add(entry.id)
        self.go_to(exercise)
        self.undo_stack.append(
            Undo(
                f"{exercise.name} {format_set(entry, self.unit)}",
                lambda: self._drop(entry.id),
                lambda repo: repo.delete_set(entry.id, base=entry),
            )
        )
        return placed, lambda repo: repo.log_set(
            workout,
            exercise,
            **fields,
            group=group,
            at=at,
            rest_after_s=template_rest,
            set_id=entry.id,
        )

    def rest_after(self, exercise: Exercise) -> RestAfter:
        """What follows a working set of the exercise logged now: the rest timer it starts,
        as `log_set` starts it, or in a superset's round the exercise it moves on to."""
        following = self.supersets.next_in_round(self, exercise.id)
        template_rest = self._template_rest(exercise.id, warmup=False)
        return RestAfter(
            exercise=exercise,
            rest_s=self.settings.rest_for(exercise, template_rest_s=template_rest),
            next_exercise=self.exercises[following] if following else None,
            ends_round=self.supersets.members(self, exercise.id)[-1:] == [exercise.id],
        )

    def _template_rest(self, exercise_id: str, *, warmup: bool) -> int | None:
        """The rest after a set of the exercise that overrides its own (`Settings.rest_for`):
        none in a superset's round before its last (`Supersets.next_in_round`), else the
        template's."""
        if not warmup and self.supersets.next_in_round(self, exercise_id):
            return 0
        target = self.target(exercise_id)
        return target.rest_s if target else None

    def take_stored(self, entry: SetEntry) -> bool:
        """The log saved a set: take its number, rest and day as the log worked them out
        (another writer may have logged a set first). Its other fields stay as they are
        here: an edit or a note may be on its way to the log. True if that moved it
        among today's sets (another process's set came in before it)."""
        before = [s.id for s in self.sets]

        def placed(local: SetEntry) -> SetEntry:
            if local.id != entry.id:
                return local
            return replace(local, order=entry.order, rest_s=entry.rest_s, day=entry.day)

        self.sets = _in_order(placed(s) for s in self.sets)
        self.unsaved.discard(entry.id)
        if self.editing is not None:
            self.editing = placed(self.editing)
        return [s.id for s in self.sets] != before

    # -- changing exercise -----------------------------------------------------------------

    def know(self, exercise: Exercise) -> None:
        """A name typed finds `exercise`, made just now, before the log has it."""
        self.exercises.setdefault(exercise.id, exercise)

    def group_with_above(self, exercise: Exercise) -> tuple[bool, Change] | None:
        """Superset the exercise with the one above it in today's order (True), or take it
        out of that group if it is in it (False), and the change to the workout in the log
        (`Workout.groups`); None if there is none above."""
        workout, groups = self.workout, self.supersets.regrouped(self, exercise)
        if workout is None or groups is None:
            return None
        self.workout = replace(workout, groups=groups)
        regrouped = self.workout
        return bool(self.supersets.members(self, exercise.id)), (
            lambda repo: repo.update_workout(workout, regrouped)
        )

    def go_to(self, exercise: Exercise) -> None:
        """Make the exercise the current one, numbered after today's others if it is new."""
        self.know(exercise)
        self.current = exercise
        if exercise.id not in self.order:
            self.order.append(exercise.id)

    def numbered(self, number: int) -> Exercise | None:
        """Today's exercise with that number (from 1), if there is one."""
        if 1 <= number <= len(self.order):
            return self.exercises[self.order[number - 1]]
        return None

    def step(self, step: int) -> Exercise | None:
        """The exercise `step` places from the current one in today's order, round; none
        while a set is being edited."""
        if not self.order or self.editing is not None:
            return None
        current = self.current
        index = self.order.index(current.id) if current and current.id in self.order else -1
        return self.exercises[self.order[(index + step) % len(self.order)]]

    # -- editing, deleting, notes, undo ----------------------------------------------------

    def begin_edit(self, entry: SetEntry) -> str:
        """Edit a set: the text to change, as it would be typed (to the gram: Enter on it
        unchanged changes nothing)."""
        self.editing = entry
        return typed_entry(entry, self.unit)

    def finish_edit(self, text: str) -> Change:
        """The set being edited becomes what `text` says ("+2.5x5", "x6" and an empty line
        start from it). Raises EntryError or ValidationError and stays in the edit."""
        old = self.editing
        spec = parse_workout_entry(text, LastSet.of(old), self.unit)
        if spec.exercise is not None or spec.sets > 1:
            raise EntryError(
                f"an edit changes this one set: type its weight and reps, e.g. {EDIT_EXAMPLE}"
            )
        new = replace(old, **spec.entry_fields(self.unit))
        check_set(new)
        self.editing = None
        return self._change_set(old, new, "edit")

    def note_set(self, entry: SetEntry, notes: str) -> Change:
        return self._change_set(entry, replace(entry, notes=notes), "note")

    def _change_set(self, old: SetEntry, new: SetEntry, what: str) -> Change:
        self._replace(new)
        self.undo_stack.append(
            Undo(what, lambda: self._replace(old), lambda repo: repo.update_set(new, old))
        )
        return lambda repo: repo.update_set(old, new)

    def delete(self, entry: SetEntry) -> Change:
        self._drop(entry.id)

        def restore() -> None:
            self.sets = _in_order([*self.sets, entry])

        self.undo_stack.append(Undo("delete", restore, lambda repo: repo.restore_set(entry)))
        return lambda repo: repo.delete_set(entry.id, base=entry)

    def undo(self) -> Undo | None:
        """Take back the last change here; the log's part is left to the caller."""
        if not self.undo_stack:
            return None
        undo = self.undo_stack.pop()
        undo.in_session()
        return undo

    def _replace(self, entry: SetEntry) -> None:
        self.sets = [entry if s.id == entry.id else s for s in self.sets]

    def _drop(self, set_id: str) -> None:
        self.sets = [s for s in self.sets if s.id != set_id]
        self.dropped.add(set_id)

    def as_shown(self) -> Callable[[LogReader], bool]:
        """Whether a log holds today's workout and its sets as the session shows them now
        (another copy may have changed them, its changes merged with the session's)."""
        workout, sets = self.workout, {s.id: s for s in self.sets}

        def shown(log: LogReader) -> bool:
            if workout is None:
                return log.open_workout() is None
            stored = log.workout(workout.id)
            if stored is None or not stored.in_progress:
                return False
            stored_sets = {s.id: s for s in log.sets(workout=stored.id)}
            return (
                stored.id == workout.id
                and not changes_between(workout.to_doc(), stored.to_doc())
                and stored_sets.keys() == sets.keys()
                and not any(
                    changes_between(sets[i].to_doc(), stored_sets[i].to_doc()) for i in sets
                )
            )

        return shown

    # -- templates -------------------------------------------------------------------------

    def save_template(self, name: str, sets: list[SetEntry]) -> Change:
        """A template named `name` made from a workout's `sets` (`plan_of_sets`), offered
        at once."""
        template = Template(name=name, items=plan_of_sets(sets))
        own = [t for t in self.templates if not is_untouched_starter(t)]
        self.templates = offered([*own, template], self.settings.hidden_starters)
        return lambda repo: repo.save_template(template)


def _unstamped(record: R) -> R:
    """The record without when it was saved (`created`, `updated`): what it says."""
    if record is None or (record.created is None and record.updated is None):
        return record
    return replace(record, created=None, updated=None)


def _in_order(sets: Iterable[SetEntry]) -> list[SetEntry]:
    """Sets in the order they were done, as the log orders them (`LogReader.sets`)."""
    return sorted(sets, key=lambda s: (s.timestamp, s.order))
