"""kg or lb: a load typed in the user's unit is stored in kg and shown back exactly as
typed, whichever way it reached the log (the entry line, `restday log`, an import)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storage.entry.set_line import parse_set
from storage.model.records import SetEntry
from storage.model.units import shown_load, to_kg, to_unit
from tests.support.clock import TUESDAY_EVENING
from tui.format.units import format_amount, format_set, format_weight

# Loads as lifters type them: tenths (102.3), quarters (101.25, micro plates); under the
# 1000 (kg) the log takes.
TENTHS = st.integers(0, 9999).map(lambda n: n / 10)
QUARTERS = st.integers(0, 3999).map(lambda n: n / 4)
TYPED = st.one_of(TENTHS, QUARTERS)
UNIT = st.sampled_from(("kg", "lb"))


def typed_text(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


@given(TYPED, UNIT)
def test_a_typed_load_shows_back_as_typed(value: float, unit: str) -> None:
    kg = parse_set(f"bench {typed_text(value)}x5").weight_kg(unit)  # the user's unit
    assert format_amount(kg, unit) == typed_text(value)


@given(TYPED, UNIT)
def test_a_load_kept_to_the_gram_shows_back_as_typed(value: float, unit: str) -> None:
    """An import keeps a converted weight to the gram (3 decimals of kg)."""
    kg = round(to_kg(value, unit), 3) if unit == "lb" else value
    assert shown_load(kg, unit) == value


@given(TYPED)
def test_typed_with_its_unit_or_in_the_users_unit_is_the_same(value: float) -> None:
    typed = typed_text(value)
    assert parse_set(f"{typed}lbx5").weight_kg("kg") == parse_set(f"{typed}x5").weight_kg("lb")


def test_225_lb_is_225_lb_never_224_9() -> None:
    kg = parse_set("225x5").weight_kg("lb")
    assert 102.05 < kg < 102.06  # stored in kg
    entry = SetEntry(workout="w", exercise="e", weight_kg=kg, reps=5, timestamp=TUESDAY_EVENING)
    assert format_set(entry, "lb") == "225 lb x 5"
    assert format_weight(round(kg, 3), "lb") == "225 lb"


def test_a_load_from_the_other_unit_is_shown_to_a_tenth() -> None:
    assert format_weight(100, "lb") == "220.5 lb"  # 220.46
    assert format_weight(60, "lb") == "132.3 lb"  # 132.28
    assert format_weight(to_kg(135, "lb"), "kg") == "61.2 kg"  # 61.23
    assert format_weight(101.25, "kg") == "101.25 kg"  # micro plates, as typed
    assert format_weight(0, "lb") == "0 lb"


@given(st.floats(0, 1000), UNIT)
def test_shown_is_within_a_twentieth_of_the_exact_value(kg: float, unit: str) -> None:
    assert abs(shown_load(kg, unit) - to_unit(kg, unit)) <= 0.05 + 1e-9
