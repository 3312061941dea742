"""The warm-up ramp the workout screen offers before a barbell exercise's first working
set (`storage.model.warmup`): the set the workout starts the exercise from (last time's
first working set, as the plan has it: `WorkoutSession.suggested`) sets it, once, on the
lifter's bar and plates. It is offered when the lifter logged warm-ups before the exercise
the last time it was done, or asks for it (the warm-ups key, which also skips it): a lifter
who never logs warm-ups gets the working set from Enter, as before. Enter on an empty line
logs its next set as a warm-up; a working set of the exercise ends it. Plain state: no
Textual here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from storage.entry.set_line import LastSet, SetSpec
from storage.model.records import Exercise
from storage.model.units import shown_load
from storage.model.warmup import warmup_ramp
from tui.format.units import format_number

if TYPE_CHECKING:
    from tui.screens.workout.session import WorkoutSession


@dataclass(frozen=True)
class Warmup:
    """The next warm-up set: `number` of `count`, with the working load it leads to."""

    spec: SetSpec
    number: int
    count: int
    working: float  # in the plate set's unit, as `spec`


class WarmupRamps:
    def __init__(self) -> None:
        self._workout: str | None = None
        self._ramps: dict[str, tuple[SetSpec, ...]] = {}
        self._working: dict[str, float] = {}
        self._first: dict[str, LastSet] = {}
        self._skipped: set[str] = set()
        self._asked: set[str] = set()

    def next(self, session: WorkoutSession, exercise: Exercise | None) -> Warmup | None:
        """The warm-up Enter logs now on `exercise`, None when there is none to do."""
        workout = session.workout
        if workout is None or exercise is None or exercise.equipment != "barbell":
            return None
        if self._workout != workout.id:  # another workout: ramps start afresh
            self._workout, self._ramps, self._working = workout.id, {}, {}
            self._first, self._skipped, self._asked = {}, set(), set()
        done = session.sets_of(exercise.id)
        if not self._offered(session, exercise) or any(not s.warmup for s in done):
            return None
        if exercise.id not in self._ramps and (done or not self._plan(session, exercise)):
            return None
        ramp = self._ramps[exercise.id]
        if len(done) >= len(ramp):
            return None
        return Warmup(ramp[len(done)], len(done) + 1, len(ramp), self._working[exercise.id])

    def _offered(self, session: WorkoutSession, exercise: Exercise) -> bool:
        if exercise.id in self._skipped:
            return False
        history = session.histories.get(exercise.id)
        return exercise.id in self._asked or (history is not None and history.warms_up)

    def toggle(self, session: WorkoutSession, exercise: Exercise) -> bool:
        """Skip the ramp offered, or offer it if it can be; whether it is offered now."""
        if self.next(session, exercise) is not None:
            self._skipped.add(exercise.id)
            self._asked.discard(exercise.id)
            return False
        self._skipped.discard(exercise.id)
        self._asked.add(exercise.id)
        if self.next(session, exercise) is None:
            self._asked.discard(exercise.id)
            return False
        return True

    def _plan(self, session: WorkoutSession, exercise: Exercise) -> bool:
        first = session.suggested(exercise)
        if first is None or first.kind != "reps" or first.bodyweight or first.warmup:
            return False
        plates = session.settings.plate_set()
        working = shown_load(first.weight_kg, plates.unit)
        ramp = warmup_ramp(working, plates)
        self._working[exercise.id] = working
        self._first[exercise.id] = first
        self._ramps[exercise.id] = tuple(
            SetSpec(None, step.weight, plates.unit, step.reps, warmup=True) for step in ramp
        )
        return bool(ramp)

    def working_set(self, session: WorkoutSession, exercise: Exercise) -> LastSet | None:
        """After the ramp's warm-ups (all or some, then skipped), the first working set it
        led to: what Enter logs then, not another warm-up."""
        done = session.sets_of(exercise.id)
        first = self._first.get(exercise.id)
        if first is None or not done or not all(s.warmup for s in done):
            return None
        return first if self.next(session, exercise) is None else None


def warmup_hint(warmup: Warmup, skip_key: str) -> str:
    """What Enter logs while a warm-up is offered: "Enter logs w 40kg x 5 · alt+k skips ·
    warm-up 2/4 to 100", the set and the key first, for a phone's 40 columns."""
    spec = warmup.spec
    return (
        f"Enter logs w {format_number(spec.weight)}{spec.unit} x {spec.reps} · {skip_key} "
        f"skips · warm-up {warmup.number}/{warmup.count} to {format_number(warmup.working)}"
    )
