"""The history screen's trends worked out from the log: over a span of days ending today,
each chart's series thinned to the chart's step (`chart_points`) and the values its
caption quotes. Readiness, P and C from the morning scores; sleep, bodyweight and soreness
from the recovery and symptom entries; hard sets per muscle per week; monotony and strain;
the ACWR.

`TrendSeries` is one history index as of one day. It keeps what is slow to work out on a
long log (the daily loads and their ACWR, a span's weekly sets and 7-day measures), so a
chart drawn again, or another chart over the same span, does not work them out again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from math import fsum

from scoring.constants import SCORING
from scoring.load import acwr_ewma, monotony, strain
from scoring.mornings import MorningScore
from storage.read.chart_points import Point, bucket_ends, bucket_start, thin
from storage.read.history_index import HistoryIndex

SHORTEST_SPAN_DAYS = 28  # all time on a log younger than this: this many days


@dataclass(frozen=True, slots=True)
class ReadinessTrend:
    readiness: list[Point]
    peripheral: list[Point]
    central: list[Point]
    latest: tuple[date, MorningScore] | None  # the newest morning with a readiness
    wanted: int  # the mornings the chart is drawn from: every day, or each bucket's last
    missing: list[date]  # those of them without a score yet, newest first

    @property
    def drawn(self) -> bool:
        return bool(self.readiness or self.peripheral or self.central)


@dataclass(frozen=True, slots=True)
class WellnessTrend:
    points: list[Point]
    latest: tuple[date, float] | None
    mean: float | None  # of the days entered
    change: float | None  # the latest value less the span's first; None under two values


@dataclass(frozen=True, slots=True)
class HardSetsTrend:
    step: str  # the points' step: a week at the finest (a week's sets are a total)
    series: list[list[Point]]  # one per muscle asked for, in that order
    week: date  # the Monday of the span's last week
    this_week: list[float]  # that week's sets, one per muscle asked for


@dataclass(frozen=True, slots=True)
class LoadTrend:
    monotony: list[Point]  # over the 7 days ending each day
    strain: list[Point]
    latest_monotony: float | None
    latest_strain: float | None


@dataclass(frozen=True, slots=True)
class AcwrTrend:
    points: list[Point]
    latest: tuple[date, float] | None


def days_between(first: date, last: date) -> list[date]:
    """Every day from `first` to `last`, both included."""
    return [first + timedelta(days=k) for k in range((last - first).days + 1)]


def span_days(length: int | None, first_day: date | None, today: date) -> tuple[date, date]:
    """The first and last day (today) of a span of `length` days, or of all time (None):
    from the log's first day, and at least `SHORTEST_SPAN_DAYS`."""
    if length is not None:
        return today - timedelta(days=length - 1), today
    shortest = today - timedelta(days=SHORTEST_SPAN_DAYS - 1)
    if first_day is None or first_day > shortest:
        return shortest, today
    return first_day, today


def _latest(values: Sequence[tuple[date, float | None]]) -> tuple[date, float] | None:
    return next(((d, v) for d, v in reversed(values) if v is not None), None)


def _latest_value(values: Sequence[tuple[date, float | None]]) -> float | None:
    latest = _latest(values)
    return None if latest is None else latest[1]


