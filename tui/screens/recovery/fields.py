"""The recovery screen's fields, one a row: what each is called, its key in the quick-entry
line and what a correction of it accepts; a field corrected on its own; how many of a
day's fields hold something."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from storage.entry.line_items import WellnessEntryError
from storage.entry.recovery_line import parse_recovery_entry
from storage.model.records import Recovery
from storage.model.validation import (
    MAX_BODYWEIGHT_KG,
    MAX_CARBS_G,
    MAX_PROTEIN_G,
    MAX_WATER_CUPS,
    MIN_BODYWEIGHT_KG,
)


@dataclass(frozen=True)
class Field:
    name: str  # the Recovery attribute
    label: str
    key: str  # its quick-entry key
    question: str  # the title when it is corrected on its own
    accepted: str  # what a correction accepts


FIELDS: tuple[Field, ...] = (
    Field(
        "sleep_hours", "Sleep", "s", "Sleep the night before", "0-24 hours: 7.5, 7:30, 7h30 or 7h"
    ),
    Field("sleep_quality", "Sleep quality", "q", "Sleep quality", "1 (very poor) to 5 (excellent)"),
    Field("water_cups", "Water", "w", "Water", f"cups for the day, 0-{MAX_WATER_CUPS}"),
    Field("protein_g", "Protein", "p", "Protein", f"grams for the day, 0-{MAX_PROTEIN_G:g}"),
    Field("carbs_g", "Carbs", "c", "Carbs", f"grams for the day, 0-{MAX_CARBS_G:g}"),
    Field(
        "bodyweight_kg",
        "Bodyweight",
        "bw",
        "Bodyweight",
        f"{MIN_BODYWEIGHT_KG:g}-{MAX_BODYWEIGHT_KG:g} kg or the same in lb; "
        "in your unit, or typed: 180lb, 81.6kg",
    ),
    Field("stress", "Stress", "st", "Stress", "1 (very relaxed) to 5 (very stressed)"),
    Field("notes", "Notes", "n", "Notes", "any text"),
)
ADDED_UP = ("protein_g", "carbs_g")  # a line adds to them; a correction sets the total


def filled_fields(entry: Recovery | None) -> int:
    """How many of the day's fields hold something."""
    if entry is None:
        return 0
    return sum(getattr(entry, field.name) not in (None, "") for field in FIELDS)


def correction(field: Field, text: str, unit: str) -> Callable[[Recovery], Recovery]:
    """The edit that sets `field` to `text` (typed as in the quick-entry line, without
    its key); empty text clears it. Raises WellnessEntryError for a bad value."""
    text = text.strip()
    if field.name == "notes" or not text:
        value = text if field.name == "notes" else None
        return lambda entry: replace(entry, **{field.name: value})
    refused = WellnessEntryError(f"can't use {text!r}: {field.label.lower()} is {field.accepted}")
    try:
        line = parse_recovery_entry(f"{field.key} {text}", unit)
    except WellnessEntryError:
        raise refused from None
    if sum(value is not None for value in vars(line).values()) != 1:
        raise refused  # more than this field, e.g. "30 c60"
    if field.name in ADDED_UP:  # the day's total: what is typed replaces it
        return lambda entry: line.apply_to(replace(entry, **{field.name: None}))
    return line.apply_to
