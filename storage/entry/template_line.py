"""A template's exercise as one typed line, e.g. ``bench 3x5@8 rest 3:00 100``.

Grammar (case-insensitive; spaces allowed around ``x`` and ``@``)::

    [&] EXERCISE SETSxREPS [@RPE] [rest TIME] [LOAD[kg|lb]]

- A leading ``&`` does the exercise as a superset (or circuit) with the line above: a set
  of each in turn, the rest after the last (`storage.model.supersets`). ``&`` begins no
  exercise name, set or relative form (``+2.5x5`` is a set's), so it cannot be misread.

- EXERCISE is a name or alias, resolved as on the workout screen
  (`storage.entry.exercise_names`).
- SETSxREPS is sets first, as programs are written: ``3x5`` is 3 sets of 5 (the workout
  screen's ``100x5`` is a weight and reps: a template plans sets, its load is optional).
- TIME is the rest after each set: ``3:00``, ``90s``, ``90`` (seconds) or ``2m``.
- LOAD is the planned weight, in the user's unit unless one is typed: ``100``, ``225lb``.
- ``rest`` and the load may come in either order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storage.entry.exercise_names import find_exercise
from storage.entry.set_line import MAX_LENGTH, UNIT_NAMES, EntryError, quote, typed_load
from storage.errors import ValidationError
from storage.model.records import LB_PER_KG, Exercise, Template, TemplateItem
from storage.model.validation import check_template

FORM = "EXERCISE SETSxREPS [@RPE] [rest 3:00] [LOAD]"
WITH_ABOVE = "&"
EXAMPLES = "e.g. bench 3x5@8 rest 3:00 100"

_NUM = r"[0-9]+(?:[.,][0-9]+)?"
_LINE = re.compile(
    rf"""
    (?P<exercise>.*?\S)\s+
    (?P<sets>{_NUM})\s*[x×]\s*(?P<reps>{_NUM})
    (?:\s*@\s*(?P<rpe>{_NUM}))?
    (?P<tail>\s.*)?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_LOAD = re.compile(rf"(?P<load>{_NUM})\s*(?P<unit>[a-z]+)?", re.IGNORECASE)
_TIME = re.compile(
    r"(?:(?P<minutes>[0-9]+):(?P<seconds>[0-5][0-9])|(?P<amount>[0-9]+)\s*(?P<per>s|m|min)?)",
    re.IGNORECASE,
)


def parse_template_line(text: str, exercises: Sequence[Exercise], unit: str) -> TemplateItem:
    """Read one template line; `unit` is the user's, for a load typed without one.
    Raises EntryError (UnknownExercise, AmbiguousExercise among them) saying what is wrong
    and what is accepted."""
    text = text.strip()
    if not text:
        raise EntryError(f"nothing to add: expected {FORM}, {EXAMPLES}")
    if len(text) > MAX_LENGTH:
        raise EntryError(f"line too long ({len(text)} characters, at most {MAX_LENGTH})")
    with_above = text.startswith(WITH_ABOVE)
    m = _LINE.fullmatch(text.removeprefix(WITH_ABOVE).strip())
    if m is None:
        raise EntryError(f"can't read {quote(text)}: expected {FORM}, {EXAMPLES}")
    rest_s, weight_kg = _tail(m["tail"] or "", text, unit)
    item = TemplateItem(
        exercise=find_exercise(m["exercise"], exercises).id,
        sets=_whole(m["sets"]),
        reps=_whole(m["reps"]),
        rpe=_number(m["rpe"]) if m["rpe"] else None,
        rest_s=rest_s,
        weight_kg=weight_kg,
        with_above=with_above,
    )
    try:
        check_template(Template(name="line", items=[item]))
    except ValidationError as exc:
        raise EntryError(f"{exc}; a line is SETSxREPS first, {EXAMPLES}") from None
    return item


def template_line(item: TemplateItem, name: str, unit: str) -> str:
    """The line `parse_template_line` reads back as `item` of the exercise named `name`."""
    line = f"{WITH_ABOVE} " if item.with_above else ""
    line += f"{name} {item.sets}x{item.reps}"
    if item.rpe is not None:
        line += f"@{item.rpe:g}"
    if item.rest_s is not None:
        line += f" rest {item.rest_s // 60}:{item.rest_s % 60:02d}"
    if item.weight_kg is not None:
        line += f" {typed_load(item.weight_kg, unit)}"
    return line


def _tail(tail: str, text: str, unit: str) -> tuple[int | None, float | None]:
    """The rest and the load after SETSxREPS@RPE."""
    rest_s: int | None = None
    weight_kg: float | None = None
    rest = re.search(r"(?:^|\s)rest(?:\s+(?P<time>\S+)|\s*$)", tail, re.IGNORECASE)
    if rest is not None:
        if rest["time"] is None:
            raise EntryError(f"rest needs a time in {quote(text)}: e.g. rest 3:00, rest 90s")
        rest_s = _seconds(rest["time"], text)
        tail = tail[: rest.start()] + " " + tail[rest.end() :]
    tail = tail.strip()
    if tail:
        load = _LOAD.fullmatch(tail)
        if load is None:
            raise EntryError(
                f"can't read {quote(tail)} in {quote(text)}: after SETSxREPS@RPE come "
                "rest 3:00 and a load, e.g. 100 or 225lb"
            )
        typed_unit = UNIT_NAMES.get((load["unit"] or unit).lower())
        if typed_unit is None:
            raise EntryError(f"unknown unit {quote(load['unit'])} in {quote(text)}: use kg or lb")
        weight_kg = _number(load["load"])
        if typed_unit == "lb":
            weight_kg /= LB_PER_KG
    return rest_s, weight_kg


def _seconds(time: str, text: str) -> int:
    m = _TIME.fullmatch(time)
    if m is None:
        raise EntryError(
            f"can't read the rest {quote(time)} in {quote(text)}: e.g. rest 3:00, rest 90s, rest 2m"
        )
    if m["minutes"] is not None:
        return int(m["minutes"]) * 60 + int(m["seconds"])
    amount = int(m["amount"])
    return amount * 60 if (m["per"] or "s").lower() in ("m", "min") else amount


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _whole(text: str) -> int | float:
    """A count as typed: an int when whole, else the number (which validation refuses)."""
    value = _number(text)
    return int(value) if value.is_integer() else value
