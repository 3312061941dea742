"""Supersets and circuits in the workout in progress: which of today's exercises are done
in turn, where a set of one moves to, and which sets start the rest timer. The groups are
the template's (`TemplateItem.with_above`), those the sets logged carry (`SetEntry.group`:
an imported or earlier one) and those grouped here with a key. Plain state, no Textual."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage.model.records import Exercise, SetEntry
from storage.model.supersets import template_groups

if TYPE_CHECKING:
    from tui.screens.workout.session import WorkoutSession


class Supersets:
    def __init__(self) -> None:
        self.grouped_here: dict[str, str] = {}
        """Exercises grouped (or ungrouped: "") with a key in this workout, by id."""

    def groups(self, session: WorkoutSession) -> dict[str, str]:
        """Each of today's grouped exercises and its group's id."""
        groups = template_groups(session.template.items) if session.template else {}
        groups.update((s.exercise, s.group) for s in session.sets if s.group)
        groups.update(self.grouped_here)
        return {exercise: group for exercise, group in groups.items() if group}

    def members(self, session: WorkoutSession, exercise_id: str) -> list[str]:
        """The exercises of `exercise_id`'s group in today's order; none if it has no group
        (a group of one is none)."""
        groups = self.groups(session)
        group = groups.get(exercise_id)
        members = [e for e in session.order if group and groups.get(e) == group]
        return members if len(members) > 1 else []

    def group_of(self, session: WorkoutSession, exercise_id: str) -> str | None:
        """The group id a set of the exercise carries."""
        return self.groups(session).get(exercise_id) if self.members(session, exercise_id) else None

    def mid_round(self, session: WorkoutSession, exercise_id: str) -> bool:
        """Whether a set of the exercise is followed by one of another in its group (no rest
        timer after it): one after it in the group has sets left."""
        members = self.members(session, exercise_id)
        later = members[members.index(exercise_id) + 1 :] if members else []
        return any(_sets_left(session, e) for e in later)

    def next_after(self, session: WorkoutSession, entry: SetEntry) -> Exercise | None:
        """Where a set just logged moves to: the next exercise of its group with sets left,
        after the group's last the first again (until all their sets are done); none to stay
        (no group, a warm-up, nothing else left)."""
        members = self.members(session, entry.exercise)
        if entry.warmup or not members:
            return None
        index = members.index(entry.exercise)
        ahead = members[index + 1 :] + members[: index + 1]
        following = next((e for e in ahead if _sets_left(session, e)), entry.exercise)
        return None if following == entry.exercise else session.exercises[following]

    def group_with_above(self, session: WorkoutSession, exercise: Exercise) -> bool | None:
        """Group the exercise with the one above it in today's order (True), or take it out
        of that group if it is in it (False); None if there is none above."""
        index = session.order.index(exercise.id) if exercise.id in session.order else 0
        if index == 0:
            return None
        above = session.order[index - 1]
        groups = self.groups(session)
        if groups.get(exercise.id) and groups.get(exercise.id) == groups.get(above):
            self.grouped_here[exercise.id] = ""
            return False
        numbers = [int(g) for g in groups.values() if g.isdecimal()]
        group = groups.get(above) or str(max(numbers, default=0) + 1)
        self.grouped_here[above] = self.grouped_here[exercise.id] = group
        return True


def _sets_left(session: WorkoutSession, exercise_id: str) -> bool:
    """Whether the exercise has sets left to do: fewer working sets than the template's
    target, or no target (a circuit without one goes round until the lifter moves on)."""
    target = session.target(exercise_id)
    return target is None or session.working_sets(exercise_id) < target.sets
