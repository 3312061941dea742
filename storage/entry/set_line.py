"""Quick entry: one line typed between sets, e.g. ``bench 100x5@8``.

Grammar (case-insensitive; spaces allowed around ``x`` and ``@`` and between a number and
its unit)::

    [MARK] [exercise] LOAD x REPS [x SETS] [@RPE]               reps
    [MARK] [exercise] [LOAD x] TIME [@RPE]                      a timed hold
    [MARK] [exercise] [LOAD] DISTANCE [TIME] [@RPE]             a distance

- MARK says the set's type: ``w`` warm-up, ``d`` drop set, ``f`` to failure, ``a`` (or
  ``amrap``) as many reps as possible; none is a working set (``w bench 60x5``, ``d 80x8``).
- The exercise is free text (spaces, digits, hyphens); the load is the last token before
  the ``x``. A space before the load may be left out after a word (``bench100x5``).
  Resolving the text to an exercise is `storage.entry.exercise_names`'s job.
- LOAD is a number (``102.5``; a decimal comma ``102,5`` reads the same), ``bw`` for
  bodyweight, ``bw+20`` for bodyweight plus 20 of external load, or ``bw-20`` for
  bodyweight with 20 of assistance (an assisted pull-up). The unit (``kg``, ``kgs``,
  ``lb``, ``lbs``) is optional; without one the caller applies the user's unit.
- TIME is seconds (``60s``, ``45 sec``), minutes (``2min``) or a clock (``1:30``,
  ``1:02:30``); DISTANCE is a number with its unit: ``m``, ``km``, ``mi``, ``ft``, ``yd``
  (``carry 40kg 30m``, ``run 5km 25:00``, ``row 2000m 7:45``).
- ``x`` may also be typed as ``×``. ``225lbx5x3`` is 3 sets of 5 at 225 lb.

On the workout screen (`parse_workout_entry`) a line may also start from the last set of
the selected exercise::

    [MARK] +AMOUNT[kg|lb] x REPS [x SETS] [@RPE]    last load plus AMOUNT (-AMOUNT: minus)
    [MARK] x REPS [x SETS] [@RPE]                   last load again
    [MARK] +TIME or +DISTANCE [@RPE]                 last set held longer or carried further
                                                    (``+10s``, ``+5m``; ``-`` for less)
    (empty line)                                    the last set again, exactly
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Any

from storage.model.records import (
    LB_PER_KG,
    MAX_DISTANCE_M,
    MAX_DURATION_S,
    MAX_SET_REPS,
    SetEntry,
    SetShape,
)
from storage.model.text import printable

EXAMPLES = "e.g. 100x5, 100x5@8, 225lbx5x3, bw+20x6, 60s, 40kg 30m"
WORKOUT_EXAMPLES = (
    "e.g. 100x5, 100x5@8, bw+20x6, 60s, 40kg 30m, +2.5x5, -5x8, x6, +10s, +5m, "
    "or Enter to repeat the last set"
)
MAX_KG = 1000.0
MAX_REPS = MAX_SET_REPS
MAX_SETS = 20
MAX_LENGTH = 200
UNIT_NAMES = {"kg": "kg", "kgs": "kg", "lb": "lb", "lbs": "lb"}
METRES = {"m": 1.0, "km": 1000.0, "mi": 1609.344, "ft": 0.3048, "yd": 0.9144}
SECONDS = {"s": 1, "sec": 1, "secs": 1, "min": 60, "mins": 60}
MARKS = {"w": "warmup", "d": "drop", "f": "failure", "a": "amrap", "amrap": "amrap"}
TYPED_MARKS = {"warmup": "w", "drop": "d", "failure": "f", "amrap": "a"}
# What starts from the last set, by the user's unit and the set's kind: the entry line's
# hint (a user of lb carries feet and runs miles).
NEXT_EXAMPLES = {
    "kg": {
        "reps": "+2.5x5 · x6 · 100x5@8",
        "timed": "+10s · -5s · 20kgx45s",
        "distance": "+5m · 40kg 30m · 5km 25:00",
    },
    "lb": {
        "reps": "+2.5x5 · x6 · 100x5@8",
        "timed": "+10s · -5s · 45lbx45s",
        "distance": "+5ft · 100lb 60ft · 3mi 24:00",
    },
}
# What a first set of an exercise looks like, by the user's unit and the exercise's kind:
# the entry line's hint before its first set (a strength exercise's is the general one).
FIRST_EXAMPLES = {
    "kg": {
        "timed": "60s · 1:30 · 20kg x 45s",
        "distance": "5km 25:00 · 40kg 30m · 2000m 7:45",
    },
    "lb": {
        "timed": "60s · 1:30 · 45lb x 45s",
        "distance": "3mi 24:00 · 100lb 60ft · 2000m 7:45",
    },
}
# Every form a set line takes, as (example, what it is): the workout screen's help.
SET_FORMS: tuple[tuple[str, str], ...] = (
    ("100x5@8 · 100x5x3", "reps: load x reps @RPE; x3 is 3 sets"),
    ("bw x8 · bw+20x6", "bodyweight, with added load"),
    ("bw-20x8", "assisted: bodyweight minus 20"),
    ("60s · 1:30 · 20kg x 45s", "a timed hold, with optional load"),
    ("5km 25:00 · 40kg 30m", "a distance (m km mi ft yd), load, time"),
    ("w 60x5 · d · f · a", "warm-up, drop set, to failure, AMRAP"),
    ("+2.5x5 · x6 · +10s · +5m", "from the last set; Enter repeats it"),
)
_KIND_NAMES = {"timed": "timed hold", "distance": "distance"}
NO_LAST_SET = (
    "there is no previous set of this exercise today to start from: "
    "type the weight and reps, e.g. 100x5 or bw x8"
)

_NUM = r"[0-9]+(?:[.,][0-9]+)?"
_X = r"\s*[x×]\s*"
_MARK = re.compile(r"(?P<mark>amrap|[wdfa])(?:\s+|(?=[0-9+-]))", re.IGNORECASE)
_RPE = re.compile(rf"\s*@\s*(?P<rpe>{_NUM})", re.IGNORECASE)
# The exercise is tried last (``??``) and as short as possible (``.*?``), so that
# "100 x 5 x 3" has no exercise and "bench 100 x 5 x 3" has "bench"; it ends in a letter,
# digit or ")" so that "bw + 20x6" is not exercise "bw +".
_EXERCISE = r"(?:(?P<exercise>.*?[\w)])(?:\s+|(?<=[^\W\d_]{2})))??"
_LOAD = rf"(?:(?P<bw>bw)(?:\s*(?P<bw_sign>[+-])\s*(?P<added>{_NUM}))?|(?P<weight>{_NUM}))"
_TIME = rf"(?:[0-9]+(?::[0-9]{{2}}){{1,2}}|{_NUM}\s*(?:secs|sec|s|mins|min))"
# Units, reps and sets are matched leniently so that validation can say what is wrong.
_SET = re.compile(
    rf"""
    {_EXERCISE}
    {_LOAD}
    (?:\s*(?P<unit>[a-z]+))?
    {_X}(?P<reps>{_NUM})
    (?:{_X}(?P<sets>{_NUM}))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
