"""An adversary's lines on the workout screen's entry line (issue 16's review): a form
relative to the last set keeps its kind, and a lifter's feet and miles add up exactly however
many times they are added."""

from __future__ import annotations

import pytest

from storage.entry.set_line import EntryError, LastSet, parse_workout_entry, typed_distance
from storage.errors import ValidationError
from storage.model.validation import check_set
from tests.support.set_strategies import a_set

PLANK = LastSet(0.0, 0, duration_s=60)
CARRY = LastSet(40.0, 0, distance_m=30.0)


@pytest.mark.parametrize("last", [PLANK, CARRY], ids=["timed", "distance"])
@pytest.mark.parametrize("text", ["x6", "+2.5x5", "-5x8", "w x6"])
def test_reps_from_a_hold_or_a_distance_say_why_not_a_set_of_reps(text, last):
    # "x6" after a 40 kg carry of 30 m was saved as 40 kg x 6: a set of reps the lifter
    # never did, on a carry.
    with pytest.raises(EntryError, match="the last set was not a set of reps"):
        parse_workout_entry(text, last, "kg")


@pytest.mark.parametrize(
    ("start", "step", "times", "typed"),
    [
        (30.48, "+1ft", 10, "110ft"),
        (30.48, "+1ft", 100, "200ft"),
        (30.48, "-1ft", 50, "50ft"),
        (1609.344, "+0.1mi", 10, "2mi"),
        (1609.344, "+0.1mi", 100, "11mi"),
        (0.9144, "+1yd", 100, "303ft"),
    ],
)
def test_feet_and_miles_added_again_and_again_do_not_drift(start, step, times, typed):
    # Each step was rounded to the millimetre in metres: +1ft a hundred times from 100 ft
    # came to 200.066 ft, +0.1mi a hundred times from a mile to 58079.869 ft, not 11 mi.
    last = LastSet(0.0, 0, distance_m=start)
    for _ in range(times):
        spec = parse_workout_entry(step, last, "lb")
        last = LastSet(0.0, 0, distance_m=spec.distance_m)
    assert typed_distance(last.distance_m, "lb") == typed


@pytest.mark.parametrize(("metres", "seconds"), [(5000, 25), (2000, 5), (100_000, 1)])
def test_a_distance_faster_than_anyone_goes_is_refused(metres: int, seconds: int) -> None:
    """`run 5km 0:25` is a typo for 25:00: kept, it would stand as the fastest 5 km for good."""
    check_set(a_set(distance_m=metres, duration_s=metres // 3))  # 3 m/s, a run: kept
    with pytest.raises(ValidationError, match="km/h, faster than anyone goes"):
        check_set(a_set(distance_m=metres, duration_s=seconds))
