"""Memory of a huge import: `restday import` of a Strong CSV of 2 million rows (about 200 MB)
into an empty log, in a process of its own, against the floor measured in the same run: the
csv module reading the same file row by row.

The file is generated in a temp dir: workouts of 25 sets (5 exercises x 5), one every 12
hours going back from 2026-11-01, so 2 million rows reach back to about 1916 (every date is
one restday takes). Each command runs as the child of a small runner process, whose
`getrusage(RUSAGE_CHILDREN).ru_maxrss` is the command's peak resident memory.

    .venv/bin/python benchmarks/import_memory_bench.py [--rows 2000000]

Target (issue 13): peak memory of the import under 1 GB. The import streams the file (two
passes) and spools the new records to disk, so its peak should not grow with the rows.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_MB = 1024
NOW = "2026-11-24T18:00:00+00:00"
HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE"
)
EXERCISES = (
    "Squat (Barbell)",
    "Bench Press (Barbell)",
    "Deadlift (Barbell)",
    "Overhead Press (Barbell)",
    "Bent Over Row (Barbell)",
)
SETS_PER_EXERCISE = 5


def write_export(path: Path, rows: int) -> None:
    """A Strong export of `rows` set rows, written a line at a time."""
    start = datetime(2026, 11, 1, 18, 0)
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        out.write(HEADER + "\n")
        written, workout = 0, 0
        while written < rows:
            day = start - timedelta(hours=12 * workout)
            stamp = day.strftime("%Y-%m-%d %H:%M:%S")
            for n, exercise in enumerate(EXERCISES):
                for order in range(1, SETS_PER_EXERCISE + 1):
                    if written == rows:
                        break
                    weight = 60 + 10 * n + 2.5 * (workout % 8)
                    notes = "felt heavy" if order == SETS_PER_EXERCISE else ""
                    writer.writerow(
                        [stamp, f"Workout {workout % 7}", "1h 5m", exercise, order, weight,
                         5, 0, 0, notes, "", 8]
                    )  # fmt: skip
                    written += 1
            workout += 1


def peak(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(peak RSS in MB, seconds, its output's last line) of `command` run as a child of a
    fresh runner, so that no other child's peak is counted."""
    runner = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "took = time.perf_counter() - t\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "last = (done.stdout.strip() or done.stderr.strip()).splitlines()[-1:] or ['']\n"
        "print(rss, took, done.returncode, last[0], sep='\\t')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", runner, *command],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    rss_kb, took, code, last = done.stdout.rstrip("\n").split("\t", 3)
    if code != "0":
        raise SystemExit(f"{command[2:4]} failed ({code}): {last}")
    return int(rss_kb) / 1024, float(took), last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    args = parser.parse_args()
    env = {**os.environ, "RESTDAY_NOW": NOW, "TZ": "UTC"}
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "strong.csv"
        t0 = time.perf_counter()
        write_export(export, args.rows)
        size_mb = export.stat().st_size / 1e6
        print(
            f"export: {args.rows:,} rows, {size_mb:.0f} MB "
            f"(written in {time.perf_counter() - t0:.1f} s)"
        )
        reference = [
            sys.executable,
            "-c",
            "import csv, sys\n"
            "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
            "    print(sum(1 for _ in csv.reader(f)))",
            str(export),
        ]
        ref_mb, ref_s, _ = peak(reference, env)
        log = Path(tmp) / "log.json"
        command = [
            sys.executable,
            "-m",
            "tui",
            "import",
            str(export),
            "--db",
            str(log),
            "--unit",
            "kg",
        ]
        imp_mb, imp_s, last = peak(command, {**env, "PYTHONPATH": str(ROOT)})
        log_mb = log.stat().st_size / 1e6 if log.exists() else 0.0
        recent = log.with_name(log.name + ".recent")
        recent_copy = (
            f"recent copy {recent.stat().st_size / 1e6:.1f} MB"
            if recent.exists()
            else "no recent copy (the next status makes it)"
        )
    print(f"  {'csv module reading the file':<32} {ref_mb:8.0f} MB peak {ref_s:8.1f} s")
    print(f"  {'restday import':<32} {imp_mb:8.0f} MB peak {imp_s:8.1f} s")
    print(f"  log {log_mb:.0f} MB, {recent_copy}; import said: {last}")
    verdict = "PASS" if imp_mb < TARGET_MB else "FAIL"
    ratio = imp_mb / max(ref_mb, 1)
    print(f"target: peak under {TARGET_MB} MB: {verdict} ({ratio:.1f}x the csv floor)")


if __name__ == "__main__":
    main()