# "plank 60s", "20kg x 45s", "carry 40kg 30m", "run 5km 25:00": a load is optional.
_MEASURE = re.compile(
    rf"""
    {_EXERCISE}
    (?:{_LOAD}(?:\s*(?P<unit>kgs|kg|lbs|lb))?(?:{_X}|\s+))?
    (?:
        (?P<distance>{_NUM})\s*(?P<distance_unit>km|mi|ft|yd|m)(?:\s+(?P<distance_time>{_TIME}))?
      | (?P<time>{_TIME})
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)
_X_WITHOUT_WEIGHT = re.compile(r"(?:^|\s)[x×]\s*[0-9]", re.IGNORECASE)
# What follows the weight: "x5", "x5x3" (shared by the relative forms).
_TAIL = rf"""
    {_X}(?P<reps>{_NUM})
    (?:{_X}(?P<sets>{_NUM}))?
"""
# "+2.5x5", "-5lb x 8", "x6": relative to the last set of the exercise.
_RELATIVE = re.compile(
    rf"""
    (?:(?P<sign>[+-])\s*(?P<amount>{_NUM})(?:\s*(?P<unit>[a-z]+))?)?
    {_TAIL}
    """,
    re.IGNORECASE | re.VERBOSE,
)
# "+10s", "-5m", "+0.5km": the last timed or distance set, longer or shorter.
_RELATIVE_MEASURE = re.compile(
    rf"(?P<sign>[+-])\s*(?P<amount>{_NUM})\s*(?P<measure_unit>secs|sec|s|mins|min|km|mi|ft|yd|m)",
    re.IGNORECASE,
)
# A relative form after an exercise name ("bench +2.5x5", "bench x6"), to explain.
_NAMED_RELATIVE = re.compile(
    rf"""
    (?P<exercise>.*?[\w)])(?:\s*(?=[+-])|\s+)
    (?P<relative>(?:[+-]\s*{_NUM}(?:\s*[a-z]+)?)?{_TAIL}|[+-]\s*{_NUM}\s*[a-z]+)
    """,
    re.IGNORECASE | re.VERBOSE,
)


class EntryError(ValueError):
    """Input that can't be logged; ``str(e)`` is one line saying what is wrong and what
    is accepted."""


@dataclass(frozen=True)
class SetSpec(SetShape):
    exercise: str | None  # the exercise text as typed (stripped), None when omitted
    weight: float  # external load in `unit` (0 for plain bw or none; the assistance if assisted)
    unit: str | None  # "kg" / "lb" if typed, else None (the caller uses the user's unit)
    reps: int  # 0 for a timed or distance set
    sets: int = 1
    rpe: float | None = None
    warmup: bool = False
    bodyweight: bool = False
    assisted: bool = False
    duration_s: int | None = None
    distance_m: float | None = None
    set_type: str = ""  # "" (a working set) or one of `records.SET_TYPES`

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

    def entry_fields(self, default_unit: str) -> dict[str, Any]:
        """The fields of the `SetEntry` this line logs (each of its `sets`)."""
        return {
            "weight_kg": self.weight_kg(default_unit),
            "reps": self.reps,
            "rpe": self.rpe,
            "warmup": self.warmup,
            "bodyweight": self.bodyweight,
            "assisted": self.assisted,
            "duration_s": self.duration_s,
            "distance_m": self.distance_m,
            "set_type": self.set_type,
        }


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
    spec = _absolute_line(text)
    if spec is None:
        if _X_WITHOUT_WEIGHT.search(text):
            raise EntryError(
                f"can't read {quote(text)}: no weight before the x; "
                "expected WEIGHTxREPS, e.g. 100x5, or bw x8 for bodyweight"
            )
        raise EntryError(f"can't read {quote(text)}: expected WEIGHTxREPS, {EXAMPLES}")
    return spec


@dataclass(frozen=True)
class LastSet(SetShape):
    """The last set of the exercise selected on the workout screen, in the log's terms."""

    weight_kg: float  # external load in kg (for bodyweight sets: the added or assisting load)
    reps: int
    rpe: float | None = None
    warmup: bool = False
    bodyweight: bool = False
    assisted: bool = False
    duration_s: int | None = None
    distance_m: float | None = None
    set_type: str = ""

    @classmethod
    def of(cls, entry: SetEntry) -> LastSet:
        return cls(
            entry.weight_kg,
            entry.reps,
            entry.rpe,
            entry.warmup,
            entry.bodyweight,
            entry.assisted,
            entry.duration_s,
            entry.distance_m,
            entry.set_type,
        )


