"""A day's recovery in words, as the recovery screen shows it: values, what a line logged."""

from __future__ import annotations

import pytest

from storage.entry.recovery_line import RecoveryInput, parse_recovery_entry
from tui.format.recovery import editable_value, hours, logged, shown_value


def test_what_a_line_logged() -> None:
    line = parse_recovery_entry("s 7:30 q4 w+2 p30 c60.5 bw 81.2 st2 n slept well", "kg")
    assert logged(line, "kg", 5) == (
        "Logged sleep 7 h 30, quality 4/5, water +2 cups (5 today), protein +30 g, "
        "carbs +60.5 g, bodyweight 81.2 kg, stress 2/5, a note"
    )
    assert logged(RecoveryInput(water_add=-1), "kg", 0) == "Logged water -1 cup (0 today)"
    assert logged(RecoveryInput(water_set=1), "kg") == "Logged water 1 cups"
    assert logged(RecoveryInput(bodyweight_kg=81.6466), "lb") == "Logged bodyweight 180 lb"


@pytest.mark.parametrize(
    ("field", "value", "shown", "typed"),
    [
        ("sleep_hours", 7.5, "7 h 30", "7.5"),
        ("sleep_hours", 7.0, "7 h", "7"),
        ("sleep_quality", 4, "4/5 good", "4"),
        ("water_cups", 1, "1 cup", "1"),
        ("water_cups", 0, "0 cups", "0"),
        ("protein_g", 75.5, "75.5 g", "75.5"),
        ("bodyweight_kg", 81.6466, "180 lb", "180lb"),
        ("stress", 5, "5/5 very stressed", "5"),
        ("notes", "x" * 61, "x" * 59 + "…", "x" * 61),
        ("carbs_g", None, "—", ""),
    ],
)
def test_a_value_as_shown_and_as_typed_back(
    field: str, value: object, shown: str, typed: str
) -> None:
    assert shown_value(field, value, "lb") == shown
    assert editable_value(field, value, "lb") == typed


def test_hours() -> None:
    assert [hours(h) for h in (0, 7.25, 8.999)] == ["0 h", "7 h 15", "9 h"]
