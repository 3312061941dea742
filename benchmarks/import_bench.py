"""Importing a big Strong export: `restday import` of 15,000 rows into an empty log, against
the floor of the same work (the csv module reading the file and the rows written to a JSON
file as plain dicts), measured in one run.

The file is the real Strong sample (shared/samples/strong-comma.csv) repeated, each copy a
few years earlier than the one before, until it has `--rows` rows: every workout is a new
one. Times the whole command in a fresh process, as a lifter runs it (`restday import FILE
--db LOG`), and its parts in this one: reading the file into rows, planning the records,
writing them.

    .venv/bin/python benchmarks/import_bench.py [--rows 15000] [--repeat 3]

Target (issue): 15,000 Strong rows in under 5 s.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import summary  # noqa: E402

from storage.exchange.importing.plan import plan_import, write_plan  # noqa: E402
from storage.exchange.importing.strong import read_strong  # noqa: E402
from storage.log.repository import Repository  # noqa: E402

SAMPLE = ROOT.parent / "shared" / "samples" / "strong-comma.csv"
TARGET_S = 5.0


def big_export(rows: int) -> str:
    """The sample's rows, copies shifted back 3 years at a time, up to `rows` rows."""
    lines = SAMPLE.read_text(encoding="utf-8-sig").splitlines()
    header, body = lines[0], list(csv.reader(lines[1:]))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    out.write(header + "\n")
    written, copy = 0, 0
    while written < rows:
        for fields in body:
            if written == rows:
                break
            start = datetime.fromisoformat(fields[0]) - timedelta(days=3 * 365 * copy)
            writer.writerow([start.isoformat(sep=" "), *fields[1:]])
            written += 1
        copy += 1
    return out.getvalue()


def import_in_process(text: str, log: Path) -> dict[str, float]:
    times = {}
    started = time.perf_counter()
    parsed = read_strong(text)
    times["read rows"] = time.perf_counter() - started
    repo = Repository(log)
    started = time.perf_counter()
    plan = plan_import(
        parsed,
        exercises=repo.exercises(),
        unit="lb",
        timezone="UTC",
        rollover_hour=4,
        now=datetime.now(UTC),
        exists=lambda workout_id: repo.workout(workout_id) is not None,
    )
    times["plan records"] = time.perf_counter() - started
    started = time.perf_counter()
    write_plan(repo, plan)
    times["write (one save)"] = time.perf_counter() - started
    return times


def reference(text: str, out: Path) -> float:
    """The floor: csv rows to dicts to a JSON file."""
    started = time.perf_counter()
    rows = [dict(row) for row in csv.DictReader(io.StringIO(text))]
    out.write_text(json.dumps({"sets": dict(enumerate(rows))}))
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=15000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not SAMPLE.exists():
        print(f"the Strong sample is not at {SAMPLE}")
        return 1
    text = big_export(args.rows)
    command, parts, floor = [], {}, []
    with tempfile.TemporaryDirectory(prefix="restday-import-") as tmp:
        export = Path(tmp) / "strong.csv"
        export.write_text(text)
        for n in range(args.repeat):
            log = Path(tmp) / f"log{n}.json"
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "tui", "import", str(export), "--db", str(log)]
                + ["--unit", "lb"],
                check=True,
                capture_output=True,
                cwd=ROOT,
            )
            command.append(time.perf_counter() - started)
            for name, seconds in import_in_process(text, Path(tmp) / f"part{n}.json").items():
                parts.setdefault(name, []).append(seconds * 1000)
            floor.append(reference(text, Path(tmp) / f"floor{n}.json") * 1000)
        with Repository(Path(tmp) / "log0.json") as repo:
            counts = repo.counts()
    print(f"Strong export, {args.rows} rows: {counts.workouts} workouts, {counts.sets} sets")
    print(summary("restday import (a new process)", [s * 1000 for s in command], decimals=0))
    for name, values in parts.items():
        print(summary(f"  {name}", values, decimals=0))
    print(summary("reference: csv to JSON, plain", floor, decimals=0))
    worst = max(command)
    ok = worst < TARGET_S
    print(f"\nunder {TARGET_S:g} s: {'yes' if ok else 'NO'} (slowest {worst:.2f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
