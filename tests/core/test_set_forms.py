"""One grammar for every kind of set: reps, timed holds, distances, assisted bodyweight, and
the set-type marks. Every line either reads or says why (never anything else), and every
set typed back (`typed_entry`) reads as the same set."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from storage.entry.exercise_names import find_exercise
from storage.entry.set_line import (
    EntryError,
    LastSet,
    SetSpec,
    parse_set,
    parse_workout_entry,
    typed_distance,
    typed_duration,
    typed_entry,
    typed_set,
)
from storage.model.exercise_library import BUILTIN_EXERCISES
from storage.model.records import SetEntry
from tests.support.set_strategies import a_set, sets

FEET = 0.3048
MILE = 1609.344


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("plank 60s", SetSpec("plank", 0.0, None, 0, duration_s=60)),
        ("plank 1:30", SetSpec("plank", 0.0, None, 0, duration_s=90)),
        ("plank 2min", SetSpec("plank", 0.0, None, 0, duration_s=120)),
        ("plank 45 sec", SetSpec("plank", 0.0, None, 0, duration_s=45)),
        ("20kg x 45s", SetSpec(None, 20.0, "kg", 0, duration_s=45)),
        ("plank bw+10x60s", SetSpec("plank", 10.0, None, 0, bodyweight=True, duration_s=60)),
        ("carry 40kg 30m", SetSpec("carry", 40.0, "kg", 0, distance_m=30.0)),
        ("farmer's carry 40 x 30m", SetSpec("farmer's carry", 40.0, None, 0, distance_m=30.0)),
        ("run 5km 25:00", SetSpec("run", 0.0, None, 0, duration_s=1500, distance_m=5000.0)),
        ("row 2000m 7:45", SetSpec("row", 0.0, None, 0, duration_s=465, distance_m=2000.0)),
        ("run 1mi 7:30", SetSpec("run", 0.0, None, 0, duration_s=450, distance_m=MILE)),
        ("sled 90lb 100ft", SetSpec("sled", 90.0, "lb", 0, distance_m=30.48)),
        (
            "marathon 42.195km 3:30:00",
            SetSpec("marathon", 0.0, None, 0, 1, None, False, False, False, 12600, 42195.0),
        ),
        ("pull-up bw-20x8", SetSpec("pull-up", 20.0, None, 8, bodyweight=True, assisted=True)),
        ("bw - 20kg x 8", SetSpec(None, 20.0, "kg", 8, bodyweight=True, assisted=True)),
        ("bw-0x8", SetSpec(None, 0.0, None, 8, bodyweight=True)),
        ("bench 100x1000", SetSpec("bench", 100.0, None, 1000)),
        ("d bench 80x8", SetSpec("bench", 80.0, None, 8, set_type="drop")),
        ("d80x8", SetSpec(None, 80.0, None, 8, set_type="drop")),
        ("f 100x5", SetSpec(None, 100.0, None, 5, set_type="failure")),
        ("a 60x15", SetSpec(None, 60.0, None, 15, set_type="amrap")),
        ("AMRAP squat 100x12@9", SetSpec("squat", 100.0, None, 12, rpe=9.0, set_type="amrap")),
        ("w plank 30s", SetSpec("plank", 0.0, None, 0, warmup=True, duration_s=30)),
        (
            "f plank 1:10@10",
            SetSpec("plank", 0.0, None, 0, rpe=10.0, duration_s=70, set_type="failure"),
        ),
        # Words that begin like a mark are exercises.
        ("dips bw x10", SetSpec("dips", 0.0, None, 10, bodyweight=True)),
        ("ab wheel bw x10", SetSpec("ab wheel", 0.0, None, 10, bodyweight=True)),
    ],
)
def test_each_form_reads(text, spec):
    assert parse_set(text) == spec


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("plank 1:75", "go to 59"),
        ("plank 0s", "from 1 s to 24 hours"),
        ("plank 45.5s", "whole seconds"),
        ("run 0km", "above 0"),
        ("run 2000km", "at most 1000 km"),
        ("bench 100x1001", "from 1 to 1000"),
        ("plank 60q", "expected WEIGHTxREPS"),
    ],
)
def test_a_form_that_cannot_be_says_why(text, fragment):
    with pytest.raises(EntryError, match=fragment):
        parse_set(text)


PLANK = LastSet(0.0, 0, duration_s=60)
CARRY = LastSet(40.0, 0, distance_m=30.0)
ASSISTED = LastSet(20.0, 8, bodyweight=True, assisted=True)
DROP = LastSet(80.0, 8, set_type="drop")


@pytest.mark.parametrize(
    ("text", "last", "spec"),
    [
        ("+10s", PLANK, SetSpec(None, 0.0, "kg", 0, duration_s=70)),
        ("-15 s", PLANK, SetSpec(None, 0.0, "kg", 0, duration_s=45)),
        ("+1min@9", PLANK, SetSpec(None, 0.0, "kg", 0, rpe=9.0, duration_s=120)),
        ("+5m", CARRY, SetSpec(None, 40.0, "kg", 0, distance_m=35.0)),
        ("f +10ft", CARRY, SetSpec(None, 40.0, "kg", 0, distance_m=33.048, set_type="failure")),
        ("", CARRY, SetSpec(None, 40.0, "kg", 0, distance_m=30.0)),
        ("", DROP, SetSpec(None, 80.0, "kg", 8, set_type="drop")),
        ("d -10x8", DROP, SetSpec(None, 70.0, "kg", 8, set_type="drop")),
        # More load on an assisted set takes assistance off, and past bodyweight adds load.
        ("+5x8", ASSISTED, SetSpec(None, 15.0, "kg", 8, bodyweight=True, assisted=True)),
        ("+25x8", ASSISTED, SetSpec(None, 5.0, "kg", 8, bodyweight=True)),
        ("-5x8", ASSISTED, SetSpec(None, 25.0, "kg", 8, bodyweight=True, assisted=True)),
        ("x10", ASSISTED, SetSpec(None, 20.0, "kg", 10, bodyweight=True, assisted=True)),
    ],
)
def test_relative_forms_start_from_the_last_set_of_any_kind(text, last, spec):
    assert parse_workout_entry(text, last, "kg") == spec


@pytest.mark.parametrize(
    ("text", "last", "fragment"),
    [
        ("-60s", PLANK, "from 1 s"),
        ("-30m", CARRY, "above 0"),
        ("+10s", CARRY, "adds time to a timed hold"),
        ("plank +10s", PLANK, "type it without a name"),
    ],
)
def test_relative_forms_that_cannot_be_say_why(text, last, fragment):
    with pytest.raises(EntryError, match=fragment):
        parse_workout_entry(text, last, "kg")


@pytest.mark.parametrize(
    ("seconds", "typed"), [(45, "45s"), (90, "1:30"), (1500, "25:00"), (3750, "1:02:30")]
)
def test_durations_are_typed_as_a_lifter_writes_them(seconds, typed):
    assert typed_duration(seconds) == typed


@pytest.mark.parametrize(
    ("metres", "unit", "typed"),
    [
        (30.0, "kg", "30m"),
        (5000.0, "kg", "5km"),
        (2000.5, "kg", "2000.5m"),
        (MILE, "lb", "1mi"),
        (30.48, "lb", "100ft"),
        (30.0, "lb", "98.425ft"),
        (2000.0, "lb", "6561.68ft"),  # 1.243 mi is not 2000 m to the millimetre
    ],
)
def test_distances_are_typed_in_the_users_units_where_exact(metres, unit, typed):
    assert typed_distance(metres, unit) == typed


def _same(spec: SetSpec, entry: SetEntry, unit: str) -> None:
    fields = spec.entry_fields(unit)
    assert fields.pop("weight_kg") == pytest.approx(entry.weight_kg, abs=0.001)
    assert fields == {name: getattr(entry, name) for name in fields}


@given(entry=sets(), unit=st.sampled_from(["kg", "lb"]))
@example(entry=a_set(weight_kg=20, reps=8, bodyweight=True, assisted=True), unit="lb")
@example(entry=a_set(distance_m=MILE, duration_s=450), unit="lb")
def test_every_kind_typed_back_reads_as_the_same_set(entry, unit):
    _same(parse_workout_entry(typed_entry(entry, unit), None, unit), entry, unit)


@given(
    entry=sets(), exercise=st.sampled_from(BUILTIN_EXERCISES), unit=st.sampled_from(["kg", "lb"])
)
def test_every_kind_typed_with_its_exercise_reads_back(entry, exercise, unit):
    spec = parse_set(typed_set(exercise.name, entry, unit))
    assert find_exercise(spec.exercise, BUILTIN_EXERCISES) == exercise
    _same(spec, entry, unit)


LINE_PARTS = st.sampled_from(
    [
        "w",
        "d",
        "f",
        "a",
        "amrap",
        "bw",
        "+",
        "-",
        "x",
        "×",
        "@",
        ":",
        " ",
        "s",
        "m",
        "km",
        "mi",
        "ft",
        "kg",
        "lb",
        "min",
        "5",
        "30",
        "1:30",
        "2.5",
        ",5",
        "plank",
        "\x00",
        "é",
    ]
)


@given(text=st.text() | st.lists(LINE_PARTS, max_size=12).map("".join))
@example(text="+" + "9" * 190 + "s")
@example(text="9" * 100 + ":00")
@example(text="1e400km")
def test_any_text_reads_or_says_why(text):
    reads = [parse_set] + [
        lambda text, last=last: parse_workout_entry(text, last, "kg")
        for last in (None, PLANK, CARRY, ASSISTED)
    ]
    for read in reads:
        try:
            read(text)
        except EntryError as error:
            assert "\n" not in str(error)
