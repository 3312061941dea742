"""A set's e1RM as the screen and `restday log` say it. A bodyweight set's e1RM comes from
the lifter's bodyweight as of its day plus the added load or minus the assistance
(`storage.read.records_so_far.set_e1rm`): said so, and with no bodyweight logged, how to
get one rather than a number."""

from __future__ import annotations

from storage.model.records import SetEntry
from storage.read.records_so_far import set_e1rm
from tui.format.units import format_amount, format_number, format_weight, to_unit

NO_BODYWEIGHT = "log bodyweight on Recovery for an e1RM"


def from_bodyweight(entry: SetEntry) -> bool:
    """Whether the set's load is the lifter's bodyweight (plus or minus a load)."""
    return entry.bodyweight and entry.kind == "reps" and not entry.warmup


def e1rm_cell(entry: SetEntry, bodyweight_kg: float | None, unit: str) -> str:
    """The set table's e1RM cell: '112', '78 bw' (from bodyweight), 'bw?' (a bodyweight set
    with no bodyweight logged), '' (none: a warm-up, a timed set, over 12 reps)."""
    found = set_e1rm(entry, bodyweight_kg)
    if from_bodyweight(entry):
        if bodyweight_kg is None:
            return "bw?"
        return f"{format_number(to_unit(found[0], unit))} bw" if found else ""
    return format_number(to_unit(found[0], unit)) if found else ""


def e1rm_said(entry: SetEntry, bodyweight_kg: float | None, unit: str) -> str:
    """'e1RM 112 kg'; 'e1RM 78 kg from bodyweight 80 − 20' for a bodyweight set; without a
    bodyweight logged, `NO_BODYWEIGHT`; for assistance of the whole bodyweight or more
    (nothing lifted), that; '' when the set has no e1RM."""
    if from_bodyweight(entry) and bodyweight_kg is None:
        return NO_BODYWEIGHT
    if from_bodyweight(entry) and entry.assisted and entry.weight_kg >= bodyweight_kg:
        return (
            f"no e1RM: the assistance {format_weight(entry.weight_kg, unit)} is not less "
            f"than bodyweight {format_weight(bodyweight_kg, unit)}"
        )
    found = set_e1rm(entry, bodyweight_kg)
    if found is None:
        return ""
    said = f"e1RM {format_weight(found[0], unit)}"
    if from_bodyweight(entry):
        said += f" from bodyweight {format_amount(bodyweight_kg, unit)}"
        if entry.weight_kg:
            sign = "−" if entry.assisted else "+"
            said += f" {sign} {format_amount(entry.weight_kg, unit)}"
    return said
