"""`restday log` served from the log's recent copy and journal (without parsing the whole
log) stores exactly what reading the whole log does, never gives a new record the key of
an old one, only ever appends to the journal, and reads the whole log whenever the copy is
not of the log as it is now or does not hold what it reads."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tui.commands.log as log_command
from storage.clock import NOW_ENV
from storage.log.atomic_json import disk_stamp, lock_path
from storage.log.journal import journal_path
from storage.log.recent_copy import RECENT_DAYS, recent_path, write_recent
from storage.log.repository import Repository
from storage.log.schema import remember_good
from storage.model.records import SetEntry, Workout
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.logs import demo_log_at, on_disk
from tui.commands.main import main

NOW = TUESDAY_EVENING
ROOT = Path(__file__).resolve().parents[2]
ENTRIES = [
    "bench 100x5@8",
    "+2.5x5",
    "x6",
    "",
    "squat 140x3x2",
    "w 60x5",
    "d 80x8",
    "pullup bw x8",
    "plank 60s",
    "-5x8@9",
    "curl 20x10",
]


def demo_with_copy(path: Path, weeks: int = 2, days_ago: int = 0) -> Path:
    """The demo log and its recent copy as they stood `days_ago` days before `NOW`."""
    then = NOW - timedelta(days=days_ago)
    demo_log_at(path, weeks, now=then)
    with Repository(path, clock=FakeClock(then)) as repo:
        write_recent(repo)
    return path


@contextlib.contextmanager
def whole_log_reads() -> Iterator[list[str]]:
    """The logs `restday log`, run in this process, read whole (its full path)."""
    opened: list[str] = []
    full = log_command.open_repository

    def counted(db, **options):
        if not options:
            opened.append(db)
        return full(db, **options)

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(NOW_ENV, NOW.isoformat())
        patch.setenv("TZ", "UTC")
        patch.setattr(log_command, "open_repository", counted)
        yield opened


def restday_log(log: Path, *entry: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tui", "log", "--db", str(log), "--", *entry],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, NOW_ENV: NOW.isoformat(), "TZ": "UTC", **(env or {})},
    )


def finished(proc: subprocess.Popen) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


def canonical(path: Path) -> dict[str, dict[str, dict]]:
    """The whole log as stored (journal applied), with the random ids of records named by
    the table and key they are stored under, so two logs made alike compare equal."""
    tables = on_disk(path)
    names = {
        doc["id"]: f"{table}:{key}"
        for table, docs in tables.items()
        for key, doc in docs.items()
        if "id" in doc
    }

    def renamed(value):
        return names.get(value, value) if isinstance(value, str) else value

    return {
        table: {key: {f: renamed(v) for f, v in doc.items()} for key, doc in docs.items()}
        for table, docs in tables.items()
    }


def sets_on_disk(path: Path) -> list[dict]:
    return list(on_disk(path).get(SetEntry.TABLE, {}).values())


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    weeks=st.integers(1, 3),
    runs=st.lists(st.lists(st.sampled_from(ENTRIES), min_size=1, max_size=3), max_size=5),
    journalled=st.booleans(),
    days_ago=st.integers(0, 2),
)
def test_the_recent_copy_stores_what_the_whole_log_does(
    tmp_path_factory, capsys, weeks: int, runs: list[list[str]], journalled: bool, days_ago: int
) -> None:
    base = tmp_path_factory.mktemp("log")
    fast, full = base / "fast" / "log.json", base / "full" / "log.json"
    fast.parent.mkdir()
    demo_with_copy(fast, weeks, days_ago)
    if journalled:  # a change saved since the copy was made: in the journal, not the copy
        app = Repository(fast, clock=FakeClock(NOW))  # open, as an app leaves it: unfolded
        app.log_set(app.todays_workout(), app.exercise("deadlift"), 180, 3)
        del app
    shutil.copytree(fast.parent, full.parent)
    recent_path(full).unlink()
    for entries in runs:
        with whole_log_reads() as opened:
            fast_code = main(["log", "--db", str(fast), "--", *entries])
            fast_said = capsys.readouterr()
        assert opened == [], "the copy held what `restday log` reads"
        with whole_log_reads() as opened:
            full_code = main(["log", "--db", str(full), "--", *entries])
            full_said = capsys.readouterr()
        assert opened
        assert (fast_code, fast_said.out, fast_said.err) == (
            full_code,
            full_said.out,
            full_said.err,
        )
    assert canonical(fast) == canonical(full)


def test_a_new_record_never_takes_the_key_of_an_old_one_the_copy_leaves_out(
    tmp_path: Path, capsys
) -> None:
    log = demo_log_at(tmp_path / "log.json", 2)
    clock = FakeClock(NOW)
    with Repository(log, clock=clock) as repo:
        # A workout of long ago, logged last: the highest keys of the log, not in the copy.
        old = repo.save_workout(
            Workout(
                start=NOW - timedelta(days=400), end=NOW - timedelta(days=400) + timedelta(hours=1)
            )
        )
        repo.log_set(old, repo.exercise("bench-press"), 40, 5, at=old.start)
        repo.fold()
        write_recent(repo)
    before = on_disk(log)
    with whole_log_reads() as opened:
        assert main(["log", "--db", str(log), "bench 100x5@8", "+2.5x5"]) == 0
    assert opened == []
    after = on_disk(log)
    for table, docs in before.items():
        for key, doc in docs.items():
            assert after[table][key] == doc or table != SetEntry.TABLE
    assert len(after[SetEntry.TABLE]) == len(before[SetEntry.TABLE]) + 2
    assert len(after[Workout.TABLE]) == len(before[Workout.TABLE]) + 1
    assert any(d["workout"] == old.id for d in after[SetEntry.TABLE].values())


def test_only_the_journal_grows(tmp_path: Path) -> None:
    log = demo_with_copy(tmp_path / "log.json")
    inode, size = log.stat().st_ino, log.stat().st_size
    code, _, err = finished(restday_log(log, "bench 100x5@8"))
    assert code == 0, err
    assert (log.stat().st_ino, log.stat().st_size) == (inode, size)
    assert journal_path(log).stat().st_size > 0
    assert sets_on_disk(log)[-1]["weight_kg"] == 100.0


def test_an_open_app_follows_the_set(tmp_path: Path) -> None:
    log = demo_with_copy(tmp_path / "log.json")
    with Repository(log, clock=FakeClock(NOW)) as app:
        count = len(app.sets())
        code, _, err = finished(restday_log(log, "bench 100x5@8"))
        assert code == 0, err
        assert app.refresh()
        assert len(app.sets()) == count + 1
        assert app.sets()[-1].weight_kg == 100.0


def wait_until(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline
        time.sleep(0.01)


def holds_open(pid: int, path: Path) -> bool:
    with contextlib.suppress(OSError):
        for fd in os.listdir(f"/proc/{pid}/fd"):
            with contextlib.suppress(OSError):
                if os.readlink(f"/proc/{pid}/fd/{fd}") == str(path):
                    return True
    return False


def test_a_fold_between_the_copy_check_and_the_append_loses_nothing(tmp_path: Path) -> None:
    log = demo_with_copy(tmp_path / "log.json")
    clock = FakeClock(NOW)
    with Repository(log, clock=clock) as app:
        app.log_set(app.todays_workout(), app.exercise("back-squat"), 140, 3)
        with app.transaction():  # the app holds the lock...
            child = restday_log(log, "bench 100x5@8")
            wait_until(lambda: holds_open(child.pid, lock_path(log)))
            time.sleep(0.5)  # ...while `restday log` reads the copy and waits for the lock
            inode = log.stat().st_ino
            app.fold()  # and folds: the copy is of a file that is gone
        assert log.stat().st_ino != inode
        code, _, err = finished(child)
        assert code == 0, err
    sets = sets_on_disk(log)
    assert [(s["exercise"], s["weight_kg"]) for s in sets[-2:]] == [
        ("back-squat", 140.0),
        ("bench-press", 100.0),
    ]


def test_killed_mid_append_the_log_holds_the_set_or_not(tmp_path: Path) -> None:
    log = demo_with_copy(tmp_path / "log.json")
    count = len(sets_on_disk(log))
    for delay in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.6):
        child = restday_log(log, "bench 100x5@8")
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        sets = sets_on_disk(log)  # readable: a cut-short line is no change
        assert len(sets) in (count, count + 1)
        if len(sets) == count + 1:
            assert sets[-1]["weight_kg"] == 100.0 and sets[-1]["reps"] == 5
        count = len(sets)
    code, _, err = finished(restday_log(log, "x6"))
    assert code == 0 or "no set yet" in err, err


def hand_edited(log: Path) -> None:
    copy = recent_path(log)
    copy.write_bytes(copy.read_bytes() + b" ")


def stale(log: Path) -> None:
    with Repository(log, clock=FakeClock(NOW)) as repo:
        repo.save_settings(replace(repo.settings(), rollover_hour=3))
        repo.fold()


def old_format(log: Path) -> None:
    """A copy made by the restday before this one: it records no highest keys."""
    copy = recent_path(log)
    tables = orjson.loads(copy.read_bytes())
    del tables["recent"]["1"]["top"]
    copy.write_bytes(orjson.dumps(tables))
    remember_good(copy, disk_stamp(copy))


@pytest.mark.parametrize(
    "spoil",
    [lambda log: recent_path(log).unlink(), hand_edited, stale, old_format],
    ids=["missing", "hand-edited", "stale", "old-format"],
)
def test_a_copy_that_is_not_of_the_log_now_is_not_read(tmp_path: Path, spoil, capsys) -> None:
    log = demo_with_copy(tmp_path / "log.json")
    spoil(log)
    count = len(sets_on_disk(log))
    with whole_log_reads() as opened:
        assert main(["log", "--db", str(log), "bench 100x5@8"]) == 0
    assert opened == [str(log)]
    assert len(sets_on_disk(log)) == count + 1


def test_reopen_reads_the_whole_log(tmp_path: Path, capsys) -> None:
    # A workout reopened on another day, outside the copy, must stop a second one.
    log = demo_with_copy(tmp_path / "log.json")
    with whole_log_reads() as opened:
        main(["log", "--db", str(log), "--reopen", "bench 100x5@8"])
    assert opened == [str(log)]


def test_the_open_app_follows_the_set_within_a_second_or_so(tmp_path: Path) -> None:
    from tui.log_store import LogStore

    log = demo_with_copy(tmp_path / "log.json")
    store = LogStore(log, clock=FakeClock(NOW))
    writer = threading.Thread(target=store.run, args=(lambda _message: None,))
    writer.start()
    store.open()
    try:
        wait_until(lambda: store.snapshot is not None)
        count = len(store.snapshot.sets())
        code, _, err = finished(restday_log(log, "bench 100x5@8"))
        assert code == 0, err
        logged = time.monotonic()
        wait_until(lambda: len(store.snapshot.sets()) == count + 1, timeout=10)
        assert time.monotonic() - logged < 3  # it looks every 0.5 s; slack for a loaded CI
        assert store.snapshot.sets()[-1].weight_kg == 100.0
    finally:
        store.close()
        writer.join(timeout=30)


def test_sets_logged_at_once_from_the_copy_all_stay_under_keys_of_their_own(
    tmp_path: Path,
) -> None:
    log = demo_with_copy(tmp_path / "log.json")
    count = len(sets_on_disk(log))
    children = [restday_log(log, f"bench {100 + n}x5") for n in range(4)]
    for child in children:
        code, _, err = finished(child)
        assert code == 0, err
    sets = sets_on_disk(log)
    assert len(sets) == count + 4
    assert sorted(s["weight_kg"] for s in sets[-4:]) == [100.0, 101.0, 102.0, 103.0]
    assert len({s["id"] for s in sets}) == len(sets)


def test_real_processes_store_what_the_whole_log_does(tmp_path: Path) -> None:
    fast, full = tmp_path / "fast" / "log.json", tmp_path / "full" / "log.json"
    fast.parent.mkdir()
    demo_with_copy(fast)
    shutil.copytree(fast.parent, full.parent)
    recent_path(full).unlink()
    for entries in (["bench 100x5@8", "+2.5x5"], ["x6"], [""], ["w 60x5", "squat 140x3x2"]):
        said = [finished(restday_log(log, *entries)) for log in (fast, full)]
        assert said[0] == said[1]
    assert fast.stat().st_size == full.stat().st_size  # neither rewrote its file
    assert canonical(fast) == canonical(full)


YESTERDAY = NOW - timedelta(days=1)


def test_a_copy_made_yesterday_serves_today_when_the_log_held_nothing_later(
    tmp_path: Path, capsys
) -> None:
    log = demo_log_at(tmp_path / "log.json", 2, now=YESTERDAY)
    with Repository(log, clock=FakeClock(YESTERDAY)) as repo:
        write_recent(repo)
    count = len(sets_on_disk(log))
    with whole_log_reads() as opened:
        assert main(["log", "--db", str(log), "bench 100x5@8", "+2.5x5"]) == 0
    assert opened == []
    sets = sets_on_disk(log)
    assert len(sets) == count + 2
    assert {s["day"] for s in sets[-2:]} == {NOW.date().isoformat()}


def test_a_copy_that_left_out_a_later_record_is_not_read_for_its_day(
    tmp_path: Path, capsys
) -> None:
    log = demo_log_at(tmp_path / "log.json", 2, now=YESTERDAY)
    with Repository(log, clock=FakeClock(YESTERDAY)) as repo:
        # Dated today by a clock a day ahead: after the copy's last day, so not in it.
        ahead = repo.start_workout(at=NOW - timedelta(hours=1))
        repo.log_set(ahead, repo.exercise("bench-press"), 90, 5, at=ahead.start)
        repo.fold()
        write_recent(repo)
    with whole_log_reads() as opened:
        assert main(["log", "--db", str(log), "x6"]) == 0  # from the set of that workout
    assert opened == [str(log)]
    sets = [s for s in sets_on_disk(log) if s["workout"] == ahead.id]
    assert [(s["weight_kg"], s["reps"]) for s in sets] == [(90.0, 5), (90.0, 6)]


def test_a_bodyweight_before_the_copy_taken_back_since_reads_the_whole_log(
    tmp_path: Path, capsys
) -> None:
    log = demo_with_copy(tmp_path / "log.json", weeks=12)
    first_day = NOW.date() - timedelta(days=RECENT_DAYS)
    app = Repository(log, clock=FakeClock(NOW))  # open: its change stays in the journal
    weighed = app.latest_bodyweight(first_day)
    assert weighed is not None and weighed[0] <= first_day
    app.update_recovery(weighed[0], lambda entry: replace(entry, bodyweight_kg=None))
    del app
    with whole_log_reads() as opened:
        assert main(["log", "--db", str(log), "pullup bw+10x8"]) == 0
    assert opened == [str(log)]
