"""The recent copy of the log (`log.json.recent`) that keeps `restday status` quick: it
gives the same answers as the whole log, and is never used once the log has changed."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import storage.log.durable
from storage.clock import NOW_ENV
from storage.demo import generate_demo, write_demo
from storage.log.journal import journal_path
from storage.log.recent_copy import RECENT_DAYS, open_recent, recent_path, write_recent
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.read.readiness import read_readiness
from storage.read.score_window import WINDOW_DAYS
from tests.support.clock import FakeClock
from tui.commands.status import morning_of

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def log(tmp_path: Path, clock: FakeClock) -> Path:
    """A 26-week demo log ending today: longer than the copy holds."""
    path = tmp_path / "log.json"
    with Repository(path, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
        made = generate_demo(
            NOW.date(), weeks=26, seed=3, tz="UTC", exercises=BUILTIN_BY_ID, now=NOW
        )
        write_demo(repo, made)
    return path


def assessed(repo: Repository, moment: datetime) -> dict:
    return read_readiness(repo, moment).assessment.as_json()


def test_the_copy_scores_every_morning_it_holds_as_the_log_does(log: Path, clock) -> None:
    with Repository(log, clock=clock) as repo:
        write_recent(repo)
        days = [NOW.date() - timedelta(days=n) for n in range(0, RECENT_DAYS - 62, 7)]
        moments = [NOW] + [morning_of(repo, day) for day in days]
        expected = [assessed(repo, moment) for moment in moments]
    copy = open_recent(log, NOW.date() - timedelta(days=RECENT_DAYS - 62), NOW.date())
    assert copy is not None
    copy.clock = clock
    assert [assessed(copy, moment) for moment in moments] == expected
    with Repository(log, clock=clock) as repo:
        assert len(copy.sets()) < len(repo.sets())  # the weeks before it are left out
    assert stat.S_IMODE(recent_path(log).stat().st_mode) == 0o600


def test_a_day_older_than_the_copy_is_not_read_from_it(log: Path, clock) -> None:
    with Repository(log, clock=clock) as repo:
        write_recent(repo)
    assert open_recent(log, NOW.date() - timedelta(days=RECENT_DAYS), NOW.date()) is None


def test_any_change_to_the_log_makes_the_copy_stale(log: Path, clock) -> None:
    with Repository(log, clock=clock) as repo:
        write_recent(repo)
    first_day = NOW.date() - timedelta(days=30)
    assert open_recent(log, first_day, NOW.date()) is not None
    with Repository(log, clock=clock) as other:  # another restday logs a set
        other.log_set(other.todays_workout(), BUILTIN_BY_ID["bench-press"], 100, 5)
    assert open_recent(log, first_day, NOW.date()) is None


def test_a_backup_put_back_makes_the_copy_stale(log: Path, clock, tmp_path: Path) -> None:
    saved = tmp_path / "saved.json"
    shutil.copy2(log, saved)
    with Repository(log, clock=clock) as repo:
        repo.add_intake(NOW.date(), water_cups=1)
        write_recent(repo)
    assert open_recent(log, NOW.date() - timedelta(days=30), NOW.date()) is not None
    shutil.copyfile(saved, log)  # the user restores the older file over it
    os.utime(log, ns=(0, 0))  # even with the same size and an old mtime: the inode or stamp
    assert open_recent(log, NOW.date() - timedelta(days=30), NOW.date()) is None


def test_nothing_is_copied_while_changes_wait(log: Path, clock) -> None:
    with Repository(log, clock=clock) as repo:
        repo._pending.append(lambda: None)  # a save that failed and waits for a retry
        write_recent(repo)
    assert not recent_path(log).exists()


def test_a_copy_that_cannot_be_written_is_left_out(log: Path, clock, monkeypatch) -> None:
    def full_disk(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))

    monkeypatch.setattr(storage.log.durable.os, "replace", full_disk)
    with Repository(log, clock=clock) as repo:
        write_recent(repo)  # no error: the copy is only a shortcut
    assert not recent_path(log).exists()
    assert list(log.parent.glob(".*.tmp")) == []


def status(log: Path, *args: str) -> dict:
    """`restday status --json` at NOW, as a command run then."""
    run = subprocess.run(
        [sys.executable, "-m", "tui", "status", "--db", str(log), "--json", *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**os.environ, NOW_ENV: NOW.isoformat()},
    )
    return json.loads(run.stdout)


def test_status_follows_a_set_logged_after_the_copy(tmp_path: Path, clock) -> None:
    log = tmp_path / "log.json"
    with Repository(log, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
        write_demo(
            repo,
            generate_demo(NOW.date(), weeks=12, seed=1, tz="UTC", exercises=BUILTIN_BY_ID, now=NOW),
        )
    first = status(log)
    assert recent_path(log).exists()  # the first status made the copy
    second = status(log)  # the same, but for the moment it was asked at
    assert second == {**first, "moment": second["moment"], "history": second["history"]}
    with Repository(log, clock=clock) as other:
        workout = other.start_workout("Evening")
        other.log_set(workout, BUILTIN_BY_ID["back-squat"], 100, 5, rpe=9)
    after = status(log)
    # Today's readiness stays the morning's (scoring spec 6); tomorrow's estimate has the set.
    assert after["readiness"] == first["readiness"] and "tomorrow" not in first
    ahead = after["tomorrow"]
    assert ahead["consecutive_days"] >= 1 and ahead["fatigue"]["quads"] > first["fatigue"]["quads"]


def test_the_app_refreshes_the_copy_when_it_closes(tmp_path: Path, clock) -> None:
    from tui.log_store import LogStore

    log = tmp_path / "log.json"
    store = LogStore(log, clock=clock)
    writer = threading.Thread(target=store.run, args=(lambda _message: None,))
    writer.start()
    store.save(lambda repo: repo.add_intake(repo.today(), water_cups=2)).result()
    store.close()
    assert open_recent(log, NOW.date() - timedelta(days=30), NOW.date()) is not None


def test_the_copy_holds_only_the_days_the_score_reads(tmp_path: Path, clock) -> None:
    """A log whose import put years of sets (and sets dated next year) beside today: the
    copy is the score's window, not the log (a 2-million-row import left a 991 MB copy)."""
    log = tmp_path / "log.json"
    with Repository(log, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
        for days in (-400, -200, -WINDOW_DAYS - 2, -3, 0, 30, 300):
            workout = repo.start_workout(at=NOW + timedelta(days=days))
            repo.log_set(workout, BUILTIN_BY_ID["back-squat"], 100, 5, at=workout.start)
        write_recent(repo)
    copy = json.loads(recent_path(log).read_text())
    days = sorted(doc["day"] for doc in copy["sets"].values())
    assert days == [(NOW + timedelta(days=d)).date().isoformat() for d in (-3, 0)]
    first_day = NOW.date() - timedelta(days=WINDOW_DAYS + 1)
    assert open_recent(log, first_day, NOW.date()) is not None
    assert open_recent(log, first_day, NOW.date() + timedelta(days=30)) is None  # not in it


def test_the_copy_follows_the_changes_saved_in_the_journal(log: Path, clock) -> None:
    with Repository(log, clock=clock) as repo:
        write_recent(repo)
    first_day = NOW.date() - timedelta(days=30)
    other = Repository(log, clock=clock)  # open: its set stays in the journal, unfolded
    entry = other.log_set(other.todays_workout(), BUILTIN_BY_ID["bench-press"], 100, 5)
    assert journal_path(log).stat().st_size > 0
    copy = open_recent(log, first_day, NOW.date(), clock=clock)
    assert copy is not None and copy.set_entry(entry.id) == entry
    assert assessed(copy, NOW) == assessed(other, NOW)
    other.close()  # folds: the file is another
    assert open_recent(log, first_day, NOW.date()) is None


def test_a_copy_changed_by_hand_is_not_used(log: Path, clock) -> None:
    with Repository(log, clock=clock) as repo:
        write_recent(repo)
    copy = json.loads(recent_path(log).read_text())
    copy["sets"] = {}
    recent_path(log).write_text(json.dumps(copy))
    assert open_recent(log, NOW.date() - timedelta(days=30), NOW.date()) is None


def restday_log(log: Path, *entry: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "tui", "log", "--db", str(log), *entry],
        capture_output=True,
        check=True,
        timeout=120,
        env={**os.environ, NOW_ENV: NOW.isoformat()},
    )


def test_restday_log_appends_to_the_journal_and_status_reads_it(log: Path) -> None:
    """`restday log` on a long log wrote the whole file (16 MB on ten years) and the
    recent copy for every set: now a line of the journal, which the copy follows."""
    before = status(log)
    file, copy = log.stat(), recent_path(log).stat()
    restday_log(log, "squat", "140x5@9")
    assert (log.stat().st_ino, log.stat().st_mtime_ns) == (file.st_ino, file.st_mtime_ns)
    assert recent_path(log).stat().st_mtime_ns == copy.st_mtime_ns
    after = status(log)
    assert recent_path(log).stat().st_mtime_ns == copy.st_mtime_ns  # read, not made anew
    assert "tomorrow" not in before
    assert after["tomorrow"]["fatigue"]["quads"] > before["fatigue"]["quads"]


def test_a_log_with_no_settings_stored_is_copied(tmp_path: Path, clock) -> None:
    log = tmp_path / "log.json"
    with Repository(log, clock=clock) as repo:
        repo.add_intake(NOW.date(), water_cups=2)
        write_recent(repo)
    copy = open_recent(log, NOW.date() - timedelta(days=30), NOW.date(), clock=clock)
    assert copy is not None and copy.recovery(NOW.date()).water_cups == 2
