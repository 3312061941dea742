"""Supersets and circuits in the workout in progress: which of today's exercises are done
in turn, where a set of one moves to, and which sets start the rest timer. The groups are
the template's (`TemplateItem.with_above`), those the sets logged carry (`SetEntry.group`:
an imported or earlier one) and those grouped (or undone) with a key, which the workout
keeps in the log (`Workout.groups`). Plain rules, no Textual."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage.model.records import Exercise, SetEntry
from storage.model.supersets import group_members, template_groups

if TYPE_CHECKING:
    from tui.screens.workout.session import WorkoutSession


class Supersets:
    def groups(self, session: WorkoutSession) -> dict[str, str]:
        """Each of today's grouped exercises and its group's id."""
        groups = template_groups(session.template.items) if session.template else {}
        groups.update((s.exercise, s.group) for s in session.sets if s.group)
        groups.update(session.workout.groups if session.workout else {})
        return {exercise: group for exercise, group in groups.items() if group}

    def members(self, session: WorkoutSession, exercise_id: str) -> list[str]:
        """The exercises of `exercise_id`'s group in today's order; none if it has no group
        (`group_members`)."""
        groups = self.groups(session)
        return group_members(session.order, groups).get(groups.get(exercise_id, ""), [])

    def group_of(self, session: WorkoutSession, exercise_id: str) -> str | None:
        """The group id a set of the exercise carries."""
        return self.groups(session).get(exercise_id) if self.members(session, exercise_id) else None

    def next_in_round(self, session: WorkoutSession, exercise_id: str) -> str | None:
        """Where a working set of the exercise moves on to with no rest timer after it:
        the next exercise after it in its group with sets left; None after the round's
        last (a rest then)."""
        members = self.members(session, exercise_id)
        later = members[members.index(exercise_id) + 1 :] if members else []
        return next((e for e in later if _sets_left(session, e)), None)

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

    def regrouped(self, session: WorkoutSession, exercise: Exercise) -> dict[str, str] | None:
        """The workout's `groups` with the exercise grouped with the one above it in
        today's order, or taken out of that group if it is in it; None if there is none
        above."""
        index = session.order.index(exercise.id) if exercise.id in session.order else 0
        if index == 0 or session.workout is None:
            return None
        above = session.order[index - 1]
        groups = self.groups(session)
        regrouped = dict(session.workout.groups)
        if groups.get(exercise.id) and groups.get(exercise.id) == groups.get(above):
            regrouped[exercise.id] = ""
            return regrouped
        # A new group is named after its first exercise: one another copy of restday makes
        # at the same time of other exercises is another group, of the same ones the same.
        group = groups.get(above) or above
        regrouped[above] = regrouped[exercise.id] = group
        return regrouped


def _sets_left(session: WorkoutSession, exercise_id: str) -> bool:
    """Whether the exercise has sets left to do: fewer working sets than the template's
    target, or no target (a circuit without one goes round until the lifter moves on)."""
    target = session.target(exercise_id)
    return target is None or session.working_sets(exercise_id) < target.sets