def parse_workout_entry(
    text: str, last: LastSet | None, unit: str, *, no_last: str = NO_LAST_SET
) -> SetSpec:
    """Read one line typed on the workout screen, where `last` is the last set of the
    selected exercise today (None when there is none) and `unit` the user's unit.

    Accepts everything `parse_set` does, plus forms relative to `last`: ``+2.5x5`` /
    ``-5x8`` (its load plus/minus the amount, in `unit` unless one is typed: ``+5lbx5``;
    for a bodyweight set the added load changes, for an assisted one the assistance
    shrinks), ``x6`` (its load again; these after a set of reps only), ``+10s`` /
    ``+5m`` (its load held longer or carried further) and an empty line (the same set
    again, RPE and type included). ``@RPE``, ``xSETS`` and a leading mark (``w``, ``d``,
    ``f``, ``a``) work as in `parse_set`;
    otherwise the relative forms are plain working sets without RPE.

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
        last = _require_last(last, "an empty line repeats the last set", no_last)
        return SetSpec(
            exercise=None,
            weight=last.weight_kg,
            unit="kg",
            reps=last.reps,
            rpe=last.rpe,
            warmup=last.warmup,
            bodyweight=last.bodyweight,
            assisted=last.assisted,
            duration_s=last.duration_s,
            distance_m=last.distance_m,
            set_type=last.set_type,
        )
    _check_length(text, WORKOUT_EXAMPLES)

    mark, body, rpe = _split(text)
    relative = _RELATIVE.fullmatch(body)
    measure = None if relative else _RELATIVE_MEASURE.fullmatch(body)
    if relative is not None or measure is not None:
        last = _require_last(last, f"{quote(text)} starts from the last set", no_last)
        if relative is not None:
            if last.kind != "reps":
                raise EntryError(
                    f"{quote(text)} is the last set's load with new reps, and the last set "
                    f"was not a set of reps but a {_KIND_NAMES[last.kind]}; type the set, "
                    "e.g. 60s, 40kg 30m or 100x5"
                )
            spec = _relative(relative, text, last, user_unit)
        else:
            spec = _relative_measure(measure, text, last)
        return _marked(spec, mark, rpe)
    spec = _absolute_line(text)
    if spec is not None:
        spec = replace(spec, unit=spec.unit or user_unit)
        spec.weight_kg(user_unit)  # the bound in kg, for a weight typed without a unit
        return spec
    m = _NAMED_RELATIVE.fullmatch(body)
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
    `+2.5x5`, `x6`, `60s`, `+5m`), not a part of one (`bench`, `w`, `@8`, `40kg`)."""
    text = text.strip()
    if not text:
        return False
    try:
        _mark, body, _rpe = _split(text)
        if _RELATIVE.fullmatch(body) or _RELATIVE_MEASURE.fullmatch(body):
            return True
        return _absolute_line(text) is not None
    except EntryError:
        return True  # a set, one that cannot be: reading it says why


