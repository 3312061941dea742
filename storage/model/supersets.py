"""Supersets and circuits: exercises done in turn, a set of each, resting only after the
last of them. A template marks an item as done with the one above it
(`TemplateItem.with_above`); the sets of a workout carry their group's id
(`SetEntry.group`), and the workout those grouped with a key (`Workout.groups`). Pure: no
I/O."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

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


def group_members(exercises: Sequence[str], groups: Mapping[str, str]) -> dict[str, list[str]]:
    """Each group's exercises among `exercises` (each exercise's group's id in `groups`),
    in their order: a group of two or more (a group of one is no group)."""
    members: dict[str, list[str]] = {}
    for exercise in exercises:
        if group := groups.get(exercise):
            members.setdefault(group, []).append(exercise)
    return {group: run for group, run in members.items() if len(run) > 1}


def group_runs(exercises: Sequence[str], groups: Mapping[str, str]) -> list[tuple[str, str]]:
    """Each exercise of `exercises` (in order) with its place in its group
    (`group_members`) shown as a bracket: "┌", "│", "└" for a group's first, middle and
    last exercise, " " alone."""
    members = group_members(exercises, groups)
    marks = []
    for exercise in exercises:
        group = members.get(groups.get(exercise, ""), [])
        if not group:
            marks.append((exercise, " "))
        elif exercise == group[0]:
            marks.append((exercise, "┌"))
        elif exercise == group[-1]:
            marks.append((exercise, "└"))
        else:
            marks.append((exercise, "│"))
    return marks


def set_runs(sets: Sequence[SetEntry]) -> list[list[SetEntry]]:
    """Sets in the order done, in runs: the sets of a superset done one after another (two
    or more with the same group), else each set on its own."""
    runs: list[list[SetEntry]] = []
    for entry in sets:
        if runs and entry.group and runs[-1][-1].group == entry.group:
            runs[-1].append(entry)
        else:
            runs.append([entry])
    return runs


def set_brackets(sets: Sequence[SetEntry]) -> list[str]:
    """Each set's place in its superset's run (`set_runs`) as a bracket, as `group_runs`."""
    marks: list[str] = []
    for run in set_runs(sets):
        if len(run) == 1:
            marks.append(" ")
        else:
            marks += ["┌", *["│"] * (len(run) - 2), "└"]
    return marks
