"""A time series thinned to what a chart a few dozen columns wide can show: one point per
day, week, month, quarter or year, the mean, or the best, of each. Shared by the history
screen's charts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from math import fsum

Point = tuple[int, float]  # (day ordinal, value)


def bucket_kind(days: int, columns: int) -> str:
    """'day', 'week', 'month', 'quarter' or 'year': the finest step whose points fit in about two
    per column (a braille dot is half a column wide)."""
    room = max(2 * columns, 20)
    for kind, length in (("day", 1), ("week", 7), ("month", 30.4), ("quarter", 91.3)):
        if days / length <= room:
            return kind
    return "year"


def bucket_start(day: date, kind: str) -> date:
    if kind == "day":
        return day
    if kind == "week":
        return day - timedelta(days=day.weekday())
    if kind == "month":
        return day.replace(day=1)
    if kind == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return day.replace(month=1, day=1)


def bucket_ends(days: Sequence[date], kind: str) -> list[date]:
    """The last of `days` (consecutive, oldest first) in each bucket."""
    ends = []
    for k, day in enumerate(days):
        if k + 1 == len(days) or bucket_start(days[k + 1], kind) != bucket_start(day, kind):
            ends.append(day)
    return ends


def thin(
    values: Iterable[tuple[date, float | None]],
    kind: str,
    reduce: Callable[[Sequence[float]], float] | None = None,
) -> list[Point]:
    """(day, value) pairs, oldest first, as one point per bucket: the mean of the bucket's
    values (or `reduce` of them), at the bucket's first day; Nones are left out."""
    reduce = reduce or (lambda xs: fsum(xs) / len(xs))
    points: list[Point] = []
    current: date | None = None
    group: list[float] = []
    for day, value in values:
        if value is None:
            continue
        start = bucket_start(day, kind)
        if start != current:
            if group:
                points.append((current.toordinal(), reduce(group)))
            current, group = start, []
        group.append(value)
    if group and current is not None:
        points.append((current.toordinal(), reduce(group)))
    return points


def session_points(
    values: Sequence[tuple[date, float]],
    columns: int,
    better: Callable[[Sequence[float]], float] = max,
) -> tuple[str, list[Point]]:
    """Per-session values (oldest first, at least one) as a chart's step and points: one
    per session while they fit in `columns`, else the `better` of each week, month..."""
    first, last = values[0][0], values[-1][0]
    step = "day" if len(values) <= 2 * columns else bucket_kind((last - first).days + 1, columns)
    return step, thin(values, step, better)
