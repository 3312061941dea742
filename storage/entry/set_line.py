"""Quick entry: one line typed between sets, e.g. ``bench 100x5@8``.

Grammar (case-insensitive; spaces allowed around ``x`` and ``@`` and between a number and
its unit)::

    [w] [exercise] WEIGHT[kg|lb] x REPS [x SETS] [@RPE]

- ``w`` first marks a warm-up set (``w bench 60x5``, ``w 60x5``).
- The exercise is free text (spaces, digits, hyphens); the weight is the last token before
  the ``x``. A space before the weight may be left out after a word (``bench100x5``).
  Resolving the text to an exercise is `storage.entry.exercise_names`'s job.
- WEIGHT is a number (``102.5``; a decimal comma ``102,5`` reads the same), ``bw`` for
  bodyweight, or ``bw+20`` for bodyweight plus 20 of external load. The unit (``kg``,
  ``kgs``, ``lb``, ``lbs``) is optional; without one the caller applies the user's unit.
- ``x`` may also be typed as ``×``. ``225lbx5x3`` is 3 sets of 5 at 225 lb.

On the workout screen (`parse_workout_entry`) a line may also start from the last set of
the selected exercise::

    [w] +AMOUNT[kg|lb] x REPS [x SETS] [@RPE]    last weight plus AMOUNT (-AMOUNT: minus)
    [w] x REPS [x SETS] [@RPE]                   last weight again
    (empty line)                                 the last set again, exactly
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from storage.model.records import LB_PER_KG, SetEntry
from storage.model.text import printable

EXAMPLES = "e.g. 100x5, 100x5@8, 225lbx5x3, bw+20x6"
WORKOUT_EXAMPLES = "e.g. 100x5, 100x5@8, bw+20x6, +2.5x5, -5x8, x6, or Enter to repeat the last set"
MAX_KG = 1000.0
MAX_REPS = 100
MAX_SETS = 20
MAX_LENGTH = 200
UNIT_NAMES = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb"}
NO_LAST_SET = (
    "there is no previous set of this exercise today to start from: "
    "type the weight and reps, e.g. 100x5 or bw x8"
)

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
# What follows the weight: "x5", "x5x3@8" (shared by the relative forms).
_TAIL = rf"""
    {_X}(?P<reps>{_NUM})
    (?:{_X}(?P<sets>{_NUM}))?
    (?:\s*@\s*(?P<rpe>{_NUM}))?
"""
# "+2.5x5", "-5lb x 8 @ 8", "x6", "w x6x3": relative to the last set of the exercise.
_RELATIVE = re.compile(
    rf"""
    (?:(?P<warmup>w)(?:\s+|(?=[+-])))?
    (?:(?P<sign>[+-])\s*(?P<amount>{_NUM})(?:\s*(?P<unit>[a-z]+))?)?
    {_TAIL}
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A relative form after an exercise name ("bench +2.5x5", "bench x6"), to explain.
_NAMED_RELATIVE = re.compile(
    rf"""
    (?:w\s+)?
    (?P<exercise>.*?[\w)])(?:\s*(?=[+-])|\s+)
    (?P<relative>(?:[+-]\s*{_NUM}(?:\s*[a-z]+)?)?{_TAIL})
    """,
    re.IGNORECASE | re.VERBOSE,
)


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
    """`text` quoted for a one-line message: whitespace collapsed, made printable
    (`storage.model.text`), long text cut."""
    shown = printable(" ".join(text.split()))
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return f"'{shown}'"


def parse_set(text: str) -> SetSpec:
    """Read one quick-entry line; raises only EntryError."""
    text = text.strip()
    if not text:
        raise EntryError(f"nothing to log: expected WEIGHTxREPS, {EXAMPLES}")
    _check_length(text, EXAMPLES)
    m = _SET.fullmatch(text)
    if m is None:
        if _X_WITHOUT_WEIGHT.search(text):
            raise EntryError(
                f"can't read {quote(text)}: no weight before the x; "
                "expected WEIGHTxREPS, e.g. 100x5, or bw x8 for bodyweight"
            )
        raise EntryError(f"can't read {quote(text)}: expected WEIGHTxREPS, {EXAMPLES}")
    return _absolute(m, text)


@dataclass(frozen=True)
class LastSet:
    """The last set of the exercise selected on the workout screen, in the log's terms."""

    weight_kg: float  # external load in kg (for bodyweight sets: the added load)
    reps: int
    rpe: float | None = None
    warmup: bool = False
    bodyweight: bool = False

    @classmethod
    def of(cls, entry: SetEntry) -> LastSet:
        return cls(entry.weight_kg, entry.reps, entry.rpe, entry.warmup, entry.bodyweight)


