"""Backtest the scoring model on a log (spec section 8): does the morning's score tell
something about the session that follows?

For every session of a compound lift with a like-for-like reference (its top e1RM against
the best comparable e1RM of the 21 days before, `scoring.trends`) and 3 sessions of the lift
in the 42 days before it, the residual is top / reference - 1. Against it: that morning's
readiness and band (the day's one score, as `restday status --at DAY` gives it) and the
lowest P_m of the lift's direct muscles. Prints the training mornings per band, the mean
residual per band, and Spearman's rho of readiness and of P_m with the residual.

    python benchmarks/backtest.py LOG [--last-days N]

To try it on your own export: `restday import export.csv --db /tmp/mine.json` (add
`--unit lb` for a Strong export in pounds), then `python benchmarks/backtest.py /tmp/mine.json`.
Targets (issue 15): "Rest day" on at most 10 % of training mornings, rho(readiness) > 0,
rho(P_m) > 0.1, and mean residuals Train > Reduce > Rest; a year of mornings under 30 s.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from statistics import fmean

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scoring import BANDS  # noqa: E402
from scoring.assessment import Assessment, assess_timeline  # noqa: E402
from scoring.constants import SCORING  # noqa: E402
from scoring.timeline import EPSILON, Timeline  # noqa: E402
from scoring.trends import session_trend  # noqa: E402
from storage.log.repository import Repository  # noqa: E402
from storage.read.score_window import read_span  # noqa: E402


def ranks(values: list[float]) -> list[float]:
    """1-based ranks, ties sharing their mean rank."""
    order = sorted(range(len(values)), key=values.__getitem__)
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(xs: list[float], ys: list[float]) -> float | None:
    """Spearman's rho: Pearson's r of the ranks (None with fewer than 3 pairs or no spread)."""
    if len(xs) < 3:
        return None
    rx, ry = ranks(xs), ranks(ys)
    mx, my = fmean(rx), fmean(ry)
    sxy = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    sxx = sum((a - mx) ** 2 for a in rx)
    syy = sum((b - my) ** 2 for b in ry)
    return sxy / (sxx * syy) ** 0.5 if sxx and syy else None


def backtest(repo: Repository, first: date | None = None) -> dict:
    """The section 8 figures for the log (from `first` on, when given)."""
    days = sorted({w.day for w in repo.workouts() if w.day is not None})
    if not days:
        return {"training_mornings": 0}
    first = max(first or days[0], days[0])
    timeline = Timeline(read_span(repo, first, days[-1]))
    mornings: dict[date, Assessment] = {}

    def morning(day: date) -> Assessment:
        if day not in mornings:
            known = timeline.day_start(day) + timedelta(days=1) - EPSILON
            mornings[day] = assess_timeline(timeline, known)
        return mornings[day]

    rows = []  # (band, readiness, lowest P_m, residual)
    for exercise, sessions in timeline.sessions.items():
        if not timeline.is_lift(exercise):
            continue
        direct = [m for m, k in timeline.log.exercises[exercise].muscles.items() if k >= 1.0]
        for session in sessions:
            if session.day < first:
                continue
            trend = session_trend(timeline, session)
            if trend is None or trend.sessions_before < SCORING.perf_min_sessions:
                continue
            result = morning(session.day)
            if result.readiness is None:
                continue
            scores = [result.muscles[m] for m in direct if m in result.muscles]
            rows.append((result.band, result.readiness, min(scores, default=None), trend.change))
    trained = [d for d in days if d >= first]
    bands = {band: 0 for band in BANDS}
    for day in trained:
        band = morning(day).band
        if band is not None:
            bands[band] += 1
    with_p = [r for r in rows if r[2] is not None]
    return {
        "training_mornings": sum(bands.values()),
        "bands": bands,
        "sessions": len(rows),
        "mean_residual": {
            band: fmean(r[3] for r in rows if r[0] == band)
            if any(r[0] == band for r in rows)
            else None
            for band in BANDS
        },
        "rho_readiness": spearman([r[1] for r in rows], [r[3] for r in rows]),
        "rho_muscle": spearman([r[2] for r in with_p], [r[3] for r in with_p]),
    }


def report(figures: dict) -> str:
    total = figures["training_mornings"]
    if not total:
        return "no training mornings with a score"
    lines = [
        f"training mornings: {total}, sessions of compound lifts with a residual: "
        f"{figures['sessions']}"
    ]
    for band in BANDS:
        count = figures["bands"][band]
        mean = figures["mean_residual"][band]
        shown = f"{100 * mean:+.2f} %" if mean is not None else "-"
        lines.append(
            f"  {band:<17} {count:4d} mornings ({100 * count / total:5.1f} %)  "
            f"mean residual {shown}"
        )

    def rho(value: float | None) -> str:
        return "-" if value is None else f"{value:+.3f}"

    lines.append(f"Spearman rho(readiness, residual) {rho(figures['rho_readiness'])}")
    lines.append(f"Spearman rho(P_m, residual)       {rho(figures['rho_muscle'])}")
    if not figures["sessions"]:
        lines.append(
            f"No residual: no session of a compound lift had {SCORING.perf_min_sessions} "
            f"sessions of that lift in the {SCORING.perf_history_days} days\nbefore it "
            f"and a comparable set in the {SCORING.perf_reference_days} before (section 8)."
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log", type=Path, help="a restday log (import an export first)")
    parser.add_argument(
        "--last-days", type=int, help="only the sessions of the last N days of the log"
    )
    args = parser.parse_args()
    repo = Repository(args.log, read_only=True)
    first = None
    if args.last_days:
        last = max((w.day for w in repo.workouts() if w.day is not None), default=None)
        first = last - timedelta(days=args.last_days - 1) if last else None
    start = time.perf_counter()
    figures = backtest(repo, first)
    print(report(figures))
    print(f"({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
