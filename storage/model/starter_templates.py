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


def _item(exercise: str, sets: int, reps: int, rpe: float, rest_s: int) -> TemplateItem:
    return TemplateItem(exercise=exercise, sets=sets, reps=reps, rpe=rpe, rest_s=rest_s)


STARTER_TEMPLATES: tuple[Template, ...] = (
    Template(
        id=f"{_ID_PREFIX}full-body",
        name="Full body",
        items=[
            _item("back-squat", 3, 5, 8, 180),
            _item("bench-press", 3, 5, 8, 180),
            _item("barbell-row", 3, 8, 8, 120),
            _item("romanian-deadlift", 2, 8, 7, 120),
            _item("hanging-leg-raise", 2, 10, 8, 60),
        ],
    ),
    Template(
        id=f"{_ID_PREFIX}upper",
        name="Upper",
        items=[
            _item("bench-press", 4, 6, 8, 180),
            _item("barbell-row", 4, 8, 8, 150),
            _item("overhead-press", 3, 8, 8, 120),
            _item("lat-pulldown", 3, 10, 8, 90),
            _item("dumbbell-curl", 2, 12, 8.5, 60),
            _item("triceps-pushdown", 2, 12, 8.5, 60),
        ],
    ),
    Template(
        id=f"{_ID_PREFIX}lower",
        name="Lower",
        items=[
            _item("back-squat", 4, 5, 8, 180),
            _item("romanian-deadlift", 3, 8, 8, 150),
            _item("leg-press", 3, 10, 8, 120),
            _item("lying-leg-curl", 3, 12, 8.5, 90),
            _item("standing-calf-raise", 3, 12, 8.5, 60),
        ],
    ),
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
