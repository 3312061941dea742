"""A template's exercise typed as one line: `bench 3x5@8 rest 3:00 100`."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.entry.exercise_names import UnknownExercise
from storage.entry.set_line import EntryError
from storage.entry.template_line import parse_template_line, template_line
from storage.model.exercise_library import BUILTIN_EXERCISES
from storage.model.records import LB_PER_KG, TemplateItem


def read(text: str, unit: str = "kg") -> TemplateItem:
    return parse_template_line(text, BUILTIN_EXERCISES, unit)


def test_a_whole_line() -> None:
    assert read("bench 3x5@8 rest 3:00 100") == TemplateItem(
        exercise="bench-press", sets=3, reps=5, rpe=8, rest_s=180, weight_kg=100
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("row 4x8", TemplateItem(exercise="barbell-row", sets=4, reps=8)),
        ("Bench Press 3 x 5 @ 8.5", TemplateItem(exercise="bench-press", sets=3, reps=5, rpe=8.5)),
        ("ohp 3x8 rest 90s", TemplateItem(exercise="overhead-press", sets=3, reps=8, rest_s=90)),
        ("ohp 3x8 rest 2m", TemplateItem(exercise="overhead-press", sets=3, reps=8, rest_s=120)),
        ("ohp 3x8 rest 75", TemplateItem(exercise="overhead-press", sets=3, reps=8, rest_s=75)),
        (
            "squat 5x5 140 rest 3:00",
            TemplateItem(exercise="back-squat", sets=5, reps=5, rest_s=180, weight_kg=140),
        ),
        (
            "squat 5x5 102,5 kg",
            TemplateItem(exercise="back-squat", sets=5, reps=5, weight_kg=102.5),
        ),
    ],
)
def test_forms(text: str, expected: TemplateItem) -> None:
    assert read(text) == expected


def test_a_load_without_a_unit_is_in_the_users() -> None:
    assert read("squat 5x5 225", unit="lb").weight_kg == pytest.approx(225 / LB_PER_KG)
    assert read("squat 5x5 100kg", unit="lb").weight_kg == 100


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "nothing to add"),
        ("bench", "expected EXERCISE SETSxREPS"),
        ("3x5", "expected EXERCISE SETSxREPS"),
        ("bench 100x5", "target sets 100 is out of range"),
        ("bench 3x5@11", "RPE 11 is out of range"),
        ("bench 3x0", "target reps 0 is out of range"),
        ("bench 2.5x5", "target sets must be a whole number"),
        ("bench 3x5 rest", "rest needs a time"),
        ("bench 3x5 rest 9:99", "can't read the rest '9:99'"),
        ("bench 3x5 rest 2h", "can't read the rest '2h'"),
        ("bench 3x5 rest 2:00:00", "can't read the rest"),
        ("bench 3x5 rest 90:00", "rest 5400 is out of range"),
        ("bench 3x5 heavy", "can't read 'heavy'"),
        ("bench 3x5 100 stones", "unknown unit 'stones'"),
        ("bench 3x5 2000", "target load 2000 is out of range"),
        ("zzzz 3x5", "no exercise matches 'zzzz'"),
    ],
)
def test_what_is_wrong_is_said(text: str, says: str) -> None:
    with pytest.raises(EntryError) as error:
        read(text)
    assert says in str(error.value)


def test_an_unknown_name_is_the_names_error() -> None:
    with pytest.raises(UnknownExercise):
        read("frobnicate 3x5")


rpes = st.none() | st.integers(12, 20).map(lambda half: half / 2)
loads = st.none() | st.integers(0, 1998).map(lambda half: half / 2)


@given(
    exercise=st.sampled_from(BUILTIN_EXERCISES),
    sets=st.integers(1, 20),
    reps=st.integers(1, 100),
    rpe=rpes,
    rest_s=st.none() | st.integers(0, 3600),
    weight_kg=loads,
    unit=st.sampled_from(["kg", "lb"]),
    with_above=st.booleans(),
)
def test_a_line_reads_back_as_its_item(
    exercise, sets, reps, rpe, rest_s, weight_kg, unit, with_above
):
    item = TemplateItem(
        exercise=exercise.id,
        sets=sets,
        reps=reps,
        rpe=rpe,
        rest_s=rest_s,
        weight_kg=weight_kg,
        with_above=with_above,
    )
    back = read(template_line(item, exercise.name, unit), unit)
    assert back.weight_kg == pytest.approx(item.weight_kg, abs=1e-6)
    assert back == TemplateItem(**{**item.to_doc(), "weight_kg": back.weight_kg})


@given(st.text(max_size=60))
def test_any_text_is_read_or_refused_with_a_message(text: str) -> None:
    try:
        item = read(text)
    except EntryError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert 1 <= item.sets <= 20 and 1 <= item.reps <= 100


@given(
    st.sampled_from(["bench", "row", "squat"]),
    st.from_regex(
        r"[0-9]{1,3}x[0-9]{1,3}(@[0-9]{1,2}(\.5)?)?( rest [0-9]{1,2}:[0-5][0-9])?( [0-9]{1,4})?",
        fullmatch=True,
    ),
)
def test_lines_of_the_grammar_are_read_or_refused(name: str, rest: str) -> None:
    try:
        read(f"{name} {rest}")
    except EntryError as error:
        assert "out of range" in str(error)


def test_a_leading_ampersand_supersets_the_line_with_the_one_above() -> None:
    assert read("& row 3x8") == TemplateItem(
        exercise="barbell-row", sets=3, reps=8, with_above=True
    )
    assert read("&row 3x8 rest 90s").with_above
    assert not read("row 3x8").with_above
    assert template_line(read("& row 3x8"), "Barbell Row", "kg") == "& Barbell Row 3x8"


def test_a_template_item_with_no_superset_is_stored_as_before() -> None:
    item = TemplateItem(exercise="barbell-row", sets=3, reps=8)
    assert item.to_doc() == {"exercise": "barbell-row", "sets": 3, "reps": 8}
    assert TemplateItem(**item.to_doc()) == item
    grouped = TemplateItem(exercise="barbell-row", sets=3, reps=8, with_above=True)
    assert TemplateItem(**grouped.to_doc()) == grouped
