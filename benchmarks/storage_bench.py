"""Storage speed: restday's log against stock TinyDB JSONStorage, measured in one run.

Builds a log of 100,000 sets (5,000 workouts of 20 sets), then times, on the same data:
- insert one set: `Repository.log_set` (durable: fsync + atomic replace) against
  `TinyDB(path).table("sets").insert(doc)` with the stock JSONStorage;
- open and load: opening the log and reading it whole.

    python benchmarks/storage_bench.py [--sets 100000] [--inserts 50] [--stock-inserts 8]

Targets (issue 2): insert p95 at least 5x faster than stock TinyDB, and under 40 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import p95, timed  # noqa: E402
from tinydb import TinyDB  # noqa: E402

from storage.log.repository import Repository  # noqa: E402
from storage.model.records import SetEntry, Workout, new_id  # noqa: E402

LIFTS = ("back-squat", "bench-press", "deadlift", "overhead-press", "barbell-row")


def build_log(path: Path, n_sets: int) -> None:
    start = datetime(2016, 1, 4, 18, tzinfo=UTC)
    records = []
    per_workout = 20
    for w in range(n_sets // per_workout):
        moment = start + timedelta(days=w * 7 // 4)
        workout = Workout(
            start=moment,
            end=moment + timedelta(minutes=70),
            name="Upper A",
            session_rpe=7,
            created=moment,
            updated=moment,
            day=moment.date(),
        )
        records.append(workout)
        for i in range(per_workout):
            at = moment + timedelta(minutes=3 * i)
            records.append(
                SetEntry(
                    id=new_id(),
                    workout=workout.id,
                    exercise=LIFTS[i // 4],
                    weight_kg=60 + (w % 40) * 2.5,
                    reps=5,
                    rpe=8.0 if i % 4 else None,
                    warmup=i % 4 == 0,
                    timestamp=at,
                    order=i + 1,
                    rest_s=180,
                    created=at,
                    updated=at,
                    day=moment.date(),
                )
            )
    with Repository(path) as repo:
        repo.import_records(records)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=100_000)
    parser.add_argument("--inserts", type=int, default=50)
    parser.add_argument("--stock-inserts", type=int, default=8)
    parser.add_argument("--loads", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        ours, stock = Path(tmp) / "restday.json", Path(tmp) / "stock.json"
        t0 = time.perf_counter()
        build_log(ours, args.sets)
        stock.write_bytes(ours.read_bytes())
        size_mb = ours.stat().st_size / 1e6
        print(
            f"log: {args.sets:,} sets, {size_mb:.1f} MB, built in {time.perf_counter() - t0:.1f} s"
        )

        repo = Repository(ours)
        workout = repo.start_workout("bench")
        bench = repo.exercise("bench-press")
        repo.log_set(workout, bench, 100, 5, rpe=8)  # warm-up: index, backup of the day
        ours_insert = timed(lambda: repo.log_set(workout, bench, 100, 5, rpe=8), args.inserts)
        repo.close()

        doc = SetEntry(
            workout=workout.id,
            exercise="bench-press",
            weight_kg=100,
            reps=5,
            rpe=8,
            timestamp=datetime.now(UTC),
        ).to_doc()
        stock_db = TinyDB(stock)
        stock_insert = timed(lambda: stock_db.table("sets").insert(dict(doc)), args.stock_inserts)
        stock_db.close()

        def load_ours() -> None:
            with Repository(ours) as r:
                r.counts()

        def load_stock() -> None:
            db = TinyDB(stock)
            len(db.table("sets"))
            db.close()

        ours_load = timed(load_ours, args.loads)
        stock_load = timed(load_stock, args.loads)

    rows = [("insert one set", ours_insert, stock_insert), ("open and load", ours_load, stock_load)]
    header = ("restday median", 16), ("p95", 9), ("stock median", 15), ("p95", 9), ("p95 ratio", 11)
    print("\n" + f"{'ms':<16}" + "".join(f"{title:>{width}}" for title, width in header))
    for name, a, b in rows:
        print(
            f"{name:<16}{statistics.median(a):>16.1f}{p95(a):>9.1f}"
            f"{statistics.median(b):>15.1f}{p95(b):>9.1f}{p95(b) / p95(a):>10.1f}x"
        )
    speedup = p95(stock_insert) / p95(ours_insert)
    print(
        f"\ninsert p95 {p95(ours_insert):.1f} ms ({'meets' if p95(ours_insert) < 40 else 'MISSES'}"
        f" < 40 ms), {speedup:.1f}x stock ({'meets' if speedup >= 5 else 'MISSES'} >= 5x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
