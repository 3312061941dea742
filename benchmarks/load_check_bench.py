"""Checking every record on load: what it costs on a ten-year log, in one run.

In one process, on a ten-year demo log (`restday demo --weeks 520`), CPU time of:
- parsing the file (what every open of a log not yet in memory pays);
- checking every record (`storage.log.schema.bad_records`: types, then validation).

Then, as fresh processes, interleaved, `--runs` times each, wall time of `restday log`
(one set; it reads the whole log) and `restday status` with its recent copy removed (it
reads the whole log):
- "checked": the log as restday last wrote it, its check remembered by its stamp
  (`log.json.checked`): the usual case, and the one that must cost what it did before the
  check existed;
- "unchecked": the remembered stamp removed before each run (the first open after
  another program changed the file), which checks every record.

    python benchmarks/load_check_bench.py [--runs 7] [--weeks 520]

Target (issue 13): opening the log as restday last wrote it costs no more than before the
check (the "checked" lines; the check itself only runs on a file nothing has checked).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from timing import p95

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "RESTDAY_NOW": "2026-11-24T18:00:00+00:00", "TZ": "UTC"}


def seconds(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=ROOT, env=ENV, check=True, capture_output=True
    )
    return time.perf_counter() - start


def line(name: str, times: list[float]) -> str:
    median, worst = statistics.median(times) * 1000, p95(times) * 1000
    return f"  {name:<28} median {median:6.0f} ms   p95 {worst:6.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--weeks", type=int, default=520)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import orjson

    from storage.log.recent_copy import recent_path
    from storage.log.schema import bad_records, checked_path

    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "log.json"
        seconds("demo", "--db", str(log), "--weeks", str(args.weeks))
        raw = log.read_bytes()
        start = time.process_time()
        tables = orjson.loads(raw)
        parsed = time.process_time() - start
        start = time.process_time()
        bad = bad_records(tables, date.today())
        checked = time.process_time() - start
        records = sum(len(t) for t in tables.values())
        print(f"{args.weeks} weeks: {len(raw) / 1e6:.1f} MB, {records} records, {len(bad)} bad")
        print(f"  parse {parsed * 1000:.0f} ms CPU, check every record {checked * 1000:.0f} ms CPU")

        times: dict[str, list[float]] = {}
        for _ in range(args.runs):
            for checked_before in (True, False):
                label = "checked" if checked_before else "unchecked"
                if not checked_before:
                    checked_path(log).unlink(missing_ok=True)
                times.setdefault(f"restday log, {label}", []).append(
                    seconds("log", "--db", str(log), "bench 100x5")
                )
                if not checked_before:
                    checked_path(log).unlink(missing_ok=True)
                recent_path(log).unlink(missing_ok=True)
                times.setdefault(f"restday status, {label}", []).append(
                    seconds("status", "--db", str(log))
                )
        for name in sorted(times):
            print(line(name, times[name]))


if __name__ == "__main__":
    main()
