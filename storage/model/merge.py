"""Two copies of restday on one log: how a change one copy made to a record, as it read it,
is applied to the record as stored now, which another copy may have changed since.

A change is the fields it sets (`changes_between` the record as read and as changed). Under
the log's lock each is applied to the stored record (`merge`): a field nobody else changed
takes its new value, a field the other copy changed is kept as it changed it, and a field
both changed to different values collides, and the whole change is refused. A dict field
(a symptom entry's soreness) merges key by key. Fields the log works out itself (ids,
stamps, a set's number and rest) are never part of a change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Doc = Mapping[str, Any]

# Worked out by the log, not typed by a person: never a change, never a collision.
DERIVED = frozenset({"id", "created", "updated", "day", "order", "rest_s"})


class ChangeRefused(Exception):  # noqa: N818 - what the screen says: "not saved: <why>"
    """A change that cannot be applied to the record as stored; the message says why."""


class Collision(Exception):  # noqa: N818 - raised with the fields, worded by the caller
    """Fields another copy changed to other values than this change sets them to."""

    def __init__(self, fields: tuple[str, ...]) -> None:
        super().__init__(", ".join(fields))
        self.fields = fields


def changes_between(base: Doc, new: Doc) -> dict[str, Any]:
    """The fields `new` sets to other values than `base` has (a missing field is at its
    default: None)."""
    return {
        name: new.get(name)
        for name in sorted(base.keys() | new.keys())
        if name not in DERIVED and base.get(name) != new.get(name)
    }


def merge(stored: Doc, base: Doc, changes: Doc) -> dict[str, Any]:
    """`stored` with `changes` applied, each field's made against its value in `base`.
    Raises `Collision` (naming every such field) if another writer changed a field since
    `base` was read to another value than the change sets; nothing is applied then."""
    merged = dict(stored)
    collided = []
    for name, value in changes.items():
        try:
            result = _merge_value(stored.get(name), base.get(name), value)
        except Collision:
            collided.append(name)
            continue
        if result is None:
            merged.pop(name, None)
        else:
            merged[name] = result
    if collided:
        raise Collision(tuple(collided))
    return merged


def _merge_value(stored: Any, base: Any, new: Any) -> Any:
    if stored in (base, new):
        return new
    if base == new:
        return stored
    if all(value is None or isinstance(value, Mapping) for value in (stored, base, new)):
        merged = dict(stored or {})
        base, new = base or {}, new or {}
        collided = []
        for key in sorted(base.keys() | new.keys()):
            if base.get(key) == new.get(key):
                continue
            try:
                value = _merge_value(merged.get(key), base.get(key), new.get(key))
            except Collision:
                collided.append(key)
                continue
            if value is None:
                merged.pop(key, None)
            else:
                merged[key] = value
        if collided:
            raise Collision(tuple(collided))
        return merged or None
    raise Collision(())
