"""Weights for display: the log stores kilograms, the user reads their own unit."""

from __future__ import annotations

from storage.models import LB_PER_KG, SetEntry


def to_unit(kg: float, unit: str) -> float:
    return kg * LB_PER_KG if unit == "lb" else kg


def format_number(value: float) -> str:
    """At most one decimal, none when whole: 100, 102.5, 225."""
    rounded = round(value, 1)
    return f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"


def format_weight(kg: float, unit: str) -> str:
    return f"{format_number(to_unit(kg, unit))} {unit}"


def format_set(entry: SetEntry, unit: str) -> str:
    """'100 kg x 5 @8', 'bw+20 kg x 6', 'bw x 8', 'warm-up 60 kg x 5'."""
    if entry.bodyweight:
        load = f"bw+{format_weight(entry.weight_kg, unit)}" if entry.weight_kg else "bw"
    else:
        load = format_weight(entry.weight_kg, unit)
    text = f"{load} x {entry.reps}"
    if entry.rpe is not None:
        text += f" @{format_number(entry.rpe)}"
    return f"warm-up {text}" if entry.warmup else text
