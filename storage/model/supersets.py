"""Supersets and circuits: exercises done in turn, a set of each, resting only after the
last of them. A template marks an item as done with the one above it
(`TemplateItem.with_above`); the sets of a workout carry their group's id
(`SetEntry.group`). Pure: no I/O."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from storage.model.records import SetEntry, TemplateItem


def template_groups(items: Sequence[TemplateItem]) -> dict[str, str]:
    """Each grouped exercise of a template and its group's id ("1", "2"... in the
    template's order); an exercise done on its own is not in it."""
    groups: dict[str, str] = {}
    count = 0
    for above, item in zip(items, items[1:], strict=False):
        if not item.with_above:
            continue
        if above.exercise not in groups:
            count += 1
            groups[above.exercise] = str(count)
        groups[item.exercise] = groups[above.exercise]
    return groups


def set_groups(sets: Iterable[SetEntry]) -> dict[str, str]:
    """Each exercise and the group of its last set that has one."""
    return {s.exercise: s.group for s in sets if s.group}


def group_runs(exercises: Sequence[str], groups: dict[str, str]) -> list[tuple[str, str]]:
    """Each exercise of `exercises` (in order) with its place in a group shown as a
    bracket: "┌", "│", "└" for a group's first, middle and last exercise, " " alone
    (a group of one is no group)."""
    members: dict[str, list[str]] = {}
    for exercise in exercises:
        if exercise in groups:
            members.setdefault(groups[exercise], []).append(exercise)
    marks = []
    for exercise in exercises:
        group = members.get(groups.get(exercise, ""), [])
        if len(group) < 2:
            marks.append((exercise, " "))
        elif exercise == group[0]:
            marks.append((exercise, "┌"))
        elif exercise == group[-1]:
            marks.append((exercise, "└"))
        else:
            marks.append((exercise, "│"))
    return marks
