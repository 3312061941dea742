"""Resolving typed exercise text to an Exercise."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from storage.entry.exercise_names import (
    AmbiguousExercise,
    UnknownExercise,
    find_exercise,
    rank_exercises,
)
from storage.entry.set_line import EntryError
from storage.model.records import Exercise


def _ex(name: str, *aliases: str) -> Exercise:
    return Exercise(name=name, aliases=aliases)


LIBRARY = [
    _ex("Bench Press", "bp", "bench"),
    _ex("Back Squat", "squat", "sq"),
    _ex("Romanian Deadlift", "rdl"),
    _ex("Deadlift", "dl"),
    _ex("Overhead Press", "ohp", "press"),
    _ex("Pull-Up", "pullup", "pullups"),
    _ex("Dip", "dips"),
    _ex("Barbell Row"),
    _ex("Cable Row"),
    _ex("Dumbbell Row"),
    _ex("Bent-Over Row"),
    _ex("T-Bar Row"),
    _ex("Close-Grip Bench Press"),
    _ex("Incline Bench Press"),
    _ex("Bench Dip"),
    _ex("Front Squat"),
    _ex("Box Squat"),
    _ex("Pullover"),
    _ex("45 Degree Back Extension"),
    _ex("Dumbbell Romanian Deadlift"),
    _ex("Single-Leg Romanian Deadlift"),
]
BY_NAME = {e.name: e for e in LIBRARY}


def find(query: str, exercises=LIBRARY) -> str:
    return find_exercise(query, exercises).name


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("bp", "Bench Press"),
        ("bench", "Bench Press"),  # an alias, though it also starts other names
        ("squat", "Back Squat"),  # an alias, though Front and Box Squat end with it
        ("sq", "Back Squat"),
        ("rdl", "Romanian Deadlift"),
        ("dl", "Deadlift"),
        ("ohp", "Overhead Press"),
        ("press", "Overhead Press"),  # an alias, though Bench Press ends with it
        ("dip", "Dip"),  # a name, though Bench Dip ends with it
        ("dips", "Dip"),
        ("Bench Press", "Bench Press"),
        ("  BENCH PRESS  ", "Bench Press"),
    ],
)
def test_exact_name_or_alias_wins_outright(query, name):
    assert find(query) == name


@pytest.mark.parametrize(
    "query", ["pullup", "pull up", "Pull-Up", "PULL UP", "pull-up", "pullups", "pull-ups"]
)
def test_hyphens_spaces_and_case_do_not_matter(query):
    assert find(query) == "Pull-Up"


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("bench-press", "Bench Press"),
        ("benchpress", "Bench Press"),
        ("tbar row", "T-Bar Row"),
        ("t bar", "T-Bar Row"),
        ("45 degree", "45 Degree Back Extension"),
        ("45deg", "45 Degree Back Extension"),
    ],
)
def test_spacing_variants(query, name):
    assert find(query) == name


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("dead", "Deadlift"),  # prefix of a name beats a prefix of a later word
        ("overh", "Overhead Press"),
        ("bench pr", "Bench Press"),
        ("roman", "Romanian Deadlift"),
        ("close", "Close-Grip Bench Press"),
    ],
)
def test_prefix(query, name):
    assert find(query) == name


@pytest.mark.parametrize(
    ("query", "name"),
    [
        # From the first word on, this counts as a prefix and beats the later words of
        # Dumbbell Romanian Deadlift and Single-Leg Romanian Deadlift.
        ("rom dead", "Romanian Deadlift"),
        ("front sq", "Front Squat"),
        ("incl bench", "Incline Bench Press"),
        ("close grip", "Close-Grip Bench Press"),
        ("back ext", "45 Degree Back Extension"),
        ("bent row", "Bent-Over Row"),
    ],
)
def test_prefixes_of_words(query, name):
    assert find(query) == name


def test_initials_and_letters_in_order():
    assert find("cgbp") == "Close-Grip Bench Press"
    assert find("ibp") == "Incline Bench Press"
    assert find("bnchprs") == "Bench Press"
    assert find("rmndl") == "Romanian Deadlift"


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("bnech", "Bench Press"),
        ("deadlfit", "Deadlift"),
        ("squta", "Back Squat"),
        ("overhed pres", "Overhead Press"),
        ("pulup", "Pull-Up"),
    ],
)
def test_typos_resolve_when_clearly_best(query, name):
    assert find(query) == name


def test_ambiguous_lists_candidates():
    rows = [BY_NAME["Dumbbell Row"], BY_NAME["Barbell Row"], BY_NAME["Cable Row"]]
    with pytest.raises(AmbiguousExercise) as info:
        find_exercise("row", rows)
    assert str(info.value) == (
        "'row' could be: Barbell Row, Cable Row, Dumbbell Row; type more of the name"
    )


def test_prefixes_of_later_words_are_weaker_than_from_the_first():
    assert find("romanian") == "Romanian Deadlift"
    assert find("dumb rom") == "Dumbbell Romanian Deadlift"
    assert find("leg rom") == "Single-Leg Romanian Deadlift"
    assert [e.name for e in rank_exercises("rom", LIBRARY)] == [
        "Romanian Deadlift",
        "Dumbbell Romanian Deadlift",
        "Single-Leg Romanian Deadlift",
    ]


def test_ambiguous_lists_at_most_five():
    with pytest.raises(AmbiguousExercise) as info:
        find_exercise("row", [*LIBRARY, _ex("Seated Cable Row")])
    message = str(info.value)
    assert message.startswith("'row' could be: Barbell Row, Cable Row, Dumbbell Row, ")
    assert message.count("Row") == 5
    assert "and 1 more; type more of the name" in message


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("pull", ["Pull-Up", "Pullover"]),  # prefix of two names
        ("b", ["Back Squat", "Bench Press"]),
        ("bench d", ["Bench Dip"]),  # one: not ambiguous, see below
    ],
)
def test_ambiguity_within_the_strongest_tier(query, names):
    if len(names) == 1:
        assert find(query) == names[0]
        return
    with pytest.raises(AmbiguousExercise) as info:
        find(query)
    for name in names:
        assert name in str(info.value)


def test_exact_matches_of_two_exercises_are_ambiguous():
    exercises = [_ex("Hip Thrust", "ht"), _ex("Hammer Curl", "ht")]
    with pytest.raises(AmbiguousExercise, match="'ht' could be: Hammer Curl, Hip Thrust"):
        find_exercise("ht", exercises)


def test_a_typo_close_to_several_is_ambiguous():
    exercises = [_ex("Bench Press"), _ex("Bench Dip")]
    with pytest.raises(AmbiguousExercise, match="Bench Dip, Bench Press"):
        find_exercise("bnech", exercises)


def test_unknown_lists_the_closest_three():
    with pytest.raises(UnknownExercise) as info:
        find("skwat")
    message = str(info.value)
    assert message.startswith("no exercise matches 'skwat'; closest: Back Squat, ")
    assert message.count(",") == 2
    assert "\n" not in message


def test_unknown_with_fewer_exercises_or_none():
    with pytest.raises(UnknownExercise, match=r"^no exercise matches 'xyz'; closest: Dip$"):
        find_exercise("xyz", [BY_NAME["Dip"]])
    with pytest.raises(UnknownExercise, match=r"^no exercise matches 'xyz'$"):
        find_exercise("xyz", [])


@pytest.mark.parametrize("query", ["", "   ", "--", "!?"])
def test_no_name_at_all_is_unknown(query):
    with pytest.raises(UnknownExercise, match="no exercise name"):
        find(query)


def test_errors_are_entry_errors():
    assert issubclass(UnknownExercise, EntryError)
    assert issubclass(AmbiguousExercise, EntryError)
    assert issubclass(AmbiguousExercise, ValueError)


def test_rank_best_first():
    ranked = [e.name for e in rank_exercises("bench", LIBRARY)]
    assert ranked[0] == "Bench Press"
    assert set(ranked) == {
        "Bench Press",
        "Bench Dip",
        "Close-Grip Bench Press",
        "Incline Bench Press",
    }
    assert [e.name for e in rank_exercises("squat", LIBRARY)] == [
        "Back Squat",
        "Box Squat",
        "Front Squat",
    ]
    assert [e.name for e in rank_exercises("dead", LIBRARY)][:2] == [
        "Deadlift",
        "Romanian Deadlift",
    ]


def test_rank_limit_typos_and_no_match():
    assert len(rank_exercises("row", LIBRARY, limit=2)) == 2
    assert rank_exercises("bnech", LIBRARY)[0].name == "Bench Press"
    assert rank_exercises("zzzzzz", LIBRARY) == []


def test_rank_empty_query_lists_by_name():
    ranked = rank_exercises("", LIBRARY, limit=3)
    assert [e.name for e in ranked] == ["45 Degree Back Extension", "Back Squat", "Barbell Row"]


@given(st.text())
@example("")
@example("-")
@example("İ")
@example("row")
@example("x" * 1000)
def test_find_returns_a_listed_exercise_or_raises_entry_error(query):
    try:
        found = find_exercise(query, LIBRARY)
    except (UnknownExercise, AmbiguousExercise) as e:
        assert "\n" not in str(e)
    else:
        assert any(found is e for e in LIBRARY)


@given(st.text())
def test_rank_returns_listed_exercises(query):
    ranked = rank_exercises(query, LIBRARY, limit=5)
    assert len(ranked) <= 5
    assert all(any(r is e for e in LIBRARY) for r in ranked)


def test_a_loose_match_says_what_it_was_read_as() -> None:
    """'wohp' (for ohp) matches Cable Woodchop only by its letters in order: it is logged,
    and says so, rather than silently as another exercise."""
    from storage.entry.exercise_names import resolve_exercise
    from storage.model.exercise_library import BUILTIN_EXERCISES

    resolved = resolve_exercise("wohp", BUILTIN_EXERCISES)
    assert resolved.exercise.name == "Cable Woodchop"
    assert resolved.note().startswith("'wohp' is read as Cable Woodchop")
    assert resolve_exercise("bench press", BUILTIN_EXERCISES).note() == ""
    assert (
        "is Lying Leg Curl; also matches Seated Leg Curl"
        in resolve_exercise("leg curl", BUILTIN_EXERCISES).note()
    )
