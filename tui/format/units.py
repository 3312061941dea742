"""Weights for display: the log stores kilograms, the user reads their own unit
(`storage.model.units` converts and rounds; this writes the text)."""

from __future__ import annotations

from storage.model.records import SetEntry
from storage.model.units import shown_load
from storage.model.units import to_unit as to_unit  # the screens' charts convert with it


def format_number(value: float) -> str:
    """At most one decimal, none when whole: 100, 102.5, 225."""
    rounded = round(value, 1)
    return f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"


def format_amount(kg: float, unit: str) -> str:
    """A weight in `unit` without the unit, rounded as a load is shown: 225, 102.5, 101.25."""
    return f"{shown_load(kg, unit):.2f}".rstrip("0").rstrip(".")


def format_weight(kg: float, unit: str) -> str:
    return f"{format_amount(kg, unit)} {unit}"


def format_load(entry: SetEntry, unit: str, *, with_unit: bool = True) -> str:
    """'100 kg', 'bw+20 kg', 'bw'; without the unit: '100', 'bw+20'."""
    if with_unit:
        weight = format_weight(entry.weight_kg, unit)
    else:
        weight = format_amount(entry.weight_kg, unit)
    if entry.bodyweight:
        return f"bw+{weight}" if entry.weight_kg else "bw"
    return weight


def format_set(entry: SetEntry, unit: str) -> str:
    """'100 kg x 5 @8', 'bw+20 kg x 6', 'bw x 8', 'warm-up 60 kg x 5'."""
    text = f"{format_load(entry, unit)} x {entry.reps}"
    if entry.rpe is not None:
        text += f" @{format_number(entry.rpe)}"
    return f"warm-up {text}" if entry.warmup else text
