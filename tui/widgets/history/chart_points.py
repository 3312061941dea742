"""A time series thinned to what a chart a few dozen columns wide can show (one point per
day, week, month or quarter: the mean, or the best, of each), and the axes to draw it on.
Shared by the history screen's charts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from math import ceil, floor, fsum, log10

Point = tuple[int, float]  # (day ordinal, value)


# -- thinning ----------------------------------------------------------------------------


def bucket_kind(days: int, columns: int) -> str:
    """'day', 'week', 'month' or 'quarter': the finest step whose points fit in about two
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


BUCKET_WORDS = {
    "day": "one per day",
    "week": "weekly",
    "month": "monthly",
    "quarter": "quarterly",
    "year": "yearly",
}


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


def date_ticks(first: date, last: date, count: int = 5) -> tuple[list[int], list[str]]:
    """About `count` evenly spaced x ticks (day ordinals) and their labels."""
    span = max((last - first).days, 1)
    fmt = "{d.day} {d:%b}" if span <= 400 else "{d:%b} {d:%y}" if span <= 1500 else "{d:%Y}"
    ticks, labels = [], []
    for k in range(count):
        day = first + timedelta(days=round(span * k / (count - 1)))
        label = fmt.format(d=day)
        if label not in labels:
            ticks.append(day.toordinal())
            labels.append(label)
    return ticks, labels


def y_axis(
    plt,
    values: Iterable[float],
    *,
    include: Iterable[float] = (),
    lower: float | None = None,
    upper: float | None = None,
    count: int = 5,
    yside: str | None = None,
) -> None:
    """Round y ticks (1, 2, 2.5 or 5 times a power of ten) over the values and the
    `include` levels (reference lines), the axis limits on the outer ticks."""
    values = [*values, *include]
    lo = min(values) if lower is None else lower
    hi = max(values) if upper is None else upper
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    raw = (hi - lo) / (count - 1)
    magnitude = 10 ** floor(log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw - 1e-12)
    start = floor(lo / step + 1e-9) * step if lower is None else lower
    end = ceil(hi / step - 1e-9) * step if upper is None else upper
    ticks = []
    k = 0
    while start + k * step <= end + 1e-9:
        ticks.append(round(start + k * step, 9))
        k += 1
    plt.ylim(start, end, yside=yside)
    plt.yticks(ticks, [f"{t:g}" for t in ticks], yside=yside)