def _split(text: str) -> tuple[str, str, str | None]:
    """`text` as its set-type mark ("" for none, else a `MARKS` value), the rest, and the
    RPE typed after ``@`` (None when none was)."""
    mark = ""
    if (m := _MARK.match(text)) is not None and text[m.end() :].strip():
        mark, rest = MARKS[m["mark"].lower()], text[m.end() :]
        if (again := _MARK.match(rest)) is not None and rest[again.end() :].strip():
            raise EntryError(
                f"can't read {quote(text)}: one set type at a time "
                "(w warm-up, d drop, f failure, a AMRAP), e.g. d bench 60x5"
            )
        text = rest
    rpe = None
    if (r := _RPE.search(text)) is not None and r.end() == len(text):
        rpe, text = r["rpe"], text[: r.start()]
    return mark, text.strip(), rpe


def _marked(spec: SetSpec, mark: str, rpe: str | None) -> SetSpec:
    return replace(
        spec,
        rpe=_rpe(rpe),
        warmup=mark == "warmup",
        set_type="" if mark == "warmup" else mark,
    )


def _absolute_line(text: str) -> SetSpec | None:
    """The set an absolute line means, None when no form of the grammar reads it."""
    mark, body, rpe = _split(text)
    if (m := _SET.fullmatch(body)) is not None:
        weight, unit, bodyweight, assisted = _load(m, text)
        reps, sets = _reps_sets(m)
        spec = SetSpec(
            _exercise(m), weight, unit, reps, sets, bodyweight=bodyweight, assisted=assisted
        )
    elif (m := _MEASURE.fullmatch(body)) is not None:
        weight, unit, bodyweight, assisted = _load(m, text)
        time = m["distance_time"] or m["time"]
        spec = SetSpec(
            _exercise(m),
            weight,
            unit,
            0,
            bodyweight=bodyweight,
            assisted=assisted,
            duration_s=None if time is None else _duration(time),
            distance_m=None if m["distance"] is None else _distance(m, text),
        )
    else:
        return None
    name, mark = _mark_after_name(spec.exercise, mark, text)
    return _marked(replace(spec, exercise=name), mark, rpe)


