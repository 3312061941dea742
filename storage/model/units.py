"""Weights in the user's unit. The log stores kilograms; this is the one place that turns
them into the unit shown (kg or lb) and back, and rounds a load as it is shown.

A load is shown plate-friendly: on the nearest quarter (225, 102.5, 101.25) when it is
that within float noise, which keeps every load typed in quarters or tenths exactly as
typed (a typed 225 lb is stored as 102.058... kg and shown as 225 lb, never 224.9), and
else to a tenth (100 kg is 220.5 lb).
"""

from __future__ import annotations

from storage.model.records import LB_PER_KG, UNITS

# How far a load may be from a quarter and still be read as one: well above the error of
# a weight kept to the gram (0.0011 lb), well below a tenth's distance from a quarter.
QUARTER_NOISE = 0.01


def check_unit(unit: str) -> str:
    if unit not in UNITS:
        raise ValueError(f"unit must be kg or lb, not {unit!r}")
    return unit


def to_unit(kg: float, unit: str) -> float:
    """`kg` in `unit`, unrounded."""
    return kg * LB_PER_KG if check_unit(unit) == "lb" else kg


def to_kg(value: float, unit: str) -> float:
    """`value` of `unit` in kilograms, unrounded (as the log stores it)."""
    return value / LB_PER_KG if check_unit(unit) == "lb" else value


def shown_load(kg: float, unit: str) -> float:
    """`kg` in `unit` as a load is shown: the nearest quarter when within float noise of
    one, else to a tenth."""
    value = to_unit(kg, unit)
    quarter = round(value * 4) / 4
    shown = quarter if abs(value - quarter) < QUARTER_NOISE else round(value, 1)
    return 0.0 if shown == 0 else shown


def exact_load(kg: float, unit: str) -> float:
    """`kg` in `unit` with the fewest decimals (up to 3) that read back (`to_kg`, to the
    gram) as the same gram: 225 lb for 102.058 kg, 102.058 kg itself. A gram is 0.0022 lb,
    so three decimals always do."""
    grams = round(kg, 3)
    value = to_unit(kg, unit)
    for decimals in range(3):
        candidate = round(value, decimals)
        if round(to_kg(candidate, unit), 3) == grams:
            return candidate
    return round(value, 3)
