"""The one intake sum: water, protein and carbs add up over a day."""

from __future__ import annotations

from datetime import date

from storage.model.intake import add_intake
from storage.model.records import Recovery

DAY = date(2026, 3, 10)


def test_amounts_add_to_the_totals_and_the_rest_is_kept() -> None:
    entry = Recovery(day=DAY, sleep_hours=7.5, water_cups=3, protein_g=40.5)
    added = add_intake(entry, water_cups=2, protein_g=30, carbs_g=60)
    assert (added.water_cups, added.protein_g, added.carbs_g) == (5, 70.5, 60)
    assert (added.sleep_hours, added.day, added.id) == (7.5, DAY, entry.id)


def test_an_amount_not_given_leaves_its_total_alone() -> None:
    entry = Recovery(day=DAY, water_cups=3)
    added = add_intake(entry, protein_g=0)
    assert (added.water_cups, added.protein_g, added.carbs_g) == (3, 0, None)


def test_water_never_goes_below_zero_cups() -> None:
    assert add_intake(Recovery(day=DAY, water_cups=2), water_cups=-5).water_cups == 0
    assert add_intake(Recovery(day=DAY), water_cups=-1).water_cups == 0