def _exercise(m: re.Match[str]) -> str | None:
    return (m["exercise"] or "").strip() or None


def _mark_after_name(name: str | None, mark: str, text: str) -> tuple[str | None, str]:
    """A mark typed after the exercise's name (`bench w 60x5`) is the set's type, as
    before it: the name without it, and the mark."""
    words = (name or "").split()
    if len(words) < 2 or words[-1].lower() not in MARKS:
        return name, mark
    if mark:
        raise EntryError(
            f"can't read {quote(text)}: one set type at a time "
            "(w warm-up, d drop, f failure, a AMRAP), e.g. d bench 60x5"
        )
    return " ".join(words[:-1]), MARKS[words[-1].lower()]


def _relative(m: re.Match[str], text: str, last: LastSet, unit: str) -> SetSpec:
    """The set meant by a `_RELATIVE` match ("+2.5x5", "x6"), starting from `last`."""
    reps, sets = _reps_sets(m)
    amount_unit = _unit(m["unit"], text, "+2.5kgx5, +5lbx5") or unit
    # An assisted set's load is below its bodyweight: its assistance counts as negative.
    kg = -last.weight_kg if last.assisted else last.weight_kg
    if m["sign"]:
        amount = _number(m["amount"])
        amount_kg = amount / LB_PER_KG if amount_unit == "lb" else amount
        kg = kg + amount_kg if m["sign"] == "+" else kg - amount_kg
        if -1e-9 < kg < 0:  # float noise, e.g. 225 lb stored in kg, then -225lb
            kg = 0.0
        if kg < 0 and not last.bodyweight:
            raise EntryError(
                f"that takes the weight below 0: the last set was "
                f"{_show(last.weight_kg, unit)}, and {quote(text)} takes off "
                f"{_show(amount_kg, unit)}; {WORKOUT_EXAMPLES}"
            )
        if not abs(kg) < MAX_KG:
            raise EntryError(
                f"that takes the weight to {_show(abs(kg), unit)}: it must be "
                f"under {MAX_KG:g} kg ({MAX_KG * LB_PER_KG:.1f} lb), e.g. +2.5x5, -5x8, x6"
            )
    return SetSpec(
        exercise=None,
        weight=abs(kg),
        unit="kg",
        reps=reps,
        sets=sets,
        bodyweight=last.bodyweight,
        assisted=kg < 0,
    )


