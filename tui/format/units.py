"""Weights for display: the log stores kilograms, the user reads their own unit."""

from __future__ import annotations

from storage.model.records import LB_PER_KG, SetEntry


def to_unit(kg: float, unit: str) -> float:
    return kg * LB_PER_KG if unit == "lb" else kg


def format_number(value: float) -> str:
    """At most one decimal, none when whole: 100, 102.5, 225."""
    rounded = round(value, 1)
    return f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"


def format_weight(kg: float, unit: str) -> str:
    return f"{format_number(to_unit(kg, unit))} {unit}"


def format_load(entry: SetEntry, unit: str, *, with_unit: bool = True) -> str:
    """'100 kg', 'bw+20 kg', 'bw'; without the unit: '100', 'bw+20'."""
    if with_unit:
        weight = format_weight(entry.weight_kg, unit)
    else:
        weight = format_number(to_unit(entry.weight_kg, unit))
    if entry.bodyweight:
        return f"bw+{weight}" if entry.weight_kg else "bw"
    return weight


def format_set(entry: SetEntry, unit: str) -> str:
    """'100 kg x 5 @8', 'bw+20 kg x 6', 'bw x 8', 'warm-up 60 kg x 5'."""
    text = f"{format_load(entry, unit)} x {entry.reps}"
    if entry.rpe is not None:
        text += f" @{format_number(entry.rpe)}"
    return f"warm-up {text}" if entry.warmup else text
