"""A day's recovery in words: each field's value as the recovery screen shows it and as it
is typed back in, what a recovery line logged, and the day's targets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from storage.entry.recovery_line import RecoveryInput
from storage.model.recovery_targets import Target
from tui.format.units import format_number, format_weight
from tui.format.words import counted, ellipsized

QUALITY = {1: "very poor", 2: "poor", 3: "fair", 4: "good", 5: "excellent"}
STRESS = {1: "very relaxed", 2: "relaxed", 3: "some stress", 4: "stressed", 5: "very stressed"}
NOTE_SHOWN = 60  # characters of a note shown on its row


def shown_value(field: str, value: object, unit: str) -> str:
    """The value of `field` (a `Recovery` attribute) as shown: '7 h 30', '4/5 good', '—'."""
    if value is None or value == "":
        return "—"
    match field:
        case "sleep_hours":
            return hours(value)
        case "sleep_quality":
            return f"{value}/5 {QUALITY[value]}"
        case "stress":
            return f"{value}/5 {STRESS[value]}"
        case "water_cups":
            return f"{value} {_cups(value)}"
        case "protein_g" | "carbs_g":
            return f"{format_number(value)} g"
        case "bodyweight_kg":
            return format_weight(value, unit)
    return ellipsized(str(value), NOTE_SHOWN)


def hours(value: float) -> str:
    """'7 h', '7 h 30'."""
    whole, minutes = divmod(round(value * 60), 60)
    return f"{whole} h {minutes:02d}" if minutes else f"{whole} h"


def editable_value(field: str, value: object, unit: str) -> str:
    """The value of `field` as it is typed back in."""
    if value is None:
        return ""
    if field == "bodyweight_kg":
        return format_weight(value, unit).replace(" ", "")
    return format_number(value) if isinstance(value, float) else str(value)


def logged(line: RecoveryInput, unit: str, water_total: int | None = None) -> str:
    """What a line logged, in words: 'Logged sleep 7.5 h, water +2, protein +30 g'."""
    total = f" ({water_total} today)" if water_total is not None else ""
    said: tuple[tuple[object, Callable[[Any], str]], ...] = (
        (line.sleep_hours, lambda value: f"sleep {hours(value)}"),
        (line.sleep_quality, lambda value: f"quality {value}/5"),
        (line.water_set, lambda value: f"water {value} cups"),
        (line.water_add, lambda value: f"water {value:+d} {_cups(value)}{total}"),
        (line.protein_add_g, lambda value: f"protein +{format_number(value)} g"),
        (line.carbs_add_g, lambda value: f"carbs +{format_number(value)} g"),
        (line.bodyweight_kg, lambda value: f"bodyweight {format_weight(value, unit)}"),
        (line.stress, lambda value: f"stress {value}/5"),
        (line.notes, lambda _: "a note"),
    )
    return "Logged " + ", ".join(say(value) for value, say in said if value is not None)


def _cups(cups: int) -> str:
    return counted(cups, "cup").partition(" ")[2]


def target_text(field: str, target: Target, unit: str) -> str:
    """A target of `field` in words, in the user's unit: '7 h or more', '12 cups',
    '141-176 g at 80 kg', or what is missing to work it out."""
    if target.low is None:
        return "log bw 80 for a target"  # fits beside the bar at 80 columns
    match field:
        case "sleep_hours":
            return f"{format_number(target.low)} h or more"
        case "water_cups":
            return f"{format_number(target.low)} cups"
    at = format_weight(target.bodyweight_kg, unit)
    return f"{target.low:.0f}-{target.high:.0f} g at {at}"


def days_ago(day: date, today: date) -> str:
    """'yesterday', '3 days ago'."""
    days = (today - day).days
    return "yesterday" if days == 1 else f"{days} days ago"
