"""Quick entry for the recovery and symptom screens: one line such as
``s 7.5 q4 w+2 p30 c60 bw 81.2 st2`` or ``weak 3 energy 2 quads 4 hams 5``.

Both grammars are a list of items separated by spaces, in any order, each a key and its
value; the space between them may be left out (``q4``, ``bw81.2``). Keys are
case-insensitive, a key may be given once, and ``n`` or ``note`` takes the rest of the
line as a note. Pure parsing: nothing here touches the log. Errors are
`WellnessEntryError`, one line naming the bad item and saying what is accepted.

Recovery (`parse_recovery_entry`)::

    s 7.5 | s 7:30 | s 7h30 | s 7h   sleep hours, 0-24
    q 4                              sleep quality, 1-5
    w 8 | w +2 | w -1                water cups: the day's total, or added / removed
    p 30 | c 60                      protein / carbs grams added to the day
    bw 81.2 | bw 180lb               bodyweight, in the user's unit unless one is typed
    st 2                             stress, 1-5
    n TEXT | note TEXT               the rest of the line is a note

Symptoms (`parse_symptom_entry`): ``weak``/``weakness`` 0-10, ``energy``/``en`` 1-5,
``mood`` 1-5, ``mot``/``motivation`` 1-5, and soreness 0-10 per muscle by its name in
`MUSCLES` or a short form (``quads``, ``hams``, ``delts`` for all three deltoids,
``front delts``/``fdelts``, ``lowback``, ``traps`` for upper back, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from storage.entry.set_line import UNIT_NAMES, EntryError, quote
from storage.model.intake import add_intake
from storage.model.records import LB_PER_KG, MUSCLES, Recovery, SymptomEntry
from storage.model.validation import (
    MAX_BODYWEIGHT_KG,
    MAX_CARBS_G,
    MAX_PROTEIN_G,
    MAX_WATER_CUPS,
    MIN_BODYWEIGHT_KG,
)

RECOVERY_EXAMPLE = "e.g. s 7.5 q4 w+2 p30 c60 bw 81.2 st2"
SYMPTOM_EXAMPLE = "e.g. weak 3 energy 2 mood 3 mot 2 quads 4 hams 5 chest 2"
MAX_LENGTH = 500


class WellnessEntryError(EntryError):
    """A recovery or symptom line that can't be logged; ``str(e)`` is one line."""


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


@dataclass(frozen=True)
class SymptomInput:
    """What a symptom line gives; `soreness` maps names from `MUSCLES` to 0-10."""

    weakness: int | None = None
    energy: int | None = None
    mood: int | None = None
    motivation: int | None = None
    soreness: dict[str, int] = field(default_factory=dict)
    notes: str | None = None

    def apply_to(self, entry: SymptomEntry) -> SymptomEntry:
        """`entry` with what this line gives changed; the rest kept."""
        changes: dict[str, object] = {
            name: getattr(self, name)
            for name in ("weakness", "energy", "mood", "motivation", "notes")
            if getattr(self, name) is not None
        }
        return replace(entry, soreness={**entry.soreness, **self.soreness}, **changes)


_NUM = r"[0-9]+(?:[.,][0-9]+)?"
_SPACE = re.compile(r"\s*")
_WORD = re.compile(r"[A-Za-z][A-Za-z_]*")
_TOKEN = re.compile(r"\S+")
_NUMBER = re.compile(_NUM)
_WHOLE = re.compile(r"[0-9]+")
_SIGNED_WHOLE = re.compile(r"[+-]?[0-9]+")
_SLEEP_CLOCK = re.compile(r"([0-9]+):([0-9]{2})")
_SLEEP_HOURS = re.compile(r"([0-9]+)h(?:([0-9]{1,2})m?)?", re.IGNORECASE)
_GRAMS = re.compile(rf"\+?({_NUM})\s*(?:g)?", re.IGNORECASE)
_WEIGHT = re.compile(rf"({_NUM})\s*([A-Za-z]*)")
_NOTE_KEYS = ("n", "note")

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
_RECOVERY_ITEMS = (
    "s (sleep), q (sleep quality), w (water), p (protein), c (carbs), bw (bodyweight), "
    "st (stress) or n (note)"
)

