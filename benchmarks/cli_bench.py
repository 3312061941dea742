"""`restday log` and `restday status` on a long log against a one-week log, as a user runs
them: each a fresh process, in one run, interleaved.

For each log (`restday demo --weeks 1`, and `--weeks N`, by default 520: ten years):
- wall time and CPU time (user + sys, from the child's rusage) of `restday log --db LOG
  bench 100x5@8` and of `restday status --db LOG`, `--runs` times each, medians and p95;
- the bytes each `restday log` writes: the child's `ru_oublock` (the kernel's count of
  the bytes it wrote to files, `write_bytes` of /proc/PID/io, in 512-byte blocks), over
  `--sets` calls (200 by default) one after another, so that a compaction of the journal
  (`storage/log/journal.py`) is counted where it falls; the day's backup of the log (a copy
  made before the day's first change, once a day) is made before the count and shown on
  a line of its own.

    python benchmarks/cli_bench.py [--runs 15] [--sets 200] [--weeks 520]

Targets (issue 17): `log` on the long log within 1.5x of its time on the one-week log and
under 64 KB written per set; `status` within 1.3x. A 20-year log: `--weeks 1040`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from timing import p95

ROOT = Path(__file__).resolve().parents[1]
LOG_TARGET = 1.5
STATUS_TARGET = 1.3
BYTES_TARGET = 64 * 1024
SET = ["bench", "100x5@8"]


@dataclass
class Run:
    wall: float
    cpu: float
    written: int


@dataclass
class Measured:
    runs: dict[str, list[Run]] = field(default_factory=dict)

    def add(self, name: str, run: Run) -> None:
        self.runs.setdefault(name, []).append(run)


def installed_environment(cache: Path) -> dict[str, str]:
    """The environment with Python's compiled modules kept (in `cache`), as an installed
    restday has them: without, each run compiles restday's modules anew (~40 ms)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": str(cache)}


ENV: dict[str, str] = {}


def run_command(*args: str) -> Run:
    """`python -m tui ARGS` as a fresh process: its wall time, CPU time and bytes written."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "tui", *args],
        cwd=ROOT,
        env=ENV or None,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    error = child.stderr.read().decode() if child.stderr else ""
    if child.returncode:
        raise RuntimeError(f"restday {' '.join(args)} failed: {error}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_oublock * 512)


def demo_log(path: Path, weeks: int) -> Path:
    started = time.perf_counter()
    run_command("demo", "--db", str(path), "--weeks", str(weeks))
    print(
        f"demo log: {weeks} weeks, {path.stat().st_size / 1e6:.1f} MB, "
        f"written in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    return path


def log_set(log: Path) -> Run:
    return run_command("log", "--db", str(log), *SET)


def status(log: Path) -> Run:
    return run_command("status", "--db", str(log))


def line(name: str, runs: list[Run]) -> str:
    walls = [r.wall * 1000 for r in runs]
    cpus = [r.cpu * 1000 for r in runs]
    return (
        f"  {name:<22} wall median {statistics.median(walls):5.0f} p95 {p95(walls):5.0f} ms"
        f"   cpu median {statistics.median(cpus):5.0f} p95 {p95(cpus):5.0f} ms"
    )


def ratio(measured: Measured, name: str, big: str, small: str, target: float) -> None:
    for what in ("wall", "cpu"):
        of_big = statistics.median(getattr(r, what) for r in measured.runs[f"{name} {big}"])
        of_small = statistics.median(getattr(r, what) for r in measured.runs[f"{name} {small}"])
        verdict = "meets" if of_big / of_small <= target else "MISSES"
        print(
            f"  {name} {big} / {small} ({what}): {of_big / of_small:.2f}x "
            f"({verdict} the {target}x target)"
        )


def bytes_per_set(log: Path, sets: int) -> None:
    """Print the bytes written per `restday log` over `sets` calls (the day's backup
    already made), as the kernel counted them, and with the compactions to come: the
    journal's growth a set times the file's size over the journal's bound."""
    from storage.log.journal import fold_bytes, journal_path, journal_size

    journal = journal_path(log)
    before = journal_size(journal)
    written = [log_set(log).written for _ in range(sets)]
    per_set = sum(written) / sets
    compactions = sum(w > 1 << 20 for w in written)
    verdict = "meets" if per_set < BYTES_TARGET else "MISSES"
    print(
        f"  {log.stem:<6} {per_set / 1024:8.1f} KB a set counted ({verdict} the "
        f"{BYTES_TARGET // 1024} KB target); the most one call wrote {max(written) / 1024:.0f}"
        f" KB; {compactions} compaction(s)"
    )
    growth = (journal_size(journal) - before) / sets
    if compactions or growth <= 0:
        return
    size = log.stat().st_size
    folded = growth * size / fold_bytes(size)
    total = per_set + folded
    verdict = "meets" if total < BYTES_TARGET else "MISSES"
    print(
        f"  {'':<6} journal +{growth / 1024:.1f} KB a set; a compaction rewrites the "
        f"{size / 1e6:.1f} MB file every {fold_bytes(size) / growth:.0f} sets: "
        f"+{folded / 1024:.1f} KB a set, {total / 1024:.1f} KB in all ({verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--sets", type=int, default=200)
    parser.add_argument("--weeks", type=int, default=520)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (1 and 5 min)")
    with tempfile.TemporaryDirectory() as tmp:
        ENV.update(installed_environment(Path(tmp) / "pycache"))
        small_name, big_name = "1 week", f"{args.weeks} weeks"
        logs = {
            small_name: demo_log(Path(tmp) / "week.json", 1),
            big_name: demo_log(Path(tmp) / f"weeks{args.weeks}.json", args.weeks),
        }
        for name, log in logs.items():  # the day's backup, the file cache, the recent copy
            backup = log_set(log).written
            status(log)
            print(f"  {name}: the day's first change wrote {backup / 1e6:.2f} MB (backup)")
        measured = Measured()
        for _ in range(args.runs):
            for name, log in logs.items():
                measured.add(f"log {name}", log_set(log))
                measured.add(f"status {name}", status(log))
        print(f"times over {args.runs} runs each, interleaved:")
        for name, runs in measured.runs.items():
            print(line(name, runs))
        ratio(measured, "log", big_name, small_name, LOG_TARGET)
        ratio(measured, "status", big_name, small_name, STATUS_TARGET)
        print(f"bytes written per set over {args.sets} `restday log` calls:")
        for log in logs.values():
            bytes_per_set(log, args.sets)
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (1 and 5 min)")


if __name__ == "__main__":
    main()