def _relative_measure(m: re.Match[str], text: str, last: LastSet) -> SetSpec:
    """The set meant by a `_RELATIVE_MEASURE` match ("+10s", "-5m"): `last`, a timed hold
    held longer or a distance gone further (its time left out: it was for the old one)."""
    unit = m["measure_unit"].lower()
    sign = 1 if m["sign"] == "+" else -1
    spec = SetSpec(
        exercise=None,
        weight=last.weight_kg,
        unit="kg",
        reps=0,
        bodyweight=last.bodyweight,
        assisted=last.assisted,
    )
    if unit in SECONDS:
        if last.duration_s is None or last.distance_m is not None:
            raise EntryError(
                f"{quote(text)} adds time to a timed hold, and the last set was not one; "
                "type the set, e.g. 60s or 20kgx45s"
            )
        seconds = _seconds(_number(m["amount"]) * SECONDS[unit], text)
        return replace(spec, duration_s=_checked_seconds(last.duration_s + sign * seconds, text))
    if last.distance_m is None:
        raise EntryError(
            f"{quote(text)} adds distance to a distance set, and the last set was not one; "
            "type the set, e.g. 40kg 30m or 5km 25:00"
        )
    # Added in the unit typed, to the last distance as read in it: a foot or a tenth of a
    # mile is not a whole millimetre, and rounding each step would drift (+1ft ten times).
    length = METRES[unit]
    start = _amount_in(last.distance_m, length)
    start = last.distance_m / length if start is None else start
    metres = (start + sign * _number(m["amount"])) * length
    return replace(spec, distance_m=_checked_metres(metres, text))


def _require_last(last: LastSet | None, what: str, no_last: str) -> LastSet:
    if last is None:
        raise EntryError(f"{what}, but {no_last}")
    return last


def _load(m: re.Match[str], text: str) -> tuple[float, str | None, bool, bool]:
    """The load of a `_SET` or `_MEASURE` match: its number, the unit typed (None when
    none was), whether it is bodyweight and whether the number is assistance."""
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
    return weight, unit, m["bw"] is not None, m["bw_sign"] == "-" and weight > 0


def _duration(raw: str) -> int:
    """Seconds of a `_TIME` match: '60s', '2min', '1:30', '1:02:30'."""
    if ":" in raw:
        first, *rest = (int(part) for part in raw.split(":"))
        if any(part >= 60 for part in rest):
            raise EntryError(
                f"can't read the time {quote(raw)}: minutes and seconds go to 59, e.g. 1:30"
            )
        seconds = first
        for part in rest:
            seconds = seconds * 60 + part
        return _checked_seconds(seconds, raw)
    m = re.fullmatch(rf"(?P<amount>{_NUM})\s*(?P<unit>[a-z]+)", raw, re.IGNORECASE)
    return _checked_seconds(_seconds(_number(m["amount"]) * SECONDS[m["unit"].lower()], raw), raw)


def _seconds(value: float, text: str) -> int:
    if not value.is_integer():
        raise EntryError(f"a time is whole seconds, e.g. 45s or 1:30; got {quote(text)}")
    return int(value)


def _checked_seconds(seconds: int, text: str) -> int:
    if not 1 <= seconds <= MAX_DURATION_S:
        raise EntryError(
            f"a time must be from 1 s to {MAX_DURATION_S // 3600} hours, e.g. 60s or 1:30; "
            f"got {quote(text)}"
        )
    return seconds


def _distance(m: re.Match[str], text: str) -> float:
    return _checked_metres(_number(m["distance"]) * METRES[m["distance_unit"].lower()], text)


def _checked_metres(metres: float, text: str) -> float:
    """`metres` to the millimetre, or EntryError when it is not a distance a set can go."""
    if not 0.0005 <= metres <= MAX_DISTANCE_M:
        raise EntryError(
            f"a distance must be above 0 and at most {MAX_DISTANCE_M / 1000:g} km, "
            f"e.g. 30m or 5km; got {quote(text)}"
        )
    return round(metres, 3)


def typed_set(exercise: str, entry: SetEntry, unit: str) -> str:
    """The line `parse_set` reads back as `entry` of the exercise named `exercise`, in the
    user's `unit` where that keeps the weight to the gram: 'Bench Press 100kgx5@8',
    'w Squat 225lbx5', 'Dip bw+20kgx6', 'Pull-up bwx8', 'Plank 1:30'."""
    return typed_entry(entry, unit, exercise)


