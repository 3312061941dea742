"""The grammar for typing a symptom line, e.g. ``weak 3 energy 2 quads 4 hams 5``
(`parse_symptom_entry`): items as `line_items` reads them, each a key and its value.
``weak``/``weakness`` 0-10, ``energy``/``en`` 1-5, ``mood`` 1-5, ``mot``/``motivation``
1-5, and soreness 0-10 per muscle by its name in `MUSCLES` or a short form (``quads``,
``hams``, ``delts`` for all three deltoids, ``front delts``/``fdelts``, ``lowback``,
``traps`` for upper back, ...). Pure parsing: nothing here touches the log.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from storage.entry.line_items import ItemValue, LineItems, WellnessEntryError
from storage.entry.set_line import quote
from storage.model.records import MUSCLES, SymptomEntry
from storage.model.symptom_scales import MOST_SORE, SCALE_BY_FIELD

SYMPTOM_EXAMPLE = "e.g. weak 3 energy 2 mood 3 mot 2 quads 4 hams 5 chest 2"


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


# name as typed -> the field of its scale
_SCALE_NAMES = {
    "weak": "weakness",
    "weakness": "weakness",
    "energy": "energy",
    "en": "energy",
    "mood": "mood",
    "mot": "motivation",
    "motivation": "motivation",
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


def parse_symptom_entry(text: str) -> SymptomInput:
    """Read a symptom line. Raises only WellnessEntryError."""
    items = LineItems(text, SYMPTOM_EXAMPLE)
    text = items.text
    values: dict[str, object] = {}
    soreness: dict[str, int] = {}
    while (item := items.next()) is not None:
        pos, word, key = item
        end = word.end() if word else pos
        if key in _FIRST_WORDS:
            second = items.word_after(end)
            if second and f"{key} {second.group().lower()}" in _MUSCLE_NAMES:
                key, end = f"{key} {second.group().lower()}", second.end()
        if key in _SCALE_NAMES:
            scale = SCALE_BY_FIELD[_SCALE_NAMES[key]]
            name, label, low, high, example = scale.field, scale.field, scale.low, scale.high, 3
        elif key in _MUSCLE_NAMES:
            name, label, low, high, example = "", "soreness", 0, MOST_SORE, 4
        else:
            raise WellnessEntryError(f"unknown item {quote(items.token_at(pos))}: {_SYMPTOM_ITEMS}")
        accepted = f"{label} is a whole number {low}-{high}, e.g. {key} {example}"
        value = items.value_after(end)
        if value is None:
            raise WellnessEntryError(f"{key} needs a value: {accepted}")
        raw, items.pos = value.group(), value.end()
        token = text[word.start() : items.pos]
        number = ItemValue(key, raw, token, accepted).whole(low, high, f"{label} is {low}-{high}")
        if name:
            items.once(name, name, token)
            values[name] = number
        else:
            for muscle in _MUSCLE_NAMES[key]:
                items.once(muscle, f"{muscle.replace('_', ' ')} soreness", token)
                soreness[muscle] = number
    return SymptomInput(soreness=soreness, notes=items.notes, **values)
