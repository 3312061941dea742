"""Starter templates: a full-body workout and an upper/lower split, from the built-in
library, offered by every log so that the start screen is never empty.

They are not stored: the log offers each one (`LogReader.offered_templates`) until the
lifter changes it (then the log stores its own copy under the same id, which wins) or
deletes it (its id goes into `Settings.hidden_starters`)."""

from __future__ import annotations

import copy
from collections.abc import Iterable

from storage.model.records import Template, TemplateItem

_ID_PREFIX = "starter-"


# Per template, a line per exercise: id, sets, reps, RPE, rest in seconds.
_STARTERS = {
    "Full body": """
        back-squat           3   5  8    180
        bench-press          3   5  8    180
        barbell-row          3   8  8    120
        romanian-deadlift    2   8  7    120
        hanging-leg-raise    2  10  8     60
    """,
    "Upper": """
        bench-press          4   6  8    180
        barbell-row          4   8  8    150
        overhead-press       3   8  8    120
        lat-pulldown         3  10  8     90
        dumbbell-curl        2  12  8.5   60
        triceps-pushdown     2  12  8.5   60
    """,
    "Lower": """
        back-squat           4   5  8    180
        romanian-deadlift    3   8  8    150
        leg-press            3  10  8    120
        lying-leg-curl       3  12  8.5   90
        standing-calf-raise  3  12  8.5   60
    """,
}


def _item(row: str) -> TemplateItem:
    exercise, sets, reps, rpe, rest_s = row.split()
    return TemplateItem(
        exercise=exercise, sets=int(sets), reps=int(reps), rpe=float(rpe), rest_s=int(rest_s)
    )


STARTER_TEMPLATES: tuple[Template, ...] = tuple(
    Template(
        id=_ID_PREFIX + name.lower().replace(" ", "-"),
        name=name,
        items=[_item(row) for row in table.strip().splitlines()],
    )
    for name, table in _STARTERS.items()
)
STARTER_IDS: frozenset[str] = frozenset(t.id for t in STARTER_TEMPLATES)


def offered(stored: Iterable[Template], hidden: Iterable[str]) -> list[Template]:
    """The templates to start a workout from: the log's `stored` ones by name, then each
    starter neither stored (changed) nor `hidden` (deleted)."""
    own = sorted(stored, key=lambda t: t.name)
    taken = {*hidden, *(t.id for t in own)}
    return [*own, *(copy.deepcopy(t) for t in STARTER_TEMPLATES if t.id not in taken)]


def is_untouched_starter(template: Template) -> bool:
    """A starter as offered, never stored in the log."""
    return template.id in STARTER_IDS and template.created is None
