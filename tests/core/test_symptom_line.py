"""The symptom line typed on the symptom screen: the grammar and its error messages, and
what a line does to an entry."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.entry.line_items import WellnessEntryError
from storage.entry.symptom_line import SymptomInput, parse_symptom_entry
from storage.model.records import MUSCLES, SymptomEntry

DELTS = {"front_delts": 2, "side_delts": 2, "rear_delts": 2}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "weak 3 energy 2 mood 3 mot 2 quads 4 hams 5 chest 2",
            SymptomInput(
                weakness=3,
                energy=2,
                mood=3,
                motivation=2,
                soreness={"quads": 4, "hamstrings": 5, "chest": 2},
            ),
        ),
        ("weakness 0", SymptomInput(weakness=0)),
        ("weak10", SymptomInput(weakness=10)),
        ("en 5", SymptomInput(energy=5)),
        ("energy 1", SymptomInput(energy=1)),
        ("motivation 4", SymptomInput(motivation=4)),
        ("MOOD 2", SymptomInput(mood=2)),
        ("glutes 1 lats 2", SymptomInput(soreness={"glutes": 1, "lats": 2})),
        ("traps 3", SymptomInput(soreness={"upper_back": 3})),
        ("upper back 3", SymptomInput(soreness={"upper_back": 3})),
        ("upper_back 3", SymptomInput(soreness={"upper_back": 3})),
        ("delts 2", SymptomInput(soreness=DELTS)),
        ("front delts 1", SymptomInput(soreness={"front_delts": 1})),
        ("fdelts 1", SymptomInput(soreness={"front_delts": 1})),
        ("side delts 1", SymptomInput(soreness={"side_delts": 1})),
        ("sdelts 1", SymptomInput(soreness={"side_delts": 1})),
        ("rear delts 1", SymptomInput(soreness={"rear_delts": 1})),
        ("rdelts 1", SymptomInput(soreness={"rear_delts": 1})),
        ("bis 2 tris 3", SymptomInput(soreness={"biceps": 2, "triceps": 3})),
        ("forearms 1 calves 2", SymptomInput(soreness={"forearms": 1, "calves": 2})),
        ("abs 0", SymptomInput(soreness={"abs": 0})),
        ("lowback 6", SymptomInput(soreness={"lower_back": 6})),
        ("lower back 6", SymptomInput(soreness={"lower_back": 6})),
        ("adductors 2", SymptomInput(soreness={"adductors": 2})),
        ("adds 2", SymptomInput(soreness={"adductors": 2})),
        ("chest 2", SymptomInput(soreness={"chest": 2})),
        ("pecs 2", SymptomInput(soreness={"chest": 2})),
        ("Front  Delts4", SymptomInput(soreness={"front_delts": 4})),
        ("mood 3 n legs feel heavy", SymptomInput(mood=3, notes="legs feel heavy")),
    ],
)
def test_symptom_forms(text: str, expected: SymptomInput) -> None:
    assert parse_symptom_entry(text) == expected


UNKNOWN_ITEM = (
    ": weak, energy, mood, mot, or a muscle such as quads, hams, glutes, lats, delts, bis, "
    "tris, calves, abs, lowback"
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "nothing to log: e.g. weak 3 energy 2 mood 3 mot 2 quads 4 hams 5 chest 2"),
        ("mood 7", "mood 7 is out of range: mood is 1-5"),
        ("mood 0", "mood 0 is out of range: mood is 1-5"),
        ("energy 6", "energy 6 is out of range: energy is 1-5"),
        ("mot 9", "mot 9 is out of range: motivation is 1-5"),
        ("weak 11", "weak 11 is out of range: weakness is 0-10"),
        ("quads 12", "quads 12 is out of range: soreness is 0-10"),
        ("quadz 3", "unknown item 'quadz'" + UNKNOWN_ITEM),
        ("front 3", "unknown item 'front'" + UNKNOWN_ITEM),
        ("3 quads", "unknown item '3'" + UNKNOWN_ITEM),
        ("mood", "mood needs a value: mood is a whole number 1-5, e.g. mood 3"),
        ("mood 3.5", "can't read 'mood 3.5': mood is a whole number 1-5, e.g. mood 3"),
        ("hams x", "can't read 'hams x': soreness is a whole number 0-10, e.g. hams 4"),
        ("mood 3 mood 4", "mood given twice (again in 'mood 4'): give each item once"),
        ("weak 3 weakness 4", "weakness given twice (again in 'weakness 4'): give each item once"),
        (
            "delts 2 front delts 3",
            "front delts soreness given twice (again in 'front delts 3'): give each item once",
        ),
        (
            "lowback 2 lower back 3",
            "lower back soreness given twice (again in 'lower back 3'): give each item once",
        ),
        ("note", "note needs text: the rest of the line is the note, e.g. n slept badly"),
    ],
)
def test_symptom_errors(text: str, message: str) -> None:
    with pytest.raises(WellnessEntryError) as info:
        parse_symptom_entry(text)
    assert str(info.value) == message


GRAMMAR = "sqwpcbtnoeakmdlhrfgxyz0123456789.,:+-_ \t"


@given(st.text() | st.text(alphabet=GRAMMAR))
def test_symptom_raises_only_its_error(text: str) -> None:
    try:
        result = parse_symptom_entry(text)
    except WellnessEntryError as e:
        assert "\n" not in str(e)
    else:
        assert all(m in MUSCLES and 0 <= v <= 10 for m, v in result.soreness.items())


# A note as the round trip can carry it: no surrounding space, starting with a letter.
notes = st.from_regex(r"[A-Za-z][A-Za-z0-9 ,.!']{0,40}", fullmatch=True).map(str.strip)
gap = st.sampled_from(["", " ", "  "])


SCALE_NAMES = {
    "weakness": ("weak", "weakness"),
    "energy": ("energy", "en"),
    "mood": ("mood",),
    "motivation": ("mot", "motivation"),
}
SCALE_RANGES = {"weakness": (0, 10), "energy": (1, 5), "mood": (1, 5), "motivation": (1, 5)}


@st.composite
def symptom_lines(draw: st.DrawFn) -> tuple[SymptomInput, str]:
    """A valid SymptomInput and a line for it, items in a random order and spelling."""
    items: list[str] = []
    fields: dict[str, object] = {}
    for name, spellings in SCALE_NAMES.items():
        if draw(st.booleans()):
            value = draw(st.integers(*SCALE_RANGES[name]))
            items.append(draw(st.sampled_from(spellings)) + draw(gap) + str(value))
            fields[name] = value
    soreness = draw(st.dictionaries(st.sampled_from(MUSCLES), st.integers(0, 10)))
    for muscle, value in soreness.items():
        spelling = draw(st.sampled_from([muscle, muscle.replace("_", " ")]))
        items.append(spelling + draw(gap) + str(value))
    items = draw(st.permutations(items))
    if draw(st.booleans()) or not items:
        note = draw(notes.filter(bool))
        items.append("n " + note)
        fields["notes"] = note
    return SymptomInput(soreness=soreness, **fields), " ".join(items)


@given(symptom_lines())
def test_symptom_round_trip(case: tuple[SymptomInput, str]) -> None:
    expected, line = case
    assert parse_symptom_entry(line) == expected


# -- applying a line to the day's entry ----------------------------------------------------


def test_a_symptom_line_changes_what_it_names() -> None:
    before = SymptomEntry(
        timestamp=datetime(2026, 3, 10, 7, tzinfo=UTC),
        weakness=2,
        energy=4,
        mood=4,
        soreness={"quads": 5, "chest": 1},
        notes="morning",
    )
    after = parse_symptom_entry("weak 3 quads 2 hams 6").apply_to(before)
    assert (after.weakness, after.energy, after.mood, after.notes) == (3, 4, 4, "morning")
    assert after.soreness == {"quads": 2, "chest": 1, "hamstrings": 6}
    assert before.soreness == {"quads": 5, "chest": 1}  # the entry it started from is untouched