def parse_workout_entry(
    text: str, last: LastSet | None, unit: str, *, no_last: str = NO_LAST_SET
) -> SetSpec:
    """Read one line typed on the workout screen, where `last` is the last set of the
    selected exercise today (None when there is none) and `unit` the user's unit.

    Accepts everything `parse_set` does, plus forms relative to `last`: ``+2.5x5`` /
    ``-5x8`` (its weight plus/minus the amount, in `unit` unless one is typed: ``+5lbx5``;
    for a bodyweight set the added load changes), ``x6`` (its weight again) and an empty
    line (the same set again, RPE and warm-up flag included). ``@RPE``, ``xSETS`` and a
    leading ``w`` work as in `parse_set`; otherwise the relative forms are plain work sets
    without RPE.

    The result is absolute, its unit always set: the typed or user's unit for an absolute
    line, "kg" when the weight comes from `last` (so no precision is lost). Its exercise is
    None unless a name was typed. Raises only EntryError for bad input (ValueError for
    an unknown `unit`). `no_last` says why there is no `last` and what to type instead.
    """
    user_unit = UNIT_NAMES.get(unit.lower())
    if user_unit is None:
        raise ValueError(f"unknown unit {unit!r}; use kg or lb")
    text = text.strip()
    if not text:
        last = _require_last(last, "nothing to repeat", no_last)
        return SetSpec(
            exercise=None,
            weight=last.weight_kg,
            unit="kg",
            reps=last.reps,
            rpe=last.rpe,
            warmup=last.warmup,
            bodyweight=last.bodyweight,
        )
    _check_length(text, WORKOUT_EXAMPLES)

    m = _RELATIVE.fullmatch(text)
    if m is not None:
        return _relative(
            m,
            text,
            _require_last(last, f"{quote(text)} starts from the last set", no_last),
            user_unit,
        )
    m = _SET.fullmatch(text)
    if m is not None:
        spec = _absolute(m, text)
        spec = replace(spec, unit=spec.unit or user_unit)
        spec.weight_kg(user_unit)  # the bound in kg, for a weight typed without a unit
        return spec
    m = _NAMED_RELATIVE.fullmatch(text)
    if m is not None:
        name = " ".join(m["exercise"].split())[:30]
        raise EntryError(
            f"can't read {quote(text)}: {quote(m['relative'], 20)} starts from the selected "
            "exercise's last set, so type it without a name; with a name give the weight, "
            f"e.g. {quote(name + ' 100x5')} or {quote(name + ' bw x8')}"
        )
    raise EntryError(f"can't read {quote(text)}: expected WEIGHTxREPS, {WORKOUT_EXAMPLES}")


def is_set_line(text: str) -> bool:
    """Whether `text` is a whole line of sets on its own (`100x5@8`, `bench 100x5`,
    `+2.5x5`, `x6`), not a part of one (`bench`, `w`, `@8`)."""
    text = text.strip()
    return bool(text) and (_RELATIVE.fullmatch(text) or _SET.fullmatch(text)) is not None


def _relative(m: re.Match[str], text: str, last: LastSet, unit: str) -> SetSpec:
    """The set meant by a `_RELATIVE` match ("+2.5x5", "x6"), starting from `last`."""
    reps, sets, rpe = _reps_sets_rpe(m)
    amount_unit = _unit(m["unit"], text, "+2.5kgx5, +5lbx5") or unit
    kg = last.weight_kg
    if m["sign"]:
        amount = _number(m["amount"])
        amount_kg = amount / LB_PER_KG if amount_unit == "lb" else amount
        kg = kg + amount_kg if m["sign"] == "+" else kg - amount_kg
        if -1e-9 < kg < 0:  # float noise, e.g. 225 lb stored in kg, then -225lb
            kg = 0.0
        if kg < 0:
            raise EntryError(
                f"that takes the weight below 0: the last set was "
                f"{_show(last.weight_kg, unit, last.bodyweight)}, and {quote(text)} takes off "
                f"{_show(amount_kg, unit)}; {WORKOUT_EXAMPLES}"
            )
        if not kg < MAX_KG:
            raise EntryError(
                f"that takes the weight to {_show(kg, unit, last.bodyweight)}: it must be "
                f"under {MAX_KG:g} kg ({MAX_KG * LB_PER_KG:.1f} lb), e.g. +2.5x5, -5x8, x6"
            )
    return SetSpec(
        exercise=None,
        weight=kg,
        unit="kg",
        reps=reps,
        sets=sets,
        rpe=rpe,
        warmup=m["warmup"] is not None,
        bodyweight=last.bodyweight,
    )


def _require_last(last: LastSet | None, what: str, no_last: str) -> LastSet:
    if last is None:
        raise EntryError(f"{what}, but {no_last}")
    return last