# name -> (field, label, low, high, example value)
_SCALES: dict[str, tuple[str, str, int, int, int]] = {
    "weak": ("weakness", "weakness", 0, 10, 3),
    "weakness": ("weakness", "weakness", 0, 10, 3),
    "energy": ("energy", "energy", 1, 5, 3),
    "en": ("energy", "energy", 1, 5, 3),
    "mood": ("mood", "mood", 1, 5, 3),
    "mot": ("motivation", "motivation", 1, 5, 3),
    "motivation": ("motivation", "motivation", 1, 5, 3),
}
_DELTS = ("front_delts", "side_delts", "rear_delts")
# name as typed (words separated by one space) -> the muscles it sets
_MUSCLE_NAMES: dict[str, tuple[str, ...]] = {
    **{m: (m,) for m in MUSCLES},
    **{m.replace("_", " "): (m,) for m in MUSCLES},
    "pecs": ("chest",),
    "pec": ("chest",),
    "lat": ("lats",),
    "traps": ("upper_back",),
    "upperback": ("upper_back",),
    "delts": _DELTS,
    "delt": _DELTS,
    "fdelts": ("front_delts",),
    "front delt": ("front_delts",),
    "sdelts": ("side_delts",),
    "side delt": ("side_delts",),
    "rdelts": ("rear_delts",),
    "rear delt": ("rear_delts",),
    "bis": ("biceps",),
    "bicep": ("biceps",),
    "tris": ("triceps",),
    "tricep": ("triceps",),
    "forearm": ("forearms",),
    "lowback": ("lower_back",),
    "glute": ("glutes",),
    "quad": ("quads",),
    "hams": ("hamstrings",),
    "ham": ("hamstrings",),
    "hamstring": ("hamstrings",),
    "adds": ("adductors",),
    "adductor": ("adductors",),
    "calf": ("calves",),
}
_FIRST_WORDS = frozenset(name.split()[0] for name in _MUSCLE_NAMES if " " in name)
_SYMPTOM_ITEMS = (
    "weak, energy, mood, mot, or a muscle such as quads, hams, glutes, lats, delts, bis, "
    "tris, calves, abs, lowback"
)


def parse_recovery_entry(text: str, unit: str) -> RecoveryInput:
    """Read a recovery line; `unit` ("kg" or "lb") is the user's, for a bodyweight typed
    without one. Raises only WellnessEntryError (also for an unknown `unit`)."""
    user_unit = UNIT_NAMES.get(unit.lower()) if isinstance(unit, str) else None
    if user_unit is None:
        raise WellnessEntryError(f"unknown unit {unit!r}; use kg or lb")
    items = _Items(_start(text, RECOVERY_EXAMPLE))
    text = items.text
    values: dict[str, object] = {}
    while (item := items.next()) is not None:
        pos, word, key = item
        if key not in _RECOVERY_KEYS:
            token = _TOKEN.match(text, pos).group()
            raise WellnessEntryError(
                f"unknown item {quote(token)}: {_RECOVERY_ITEMS}, {RECOVERY_EXAMPLE}"
            )
        name, label, accepted = _RECOVERY_KEYS[key]
        value_at = _SPACE.match(text, word.end()).end()
        value = _TOKEN.match(text, value_at)
        if value is None:
            raise WellnessEntryError(f"{key} needs a value: {accepted}")
        raw, items.pos = value.group(), value.end()
        if key == "bw" and _NUMBER.fullmatch(raw):
            unit_word = _WORD.match(text, _SPACE.match(text, items.pos).end())
            if unit_word and unit_word.group().lower() in UNIT_NAMES:
                raw, items.pos = text[value_at : unit_word.end()], unit_word.end()
        token = text[word.start() : items.pos]
        items.once(name, label, token)
        shown = f"{key} {_short(raw)}"
        if key == "s":
            values[name] = _sleep(raw, token, shown, accepted)
        elif key in ("q", "st"):
            values[name] = _whole(raw, token, shown, accepted, 1, 5)
        elif key == "w":
            if raw[0] in "+-":
                values["water_add"] = _whole(
                    raw, token, shown, accepted, -MAX_WATER_CUPS, MAX_WATER_CUPS, signed=True
                )
            else:
                values["water_set"] = _whole(raw, token, shown, accepted, 0, MAX_WATER_CUPS)
        elif key in ("p", "c"):
            high = MAX_PROTEIN_G if key == "p" else MAX_CARBS_G
            values[name] = _grams(raw, token, shown, accepted, high)
        else:
            values[name] = _bodyweight(raw, token, shown, accepted, user_unit)
    return RecoveryInput(notes=items.notes, **values)


def parse_symptom_entry(text: str) -> SymptomInput:
    """Read a symptom line. Raises only WellnessEntryError."""
    items = _Items(_start(text, SYMPTOM_EXAMPLE))
    text = items.text
    values: dict[str, object] = {}
    soreness: dict[str, int] = {}
    while (item := items.next()) is not None:
        pos, word, key = item
        end = word.end() if word else pos
        if key in _FIRST_WORDS:
            second = _WORD.match(text, _SPACE.match(text, end).end())
            if second and f"{key} {second.group().lower()}" in _MUSCLE_NAMES:
                key, end = f"{key} {second.group().lower()}", second.end()
        if key in _SCALES:
            name, label, low, high, example = _SCALES[key]
        elif key in _MUSCLE_NAMES:
            name, label, low, high, example = "", "soreness", 0, 10, 4
        else:
            token = _TOKEN.match(text, pos).group()
            raise WellnessEntryError(f"unknown item {quote(token)}: {_SYMPTOM_ITEMS}")
        accepted = f"{label} is a whole number {low}-{high}, e.g. {key} {example}"
        value = _TOKEN.match(text, _SPACE.match(text, end).end())
        if value is None:
            raise WellnessEntryError(f"{key} needs a value: {accepted}")
        raw, items.pos = value.group(), value.end()
        token = text[word.start() : items.pos]
        shown = f"{key} {_short(raw)}"
        number = _whole(raw, token, shown, accepted, low, high, f"{label} is {low}-{high}")
        if name:
            items.once(name, name, token)
            values[name] = number
        else:
            for muscle in _MUSCLE_NAMES[key]:
                items.once(muscle, f"{muscle.replace('_', ' ')} soreness", token)
                soreness[muscle] = number
    return SymptomInput(soreness=soreness, notes=items.notes, **values)


