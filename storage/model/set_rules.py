"""Where a new set goes in its workout: its number, the rest taken before it and the rest
timer it starts.

One rule for both writers of a set: the workout screen, which shows the set the moment it
is typed, and the repository, which decides it again under the log's lock, where another
writer may have logged a set first (the screen then takes the stored set back). Pure: no
I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from storage.model.records import Exercise, RestPeriod, SetEntry, Settings


@dataclass(frozen=True, slots=True)
class PlacedSet:
    entry: SetEntry  # numbered (`order`), with the rest taken before it (`rest_s`)
    rest: RestPeriod | None  # the rest timer it starts; None: no timer after it


def place_set(
    entry: SetEntry,
    earlier: Sequence[SetEntry],
    exercise: Exercise,
    settings: Settings,
    *,
    template_rest_s: int | None = None,
) -> PlacedSet:
    """`entry` as the next set of its workout, whose sets so far are `earlier` (in the
    order done): numbered after the highest number among them, with the rest since the
    last of them (none if the set is not later), and the rest after it
    (`Settings.rest_for`: a template's rest, the exercise's, or the warm-up rest).

    The highest number, not the last set's: a set's time is read before its writer waits
    for the lock, so under load a set numbered later can be a second earlier."""
    previous = earlier[-1] if earlier else None
    rest_s = None
    if previous is not None and entry.timestamp >= previous.timestamp:
        rest_s = round((entry.timestamp - previous.timestamp).total_seconds())
    order = max((s.order for s in earlier), default=0) + 1
    placed = replace(entry, order=order, rest_s=rest_s)
    duration = settings.rest_for(exercise, warmup=entry.warmup, template_rest_s=template_rest_s)
    timer = None
    if duration:
        timer = RestPeriod(
            started=entry.timestamp, duration_s=duration, after_set=entry.id, exercise=exercise.id
        )
    return PlacedSet(placed, timer)


def touches_rest_timer(entry: SetEntry, settings: Settings, today: date) -> bool:
    """Whether logging `entry` starts (or ends) the rest timer running now: a set done
    today, by its own moment, even in a workout begun before the day turned over (at 3:58,
    its set at 4:01); not one added to an earlier day's workout (timed then, after its last
    set)."""
    return settings.day_of(entry.timestamp) >= today
