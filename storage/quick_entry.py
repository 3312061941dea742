"""Quick entry: one line typed between sets, e.g. ``bench 100x5@8``.

Grammar (case-insensitive; spaces allowed around ``x`` and ``@`` and between a number and
its unit)::

    [w] [exercise] WEIGHT[kg|lb] x REPS [x SETS] [@RPE]

- ``w`` first marks a warm-up set (``w bench 60x5``, ``w 60x5``).
- The exercise is free text (spaces, digits, hyphens); the weight is the last token before
  the ``x``. A space before the weight may be left out after a word (``bench100x5``).
  Resolving the text to an exercise is `storage.exercise_match`'s job.
- WEIGHT is a number (``102.5``; a decimal comma ``102,5`` reads the same), ``bw`` for
  bodyweight, or ``bw+20`` for bodyweight plus 20 of external load. The unit (``kg``,
  ``kgs``, ``lb``, ``lbs``) is optional; without one the caller applies the user's unit.
- ``x`` may also be typed as ``×``. ``225lbx5x3`` is 3 sets of 5 at 225 lb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storage.models import LB_PER_KG

EXAMPLES = "e.g. 100x5, 100x5@8, 225lbx5x3, bw+20x6"
MAX_KG = 1000.0
MAX_REPS = 100
MAX_SETS = 20
MAX_LENGTH = 200
UNIT_NAMES = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb"}

_NUM = r"[0-9]+(?:[.,][0-9]+)?"
_X = r"\s*[x×]\s*"
# Units, reps and sets are matched leniently so that validation can say what is wrong.
# The exercise is tried last (``??``) and as short as possible (``.*?``), so that
# "100 x 5 x 3" has no exercise and "bench 100 x 5 x 3" has "bench"; it ends in a letter,
# digit or ")" so that "bw + 20x6" is not exercise "bw +".
_SET = re.compile(
    rf"""
    (?:(?P<warmup>w)(?:\s+|(?=[0-9])))?
    (?:(?P<exercise>.*?[\w)])(?:\s+|(?<=[^\W\d_]{{2}})))??
    (?:(?P<bw>bw)(?:\s*\+\s*(?P<added>{_NUM}))?|(?P<weight>{_NUM}))
    (?:\s*(?P<unit>[a-z]+))?
    {_X}(?P<reps>{_NUM})
    (?:{_X}(?P<sets>{_NUM}))?
    (?:\s*@\s*(?P<rpe>{_NUM}))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_X_WITHOUT_WEIGHT = re.compile(r"(?:^|\s)[x×]\s*[0-9]", re.IGNORECASE)


class EntryError(ValueError):
    """Input that can't be logged; ``str(e)`` is one line saying what is wrong and what
    is accepted."""


@dataclass(frozen=True)
class SetSpec:
    exercise: str | None  # the exercise text as typed (stripped), None when omitted
    weight: float  # external load in `unit` (0 for plain bw)
    unit: str | None  # "kg" / "lb" if typed, else None (the caller uses the user's unit)
    reps: int
    sets: int = 1
    rpe: float | None = None
    warmup: bool = False
    bodyweight: bool = False

    def weight_kg(self, default_unit: str) -> float:
        """The external load in kg, reading it in `default_unit` when none was typed.

        Raises EntryError when that is 1000 kg or more (only possible when no unit was
        typed, since then `parse_set` can only check against the larger lb bound)."""
        unit = self.unit or UNIT_NAMES.get(default_unit.lower())
        if unit is None:
            raise ValueError(f"unknown unit {default_unit!r}; use kg or lb")
        kg = self.weight / LB_PER_KG if unit == "lb" else self.weight
        if kg >= MAX_KG:
            raise EntryError(_weight_message(f"{self.weight:g}{unit}"))
        return kg


def quote(text: str, limit: int = 40) -> str:
    """`text` quoted for a one-line message: whitespace collapsed, unprintables replaced,
    long text cut."""
    shown = "".join(c if c.isprintable() else "?" for c in " ".join(text.split()))
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return f"'{shown}'"


def parse_set(text: str) -> SetSpec:
    """Read one quick-entry line; raises only EntryError."""
    text = text.strip()
    if not text:
        raise EntryError(f"nothing to log: expected WEIGHTxREPS, {EXAMPLES}")
    if len(text) > MAX_LENGTH:
        raise EntryError(
            f"entry too long ({len(text)} characters, at most {MAX_LENGTH}): "
            f"expected WEIGHTxREPS, {EXAMPLES}"
        )
    m = _SET.fullmatch(text)
    if m is None:
        if _X_WITHOUT_WEIGHT.search(text):
            raise EntryError(
                f"can't read {quote(text)}: no weight before the x; "
                "expected WEIGHTxREPS, e.g. 100x5, or bw x8 for bodyweight"
            )
        raise EntryError(f"can't read {quote(text)}: expected WEIGHTxREPS, {EXAMPLES}")

    unit = None
    if m["unit"]:
        unit = UNIT_NAMES.get(m["unit"].lower())
        if unit is None:
            raise EntryError(
                f"unknown unit {quote(m['unit'])} in {quote(text)}: "
                "use kg or lb, e.g. 100kgx5, 225lbx5"
            )
        if m["bw"] and not m["added"]:
            raise EntryError(
                f"a unit needs a number in {quote(text)}: write bw+20kg, or bw alone for bodyweight"
            )

    raw_weight = m["added"] or m["weight"] or "0"
    weight = _number(raw_weight)
    limit = MAX_KG if unit == "kg" else MAX_KG * LB_PER_KG
    if not 0 <= weight < limit:
        raise EntryError(_weight_message(raw_weight + (unit or "")))

    reps = _number(m["reps"])
    if not (reps.is_integer() and 1 <= reps <= MAX_REPS):
        raise EntryError(
            f"reps must be a whole number from 1 to {MAX_REPS}, e.g. 100x5; got {quote(m['reps'])}"
        )
    sets = _number(m["sets"]) if m["sets"] else 1.0
    if not (sets.is_integer() and 1 <= sets <= MAX_SETS):
        raise EntryError(
            f"sets must be a whole number from 1 to {MAX_SETS}, e.g. 225x5x3 for "
            f"3 sets of 5; got {quote(m['sets'])}"
        )
    rpe = _number(m["rpe"]) if m["rpe"] else None
    if rpe is not None and not (6 <= rpe <= 10 and (rpe * 2).is_integer()):
        raise EntryError(
            f"RPE must be 6-10 in steps of 0.5, e.g. @8 or @8.5; got {quote('@' + m['rpe'])}"
        )

    exercise = (m["exercise"] or "").strip() or None
    return SetSpec(
        exercise=exercise,
        weight=weight,
        unit=unit,
        reps=int(reps),
        sets=int(sets),
        rpe=rpe,
        warmup=m["warmup"] is not None,
        bodyweight=m["bw"] is not None,
    )


def _number(text: str) -> float:
    """A number as matched by `_NUM` (digits, optional decimal point or comma); huge
    values come back as inf, which every range check rejects."""
    return float(text.replace(",", "."))


def _weight_message(got: str) -> str:
    return (
        f"weight must be at least 0 and under {MAX_KG:g} kg ({MAX_KG * LB_PER_KG:.1f} lb); "
        f"got {quote(got)}"
    )
