"""Weights for display: the log stores kilograms, the user reads their own unit
(`storage.model.units` converts and rounds; this writes the text). The set grammar's
lengths and times are imported where used: home's score, drawn first, needs none of them."""

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
    from storage.entry.set_line import typed_duration

    return f"{seconds} s" if seconds < 60 else typed_duration(seconds)


def distance_scale(metres: float, unit: str) -> tuple[str, float]:
    """The unit a distance of `metres` reads in, with its length in metres: km, else m; for
    a user of lb mi, else ft."""
    from storage.entry.set_line import METRES

    if unit == "lb":
        return ("mi", METRES["mi"]) if metres >= 0.1 * METRES["mi"] else ("ft", METRES["ft"])
    return ("km", METRES["km"]) if metres >= METRES["km"] else ("m", METRES["m"])


def format_distance(metres: float, unit: str) -> str:
    """'30 m', '5 km', '2.5 km', '5.005 km' (km to the metre, so a set gone 5 m further
    never reads as the same); for a user of lb '100 ft', '3.1 mi'."""
    name, length = distance_scale(metres, unit)
    return f"{format_amount_of(metres / length, 3 if name == 'km' else 2)} {name}"


def pace_scale(unit: str) -> tuple[str, float]:
    """The distance a pace is per, with how many km it is: a mile for a user of lb, else a
    km."""
    from storage.entry.set_line import METRES

    return ("mi", METRES["mi"] / METRES["km"]) if unit == "lb" else ("km", 1.0)


def format_pace(seconds_per_km: float, unit: str) -> str:
    """'5:30/km'; for a user of lb '8:51/mi'."""
    name, kms = pace_scale(unit)
    return f"{format_duration(round(seconds_per_km * kms))}/{name}"


def format_amount_of(value: float, places: int = 2) -> str:
    """At most `places` decimals, none when whole: 5, 2.5, 3.11."""
    return f"{value:.{places}f}".rstrip("0").rstrip(".")


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
