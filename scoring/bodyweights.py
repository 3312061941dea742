"""The lifter's bodyweight as of a day: the one logged that day or, failing that, the
latest logged before it. A bodyweight set's load (its e1RM and volume) is counted with the
bodyweight of the set's own day, so a bodyweight logged later never rewrites an old set."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date


class Bodyweights:
    def __init__(self, logged: Iterable[tuple[date, float]] = ()) -> None:
        self._logged = sorted(logged)
        self._days = [day for day, _ in self._logged]

    def latest(self, day: date | None) -> tuple[date, float] | None:
        """The day it was logged and the weight in kg, on `day` or the latest before it."""
        i = bisect_right(self._days, day) if day is not None else 0
        return self._logged[i - 1] if i else None

    def on(self, day: date | None) -> float | None:
        """The bodyweight in kg as of `day` (None: none logged by then)."""
        latest = self.latest(day)
        return None if latest is None else latest[1]
