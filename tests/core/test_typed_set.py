"""A set as a line to type again (`typed_set`): what restday prints for a set it could not
save, for `restday log` to log it again. `parse_set` reads it back as the same set."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.entry.exercise_names import find_exercise
from storage.entry.set_line import MAX_KG, MAX_REPS, parse_set, typed_set
from storage.model.exercise_library import BUILTIN_EXERCISES
from storage.model.records import LB_PER_KG, SetEntry

WHEN = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)


def a_set(**fields) -> SetEntry:
    return SetEntry(workout="w1", exercise="bench-press", timestamp=WHEN, **fields)


@pytest.mark.parametrize(
    ("entry", "unit", "line"),
    [
        (a_set(weight_kg=100, reps=5, rpe=8), "kg", "Bench Press 100kgx5@8"),
        (a_set(weight_kg=102.5, reps=3, rpe=8.5), "kg", "Bench Press 102.5kgx3@8.5"),
        (a_set(weight_kg=225 / LB_PER_KG, reps=5), "lb", "Bench Press 225lbx5"),
        (a_set(weight_kg=60, reps=5, warmup=True), "kg", "w Bench Press 60kgx5"),
        (a_set(weight_kg=20, reps=6, bodyweight=True), "kg", "Bench Press bw+20kgx6"),
        (a_set(weight_kg=0, reps=8, bodyweight=True), "lb", "Bench Press bwx8"),
        # 100 kg is 220.462... lb: to the gram only in kg
        (a_set(weight_kg=100, reps=5), "lb", "Bench Press 100kgx5"),
    ],
)
def test_lines(entry: SetEntry, unit: str, line: str) -> None:
    assert typed_set("Bench Press", entry, unit) == line


@given(
    exercise=st.sampled_from(BUILTIN_EXERCISES),
    weight=st.floats(0, MAX_KG, exclude_max=True, allow_nan=False),
    reps=st.integers(1, MAX_REPS),
    rpe=st.none() | st.integers(12, 20).map(lambda half: half / 2),
    warmup=st.booleans(),
    bodyweight=st.booleans(),
    unit=st.sampled_from(["kg", "lb"]),
)
def test_parse_set_reads_the_same_set_back(
    exercise, weight, reps, rpe, warmup, bodyweight, unit
) -> None:
    entry = a_set(weight_kg=weight, reps=reps, rpe=rpe, warmup=warmup, bodyweight=bodyweight)
    spec = parse_set(typed_set(exercise.name, entry, unit))
    assert find_exercise(spec.exercise, BUILTIN_EXERCISES) == exercise
    assert spec.weight_kg(unit) == pytest.approx(weight, abs=0.001)
    assert (spec.reps, spec.sets, spec.rpe) == (reps, 1, rpe)
    assert (spec.warmup, spec.bodyweight) == (warmup, bodyweight)
