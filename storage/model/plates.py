"""Plates on a barbell: which go on each side for a load, with the lifter's bar and
plates (`PlateSet`, from the settings), and the nearest loads they make when they cannot
make it exactly. Pure arithmetic in the plate set's own unit (kg or lb); a gym is taken
to have as many pairs of each plate as a load needs."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

MAX_PLATE_SIZES = 12
MAX_PLATE = 100.0
MAX_BAR = 100.0
MAX_LOAD = 1000.0  # in the plate set's unit
_SCALE = 1000  # plates and loads are worked on in thousandths of the unit: exact sums


@dataclass(frozen=True)
class PlateSet:
    """The lifter's bar and the plate sizes at hand, heaviest first, in `unit`."""

    unit: str
    bar: float
    plates: tuple[float, ...]

    def to_doc(self) -> dict[str, object]:
        return {"unit": self.unit, "bar": self.bar, "plates": list(self.plates)}

    @classmethod
    def from_doc(cls, doc: object) -> PlateSet | object:
        """A plate set as stored; anything else as it is, for the log's check to name."""
        if not isinstance(doc, dict) or not isinstance(doc.get("plates"), list):
            return doc
        return cls(doc.get("unit"), doc.get("bar"), tuple(doc["plates"]))

    def line(self) -> str:
        """As typed to set it (`parse_plate_set`): "20 kg: 25 20 15 10 5 2.5 1.25"."""
        return f"{_num(self.bar)} {self.unit}: {' '.join(_num(p) for p in self.plates)}"


DEFAULT_PLATE_SETS: dict[str, PlateSet] = {
    "kg": PlateSet("kg", 20.0, (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25)),
    "lb": PlateSet("lb", 45.0, (45.0, 35.0, 25.0, 10.0, 5.0, 2.5)),
}


@dataclass(frozen=True)
class Loading:
    """The plates for `load`: `per_side` (heaviest first; empty for the bar alone) when
    they make it exactly, else None and the nearest loads they make below and above it
    (`lower` None when the load is under the bar)."""

    load: float
    per_side: tuple[float, ...] | None
    lower: float | None = None
    higher: float | None = None

    @property
    def exact(self) -> bool:
        return self.per_side is not None


def loading(load: float, plate_set: PlateSet) -> Loading:
    """The plates per side for `load` (in the plate set's unit) on its bar."""
    bar = _units(plate_set.bar)
    per_side_units = (_units(load) - bar) / 2
    if per_side_units < 0:
        return Loading(load, None, None, plate_set.bar)
    sizes = tuple(sorted({_units(p) for p in plate_set.plates if p > 0}, reverse=True))
    if per_side_units == 0:
        return Loading(load, ())
    if not sizes:
        return Loading(load, None, plate_set.bar, None)
    step = math.gcd(*sizes)
    fewest = _fewest_plates(sizes, step)
    below = math.floor(per_side_units / step)
    if below * step == per_side_units and (plates := fewest(below)) is not None:
        return Loading(load, tuple(p / _SCALE for p in plates))
    lower = next((k for k in range(below, -1, -1) if fewest(k) is not None), 0)
    reach = below + 2 * sizes[0] // step + 1
    higher = next((k for k in range(below + 1, reach + 1) if fewest(k) is not None), None)
    return Loading(
        load,
        None,
        (bar + 2 * lower * step) / _SCALE,
        None if higher is None else (bar + 2 * higher * step) / _SCALE,
    )


def nearest_loadable(load: float, plate_set: PlateSet) -> float:
    """The load nearest `load` that the bar and plates make (the lower one on a tie);
    the bar for a load under it."""
    found = loading(load, plate_set)
    if found.exact:
        return load
    options = [x for x in (found.lower, found.higher) if x is not None]
    return min(options, key=lambda x: (abs(x - load), x))


@cache
def _fewest_plates(sizes: tuple[int, ...], step: int):
    """For `k` steps of `step` per side: the fewest plates (heaviest first) that make it,
    or None; remembered as it is worked out, for the plate set."""
    table: list[tuple[int, ...] | None] = [()]
    grid = tuple(s // step for s in sizes)

    def fewest(k: int) -> tuple[int, ...] | None:
        while len(table) <= k:
            n = len(table)
            best = None
            for size, steps in zip(sizes, grid, strict=True):
                rest = table[n - steps] if steps <= n else None
                if rest is not None and (best is None or len(rest) + 1 < len(best)):
                    best = tuple(sorted((size, *rest), reverse=True))
            table.append(best)
        return table[k]

    return fewest


def _units(value: float) -> int:
    return round(value * _SCALE)


def _num(value: float) -> str:
    return f"{value:g}"


_PLATE_LINE = re.compile(
    r"^\s*(?P<bar>[0-9]+(?:[.,][0-9]+)?)\s*(?P<unit>kg|lb|kgs|lbs)?\s*:\s*(?P<plates>.*?)\s*$",
    re.IGNORECASE,
)


def parse_plate_set(text: str, unit: str) -> PlateSet | None:
    """A plate set as typed: the bar, its unit if not `unit`, then the plates:
    "20 kg: 25 20 15 10 5 2.5 1.25" or "45 lb: 45 35 25 10 5 2.5". An empty line is
    None (the defaults for the unit). Raises ValueError saying what is wrong."""
    if not text.strip():
        return None
    m = _PLATE_LINE.match(text)
    if m is None:
        raise ValueError(f"{PLATE_LINE_HELP}, not {text.strip()!r}")
    chosen = (m["unit"] or unit).lower().rstrip("s")
    try:
        bar = float(m["bar"].replace(",", "."))
        plates = tuple(float(p.replace(",", ".")) for p in m["plates"].replace(";", " ").split())
    except ValueError:
        raise ValueError(f"the plates are numbers: {PLATE_LINE_HELP}") from None
    plate_set = PlateSet(chosen, bar, tuple(sorted(set(plates), reverse=True)))
    problem = plate_set_problem(plate_set)
    if problem is not None:
        raise ValueError(problem)
    return plate_set


PLATE_LINE_HELP = "the bar, then the plates: e.g. 20 kg: 25 20 15 10 5 2.5 1.25"


def plate_set_problem(plate_set: PlateSet) -> str | None:
    """What is wrong with a plate set (the settings' check), None when nothing is."""
    if not isinstance(plate_set, PlateSet):
        return "the bar and plates are a unit, a bar weight and a list of plates"
    numbers = (plate_set.bar, *plate_set.plates)
    if any(isinstance(x, bool) or not isinstance(x, int | float) for x in numbers):
        return "the bar and plates are weights: numbers"
    if plate_set.unit not in DEFAULT_PLATE_SETS:
        return f"plates are in kg or lb, not {plate_set.unit!r}"
    if not 0 <= plate_set.bar <= MAX_BAR:
        return f"the bar weighs 0 to {MAX_BAR:g} {plate_set.unit}"
    if not 1 <= len(plate_set.plates) <= MAX_PLATE_SIZES:
        return f"1 to {MAX_PLATE_SIZES} plate sizes"
    for plate in plate_set.plates:
        if not 0.25 <= plate <= MAX_PLATE or _units(plate) % 50:
            return (
                f"a plate of {_num(plate)} {plate_set.unit}: plates are 0.25 to "
                f"{MAX_PLATE:g} {plate_set.unit} in steps of 0.05"
            )
    return None
