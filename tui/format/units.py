"""Weights for display: the log stores kilograms, the user reads their own unit
(`storage.model.units` converts and rounds; this writes the text)."""

from __future__ import annotations

from storage.entry.set_line import METRES, typed_duration
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
    """'100 kg', 'bw+20 kg', 'bw-20 kg' (assisted), 'bw'; without the unit: '100', 'bw+20'."""
    if with_unit:
        weight = format_weight(entry.weight_kg, unit)
    else:
        weight = format_amount(entry.weight_kg, unit)
    if entry.bodyweight:
        return f"bw{'-' if entry.assisted else '+'}{weight}" if entry.weight_kg else "bw"
    return weight


def format_duration(seconds: int) -> str:
    """'45 s', '1:30', '1:02:30'."""
    return f"{seconds} s" if seconds < 60 else typed_duration(seconds)


def format_distance(metres: float, unit: str) -> str:
    """'30 m', '5 km', '2.5 km'; for a user of lb '100 ft', '3.1 mi'."""
    if unit == "lb":
        miles = metres / METRES["mi"]
        if miles >= 0.1:
            return f"{format_amount_of(miles)} mi"
        return f"{format_amount_of(metres / METRES['ft'])} ft"
    if metres >= 1000:
        return f"{format_amount_of(metres / 1000)} km"
    return f"{format_amount_of(metres)} m"


def format_amount_of(value: float) -> str:
    """At most two decimals, none when whole: 5, 2.5, 3.11."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def format_measure(entry: SetEntry, unit: str) -> str:
    """What was done, without the RPE or type: '100 kg x 5', 'bw-20 kg x 8', '1:30',
    '20 kg x 45 s', '40 kg 30 m', '5 km in 25:00'."""
    load = format_load(entry, unit) if entry.weight_kg or entry.bodyweight else ""
    if entry.kind == "reps":
        return f"{format_load(entry, unit)} x {entry.reps}"
    if entry.kind == "timed":
        held = format_duration(entry.duration_s)
        return f"{load} x {held}" if load else held
    text = " ".join(filter(None, (load, format_distance(entry.distance_m, unit))))
    if entry.duration_s is not None:
        text += f" in {format_duration(entry.duration_s)}"
    return text


SET_TYPE_WORDS = {"warmup": "warm-up", "drop": "drop", "failure": "failure", "amrap": "AMRAP"}


def format_set(entry: SetEntry, unit: str) -> str:
    """'100 kg x 5 @8', 'bw+20 kg x 6', 'bw x 8', 'warm-up 60 kg x 5', 'drop 80 kg x 8',
    '1:30', '40 kg 30 m'."""
    text = format_measure(entry, unit)
    if entry.rpe is not None:
        text += f" @{format_number(entry.rpe)}"
    word = SET_TYPE_WORDS.get(entry.type_name)
    return f"{word} {text}" if word else text
