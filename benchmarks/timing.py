"""What the benchmarks share: timing a call, the 95th percentile of the times, and a line
of a report."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds each of `repeat` calls of `fn` took."""
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return samples


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def summary(name: str, values: list[float], *, width: int = 36, decimals: int = 2) -> str:
    """One line of a report: how many, median, p95 and max (or the one value)."""
    if not values:
        return f"  {name:<{width}} (none)"
    if len(values) == 1:
        return f"  {name:<{width}} {values[0]:8.{decimals}f} ms"
    return (
        f"  {name:<{width}} n={len(values):<4} median {statistics.median(values):6.{decimals}f}  "
        f"p95 {p95(values):6.{decimals}f}  max {max(values):6.{decimals}f} ms"
    )
