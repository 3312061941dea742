"""`restday status` on a ten-year log against an empty one, wall time per command, in one run.

Runs `python -m tui status --db LOG` as a fresh process, interleaved, `--runs` times each:
- on an empty log (the reference);
- on a ten-year demo log (`restday demo --weeks 520`) whose recent copy is up to date: the
  usual case, since the app refreshes the copy when it closes and `restday log` and
  `status` itself after a change (storage/log/recent_copy.py);
- on the same log with the copy stale (removed before each run): the first `status` after
  another process changed the log, which parses the whole log and copies it anew.

    python benchmarks/status_bench.py [--runs 15] [--weeks 520]

Target (issue "the fatigue score"): on the ten-year log at most 1.5x the empty log's time.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import p95

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.5


def status_seconds(log: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tui", "status", "--db", str(log)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def summary(times: list[float]) -> str:
    return f"median {statistics.median(times) * 1000:6.0f} ms   p95 {p95(times) * 1000:6.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--weeks", type=int, default=520)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from storage.log.recent_copy import recent_path
    from storage.log.repository import Repository

    with tempfile.TemporaryDirectory() as tmp:
        empty, big = Path(tmp) / "empty.json", Path(tmp) / "big.json"
        with Repository(empty) as repo:
            repo.save_settings(repo.settings())
        subprocess.run(
            [sys.executable, "-m", "tui", "demo", "--db", str(big), "--weeks", str(args.weeks)],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"logs: empty, and {args.weeks} weeks ({big.stat().st_size / 1e6:.1f} MB)")
        status_seconds(empty), status_seconds(big)  # warm the file cache; make the copies
        times: dict[str, list[float]] = {"empty": [], "ten years": [], "ten years, stale": []}
        for _ in range(args.runs):
            times["empty"].append(status_seconds(empty))
            times["ten years"].append(status_seconds(big))
            recent_path(big).unlink()
            times["ten years, stale"].append(status_seconds(big))
        for name, measured in times.items():
            print(f"{name:<17} {summary(measured)}")
        ratio = statistics.median(times["ten years"]) / statistics.median(times["empty"])
        stale = statistics.median(times["ten years, stale"]) / statistics.median(times["empty"])
        verdict = "meets" if ratio <= TARGET else "MISSES"
        print(f"ten years / empty: {ratio:.2f}x ({verdict} the {TARGET}x target)")
        print(f"with a stale copy (once after another process's change): {stale:.2f}x")


if __name__ == "__main__":
    main()