class TrendSeries:
    """The series of `index` up to `today`, for spans ending today; a span is its first and
    last day and the step of its points (`chart_points.bucket_kind`)."""

    def __init__(self, index: HistoryIndex, today: date) -> None:
        self.index = index
        self.today = today
        self._weekly: dict[tuple[date, date], dict[str, list[tuple[date, float]]]] = {}
        self._measures: dict[tuple[date, date], tuple[list, list]] = {}
        self._loads: tuple[date, list[float], list[float | None]] | None = None

    def span(self, length: int | None) -> tuple[date, date]:
        return span_days(length, self.index.first_day, self.today)

    def readiness(
        self, mornings: Mapping[date, MorningScore], first: date, last: date, kind: str
    ) -> ReadinessTrend:
        """Each morning's readiness, P and C from `mornings`, the scores worked out so far;
        on a thinned chart only each bucket's last morning is wanted."""
        days = days_between(max(first, self.index.first_day or first), last)
        wanted = days if kind == "day" else bucket_ends(days, kind)
        scores = [(d, mornings.get(d)) for d in days]
        series = [
            thin(((d, getattr(s, field) if s else None) for d, s in scores), kind)
            for field in ("readiness", "peripheral", "central")
        ]
        latest = next(
            ((d, s) for d, s in reversed(scores) if s is not None and s.readiness is not None),
            None,
        )
        missing = [d for d in reversed(wanted) if d not in mornings]
        return ReadinessTrend(*series, latest, len(wanted), missing)

    def wellness(
        self,
        field: str,
        first: date,
        last: date,
        kind: str,
        convert: Callable[[float], float] | None = None,
    ) -> WellnessTrend:
        """A `DayWellness` field each day, through `convert` (to a unit) if given."""
        wellness = self.index.wellness
        values = []
        for day in days_between(first, last):
            entry = wellness.get(day)
            value = None if entry is None else getattr(entry, field)
            if value is not None and convert is not None:
                value = convert(value)
            values.append((day, value))
        present = [v for _d, v in values if v is not None]
        return WellnessTrend(
            thin(values, kind),
            _latest(values),
            fsum(present) / len(present) if present else None,
            present[-1] - present[0] if len(present) > 1 else None,
        )

    def weekly_hard_sets(self, first: date, last: date) -> dict[str, list[tuple[date, float]]]:
        """`HistoryIndex.weekly_hard_sets`, kept."""
        key = (first, last)
        if key not in self._weekly:
            self._weekly[key] = self.index.weekly_hard_sets(first, last)
        return self._weekly[key]

    def muscles_by_sets(self, first: date, last: date) -> list[str]:
        """The muscles with hard sets in the span, the most sets first (then by name)."""
        weeks = self.weekly_hard_sets(first, last)
        totals = {m: fsum(v for _d, v in rows) for m, rows in weeks.items()}
        trained = [m for m, total in totals.items() if total > 0]
        return sorted(trained, key=lambda m: (-totals[m], m))

    def hard_sets(
        self, muscles: Sequence[str], first: date, last: date, kind: str
    ) -> HardSetsTrend:
        """The hard sets of each of `muscles` (trained in the span) per week, or the weekly
        mean per month... on a chart too narrow for weeks."""
        weeks = self.weekly_hard_sets(first, last)
        step = "week" if kind in ("day", "week") else kind
        return HardSetsTrend(
            step,
            [thin(weeks[m], step) for m in muscles],
            bucket_start(last, "week"),
            [weeks[m][-1][1] for m in muscles],
        )

    def load(self, first: date, last: date, kind: str) -> LoadTrend:
        mono, strn = self._weekly_measures(first, last)
        return LoadTrend(
            thin(mono, kind),
            thin(strn, kind),
            _latest_value(mono),
            _latest_value(strn),
        )

    def acwr(self, first: date, last: date, kind: str) -> AcwrTrend:
        start, _loads, ratio = self._load_series()
        values = []
        for day in days_between(first, last):
            k = (day - start).days
            values.append((day, ratio[k] if 0 <= k < len(ratio) else None))
        return AcwrTrend(thin(values, kind), _latest(values))

    def _load_series(self) -> tuple[date, list[float], list[float | None]]:
        """The daily loads from the log's first day to today, and the ACWR of each day
        (None before 28 days of history)."""
        if self._loads is None:
            start = min(self.index.first_day or self.today, self.today)
            loads = self.index.daily_loads(start, self.today)
            ratio = acwr_ewma(loads) if loads else []
            wait = SCORING.acwr_min_history_days - 1
            ratio = [None if k < wait else r for k, r in enumerate(ratio)]
            self._loads = (start, loads, ratio)
        return self._loads

    def _weekly_measures(self, first: date, last: date) -> tuple[list, list]:
        """Monotony and strain over the 7 days ending each day of the span."""
        key = (first, last)
        if key not in self._measures:
            start, loads, _ratio = self._load_series()
            days = SCORING.monotony_days
            padded = [0.0] * days + loads
            offset = (first - start).days + days
            mono, strn = [], []
            for k, day in enumerate(days_between(first, last)):
                end = offset + k + 1
                if end - days < 0 or end > len(padded) or day < start:
                    mono.append((day, None))
                    strn.append((day, None))
                    continue
                week = padded[end - days : end]
                mono.append((day, monotony(week)))
                strn.append((day, strain(week)))
            self._measures[key] = (mono, strn)
        return self._measures[key]
