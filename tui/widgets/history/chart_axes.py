"""The axes the history screen's charts are drawn on: dated ticks along x, round ticks up
y, and the words for the step of a thinned series' points (`storage.read.chart_points`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from math import ceil, floor, log10

BUCKET_WORDS = {
    "day": "one per day",
    "week": "weekly",
    "month": "monthly",
    "quarter": "quarterly",
    "year": "yearly",
}


def date_ticks(first: date, last: date, count: int = 5) -> tuple[list[int], list[str]]:
    """About `count` evenly spaced x ticks (day ordinals) and their labels; one for a
    single day."""
    span = (last - first).days
    if span <= 0:
        return [first.toordinal()], [f"{first.day} {first:%b}"]
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
