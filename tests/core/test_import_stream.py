"""A big export imports as a stream (issue 13, "Scale of bad input"): memory does not grow
with the file, the import stays all or nothing whatever goes wrong late in it (a refused
record, bytes that are not UTF-8, a SIGKILL), another writer meanwhile is neither lost nor
doubled, and skipped rows are counted rather than all held. Real processes and real files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

import pytest

from storage.errors import ValidationError
from storage.exchange.importing.errors import ExportChanged
from storage.exchange.importing.plan import ImportPlan, plan_import, plan_records
from storage.exchange.importing.rows import LINES_LISTED, REASONS_LISTED, SkippedRow, SkippedRows
from storage.exchange.importing.source import open_rows, scan
from storage.exchange.importing.strong import read_strong
from storage.log.journal import journal_path, journal_size
from storage.model.exercise_library import BUILTIN_EXERCISES
from storage.model.records import SetEntry, Workout
from tests.support.terminal import isolated, open_log, write_demo_log
from tests.support.terminal import restday as restday_isolated

NOW = datetime.fromisoformat("2026-11-24T18:00:00+00:00")
restday = partial(restday_isolated, now=NOW, timeout=300)
HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE\n"
)
EXERCISES = ("Squat (Barbell)", "Bench Press (Barbell)", "Deadlift (Barbell)", "Zercher Squat")


def write_export(path: Path, rows: int, *, last: str = "") -> None:
    """A Strong export of `rows` sets, 20 a workout, one workout every 12 hours back from
    November 2026; `last` (bytes as text) goes in as the file's last row."""
    start = datetime(2026, 11, 1, 18, 0)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for n in range(rows):
            workout, order = divmod(n, 20)
            stamp = (start - timedelta(hours=12 * workout)).strftime("%Y-%m-%d %H:%M:%S")
            exercise = EXERCISES[order // 5]
            out.write(
                f'{stamp},"Day {workout % 3}",1h,"{exercise}",{order % 5 + 1},100,5,0,0,,,8\n'
            )
        out.write(last)


PEAK = """
import resource, sys
import storage.exchange.importing.source, tui.commands.import_file
from tui.commands.main import main
before = int(open("/proc/self/statm").read().split()[1]) * resource.getpagesize() // 1024
code = main(["import", sys.argv[1], "--db", sys.argv[2], "--unit", "kg"])
print(code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


def import_peak(tmp_path: Path, rows: int) -> int:
    """How far a real `restday import` of `rows` rows raised its process's peak memory
    (KB) above what it held before."""
    folder = tmp_path / str(rows)
    folder.mkdir()
    write_export(folder / "strong.csv", rows)
    done = subprocess.run(
        [sys.executable, "-c", PEAK, str(folder / "strong.csv"), str(folder / "log.json")],
        capture_output=True,
        text=True,
        env={**os.environ, **isolated(folder, NOW)},
        timeout=600,
    )
    code, peak = done.stdout.split()[-2:]
    assert code == "0", done.stderr
    assert open_log(folder / "log.json", NOW).counts().sets == rows
    return int(peak)


def test_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    small, big = import_peak(tmp_path, 4_000), import_peak(tmp_path, 40_000)
    # Held whole, each row took about 2 KB (4,000 rows 19 MB, 40,000 rows 85 MB); streamed,
    # what grows is one small entry a workout (where its rows end) and the allocator's
    # slack: a few hundred bytes a row at most.
    per_row = (big - small) * 1024 / 36_000
    assert per_row < 500, (small, big)


def test_a_record_refused_late_in_a_big_stream_writes_nothing(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path, weeks=1, now=NOW)
    before = log.read_bytes()
    lock = log.with_name(log.name + ".lock").read_bytes()[:8]
    repo = open_log(log, NOW)
    workout = Workout(id="big", day=NOW.date(), start=NOW - timedelta(hours=2), end=NOW)

    def records():
        yield workout
        for n in range(50_000):
            yield SetEntry(
                id=f"big-{n}",
                workout="big",
                exercise="bench-press",
                weight_kg=100.0,
                reps=5,
                timestamp=NOW - timedelta(hours=1),
                day=NOW.date(),
            )
        yield SetEntry(
            id="bad",
            workout="big",
            exercise="bench-press",
            weight_kg=1e308,
            reps=5,
            timestamp=NOW - timedelta(hours=1),
        )

    with pytest.raises(ValidationError, match="SetEntry bad: weight"):
        repo.import_stream(records())
    assert log.read_bytes() == before
    assert log.with_name(log.name + ".lock").read_bytes()[:8] == lock  # no write counted
    assert sorted(p.name for p in tmp_path.iterdir() if ".tmp" in p.name) == []
    assert repo.counts() == open_log(log, NOW).counts()


def test_bytes_that_are_not_utf8_late_in_a_big_file_refuse_it_whole(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path, weeks=1, now=NOW)
    before = log.read_bytes()
    export = tmp_path / "strong.csv"
    write_export(export, 30_000)
    with open(export, "ab") as out:
        out.write(b'2024-01-02 18:00:00,"Push",1h,"Bench \xff Press",1,100,5,0,0,,,8\n')

    done = restday(tmp_path, "import", export, "--db", log, "--unit", "kg")

    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "is not UTF-8 text" in done.stderr and done.stderr.count("\n") == 1
    assert log.read_bytes() == before


def test_a_sigkill_mid_import_leaves_the_log_and_nothing_beside_it(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path, weeks=1, now=NOW)
    before = log.read_bytes()
    export = tmp_path / "strong.csv"
    write_export(export, 100_000)
    beside = sorted(p.name for p in tmp_path.iterdir())
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "import", str(export), "--db", str(log), "--unit", "kg"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **isolated(tmp_path, NOW)},
    )
    try:
        # Killed while it spools the records: its spool files are open beside the log.
        deadline = time.monotonic() + 120
        while not _spooling(process.pid, tmp_path):
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.01)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert log.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == beside
    status = restday(tmp_path, "status", "--db", log)
    assert status.returncode == 0, status.stderr


def _spooling(pid: int, folder: Path) -> bool:
    fds = Path(f"/proc/{pid}/fd")
    try:
        targets = [os.readlink(fd) for fd in fds.iterdir()]
    except OSError:
        return False
    return any(t.startswith(str(folder)) and t.endswith("(deleted)") for t in targets)


def test_a_writer_meanwhile_is_kept_and_nothing_is_doubled(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path, weeks=1, now=NOW)
    repo = open_log(log, NOW)
    other = open_log(log, NOW)
    start = NOW - timedelta(days=3)
    workouts = [
        Workout(id=f"w{n}", day=(start - timedelta(days=n)).date(), start=start - timedelta(days=n))
        for n in range(3)
    ]
    workouts = [replace(w, end=w.start + timedelta(hours=1)) for w in workouts]
    ours = other.start_workout("theirs", at=NOW - timedelta(hours=1))

    def records():
        yield from workouts
        # After every record was spooled, before the lock: another import writes the
        # last of them, and another process a workout of its own.
        other.import_records([workouts[-1]])

    written = repo.import_stream(records())

    assert written == {"workouts": 2}
    reread = open_log(log, NOW)
    ids = [w.id for w in reread.workouts()]
    assert sorted(i for i in ids if i.startswith("w")) == ["w0", "w1", "w2"]
    assert ours.id in ids
    assert repo.workout(ours.id) is not None  # the repository reads the new file


def test_changes_waiting_in_the_journal_go_in_once_and_the_journal_is_emptied(
    tmp_path: Path,
) -> None:
    log = write_demo_log(tmp_path, weeks=1, now=NOW)
    other = open_log(log, NOW)  # left open: its change waits in the journal, not folded
    theirs = other.start_workout("theirs", at=NOW - timedelta(hours=1))
    assert journal_size(journal_path(log)) > 0
    start = NOW - timedelta(days=3)
    imported = Workout(id="w0", day=start.date(), start=start, end=start + timedelta(hours=1))

    assert open_log(log, NOW).import_stream([imported]) == {"workouts": 1}

    assert journal_size(journal_path(log)) == 0  # the file holds it now
    ids = [w.id for w in open_log(log, NOW).workouts()]
    assert ids.count(theirs.id) == 1 and ids.count("w0") == 1
    other.start_workout("later", at=NOW)  # the open copy goes on saving where it was
    assert [w.name for w in open_log(log, NOW).workouts()].count("later") == 1


def test_rows_of_one_workout_apart_in_the_file_are_one_workout() -> None:
    text = HEADER + "".join(
        f'2024-01-0{day} 18:00:00,"Day",1h,"Bench Press (Barbell)",{order},100,5,0,0,,,8\n'
        for day, order in ((2, 1), (3, 1), (2, 2), (4, 1), (2, 3))
    )
    plan = plan_import(
        read_strong(text),
        exercises=BUILTIN_EXERCISES,
        unit="kg",
        timezone="UTC",
        rollover_hour=4,
        now=NOW,
    )
    assert sorted(
        (w.start.day, len([s for s in plan.sets if s.workout == w.id])) for w in plan.workouts
    ) == [
        (2, 3),
        (3, 1),
        (4, 1),
    ]


def test_skipped_rows_are_all_counted_but_only_some_listed() -> None:
    skipped = SkippedRows()
    for line in range(2, 200_002):
        skipped.append(SkippedRow(line, f"reps 'x{line % 1000}' is not a number"))
    skipped.append(SkippedRow(1, "reps 'x2' is not a number"))  # out of order: still first
    assert len(skipped) == 200_001
    listed = skipped.by_reason()
    assert len(listed) == REASONS_LISTED and skipped.unlisted == 200_001 - sum(
        count for _, count, _ in listed
    )
    reason, count, lines = listed[0]
    assert reason == "reps 'x2' is not a number" and count == 201
    assert lines == [1, 2, *range(1002, 1002 + 1000 * (LINES_LISTED - 2), 1000)]
    assert sum(len(lines) for _, _, lines in listed) == REASONS_LISTED * LINES_LISTED


def test_a_big_file_of_bad_rows_is_summed_up_not_listed_whole(tmp_path: Path) -> None:
    export = tmp_path / "strong.csv"
    with open(export, "w") as out:
        out.write(HEADER)
        out.write('2024-01-02 18:00:00,"Push",1h,"Bench Press (Barbell)",1,100,5,0,0,,,8\n')
        for n in range(5_000):
            out.write(f'2024-01-03 18:00:00,"Push",1h,"Bench Press (Barbell)",1,100,r{n},0,0,,,8\n')

    done = restday(tmp_path, "import", export, "--db", tmp_path / "log.json", "--unit", "kg")

    assert done.returncode == 0, done.stderr
    assert "Skipped rows (5000), not imported:" in done.stdout
    assert f"{5_000 - REASONS_LISTED} more rows, for other reasons" in done.stdout
    assert len(done.stdout.splitlines()) < REASONS_LISTED + 10
    assert "Imported 1 set in 1 workout into" in done.stdout
    assert " · 1 workout, 1 set, 2 Jan 2024 to 2 Jan 2024" in done.stdout


def test_only_a_regular_file_is_imported(tmp_path: Path) -> None:
    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    done = restday(tmp_path, "import", fifo, "--db", tmp_path / "log.json", "--unit", "kg")
    assert done.returncode == 1 and "is not a regular file" in done.stderr, done.stderr
    assert not (tmp_path / "log.json").exists()


def _file_size_limit(limit: int):
    def limit_writes() -> None:  # a disk that fills up: writes past `limit` fail
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limit_writes


@pytest.mark.parametrize("limit", [2_000_000, 9_000_000])  # while spooling; while writing
def test_a_full_disk_mid_import_leaves_the_log(tmp_path: Path, limit: int) -> None:
    log = write_demo_log(tmp_path, weeks=1, now=NOW)
    before = log.read_bytes()
    export = tmp_path / "strong.csv"
    write_export(export, 40_000)  # about 2.5 MB; 12 MB in the log
    beside = sorted(p.name for p in tmp_path.iterdir())

    done = restday(
        tmp_path, "import", export, "--db", log, "--unit", "kg", preexec_fn=_file_size_limit(limit)
    )

    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "File too large" in done.stderr and "unchanged" in done.stderr
    assert log.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if "bak" not in p.name) == beside


def test_an_import_backs_up_the_log_first_and_keeps_it_private(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path, weeks=1, now=NOW)
    before = log.read_bytes()
    export = tmp_path / "strong.csv"
    write_export(export, 1_000)

    done = restday(tmp_path, "import", export, "--db", log, "--unit", "kg")

    assert done.returncode == 0 and "Imported 1000 sets in 50 workouts" in done.stdout
    assert log.with_name(f"{log.name}.bak-{NOW.date()}").read_bytes() == before
    assert log.stat().st_mode & 0o777 == 0o600
    assert open_log(log, NOW).counts().sets == open_log(log, NOW).counts().sets
    again = restday(tmp_path, "import", export, "--db", log, "--unit", "kg")
    assert "50 workouts are in the log already" in again.stdout and "Nothing new" in again.stdout


def test_a_file_changed_between_the_two_passes_is_refused(tmp_path: Path) -> None:
    export = tmp_path / "strong.csv"
    write_export(export, 100)
    found = scan(export, "strong")
    write_export(
        export, 100, last='2026-11-01 18:00:00,"Day 0",1h,"Squat (Barbell)",9,100,5,0,0,,,8\n'
    )
    plan = ImportPlan(source=found.variant, unit="kg")
    with open_rows(export, "strong", plan.skipped.append) as stream:
        records = plan_records(
            plan,
            "strong",
            stream.rows,
            ends=found.ends,
            exercises=BUILTIN_EXERCISES,
            timezone="UTC",
            rollover_hour=4,
            now=NOW,
        )
        with pytest.raises(ExportChanged, match="changed while it was read"):
            list(records)
