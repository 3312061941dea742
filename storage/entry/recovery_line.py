"""The grammar for typing a recovery line, e.g. ``s 7.5 q4 w+2 p30 c60 bw 81.2 st2``
(`parse_recovery_entry`): items as `line_items` reads them, each a key and its value::

    s 7.5 | s 7:30 | s 7h30 | s 7h   sleep hours, 0-24
    q 4                              sleep quality, 1-5
    w 8 | w +2 | w -1                water cups: the day's total, or added / removed
    p 30 | c 60                      protein / carbs grams added to the day
    bw 81.2 | bw 180lb               bodyweight, in the user's unit unless one is typed
    st 2                             stress, 1-5
    n TEXT | note TEXT               the rest of the line is a note

Pure parsing: nothing here touches the log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from storage.entry.line_items import ItemValue, LineItems, WellnessEntryError
from storage.entry.set_line import UNIT_NAMES, quote
from storage.model.intake import add_intake
from storage.model.records import LB_PER_KG, Recovery
from storage.model.validation import (
    MAX_BODYWEIGHT_KG,
    MAX_CARBS_G,
    MAX_PROTEIN_G,
    MAX_WATER_CUPS,
    MIN_BODYWEIGHT_KG,
)

RECOVERY_EXAMPLE = "e.g. s 7.5 q4 w+2 p30 c60 bw 81.2 st2"


@dataclass(frozen=True)
class RecoveryInput:
    """What a recovery line gives; None for what it leaves out. `water_set` is the day's
    total, `water_add` a change to it (negative: cups removed); protein and carbs add to
    the day. `bodyweight_kg` is in kg whatever unit was typed."""

    sleep_hours: float | None = None
    sleep_quality: int | None = None
    water_set: int | None = None
    water_add: int | None = None
    protein_add_g: float | None = None
    carbs_add_g: float | None = None
    bodyweight_kg: float | None = None
    stress: int | None = None
    notes: str | None = None

    def apply_to(self, entry: Recovery) -> Recovery:
        """The day's entry with this line applied: values set, intake added, water never
        below 0 cups."""
        changes: dict[str, object] = {
            name: getattr(self, name)
            for name in ("sleep_hours", "sleep_quality", "bodyweight_kg", "stress", "notes")
            if getattr(self, name) is not None
        }
        if self.water_set is not None:
            changes["water_cups"] = self.water_set
        added = add_intake(
            entry, water_cups=self.water_add, protein_g=self.protein_add_g, carbs_g=self.carbs_add_g
        )
        return replace(added, **changes)


_NUM = r"[0-9]+(?:[.,][0-9]+)?"
_NUMBER = re.compile(_NUM)
_SLEEP_CLOCK = re.compile(r"([0-9]+):([0-9]{2})")
_SLEEP_HOURS = re.compile(r"([0-9]+)h(?:([0-9]{1,2})m?)?", re.IGNORECASE)
_GRAMS = re.compile(rf"\+?({_NUM})\s*(?:g)?", re.IGNORECASE)
_WEIGHT = re.compile(rf"({_NUM})\s*([A-Za-z]*)")

_SLEEP = "sleep is 0-24 hours, e.g. s 7.5, s 7:30, s 7h30 or s 7h"
_WATER = "water is in cups: w8 sets the day's total (0-100); w+2 or w-1 adds or removes"
_BODYWEIGHT = (
    f"bodyweight is {MIN_BODYWEIGHT_KG:g}-{MAX_BODYWEIGHT_KG:g} kg "
    f"({MIN_BODYWEIGHT_KG * LB_PER_KG:.1f}-{MAX_BODYWEIGHT_KG * LB_PER_KG:.1f} lb), "
    "e.g. bw 81.2 or bw 180lb"
)
# key -> (field, label, what it is); the last goes into every message about the key.
_RECOVERY_KEYS: dict[str, tuple[str, str, str]] = {
    "s": ("sleep_hours", "sleep", _SLEEP),
    "q": ("sleep_quality", "sleep quality", "sleep quality is a whole number 1-5, e.g. q4"),
    "w": ("water", "water", _WATER),
    "p": (
        "protein_add_g",
        "protein",
        f"protein is grams added to the day, 0-{MAX_PROTEIN_G:g}, e.g. p30",
    ),
    "c": ("carbs_add_g", "carbs", f"carbs are grams added to the day, 0-{MAX_CARBS_G:g}, e.g. c60"),
    "bw": ("bodyweight_kg", "bodyweight", _BODYWEIGHT),
    "st": ("stress", "stress", "stress is a whole number 1-5, e.g. st2"),
}
_MOST_GRAMS = {"p": MAX_PROTEIN_G, "c": MAX_CARBS_G}
_RECOVERY_ITEMS = (
    "s (sleep), q (sleep quality), w (water), p (protein), c (carbs), bw (bodyweight), "
    "st (stress) or n (note)"
)


def parse_recovery_entry(text: str, unit: str) -> RecoveryInput:
    """Read a recovery line; `unit` ("kg" or "lb") is the user's, for a bodyweight typed
    without one. Raises only WellnessEntryError (also for an unknown `unit`)."""
    user_unit = UNIT_NAMES.get(unit.lower()) if isinstance(unit, str) else None
    if user_unit is None:
        raise WellnessEntryError(f"unknown unit {unit!r}; use kg or lb")
    items = LineItems(text, RECOVERY_EXAMPLE)
    text = items.text
    values: dict[str, object] = {}
    while (item := items.next()) is not None:
        pos, word, key = item
        if key not in _RECOVERY_KEYS:
            raise WellnessEntryError(
                f"unknown item {quote(items.token_at(pos))}: {_RECOVERY_ITEMS}, {RECOVERY_EXAMPLE}"
            )
        name, label, accepted = _RECOVERY_KEYS[key]
        value = items.value_after(word.end())
        if value is None:
            raise WellnessEntryError(f"{key} needs a value: {accepted}")
        raw, items.pos = value.group(), value.end()
        if key == "bw" and _NUMBER.fullmatch(raw):
            unit_word = items.word_after(items.pos)
            if unit_word and unit_word.group().lower() in UNIT_NAMES:
                raw, items.pos = text[value.start() : unit_word.end()], unit_word.end()
        token = text[word.start() : items.pos]
        items.once(name, label, token)
        typed = ItemValue(key, raw, token, accepted)
        if key == "s":
            values[name] = _sleep(typed)
        elif key in ("q", "st"):
            values[name] = typed.whole(1, 5)
        elif key == "w":
            if raw[0] in "+-":
                values["water_add"] = typed.whole(-MAX_WATER_CUPS, MAX_WATER_CUPS, signed=True)
            else:
                values["water_set"] = typed.whole(0, MAX_WATER_CUPS)
        elif key in ("p", "c"):
            values[name] = typed.within(_float(typed.read(_GRAMS)[1]), 0, _MOST_GRAMS[key])
        else:
            values[name] = _bodyweight(typed, user_unit)
    return RecoveryInput(notes=items.notes, **values)


def _float(raw: str) -> float:
    return float(raw.replace(",", "."))


def _sleep(typed: ItemValue) -> float:
    if _NUMBER.fullmatch(typed.raw):
        return typed.within(_float(typed.raw), 0, 24)
    m = typed.read(_SLEEP_CLOCK, _SLEEP_HOURS)
    minutes = int(m[2] or 0)
    if minutes >= 60 or len(m[1]) > 6:
        raise typed.out_of_range()
    return typed.within(int(m[1]) + minutes / 60, 0, 24)


def _bodyweight(typed: ItemValue, user_unit: str) -> float:
    m = typed.read(_WEIGHT)
    unit = user_unit
    if m[2]:
        unit = UNIT_NAMES.get(m[2].lower())
        if unit is None:
            raise WellnessEntryError(
                f"unknown unit {quote(m[2])} in {quote(typed.token)}: use kg or lb, "
                "e.g. bw 81.2kg or bw 180lb"
            )
    weight = _float(m[1])
    kg = weight / LB_PER_KG if unit == "lb" else weight
    return typed.within(kg, MIN_BODYWEIGHT_KG, MAX_BODYWEIGHT_KG)
