"""What a day's recovery adds up over the day: water, protein and carbs, each an amount
added to the day's total (a meal, a bottle)."""

from __future__ import annotations

from dataclasses import replace

from storage.model.records import Recovery


def add_intake(
    entry: Recovery,
    *,
    water_cups: int | None = None,
    protein_g: float | None = None,
    carbs_g: float | None = None,
) -> Recovery:
    """`entry` with each amount given added to its total (an empty total counts as 0);
    water may be taken away (a negative amount) but never below 0 cups."""

    def plus(total: float | None, amount: float | None) -> float | None:
        return total if amount is None else (total or 0) + amount

    water = plus(entry.water_cups, water_cups)
    return replace(
        entry,
        water_cups=None if water is None else max(0, water),
        protein_g=plus(entry.protein_g, protein_g),
        carbs_g=plus(entry.carbs_g, carbs_g),
    )