def _absolute(m: re.Match[str], text: str) -> SetSpec:
    """The set meant by a `_SET` match of `text`."""
    unit = _unit(m["unit"], text, "100kgx5, 225lbx5")
    if unit and m["bw"] and not m["added"]:
        raise EntryError(
            f"a unit needs a number in {quote(text)}: write bw+20kg, or bw alone for bodyweight"
        )

    raw_weight = m["added"] or m["weight"] or "0"
    weight = _number(raw_weight)
    limit = MAX_KG if unit == "kg" else MAX_KG * LB_PER_KG
    if not 0 <= weight < limit:
        raise EntryError(_weight_message(raw_weight + (unit or "")))

    reps, sets, rpe = _reps_sets_rpe(m)
    exercise = (m["exercise"] or "").strip() or None
    return SetSpec(
        exercise=exercise,
        weight=weight,
        unit=unit,
        reps=reps,
        sets=sets,
        rpe=rpe,
        warmup=m["warmup"] is not None,
        bodyweight=m["bw"] is not None,
    )


def typed_set(exercise: str, entry: SetEntry, unit: str) -> str:
    """The line `parse_set` reads back as `entry` of the exercise named `exercise`, in the
    user's `unit` where that keeps the weight to the gram: 'Bench Press 100kgx5@8',
    'w Squat 225lbx5', 'Dip bw+20kgx6', 'Pull-up bwx8'."""
    return typed_entry(entry, unit, exercise)


def typed_entry(entry: SetEntry, unit: str, exercise: str = "") -> str:
    """`entry` as typed in the entry line, read back to the gram: '225lbx5@8', 'w 60kgx5',
    'bw+20kgx6'; with an exercise's name before the load when one is given."""
    load = typed_load(entry.weight_kg, unit)
    if entry.bodyweight:
        load = f"bw+{load}" if entry.weight_kg else "bw"
    line = f"{load}x{entry.reps}"
    if entry.rpe is not None:
        line += f"@{entry.rpe:g}"
    if exercise:
        line = f"{exercise} {line}"
    return f"w {line}" if entry.warmup else line


def typed_load(kg: float, unit: str) -> str:
    """A load as typed, read back to the gram: in `unit` where that keeps it ('225lb'),
    else in kg ('102.5kg')."""
    unit = UNIT_NAMES.get(unit.lower(), "kg")
    lb = unit == "lb"
    shown = _typed_number(kg * LB_PER_KG, MAX_KG * LB_PER_KG) if lb else _typed_number(kg)
    back = float(shown) / LB_PER_KG if lb else float(shown)
    if abs(back - kg) > 1e-6 or back >= MAX_KG:
        unit, shown = "kg", _typed_number(kg)
    return f"{shown}{unit}"


def _typed_number(value: float, limit: float = MAX_KG) -> str:
    """`value` to 3 decimals as `_NUM` reads it ('102.5', '100', never '1e+02'), rounded
    down where rounding would reach `limit`."""
    shown = f"{value:.3f}"
    if float(shown) >= limit:
        shown = f"{math.floor(value * 1000) / 1000:.3f}"
    return shown.rstrip("0").rstrip(".")


def _check_length(text: str, examples: str) -> None:
    if len(text) > MAX_LENGTH:
        raise EntryError(
            f"entry too long ({len(text)} characters, at most {MAX_LENGTH}): "
            f"expected WEIGHTxREPS, {examples}"
        )


def _unit(typed: str | None, text: str, examples: str) -> str | None:
    """The unit `typed` (None when none was), or EntryError naming `text`."""
    if not typed:
        return None
    unit = UNIT_NAMES.get(typed.lower())
    if unit is None:
        raise EntryError(
            f"unknown unit {quote(typed)} in {quote(text)}: use kg or lb, e.g. {examples}"
        )
    return unit


def _reps_sets_rpe(m: re.Match[str]) -> tuple[int, int, float | None]:
    """The checked reps, sets and RPE of a match with the groups of `_TAIL`."""
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
    return int(reps), int(sets), rpe


def _number(text: str) -> float:
    """A number as matched by `_NUM` (digits, optional decimal point or comma); huge
    values come back as inf, which every range check rejects."""
    return float(text.replace(",", "."))


def _show(kg: float, unit: str, bodyweight: bool = False) -> str:
    """`kg` for a message, in `unit` to at most 2 decimals ("102.5 kg", "bw+20 kg")."""
    value = kg * LB_PER_KG if unit == "lb" else kg
    shown = f"{round(value, 2):g} {unit}"
    return f"bw+{shown}" if bodyweight else shown


def _weight_message(got: str) -> str:
    return (
        f"weight must be at least 0 and under {MAX_KG:g} kg ({MAX_KG * LB_PER_KG:.1f} lb); "
        f"got {quote(got)}"
    )
