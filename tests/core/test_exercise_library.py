"""The built-in exercise library: well-formed, unambiguous, and true to the scoring spec."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from storage.model.exercise_library import BUILTIN_BY_ID, BUILTIN_EXERCISES
from storage.model.records import EQUIPMENT, EXERCISE_KINDS, MUSCLES, Exercise

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _squash(text: str) -> str:
    """Lowercase with spaces, hyphens and apostrophes dropped: "Pull-Up" -> "pullup"."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _lookup(query: str) -> Exercise | None:
    """The simplest name-or-alias lookup a caller might write."""
    q = query.strip().lower()
    for exercise in BUILTIN_EXERCISES:
        if q == exercise.id or q == exercise.name.lower() or q in exercise.aliases:
            return exercise
    return None


def test_library_is_large_enough():
    assert len(BUILTIN_EXERCISES) >= 80


def test_all_are_builtin_exercises():
    for exercise in BUILTIN_EXERCISES:
        assert isinstance(exercise, Exercise)
        assert exercise.builtin is True


def test_ids_are_unique_slugs():
    ids = [e.id for e in BUILTIN_EXERCISES]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    for exercise_id in ids:
        assert SLUG.match(exercise_id), exercise_id


def test_names_are_unique_case_insensitively():
    names = [e.name.lower() for e in BUILTIN_EXERCISES]
    assert [n for n, c in Counter(names).items() if c > 1] == []
    for exercise in BUILTIN_EXERCISES:
        assert exercise.name == exercise.name.strip() and exercise.name


def test_by_id_matches_the_tuple():
    assert len(BUILTIN_BY_ID) == len(BUILTIN_EXERCISES)
    for exercise in BUILTIN_EXERCISES:
        assert BUILTIN_BY_ID[exercise.id] is exercise


def test_aliases_are_lowercase_and_not_the_own_name():
    for exercise in BUILTIN_EXERCISES:
        assert isinstance(exercise.aliases, tuple)
        assert len(set(exercise.aliases)) == len(exercise.aliases), exercise.id
        for alias in exercise.aliases:
            assert alias == alias.strip().lower() and alias, (exercise.id, alias)
            assert alias != exercise.name.lower(), (exercise.id, alias)


def test_aliases_do_not_collide():
    owner: dict[str, str] = {}
    for exercise in BUILTIN_EXERCISES:
        for alias in exercise.aliases:
            assert alias not in owner, (alias, owner.get(alias), exercise.id)
            owner[alias] = exercise.id
    for exercise in BUILTIN_EXERCISES:
        for key in (exercise.name.lower(), exercise.id):
            assert owner.get(key, exercise.id) == exercise.id, (key, owner.get(key))


def test_aliases_do_not_collide_even_ignoring_spaces_and_hyphens():
    """A lookup that squashes "pull up" and "pull-up" together must stay unambiguous."""
    owner: dict[str, str] = {}
    for exercise in BUILTIN_EXERCISES:
        keys = {_squash(exercise.name), _squash(exercise.id)}
        keys.update(_squash(a) for a in exercise.aliases)
        for key in keys:
            assert owner.get(key, exercise.id) == exercise.id, (key, owner[key], exercise.id)
            owner[key] = exercise.id


def test_muscles_are_valid():
    for exercise in BUILTIN_EXERCISES:
        assert exercise.muscles, exercise.id
        for muscle, coefficient in exercise.muscles.items():
            assert muscle in MUSCLES, (exercise.id, muscle)
            assert coefficient in (0.5, 1.0), (exercise.id, muscle, coefficient)
        if exercise.equipment == "cardio":  # conditioning: little muscle fatigue
            assert not exercise.primary_muscles, exercise.id
        else:
            assert exercise.primary_muscles, exercise.id


def test_kinds_and_equipment_are_valid():
    for exercise in BUILTIN_EXERCISES:
        assert exercise.kind in EXERCISE_KINDS, exercise.id
        assert exercise.equipment in EQUIPMENT, exercise.id


@pytest.mark.parametrize("equipment", ["barbell", "dumbbell", "machine", "cable", "bodyweight"])
def test_each_main_equipment_is_well_covered(equipment):
    assert sum(e.equipment == equipment for e in BUILTIN_EXERCISES) >= 8


def test_every_kind_is_used():
    assert {e.kind for e in BUILTIN_EXERCISES} == set(EXERCISE_KINDS)


def test_default_rest_follows_the_kind():
    """Compound 3:00 and isolation 1:30 (the rest timer's spec); bodyweight 2:00, timed 1:00,
    distance 2:00."""
    expected = {"compound": 180, "isolation": 90, "bodyweight": 120, "timed": 60, "distance": 120}
    for exercise in BUILTIN_EXERCISES:
        assert exercise.default_rest_s == expected[exercise.kind], exercise.id


@pytest.mark.parametrize(
    ("exercise_id", "muscles"),
    [
        (
            "back-squat",
            {"quads": 1.0, "glutes": 1.0, "hamstrings": 0.5, "lower_back": 0.5},
        ),
        ("romanian-deadlift", {"hamstrings": 1.0, "glutes": 1.0, "lower_back": 0.5}),
        ("bench-press", {"chest": 1.0, "triceps": 0.5, "front_delts": 0.5}),
    ],
)
def test_worked_example_muscle_maps(exercise_id, muscles):
    assert BUILTIN_BY_ID[exercise_id].muscles == muscles


@pytest.mark.parametrize(
    ("exercise_id", "name"),
    [
        ("bench-press", "Bench Press"),
        ("back-squat", "Back Squat"),
        ("deadlift", "Deadlift"),
        ("romanian-deadlift", "Romanian Deadlift"),
        ("overhead-press", "Overhead Press"),
        ("pull-up", "Pull-Up"),
        ("chin-up", "Chin-Up"),
        ("dip", "Dip"),
        ("barbell-row", "Barbell Row"),
        ("lat-pulldown", "Lat Pulldown"),
    ],
)
def test_staple_ids_and_names(exercise_id, name):
    assert BUILTIN_BY_ID[exercise_id].name == name


@pytest.mark.parametrize(
    ("query", "exercise_id"),
    [
        ("bp", "bench-press"),
        ("rdl", "romanian-deadlift"),
        ("ohp", "overhead-press"),
        ("bench", "bench-press"),
        ("squat", "back-squat"),
        ("sq", "back-squat"),
        ("dl", "deadlift"),
        ("press", "overhead-press"),
        ("pullup", "pull-up"),
        ("pullups", "pull-up"),
        ("chinup", "chin-up"),
        ("dips", "dip"),
        ("row", "barbell-row"),
        ("bb row", "barbell-row"),
        ("pulldown", "lat-pulldown"),
        ("  BP ", "bench-press"),
        ("Romanian Deadlift", "romanian-deadlift"),
    ],
)
def test_aliases_resolve(query, exercise_id):
    found = _lookup(query)
    assert found is not None and found.id == exercise_id


def test_bodyweight_and_timed_kinds_where_expected():
    for exercise_id in ("pull-up", "chin-up", "dip", "push-up"):
        assert BUILTIN_BY_ID[exercise_id].kind == "bodyweight"
    assert BUILTIN_BY_ID["plank"].kind == "timed"
    assert BUILTIN_BY_ID["farmers-carry"].kind == "timed"
