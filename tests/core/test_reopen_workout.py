"""Reopening a finished workout (`Repository.reopen_workout`): an operation on the stored
record under the log's lock, merged as every other change is (`storage.model.merge`)."""

from __future__ import annotations

import signal
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.merge import ChangeRefused
from storage.model.records import Workout
from tests.support.clock import FakeClock

BENCH = BUILTIN_BY_ID["bench-press"]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 10, 18, 0, tzinfo=UTC))


def finished_workout(repo: Repository, clock: FakeClock, rpe: int = 7, notes: str = "good"):
    workout = repo.start_workout("Push")
    repo.log_set(workout, BENCH, 100, 5, rpe=8)
    clock.advance(minutes=40)
    return repo.finish_workout(workout, rpe, notes)


def test_reopen_keeps_the_end_session_rpe_and_notes_and_marks_it_reopened(repo, clock) -> None:
    finished = finished_workout(repo, clock)
    reopened = repo.reopen_workout(finished)
    stored = repo.workout(finished.id)
    assert stored.reopened and stored.in_progress and stored == reopened
    assert stored.end == finished.end and stored.duration_minutes == 40
    assert (stored.session_rpe, stored.notes) == (7, "good")
    assert repo.open_workout().id == finished.id  # today's: it is in progress again
    assert repo.last_finished(finished.day) is None
    clock.advance(minutes=5)
    again = repo.finish_workout(stored, stored.session_rpe, "")
    assert (again.session_rpe, again.notes) == (7, "good")
    assert again.end == clock.now and not again.reopened and not again.in_progress
    assert "reopened" not in again.to_doc() and not repo.workout(finished.id).reopened
    assert repo.open_workout() is None and repo.reopened_workout() is None


def test_a_log_written_before_the_marker_reads_as_before(tmp_path: Path) -> None:
    doc = {"id": "w1", "start": "2026-03-10T18:00:00+00:00", "end": "2026-03-10T18:40:00+00:00"}
    finished = Workout.from_doc(doc)
    assert not finished.reopened and not finished.in_progress
    assert Workout.from_doc({k: v for k, v in doc.items() if k != "end"}).in_progress
    assert "reopened" not in finished.to_doc()


def test_another_copy_sees_the_reopened_workout_and_finishing_it_ends_the_reopening(
    repo, clock
) -> None:
    first = finished_workout(repo, clock)
    clock.advance(days=1)
    second = finished_workout(repo, clock)
    clock.advance(days=2)
    repo.reopen_workout(first)
    with Repository(repo.path, clock=clock) as other:
        seen = other.reopened_workout()
        assert seen.id == first.id and seen.end == first.end
        with pytest.raises(ChangeRefused, match=r"workout of Tue 10 Mar \(reopened\) is not fin"):
            other.reopen_workout(second)  # one at a time
        other.finish_workout(seen, seen.session_rpe, at=seen.end)
    stored = repo.workout(first.id)
    assert not stored.reopened and stored.end == first.end
    assert repo.reopened_workout() is None
    assert repo.reopen_workout(second).reopened


def test_reopen_merges_with_another_copys_change(tmp_path: Path, repo, clock) -> None:
    finished = finished_workout(repo, clock)
    with Repository(repo.path, clock=clock) as other:
        other.update_workout(finished, replace(finished, notes="bench felt heavy"))
    reopened = repo.reopen_workout(finished)  # as read before the other copy's note
    assert reopened.reopened and reopened.end == finished.end
    assert reopened.notes == "bench felt heavy"


def test_reopen_keeps_the_end_another_copy_gave_it_meanwhile(repo, clock) -> None:
    workout = repo.start_workout("Push")
    clock.advance(minutes=30)
    finished = repo.finish_workout(workout, 7)
    with Repository(repo.path, clock=clock) as other:
        moved = replace(finished, end=finished.end + timedelta(minutes=10))
        other.update_workout(finished, moved)
    reopened = repo.reopen_workout(finished)  # as read before the other copy's change
    assert reopened.reopened and reopened.end == finished.end + timedelta(minutes=10)
    assert repo.workout(finished.id) == reopened


def test_reopen_refused_while_todays_workout_is_in_progress(repo, clock) -> None:
    finished = finished_workout(repo, clock)
    clock.advance(minutes=60)
    repo.start_workout("Pull")
    with pytest.raises(ChangeRefused, match="finish it before reopening"):
        repo.reopen_workout(finished)
    assert repo.workout(finished.id).end == finished.end


def test_a_set_added_to_a_past_days_workout_keeps_its_day_and_starts_no_timer(repo, clock) -> None:
    finished = finished_workout(repo, clock)
    clock.advance(days=2)
    reopened = repo.reopen_workout(finished)
    at = finished.end - timedelta(minutes=1)
    entry = repo.log_set(reopened, BENCH, 100, 4, at=at)
    assert entry.day == finished.day and entry.timestamp == at and entry.order == 2
    assert repo.rest_period() is None or repo.rest_period().after_set != entry.id
    assert repo.open_workout() is None  # an earlier day's workout is not today's in progress


def test_a_copy_killed_while_an_earlier_days_workout_is_reopened_loses_nothing(repo, clock) -> None:
    """Another process reopens Sunday's workout on Tuesday and is SIGKILLed while it is
    open: the log still holds its end and duration, and it reads as reopened (in progress)
    until finished again, where it ended."""
    finished = finished_workout(repo, clock)
    clock.advance(days=2)
    code = (
        "import os, signal, sys\n"
        "from datetime import datetime\n"
        "from storage.log.repository import Repository\n"
        "now = datetime.fromisoformat(sys.argv[2])\n"
        "repo = Repository(sys.argv[1], clock=lambda: now)\n"
        "repo.reopen_workout(repo.workout(sys.argv[3]))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    killed = subprocess.run(
        [sys.executable, "-c", code, str(repo.path), clock.now.isoformat(), finished.id],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with Repository(repo.path, clock=clock) as fresh:
        stored = fresh.workout(finished.id)
        assert stored.end == finished.end and stored.duration_minutes == 40
        assert stored.reopened and fresh.reopened_workout() == stored
        assert fresh.open_workout() is None  # an earlier day's is not today's
        again = fresh.finish_workout(stored, stored.session_rpe, at=stored.end)
    assert again == replace(stored, reopened=False, updated=again.updated)
