"""The rule two copies' changes to one record are merged by (`storage.model.merge`): a
change applied to the record as stored keeps what another writer changed in other fields,
and collides only where both set one field to different values."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.model.merge import Collision, changes_between, merge

FIELDS = ("weight_kg", "reps", "notes")
values = st.none() | st.integers(0, 2)
soreness = st.none() | st.dictionaries(st.sampled_from(("quads", "chest", "lats")), values)


def canonical(doc: dict[str, Any]) -> dict[str, Any]:
    """As a record's document is stored: fields at their default (None, {}) left out."""
    out = {}
    for name, value in doc.items():
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if v is not None} or None
        if value is not None:
            out[name] = value
    return out


docs = st.builds(
    lambda plain, sore, stamp: canonical({**plain, "soreness": sore, "id": "x", "updated": stamp}),
    st.fixed_dictionaries({name: values for name in FIELDS}),
    soreness,
    st.integers(0, 3),
)


def collides(base: dict, ours: dict, theirs: dict) -> bool:
    """Whether both changed one value (a field, or a muscle's soreness) differently."""

    def differs(a: dict, b: dict, key: str) -> bool:
        return a.get(key) != b.get(key)

    if any(
        differs(base, ours, n) and differs(base, theirs, n) and differs(ours, theirs, n)
        for n in FIELDS
    ):
        return True
    b, o, t = (d.get("soreness") or {} for d in (base, ours, theirs))
    return any(
        differs(b, o, m) and differs(b, t, m) and differs(o, t, m)
        for m in b.keys() | o.keys() | t.keys()
    )


def person_fields(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if k not in ("id", "updated")}


@given(docs, docs)
def test_a_change_to_the_record_as_read_gives_the_change(base: dict, new: dict) -> None:
    merged = merge(base, base, changes_between(base, new))
    assert person_fields(merged) == person_fields(new)


@given(docs, docs, docs)
def test_changes_to_different_fields_both_survive_in_either_order(
    base: dict, ours: dict, theirs: dict
) -> None:
    if collides(base, ours, theirs):
        with pytest.raises(Collision):
            merge(theirs, base, changes_between(base, ours))
        return
    one = merge(theirs, base, changes_between(base, ours))
    other = merge(ours, base, changes_between(base, theirs))
    assert person_fields(one) == person_fields(other)
    for name, value in changes_between(base, ours).items():
        if name != "soreness":
            assert one.get(name) == value
    for name, value in changes_between(base, theirs).items():
        if name != "soreness":
            assert one.get(name) == value


@given(docs, docs)
def test_a_change_made_twice_changes_nothing_more(base: dict, new: dict) -> None:
    changes = changes_between(base, new)
    assert person_fields(merge(new, base, changes)) == person_fields(new)


def test_a_collision_names_each_field() -> None:
    base = {"weight_kg": 100, "reps": 5, "notes": "a"}
    ours = {"weight_kg": 105, "reps": 6, "notes": "a"}
    theirs = {"weight_kg": 110, "reps": 6, "notes": "b"}
    with pytest.raises(Collision) as raised:
        merge(theirs, base, changes_between(base, ours))
    assert raised.value.fields == ("weight_kg",)


def test_stamps_and_numbers_the_log_works_out_are_never_a_change() -> None:
    base = {"id": "x", "updated": "t1", "order": 1, "rest_s": 90, "reps": 5}
    new = {"id": "x", "updated": "t2", "order": 2, "rest_s": 120, "reps": 6}
    assert changes_between(base, new) == {"reps": 6}