def _start(text: str, example: str) -> str:
    text = text.strip()
    if not text:
        raise WellnessEntryError(f"nothing to log: {example}")
    if len(text) > MAX_LENGTH:
        raise WellnessEntryError(
            f"entry too long ({len(text)} characters, at most {MAX_LENGTH}): {example}"
        )
    return text


class _Items:
    """Walks a line item by item. `next()` gives where the next item starts, its key word
    (a match, or None) and the key in lower case; a note takes the rest of the line into
    `notes` and ends the walk. The caller moves `pos` past the value it reads."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.notes: str | None = None
        self._seen: set[str] = set()

    def next(self) -> tuple[int, re.Match[str] | None, str] | None:
        text = self.text
        pos = self.pos = _SPACE.match(text, self.pos).end()
        if pos == len(text):
            return None
        word = _WORD.match(text, pos)
        key = word.group().lower() if word else ""
        if key in _NOTE_KEYS:
            note = text[word.end() :].strip()
            if not note:
                raise WellnessEntryError(
                    f"{key} needs text: the rest of the line is the note, e.g. n slept badly"
                )
            self.notes = note
            return None
        return pos, word, key

    def once(self, name: str, label: str, token: str) -> None:
        """Refuse an item given twice."""
        if name in self._seen:
            raise WellnessEntryError(
                f"{label} given twice (again in {quote(token)}): give each item once"
            )
        self._seen.add(name)


def _short(raw: str) -> str:
    """A value as typed, for a message."""
    return quote(raw, 20)[1:-1]


def _whole(
    raw: str,
    token: str,
    shown: str,
    accepted: str,
    low: int,
    high: int,
    out_of_range: str | None = None,
    signed: bool = False,
) -> int:
    """`raw` as a whole number from `low` to `high`; `accepted` says what is accepted,
    `out_of_range` (default `accepted`) what the range is."""
    if not (_SIGNED_WHOLE if signed else _WHOLE).fullmatch(raw):
        raise WellnessEntryError(f"can't read {quote(token)}: {accepted}")
    digits = raw.lstrip("+-").lstrip("0")
    # More than 6 digits is out of every range; int() of a huge string is slow or refused.
    if len(digits) > 6 or not low <= int(raw) <= high:
        raise WellnessEntryError(f"{shown} is out of range: {out_of_range or accepted}")
    return int(raw)


def _float(raw: str) -> float:
    return float(raw.replace(",", "."))


def _sleep(raw: str, token: str, shown: str, accepted: str) -> float:
    if _NUMBER.fullmatch(raw):
        hours = _float(raw)
    else:
        m = _SLEEP_CLOCK.fullmatch(raw) or _SLEEP_HOURS.fullmatch(raw)
        if m is None:
            raise WellnessEntryError(f"can't read {quote(token)}: {accepted}")
        minutes = int(m[2] or 0)
        if minutes >= 60 or len(m[1]) > 6:
            raise WellnessEntryError(f"{shown} is out of range: {accepted}")
        hours = int(m[1]) + minutes / 60
    if not 0 <= hours <= 24:
        raise WellnessEntryError(f"{shown} is out of range: {accepted}")
    return hours


def _grams(raw: str, token: str, shown: str, accepted: str, high: float) -> float:
    m = _GRAMS.fullmatch(raw)
    if m is None:
        raise WellnessEntryError(f"can't read {quote(token)}: {accepted}")
    grams = _float(m[1])
    if not 0 <= grams <= high:
        raise WellnessEntryError(f"{shown} is out of range: {accepted}")
    return grams


def _bodyweight(raw: str, token: str, shown: str, accepted: str, user_unit: str) -> float:
    m = _WEIGHT.fullmatch(raw)
    if m is None:
        raise WellnessEntryError(f"can't read {quote(token)}: {accepted}")
    unit = user_unit
    if m[2]:
        typed = UNIT_NAMES.get(m[2].lower())
        if typed is None:
            raise WellnessEntryError(
                f"unknown unit {quote(m[2])} in {quote(token)}: use kg or lb, "
                "e.g. bw 81.2kg or bw 180lb"
            )
        unit = typed
    weight = _float(m[1])
    kg = weight / LB_PER_KG if unit == "lb" else weight
    if not MIN_BODYWEIGHT_KG <= kg <= MAX_BODYWEIGHT_KG:
        raise WellnessEntryError(f"{shown} is out of range: {accepted}")
    return kg
