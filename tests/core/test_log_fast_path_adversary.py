"""`restday log` from the recent copy and journal, attacked: what a lifter logged is in the
day's backup and survives the ways the fast path can be cut short or raced."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import orjson

from storage.log.atomic_json import backup_path
from storage.log.journal import journal_path
from storage.log.repository import Repository
from storage.model.records import SetEntry
from tests.core.test_log_from_recent import NOW, demo_with_copy, finished, restday_log
from tests.support.clock import FakeClock


def test_the_days_backup_holds_the_sets_logged_from_the_shell_the_day_before(
    tmp_path: Path,
) -> None:
    # The copy is two days old; the day before, `restday log` left a set in the journal
    # (the fast path never folds it). Today's first change copies the log aside: the
    # copy must hold that set, or a restore (which sets the journal aside) loses it.
    log = demo_with_copy(tmp_path / "log.json", days_ago=2)
    yesterday = (NOW - timedelta(days=1)).isoformat()
    code, _, err = finished(restday_log(log, "bench 101x5", env={"RESTDAY_NOW": yesterday}))
    assert code == 0, err
    assert journal_path(log).stat().st_size > 0, "yesterday's set waits in the journal"
    code, _, err = finished(restday_log(log, "squat 140x3"))
    assert code == 0, err
    backup = orjson.loads(backup_path(log, NOW.date()).read_bytes())
    backed_up = [(s["exercise"], s["weight_kg"]) for s in backup[SetEntry.TABLE].values()]
    assert ("bench-press", 101.0) in backed_up
    assert ("back-squat", 140.0) not in backed_up  # the backup is of the log before today's


def test_sets_read_as_one_moment_and_text_change_alone(tmp_path: Path) -> None:
    # Read from disk, equal moments and days are one object each (`_moment`): an edit of
    # one set's time or note must leave the other as it was.
    log = tmp_path / "log.json"
    with Repository(log, clock=FakeClock(NOW)) as repo:
        workout = repo.start_workout("Upper")
        bench = repo.exercise("bench-press")
        for _ in range(2):
            repo.log_set(workout, bench, 100, 5, at=NOW)
    with Repository(log, clock=FakeClock(NOW)) as repo:
        first, second = repo.sets()
        assert first.timestamp is second.timestamp
        later = NOW + timedelta(minutes=3)
        repo.update_set(first, replace(first, timestamp=later, notes="hard", day=later.date()))
    with Repository(log, clock=FakeClock(NOW)) as repo:
        by_id = {s.id: s for s in repo.sets()}
        first, second = by_id[first.id], by_id[second.id]
        assert (first.timestamp, first.notes) == (later, "hard")
        assert (second.timestamp, second.notes) == (NOW, "")
        assert first.workout == second.workout == workout.id