def typed_entry(entry: SetEntry, unit: str, exercise: str = "") -> str:
    """`entry` as typed in the entry line, read back to the gram, the millimetre and the
    second: '225lbx5@8', 'w 60kgx5', 'bw-20kgx8', '20kgx45s', '40kg 30m', '5km 25:00',
    'd 80kgx8'; with an exercise's name before the load when one is given."""
    load = typed_load(entry.weight_kg, unit)
    if entry.bodyweight:
        load = f"bw{'-' if entry.assisted else '+'}{load}" if entry.weight_kg else "bw"
    distance = "" if entry.distance_m is None else typed_distance(entry.distance_m, unit)
    line = measure_line(entry, load, distance)
    if entry.rpe is not None:
        line += f"@{entry.rpe:g}"
    if exercise:
        line = f"{exercise} {line}"
    mark = TYPED_MARKS.get(entry.type_name)
    return f"{mark} {line}" if mark else line


def measure_line(entry: SetEntry | LastSet, load: str, distance: str) -> str:
    """What a set did, as a lifter writes it, from its `load` and `distance` written out:
    '100x5', '20kgx45s' ('1:30' without a load), '40kg 30m 1:30'."""
    if entry.kind == "reps":
        return f"{load}x{entry.reps}"
    if not (entry.weight_kg or entry.bodyweight):
        load = ""
    time = None if entry.duration_s is None else typed_duration(entry.duration_s)
    if entry.kind == "timed":
        return f"{load}x{time}" if load else time
    return " ".join(filter(None, (load, distance, time)))


def typed_duration(seconds: int) -> str:
    """Seconds as typed: '45s', '1:30', '1:02:30'."""
    if seconds < 60:
        return f"{seconds}s"
    hours, rest = divmod(seconds, 3600)
    clock = f"{rest // 60:02d}:{rest % 60:02d}"
    return f"{hours}:{clock}" if hours else clock.removeprefix("0")


def typed_distance(metres: float, unit: str) -> str:
    """A distance as typed, read back to the millimetre: in miles, else feet, for a user
    of lb ('1mi', '100ft'); in km, else m, otherwise ('5km', '30m'). Miles and km only
    where three decimals of them keep it exact."""
    lb = UNIT_NAMES.get(unit.lower()) == "lb"
    tried = ("mi", "ft") if lb else ("km",)
    for name in tried:
        if name != "ft" and metres < METRES[name]:
            continue
        if (amount := _amount_in(metres, METRES[name])) is not None:
            return f"{_typed_number(amount, math.inf)}{name}"
    return f"{_typed_number(metres, math.inf)}m"


def _amount_in(metres: float, length: float) -> float | None:
    """`metres` in a unit `length` metres long, with the fewest decimals (at most 3) that
    read back to the same millimetre: 303 ft, not 302.999; None when none does."""
    for places in range(4):
        amount = round(metres / length, places)
        if round(amount * length, 3) == metres:
            return amount
    return None


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


def _reps_sets(m: re.Match[str]) -> tuple[int, int]:
    """The checked reps and sets of a match with the groups of `_TAIL`."""
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
    return int(reps), int(sets)


def _rpe(raw: str | None) -> float | None:
    """The checked RPE typed after ``@``."""
    rpe = _number(raw) if raw else None
    if rpe is not None and not (6 <= rpe <= 10 and (rpe * 2).is_integer()):
        raise EntryError(
            f"RPE must be 6-10 in steps of 0.5, e.g. @8 or @8.5; got {quote('@' + raw)}"
        )
    return rpe


def _number(text: str) -> float:
    """A number as matched by `_NUM` (digits, optional decimal point or comma); huge
    values come back as inf, which every range check rejects."""
    return float(text.replace(",", "."))


def _show(kg: float, unit: str) -> str:
    """`kg` for a message, in `unit` to at most 2 decimals ("102.5 kg")."""
    value = kg * LB_PER_KG if unit == "lb" else kg
    return f"{round(value, 2):g} {unit}"


def _weight_message(got: str) -> str:
    return (
        f"weight must be at least 0 and under {MAX_KG:g} kg ({MAX_KG * LB_PER_KG:.1f} lb); "
        f"got {quote(got)}"
    )
