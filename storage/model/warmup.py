"""The warm-up ramp before a barbell exercise's first working set: the bar for 10, then
about 40, 60 and 80 % of the working load with falling reps, each rounded to a load the
bar and plates make (`storage.model.plates`). Pure arithmetic in the plate set's unit."""

from __future__ import annotations

from dataclasses import dataclass

from storage.model.plates import PlateSet, nearest_loadable

BAR_REPS = 10
STEPS: tuple[tuple[float, int], ...] = ((0.4, 5), (0.6, 3), (0.8, 2))
"""(share of the working load, reps) after the bar."""


@dataclass(frozen=True)
class WarmupSet:
    weight: float  # in the plate set's unit
    reps: int


def warmup_ramp(working: float, plate_set: PlateSet) -> tuple[WarmupSet, ...]:
    """The warm-up sets before a working set of `working` (in the plate set's unit), each
    heavier than the one before and lighter than the working load: a step that rounds to
    the load before it, or to the working load, is left out. None when the working load
    is the bar or less."""
    if working <= plate_set.bar:
        return ()
    ramp = [WarmupSet(plate_set.bar, BAR_REPS)]
    for share, reps in STEPS:
        weight = nearest_loadable(working * share, plate_set)
        if ramp[-1].weight < weight < working:
            ramp.append(WarmupSet(weight, reps))
    return tuple(ramp)
