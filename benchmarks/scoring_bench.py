"""Scoring speed: the home screen's whole result on a 10-year demo log, against the same
computation over a naive read of the whole history, measured in one run.

Builds the demo log (`generate_demo(..., weeks=520)`) and reads it as the app does
(`tui/log_store.py` `_read_log`): the repository opened and its snapshot taken with the
cyclic collector paused, then `gc.freeze()`, so that the log's documents, which live as long
as the app, are out of the collector's sight (otherwise a full pass over them, some 30 ms,
falls in one call in twenty). Then times, on that snapshot (what the home screen reads), at
the log's last morning:
- home: `read_readiness(snapshot, moment)`, what the home screen runs: the assessment,
  today's plan for the template next in rotation and the day's checklist;
- window: `read_window(snapshot, moment)` (61 days through the day filters and the set index)
  and `assess` on it: the scores, overrides, declines and the 14-day history;
- its two halves on their own;
- cold: home once on the fresh snapshot, before the runs timed (the indexes are built
  on first use, the plan's modules imported);
- reference: reading the whole log (`workouts()`, `sets()`, `recoveries()`, `symptoms()`)
  and `assess` on all of it.

    python benchmarks/scoring_bench.py [--weeks 520] [--repeat 50] [--reference-repeat 5]

Target (issue 15): the home screen's whole result, the plan included, in under 20 ms (p95)
on the 10-year log.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import p95, timed  # noqa: E402

from scoring import assess  # noqa: E402
from storage.demo import generate_demo, write_demo  # noqa: E402
from storage.log.reader import LogReader  # noqa: E402
from storage.log.repository import Repository  # noqa: E402
from storage.model.days import day_start  # noqa: E402
from storage.model.exercise_library import BUILTIN_BY_ID  # noqa: E402
from storage.model.records import Settings  # noqa: E402
from storage.read.readiness import read_readiness  # noqa: E402
from storage.read.score_window import read_window, training_log  # noqa: E402
from tui.taking_turns import collector_paused  # noqa: E402

END = date(2026, 3, 18)
MOMENT = datetime(2026, 3, 18, 9, tzinfo=UTC)
TARGET_MS = 20.0


def whole_history(repo: LogReader):
    """The naive read: every record of the log."""
    workouts = repo.workouts()
    days = {w.day for w in workouts} | {END}
    return training_log(
        repo.sets(),
        {e.id: e for e in repo.exercises()},
        repo.recoveries(),
        repo.symptoms(),
        day_starts={d: day_start(d, "UTC", 4) for d in days},
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=520)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--reference-repeat", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "restday.json"
        t0 = time.perf_counter()
        log = generate_demo(END, weeks=args.weeks, exercises=BUILTIN_BY_ID, now=MOMENT)
        with Repository(path, clock=lambda: MOMENT) as repo:
            repo.save_settings(Settings(timezone="UTC"))
            write_demo(repo, log)
        size_mb = path.stat().st_size / 1e6
        print(
            f"log: {args.weeks} weeks, {len(log.workouts):,} workouts, {len(log.sets):,} sets, "
            f"{size_mb:.1f} MB, built in {time.perf_counter() - t0:.1f} s"
        )

        with collector_paused():
            repo = Repository(path, clock=lambda: MOMENT, read_only=True)
            snapshot = repo.snapshot()
        gc.freeze()
        with repo:
            t0 = time.perf_counter()
            result = read_readiness(snapshot, MOMENT).assessment
            cold = (time.perf_counter() - t0) * 1000
            window = read_window(snapshot, MOMENT)
            print(
                f"window: {len(window.sets):,} sets of {len(log.sets):,}; result: "
                f"R {result.readiness:.1f}, {result.band}"
            )
            home = timed(lambda: read_readiness(snapshot, MOMENT), args.repeat)
            both = timed(lambda: assess(read_window(snapshot, MOMENT), MOMENT), args.repeat)
            read = timed(lambda: read_window(snapshot, MOMENT), args.repeat)
            compute = timed(lambda: assess(window, MOMENT), args.repeat)
            reference = timed(
                lambda: assess(whole_history(snapshot), MOMENT), args.reference_repeat
            )
            full = whole_history(snapshot)
            compute_full = timed(lambda: assess(full, MOMENT), args.reference_repeat)

    rows = [
        ("home: read_readiness (+ plan)", home),
        ("window: read + assess", both),
        ("  read_window", read),
        ("  assess", compute),
        ("reference: read all + assess", reference),
        ("  assess on all history", compute_full),
    ]
    print(f"\n{'ms':<30}{'median':>10}{'p95':>10}{'runs':>6}")
    for name, samples in rows:
        print(
            f"{name:<30}{statistics.median(samples):>10.1f}{p95(samples):>10.1f}{len(samples):>6}"
        )
    print(f"{'cold: home, first call':<30}{cold:>10.1f}")
    verdict = "meets" if p95(home) < TARGET_MS else "MISSES"
    speedup = statistics.median(reference) / statistics.median(both)
    print(
        f"\nhome's whole result p95 {p95(home):.1f} ms ({verdict} < {TARGET_MS:g} ms), "
        f"{speedup:.0f}x faster than the full-history read"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
