"""Quick entry: the one-line set grammar and its error messages."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from storage.entry.set_line import (
    EXAMPLES,
    MAX_KG,
    WORKOUT_EXAMPLES,
    EntryError,
    LastSet,
    SetSpec,
    is_set_line,
    parse_set,
    parse_workout_entry,
)
from storage.model.records import LB_PER_KG


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
        ("bench 100x1001", ["reps must be", "got '1001'"]),
        ("bench 100x5.5", ["reps must be a whole number", "got '5.5'"]),
        ("bench 100x" + "9" * 5000, ["entry too long"]),
        ("bench 100x" + "9" * 100, ["reps must be"]),
        ("bench 100x5x0", ["sets must be a whole number from 1 to 20", "225x5x3", "got '0'"]),
        ("bench 100x5x21", ["sets must be", "got '21'"]),
        ("bench 100x5@5", ["RPE must be 6-10 in steps of 0.5, e.g. @8 or @8.5", "got '@5'"]),
        ("bench 100x5@11", ["RPE must be 6-10", "got '@11'"]),
        ("bench 100x5@8.25", ["RPE must be 6-10 in steps of 0.5", "got '@8.25'"]),
        ("bench 100x5@", ["can't read", EXAMPLES]),
        ("d w bench 60x5", ["can't read 'd w bench 60x5'", "one set type at a time"]),
        ("w f60x5", ["one set type at a time"]),
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


# The workout screen: parse_workout_entry, with forms relative to the last set.

LAST = LastSet(100.0, 5, rpe=8.0)
LAST_225LB = LastSet(225 / LB_PER_KG, 5, rpe=9.0, warmup=True)  # 102.058... kg
LAST_BW20 = LastSet(20.0, 6, rpe=8.5, bodyweight=True)
LAST_BW = LastSet(0.0, 10, bodyweight=True)


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        # Absolute lines are read as by parse_set, with the user's unit filled in.
        ("100x5", "kg", SetSpec(None, 100.0, "kg", 5)),
        ("100x5", "lb", SetSpec(None, 100.0, "lb", 5)),
        ("100x5@8", "kg", SetSpec(None, 100.0, "kg", 5, rpe=8.0)),
        ("100 x 5 @ 8.5", "kg", SetSpec(None, 100.0, "kg", 5, rpe=8.5)),
        ("225lbx5", "kg", SetSpec(None, 225.0, "lb", 5)),
        ("100kgx5", "lb", SetSpec(None, 100.0, "kg", 5)),
        ("100x5x3", "kg", SetSpec(None, 100.0, "kg", 5, sets=3)),
        ("bw x10", "kg", SetSpec(None, 0.0, "kg", 10, bodyweight=True)),
        ("bw+20x5", "kg", SetSpec(None, 20.0, "kg", 5, bodyweight=True)),
        ("bw+45x5", "lb", SetSpec(None, 45.0, "lb", 5, bodyweight=True)),
        ("w 60x5", "kg", SetSpec(None, 60.0, "kg", 5, warmup=True)),
        ("bench 100x5@8", "kg", SetSpec("bench", 100.0, "kg", 5, rpe=8.0)),
        ("  bench 100x5  ", "lb", SetSpec("bench", 100.0, "lb", 5)),
        ("1500x5", "lb", SetSpec(None, 1500.0, "lb", 5)),
        # +AMOUNT / -AMOUNT: the last weight (kg) plus or minus AMOUNT, in the user's unit
        # unless one is typed; the result is in kg. RPE is the typed one, not the last's.
        ("+2.5x5", "kg", SetSpec(None, 102.5, "kg", 5)),
        ("-5x8", "kg", SetSpec(None, 95.0, "kg", 8)),
        ("+2.5x5@8", "kg", SetSpec(None, 102.5, "kg", 5, rpe=8.0)),
        ("+2.5x5x3", "kg", SetSpec(None, 102.5, "kg", 5, sets=3)),
        ("+2.5x5x3@9.5", "kg", SetSpec(None, 102.5, "kg", 5, sets=3, rpe=9.5)),
        ("+ 2.5 x 5 @ 8", "kg", SetSpec(None, 102.5, "kg", 5, rpe=8.0)),
        ("+2,5x5", "kg", SetSpec(None, 102.5, "kg", 5)),
        ("+2.5kgx5", "lb", SetSpec(None, 102.5, "kg", 5)),
        ("+5lbx5", "kg", SetSpec(None, 100 + 5 / LB_PER_KG, "kg", 5)),
        ("+5 lbs x 5", "kg", SetSpec(None, 100 + 5 / LB_PER_KG, "kg", 5)),
        ("+5x5", "lb", SetSpec(None, 100 + 5 / LB_PER_KG, "kg", 5)),
        ("-10x8", "lb", SetSpec(None, 100 - 10 / LB_PER_KG, "kg", 8)),
        ("+0x5", "kg", SetSpec(None, 100.0, "kg", 5)),
        ("-100x5", "kg", SetSpec(None, 0.0, "kg", 5)),
        ("+2.5×5", "kg", SetSpec(None, 102.5, "kg", 5)),
        ("+2.5X5", "kg", SetSpec(None, 102.5, "kg", 5)),
        ("w +2.5x5", "kg", SetSpec(None, 102.5, "kg", 5, warmup=True)),
        ("w-20x5", "kg", SetSpec(None, 80.0, "kg", 5, warmup=True)),
        # xREPS: the last weight again, with the reps (and sets, RPE) typed.
        ("x6", "kg", SetSpec(None, 100.0, "kg", 6)),
        ("x6", "lb", SetSpec(None, 100.0, "kg", 6)),
        ("x 6", "kg", SetSpec(None, 100.0, "kg", 6)),
        ("X6", "kg", SetSpec(None, 100.0, "kg", 6)),
        ("×6", "kg", SetSpec(None, 100.0, "kg", 6)),
        ("x6@8", "kg", SetSpec(None, 100.0, "kg", 6, rpe=8.0)),
        ("x6x3", "kg", SetSpec(None, 100.0, "kg", 6, sets=3)),
        (" x 6 x 3 @ 9 ", "kg", SetSpec(None, 100.0, "kg", 6, sets=3, rpe=9.0)),
        ("w x6", "kg", SetSpec(None, 100.0, "kg", 6, warmup=True)),
        # An empty line: the last set again, exactly (RPE and flags too), one set.
        ("", "kg", SetSpec(None, 100.0, "kg", 5, rpe=8.0)),
        ("   ", "lb", SetSpec(None, 100.0, "kg", 5, rpe=8.0)),
        ("\t\n", "kg", SetSpec(None, 100.0, "kg", 5, rpe=8.0)),
    ],
)
def test_workout_entry(text, unit, expected):
    assert parse_workout_entry(text, LAST, unit) == expected


@pytest.mark.parametrize(
    ("text", "last", "expected"),
    [
        # Bodyweight: + and - change the added load; x6 and Enter keep bodyweight.
        ("+5x5", LAST_BW20, SetSpec(None, 25.0, "kg", 5, bodyweight=True)),
        ("-5x5", LAST_BW20, SetSpec(None, 15.0, "kg", 5, bodyweight=True)),
        ("-20x5", LAST_BW20, SetSpec(None, 0.0, "kg", 5, bodyweight=True)),
        # Below bodyweight the load becomes assistance, and back.
        ("-25x5", LAST_BW20, SetSpec(None, 5.0, "kg", 5, bodyweight=True, assisted=True)),
        ("-0.5x5", LAST_BW, SetSpec(None, 0.5, "kg", 5, bodyweight=True, assisted=True)),
        ("+10x5", LAST_BW, SetSpec(None, 10.0, "kg", 5, bodyweight=True)),
        ("x8", LAST_BW20, SetSpec(None, 20.0, "kg", 8, bodyweight=True)),
        ("x8", LAST_BW, SetSpec(None, 0.0, "kg", 8, bodyweight=True)),
        ("", LAST_BW20, SetSpec(None, 20.0, "kg", 6, rpe=8.5, bodyweight=True)),
        ("", LAST_BW, SetSpec(None, 0.0, "kg", 10, bodyweight=True)),
        # A bodyweight line after a loaded set, and the other way round, is absolute.
        ("bw x8", LAST, SetSpec(None, 0.0, "kg", 8, bodyweight=True)),
        ("100x5", LAST_BW20, SetSpec(None, 100.0, "kg", 5)),
        # The warm-up flag is copied only by the empty-line repeat.
        ("", LAST_225LB, SetSpec(None, 225 / LB_PER_KG, "kg", 5, rpe=9.0, warmup=True)),
        ("x5", LAST_225LB, SetSpec(None, 225 / LB_PER_KG, "kg", 5)),
        ("+10x5", LAST_225LB, SetSpec(None, 225 / LB_PER_KG + 10, "kg", 5)),
        # Absolute lines don't need a last set.
        ("100x5", None, SetSpec(None, 100.0, "kg", 5)),
        ("bench bw+20x5@8", None, SetSpec("bench", 20.0, "kg", 5, rpe=8.0, bodyweight=True)),
    ],
)
def test_workout_entry_from_a_last_set(text, last, expected):
    assert parse_workout_entry(text, last, "kg") == expected


def test_repeating_keeps_the_last_weight_to_the_last_bit():
    for text in ["", "x5", "+0x5", "+0lbx5"]:
        for unit in ["kg", "lb"]:
            spec = parse_workout_entry(text, LAST_225LB, unit)
            assert spec.weight_kg(unit) == pytest.approx(225 / LB_PER_KG, rel=0, abs=1e-9)
    assert parse_workout_entry("", LastSet(102.058, 5), "lb").weight_kg("lb") == 102.058


def test_plus_then_minus_in_pounds_returns_to_the_start():
    up = parse_workout_entry("+10x5", LAST_225LB, "lb")
    assert up.weight_kg("lb") == pytest.approx((225 + 10) / LB_PER_KG, abs=1e-9)
    down = parse_workout_entry("-10x5", LastSet(up.weight_kg("lb"), 5), "lb")
    assert down.weight_kg("lb") == pytest.approx(225 / LB_PER_KG, rel=0, abs=1e-9)
    # Taking off exactly what is on leaves 0, not a float-noise error.
    assert parse_workout_entry("-225lbx5", LAST_225LB, "kg").weight == 0.0


NO_LAST = ["no previous set of this exercise today to start from", "e.g. 100x5"]


@pytest.mark.parametrize(
    ("text", "last", "unit", "fragments"),
    [
        # Relative forms and the empty line need a last set.
        (
            "",
            None,
            "kg",
            ["an empty line repeats the last set, but there is no previous", *NO_LAST],
        ),
        (
            "   ",
            None,
            "lb",
            ["an empty line repeats the last set, but there is no previous", *NO_LAST],
        ),
        ("x6", None, "kg", ["'x6' starts from the last set", *NO_LAST]),
        ("x6@8", None, "kg", NO_LAST),
        ("x6x3", None, "kg", NO_LAST),
        ("+2.5x5", None, "kg", ["'+2.5x5'", *NO_LAST]),
        ("-5x8", None, "kg", ["'-5x8'", *NO_LAST]),
        ("w +2.5x5", None, "kg", NO_LAST),
        # Below 0 and over the limit.
        ("-105x5", LAST, "kg", ["that takes the weight below 0", "the last set was 100 kg"]),
        ("-105x5", LAST, "kg", ["'-105x5' takes off 105 kg", WORKOUT_EXAMPLES]),
        ("-230x5", LAST_225LB, "lb", ["below 0", "was 225 lb", "takes off 230 lb"]),
        ("+10s", LAST, "kg", ["'+10s' adds time to a timed hold", "e.g. 60s"]),
        ("+5m", LAST_BW, "kg", ["'+5m' adds distance", "e.g. 40kg 30m"]),
        ("+900x5", LAST, "kg", ["that takes the weight to 1000 kg", "under 1000 kg"]),
        ("+2000lbx5", LAST, "lb", ["takes the weight to 2220.46 lb", "2204.6 lb", "+2.5x5"]),
        # Bad parts of a relative form.
        ("+2.5stx5", LAST, "kg", ["unknown unit 'st' in '+2.5stx5'", "kg or lb", "+5lbx5"]),
        ("+2.5x0", LAST, "kg", ["reps must be a whole number from 1 to 100", "got '0'"]),
        ("x1001", LAST, "kg", ["reps must be", "got '1001'"]),
        ("x5.5", LAST, "kg", ["reps must be a whole number", "got '5.5'"]),
        ("x6x21", LAST, "kg", ["sets must be a whole number from 1 to 20", "got '21'"]),
        ("x6@5", LAST, "kg", ["RPE must be 6-10 in steps of 0.5", "got '@5'"]),
        ("+2.5x5@8.25", LAST, "kg", ["RPE must be 6-10", "got '@8.25'"]),
        # Unreadable lines name the relative forms too.
        ("+2.5", LAST, "kg", ["can't read '+2.5'", "expected WEIGHTxREPS", WORKOUT_EXAMPLES]),
        ("+x5", LAST, "kg", ["can't read '+x5'", WORKOUT_EXAMPLES]),
        ("x", LAST, "kg", ["can't read 'x'", WORKOUT_EXAMPLES]),
        ("x6@", LAST, "kg", ["can't read", WORKOUT_EXAMPLES]),
        ("+-2x5", LAST, "kg", ["can't read", WORKOUT_EXAMPLES]),
        ("bench", LAST, "kg", ["can't read 'bench'", "+2.5x5", "x6", "Enter to repeat"]),
        ("100y5", None, "kg", ["can't read '100y5'", WORKOUT_EXAMPLES]),
        ("w", LAST, "kg", ["can't read 'w'", WORKOUT_EXAMPLES]),
        ("x6 bench", LAST, "kg", ["can't read 'x6 bench'", WORKOUT_EXAMPLES]),
        ("bench 100x" + "9" * 500, LAST, "kg", ["entry too long", WORKOUT_EXAMPLES]),
        # A relative form after a name: the name belongs with a weight.
        ("bench x6", LAST, "kg", ["can't read 'bench x6'", "'x6' starts from the selected"]),
        ("bench x6", LAST, "kg", ["without a name", "e.g. 'bench 100x5' or 'bench bw x8'"]),
        ("pullup x8", None, "kg", ["'x8' starts from", "'pullup bw x8'"]),
        ("bench +2.5x5", LAST, "kg", ["'+2.5x5' starts from the selected exercise's last set"]),
        ("bench+2.5x5@8", LAST, "kg", ["'+2.5x5' starts from", "'bench 100x5'"]),
        ("w bench -5x8", LAST, "kg", ["'-5x8' starts from", "'bench 100x5'"]),
        # Errors of absolute lines are parse_set's, plus the kg bound in the user's unit.
        ("bench 100x0", LAST, "kg", ["reps must be", "got '0'"]),
        ("bench 100stx5", LAST, "kg", ["unknown unit 'st'"]),
        ("1500x5", LAST, "kg", ["weight must be", "under 1000 kg", "'1500kg'"]),
        ("2300x5", LAST, "lb", ["weight must be", "'2300'"]),
    ],
)
def test_workout_entry_errors(text, last, unit, fragments):
    with pytest.raises(EntryError) as info:
        parse_workout_entry(text, last, unit)
    message = str(info.value)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message


def test_workout_entry_rejects_an_unknown_user_unit():
    with pytest.raises(ValueError, match="unknown unit") as info:
        parse_workout_entry("x6", LAST, "stone")
    assert not isinstance(info.value, EntryError)
    assert parse_workout_entry("x6", LAST, "LBS") == SetSpec(None, 100.0, "kg", 6)


def test_relative_results_are_plain_work_sets_unless_marked():
    last = LastSet(100.0, 5, rpe=9.5, warmup=True)
    for text in ["x5", "+2.5x5", "-2.5x5", "x5x3"]:
        spec = parse_workout_entry(text, last, "kg")
        assert spec.rpe is None and not spec.warmup and spec.exercise is None


WORKOUT_CHARS = GRAMMAR_CHARS + "+-×X\t"

any_float = st.floats(allow_nan=True, allow_infinity=True)
any_last_set = st.builds(
    LastSet,
    weight_kg=any_float,
    reps=st.integers(),
    rpe=st.none() | any_float,
    warmup=st.booleans(),
    bodyweight=st.booleans(),
)
valid_last_set = st.builds(
    LastSet,
    weight_kg=st.floats(0, MAX_KG, exclude_max=True),
    reps=st.integers(1, 100),
    rpe=st.none() | st.sampled_from(RPES),
    warmup=st.booleans(),
    bodyweight=st.booleans(),
)
units = st.sampled_from(["kg", "lb"])


@given(
    st.text() | st.text(alphabet=WORKOUT_CHARS),
    st.none() | any_last_set | valid_last_set,
    units,
)
@example("", None, "kg")
@example("-1x5", LastSet(float("nan"), 5), "kg")
@example("+1x5", LastSet(float("inf"), 5), "lb")
@example("+" + "9" * 190 + "x5", LastSet(0.0, 5), "kg")
@example("x" * 10_000, None, "kg")
def test_parse_workout_entry_raises_only_entry_error(text, last, unit):
    try:
        spec = parse_workout_entry(text, last, unit)
    except EntryError as e:
        assert "\n" not in str(e)
    else:
        assert isinstance(spec, SetSpec)
        assert spec.unit in ("kg", "lb")


@given(valid_last_set, units, st.sampled_from(["", " ", "\t", "  \n "]))
@example(LastSet(225 / LB_PER_KG, 5), "lb", "")
@example(LastSet(102.058, 5, rpe=8.0, warmup=True), "lb", "")
def test_repeat_round_trips_any_last_set(last, unit, text):
    spec = parse_workout_entry(text, last, unit)
    assert spec == SetSpec(
        None, last.weight_kg, "kg", last.reps, 1, last.rpe, last.warmup, last.bodyweight
    )
    assert spec.weight_kg(unit) == last.weight_kg


@given(
    st.floats(0, 500),
    st.integers(0, 800).map(lambda quarters: quarters / 4),  # up to 200, in quarters
    st.sampled_from(["", "kg", "lb", " lbs"]),
    units,
    st.booleans(),
)
@example(225 / LB_PER_KG, 2.5, "", "lb", False)
@example(0.0, 0.25, "lb", "kg", True)
@example(0.1, 0.2, "", "kg", False)
def test_plus_then_minus_returns_to_the_last_weight(weight, amount, typed_unit, unit, bw):
    amount_text = f"{amount:g}{typed_unit}"
    up = parse_workout_entry(f"+{amount_text}x5", LastSet(weight, 5, bodyweight=bw), unit)
    assert up.bodyweight is bw
    assert up.weight_kg(unit) >= weight
    down = parse_workout_entry(
        f"-{amount_text}x5", LastSet(up.weight_kg(unit), 5, bodyweight=bw), unit
    )
    assert down.bodyweight is bw
    assert down.weight_kg(unit) == pytest.approx(weight, rel=0, abs=1e-9)


@given(set_lines(), st.none() | valid_last_set, units)
def test_workout_entry_reads_valid_lines_like_parse_set(case, last, unit):
    line, expected = case
    assume(expected.unit or expected.weight < 1000 or unit == "lb")
    assert parse_workout_entry(line, last, unit) == replace(expected, unit=expected.unit or unit)


@pytest.mark.parametrize("text", ["d w bench 60x5", "d w x5", "w d +2.5x5", "f a 100x5"])
def test_two_set_type_marks_are_refused_on_the_workout_screen(text):
    """`d w bench 60x5` once logged a drop set of an exercise read as "w bench"."""
    last = LastSet(weight_kg=60.0, reps=5)
    with pytest.raises(EntryError, match="one set type at a time"):
        parse_workout_entry(text, last, "kg")
    assert is_set_line(text)
