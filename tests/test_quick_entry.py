"""Quick entry: the one-line set grammar and its error messages."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from storage.models import LB_PER_KG
from storage.quick_entry import EXAMPLES, EntryError, SetSpec, parse_set


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bench 100x5@8", SetSpec("bench", 100.0, None, 5, rpe=8.0)),
        ("bench 100x5@8.5", SetSpec("bench", 100.0, None, 5, rpe=8.5)),
        ("squat 225lbx5x3", SetSpec("squat", 225.0, "lb", 5, sets=3)),
        ("100 x 5 @ 8.5", SetSpec(None, 100.0, None, 5, rpe=8.5)),
        ("pullup bw x8", SetSpec("pullup", 0.0, None, 8, bodyweight=True)),
        ("pullup bwx8", SetSpec("pullup", 0.0, None, 8, bodyweight=True)),
        ("dip bw+20x6", SetSpec("dip", 20.0, None, 6, bodyweight=True)),
        ("dip bw+20kg x 6", SetSpec("dip", 20.0, "kg", 6, bodyweight=True)),
        ("dip bw + 20 kg x 6", SetSpec("dip", 20.0, "kg", 6, bodyweight=True)),
        ("w bench 60x5", SetSpec("bench", 60.0, None, 5, warmup=True)),
        ("w 60x5", SetSpec(None, 60.0, None, 5, warmup=True)),
        ("w60x5", SetSpec(None, 60.0, None, 5, warmup=True)),
        ("romanian deadlift 100x8", SetSpec("romanian deadlift", 100.0, None, 8)),
        ("overhead press 60kgx5", SetSpec("overhead press", 60.0, "kg", 5)),
        ("bench 102.5x5", SetSpec("bench", 102.5, None, 5)),
        # A decimal comma reads as a decimal point.
        ("bench 100,5x5", SetSpec("bench", 100.5, None, 5)),
        ("bench 100x5@7,5", SetSpec("bench", 100.0, None, 5, rpe=7.5)),
        ("t-bar row 60x8", SetSpec("t-bar row", 60.0, None, 8)),
        ("pull-up bw+10x5", SetSpec("pull-up", 10.0, None, 5, bodyweight=True)),
        ("45 degree back extension 20x10", SetSpec("45 degree back extension", 20.0, None, 10)),
        ("  bench   100  x  5  ", SetSpec("bench", 100.0, None, 5)),
        ("BENCH 100KGX5", SetSpec("BENCH", 100.0, "kg", 5)),
        ("W Bench 60X5", SetSpec("Bench", 60.0, None, 5, warmup=True)),
        ("squat 225 lbs x 5 x 3 @ 9", SetSpec("squat", 225.0, "lb", 5, sets=3, rpe=9.0)),
        ("squat 140kgsx3", SetSpec("squat", 140.0, "kg", 3)),
        ("bench 100 × 5", SetSpec("bench", 100.0, None, 5)),
        ("bench100x5", SetSpec("bench", 100.0, None, 5)),
        ("bw x 12", SetSpec(None, 0.0, None, 12, bodyweight=True)),
        ("0x5", SetSpec(None, 0.0, None, 5)),
        ("bench 100x100x20@10", SetSpec("bench", 100.0, None, 100, sets=20, rpe=10.0)),
        ("bench 100x1@6", SetSpec("bench", 100.0, None, 1, rpe=6.0)),
        ("leg press 2000lbx5", SetSpec("leg press", 2000.0, "lb", 5)),
    ],
)
def test_parses(text, expected):
    assert parse_set(text) == expected


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("", ["nothing to log", "WEIGHTxREPS", EXAMPLES]),
        ("   ", ["nothing to log"]),
        ("100y5", ["can't read '100y5'", "expected WEIGHTxREPS", EXAMPLES]),
        ("bench", ["can't read 'bench'", EXAMPLES]),
        ("bench 100x", ["can't read", EXAMPLES]),
        ("bench 100x5x3x2", ["can't read", EXAMPLES]),
        ("bench -100x5", ["can't read", EXAMPLES]),
        ("1e400x5", ["can't read '1e400x5'", EXAMPLES]),
        ("nanx5", ["can't read 'nanx5'"]),
        ("infx5", ["can't read 'infx5'"]),
        ("pullup x8", ["no weight before the x", "bw x8"]),
        ("100stx5", ["unknown unit 'st'", "kg or lb", "100kgx5"]),
        ("bench 100 pounds x 5", ["unknown unit 'pounds'", "kg or lb"]),
        ("pullup bwkg x8", ["a unit needs a number", "bw+20kg"]),
        ("bench 1000kgx5", ["weight must be", "under 1000 kg", "'1000kg'"]),
        ("bench 2205lbx5", ["weight must be", "2204.6 lb", "'2205lb'"]),
        ("bench 2300x5", ["weight must be", "'2300'"]),
        ("bench " + "9" * 150 + "x5", ["weight must be"]),
        ("bench 100x0", ["reps must be a whole number from 1 to 100", "100x5", "got '0'"]),
        ("bench 100x101", ["reps must be", "got '101'"]),
        ("bench 100x5.5", ["reps must be a whole number", "got '5.5'"]),
        ("bench 100x" + "9" * 5000, ["entry too long"]),
        ("bench 100x" + "9" * 100, ["reps must be"]),
        ("bench 100x5x0", ["sets must be a whole number from 1 to 20", "225x5x3", "got '0'"]),
        ("bench 100x5x21", ["sets must be", "got '21'"]),
        ("bench 100x5@5", ["RPE must be 6-10 in steps of 0.5, e.g. @8 or @8.5", "got '@5'"]),
        ("bench 100x5@11", ["RPE must be 6-10", "got '@11'"]),
        ("bench 100x5@8.25", ["RPE must be 6-10 in steps of 0.5", "got '@8.25'"]),
        ("bench 100x5@", ["can't read", EXAMPLES]),
    ],
)
def test_errors_say_what_is_wrong_and_what_is_accepted(text, fragments):
    with pytest.raises(EntryError) as info:
        parse_set(text)
    message = str(info.value)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message


def test_entry_error_is_a_value_error():
    assert issubclass(EntryError, ValueError)


def test_message_is_one_short_line_for_messy_input():
    with pytest.raises(EntryError) as info:
        parse_set("bench\n100\ty5 " + "z" * 150)
    message = str(info.value)
    assert "\n" not in message and "\t" not in message
    assert "'bench 100 y5 zzz" in message
    assert len(message) < 150


def test_weight_kg_converts_lb_and_uses_the_default_unit():
    assert parse_set("squat 225lbx5").weight_kg("kg") == pytest.approx(225 / LB_PER_KG)
    assert parse_set("squat 100kgx5").weight_kg("lb") == 100.0
    assert parse_set("squat 225x5").weight_kg("lb") == pytest.approx(225 / LB_PER_KG)
    assert parse_set("squat 225x5").weight_kg("kg") == 225.0
    assert parse_set("squat 225x5").weight_kg("lbs") == pytest.approx(225 / LB_PER_KG)
    assert parse_set("pullup bw x8").weight_kg("kg") == 0.0


def test_weight_kg_rejects_a_unitless_weight_too_heavy_in_kg():
    spec = parse_set("leg press 1500x5")  # fine in lb, too heavy in kg
    assert spec.weight_kg("lb") == pytest.approx(1500 / LB_PER_KG)
    with pytest.raises(EntryError, match="under 1000 kg"):
        spec.weight_kg("kg")


def test_weight_kg_rejects_an_unknown_default_unit():
    with pytest.raises(ValueError, match="unknown unit"):
        parse_set("bench 100x5").weight_kg("stone")


GRAMMAR_CHARS = "0123456789.,xX×@+ bwkgls-Wqé\n"


@given(st.text() | st.text(alphabet=GRAMMAR_CHARS))
@example("1e400x5")
@example("nan x 5")
@example("bench 100x" + "9" * 5000)
@example("x" * 10_000)
def test_parse_set_raises_only_entry_error(text):
    try:
        spec = parse_set(text)
    except EntryError as e:
        assert "\n" not in str(e)
    else:
        assert isinstance(spec, SetSpec)


RPES = [6 + i / 2 for i in range(9)]
EXERCISES = [
    None,
    "bench",
    "Bench Press",
    "t-bar row",
    "pull-up",
    "romanian deadlift",
    "45 degree back extension",
]
UNIT_SPELLINGS = {"kg": ["kg", "kgs", "KG"], "lb": ["lb", "lbs", "Lb"]}


@st.composite
def set_lines(draw):
    """A valid quick-entry line, spaced and spelled in any accepted way, and what it means."""
    space = st.sampled_from(["", " ", "  "])
    exercise = draw(st.sampled_from(EXERCISES))
    bodyweight = draw(st.booleans())
    plain_bw = bodyweight and draw(st.booleans())
    unit = None if plain_bw else draw(st.sampled_from([None, "kg", "lb"]))
    weight = 0.0 if plain_bw else draw(st.integers(0, 3999)) / 4  # under 1000 in any unit
    reps = draw(st.integers(1, 100))
    sets = draw(st.integers(1, 20))
    rpe = draw(st.none() | st.sampled_from(RPES))
    warmup = draw(st.booleans())

    number = f"{weight:g}"
    if draw(st.booleans()):
        number = number.replace(".", ",")
    if plain_bw:
        load = "bw"
    else:
        load = (f"bw{draw(space)}+{draw(space)}" if bodyweight else "") + number
        if unit:
            load += draw(space) + draw(st.sampled_from(UNIT_SPELLINGS[unit]))
    line = ("w " if warmup else "") + (f"{exercise} " if exercise else "") + load
    line += f"{draw(space)}x{draw(space)}{reps}"
    if sets != 1 or draw(st.booleans()):
        line += f"{draw(space)}x{draw(space)}{sets}"
    if rpe is not None:
        line += f"{draw(space)}@{draw(space)}{rpe:g}"
    expected = SetSpec(exercise, weight, unit, reps, sets, rpe, warmup, bodyweight)
    return line, expected


@given(set_lines())
def test_valid_lines_round_trip(case):
    line, expected = case
    assert parse_set(line) == expected
