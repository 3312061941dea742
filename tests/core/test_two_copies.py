"""Two copies of restday on one log, each holding what it read: a change one copy makes is
applied to the record as stored, merged with what the other copy changed meanwhile, and
refused with a clear message when both changed the same field. The other copy is a real
process writing the real file.

Copy A is the screen's state in this process (`WorkoutSession`, `RecoveryDays`) read from
the log, with its own repository; copy B is `python -c ...` with a repository of its own
(the app itself against another process: tests/screens/test_two_copies_on_screen.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from storage.log.repository import Repository, SaveFailedError
from storage.model.merge import ChangeRefused
from storage.model.records import Recovery, Settings, SymptomEntry
from tests.support.clock import TUESDAY_EVENING
from tests.support.other_copy import other_copy as shared_other_copy
from tests.support.screen_helpers import FullDisk
from tui.screens.recovery.days import RecoveryDays
from tui.screens.workout.session import WorkoutSession

NOW = TUESDAY_EVENING
DAY = NOW.date()


def other_copy(log: Path, code: str) -> None:
    shared_other_copy(log, code, NOW)


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return tmp_path / "log.json"


@pytest.fixture
def repo(log: Path) -> Iterator[Repository]:
    with Repository(log, clock=lambda: NOW) as repo:
        repo.save_settings(Settings(timezone="UTC"))
        workout = repo.start_workout("Upper", at=NOW - timedelta(hours=1))
        repo.log_set(workout, repo.exercise("bench-press"), 100, 5, rpe=8)
        yield repo


def session_of(repo: Repository) -> WorkoutSession:
    session = WorkoutSession()
    session.load(repo.snapshot())
    return session


def stored(log: Path) -> Repository:
    return Repository(log, clock=lambda: NOW, read_only=True)


# -- the workout -----------------------------------------------------------------------------


def test_a_workout_note_keeps_the_finish_another_copy_made(repo: Repository, log: Path) -> None:
    a = session_of(repo)
    other_copy(log, "repo.finish_workout(workout, 8)")
    a.note_workout(a.workout, "felt strong")(repo)
    with stored(log) as after:
        workout = after.workouts()[0]
    assert workout.end is not None and workout.session_rpe == 8
    assert workout.notes == "felt strong"


def test_a_workout_note_on_a_finish_with_other_notes_is_refused(
    repo: Repository, log: Path
) -> None:
    a = session_of(repo)
    other_copy(log, "repo.finish_workout(workout, 8, 'great day')")
    with pytest.raises(ChangeRefused, match=r"changed this workout \(notes\)"):
        a.note_workout(a.workout, "felt strong")(repo)
    with stored(log) as after:
        workout = after.workouts()[0]
    assert (workout.end, workout.session_rpe, workout.notes) == (NOW, 8, "great day")


def test_finishing_a_workout_another_copy_finished_otherwise_is_refused(
    repo: Repository, log: Path
) -> None:
    a = session_of(repo)
    other_copy(log, "repo.finish_workout(workout, 8, 'great day', at=workout.start)")
    with pytest.raises(ChangeRefused, match="end, session RPE"):
        a.finish(a.workout, 6, "", NOW)(repo)
    with stored(log) as after:
        assert after.workouts()[0].session_rpe == 8


# -- a set -----------------------------------------------------------------------------------


def test_a_set_note_keeps_the_edit_another_copy_made(repo: Repository, log: Path) -> None:
    a = session_of(repo)
    other_copy(log, "repo.update_set(sets[0], replace(sets[0], weight_kg=110.0, rpe=9.0))")
    a.note_set(a.sets[0], "paused reps")(repo)
    with stored(log) as after:
        (entry,) = after.sets()
    assert (entry.weight_kg, entry.reps, entry.rpe, entry.notes) == (110, 5, 9, "paused reps")


def test_a_set_note_does_not_bring_back_a_set_another_copy_deleted(
    repo: Repository, log: Path
) -> None:
    a = session_of(repo)
    other_copy(log, "repo.delete_set(sets[0].id)")
    with pytest.raises(ChangeRefused, match="deleted this set"):
        a.note_set(a.sets[0], "paused reps")(repo)
    with stored(log) as after:
        assert after.sets() == []


def test_an_edit_of_a_field_another_copy_changed_otherwise_is_refused(
    repo: Repository, log: Path
) -> None:
    a = session_of(repo)
    other_copy(log, "repo.update_set(sets[0], replace(sets[0], weight_kg=110.0))")
    a.begin_edit(a.sets[0])
    with pytest.raises(ChangeRefused, match=r"changed this set \(weight\)"):
        a.finish_edit("105x5@8")(repo)
    with stored(log) as after:
        assert after.sets()[0].weight_kg == 110


def test_undoing_an_edit_keeps_another_copys_note(repo: Repository, log: Path) -> None:
    a = session_of(repo)
    a.begin_edit(a.sets[0])
    a.finish_edit("105x5@8")(repo)
    other_copy(log, "repo.update_set(sets[0], replace(sets[0], notes='belt'))")
    a.undo().in_log(repo)
    with stored(log) as after:
        (entry,) = after.sets()
    assert (entry.weight_kg, entry.notes) == (100, "belt")


def test_undoing_a_set_another_copy_changed_since_does_not_delete_it(
    repo: Repository, log: Path
) -> None:
    a = session_of(repo)
    _placed, save = a.log_set(repo.exercise("bench-press"), a.read_line("120x3").spec, NOW)
    save(repo)
    other_copy(log, "repo.update_set(sets[-1], replace(sets[-1], notes='grinder'))")
    with pytest.raises(ChangeRefused, match=r"changed this set \(notes\).*not deleted"):
        a.undo().in_log(repo)
    with stored(log) as after:
        assert [s.weight_kg for s in after.sets()] == [100, 120]


# -- recovery and symptoms -------------------------------------------------------------------


def recovery_days(repo: Repository) -> RecoveryDays:
    days = RecoveryDays()
    days.read(repo.snapshot())
    return days


def test_undo_on_a_day_another_copy_logged_keeps_its_entry(repo: Repository, log: Path) -> None:
    a = recovery_days(repo)  # reads the day with nothing logged
    other_copy(log, f"repo.add_intake(date.fromisoformat({DAY.isoformat()!r}), water_cups=3)")

    def sleep(entry: Recovery) -> Recovery:
        return replace(entry, sleep_hours=7.5)

    a.change(sleep)
    repo.update_recovery(DAY, sleep)
    a.undo().in_log(repo)
    with stored(log) as now:
        entry = now.recovery(DAY)
    assert entry is not None
    assert (entry.water_cups, entry.sleep_hours) == (3, None)


def test_undo_keeps_the_fields_another_copy_set_meanwhile(repo: Repository, log: Path) -> None:
    a = recovery_days(repo)
    a.change(lambda entry: replace(entry, sleep_hours=7.5))
    repo.update_recovery(DAY, lambda entry: replace(entry, sleep_hours=7.5))
    other_copy(log, f"repo.add_intake(date.fromisoformat({DAY.isoformat()!r}), protein_g=40)")
    a.undo().in_log(repo)
    with stored(log) as now:
        entry = now.recovery(DAY)
    assert entry is not None and (entry.protein_g, entry.sleep_hours) == (40, None)


def test_undo_alone_on_a_day_leaves_nothing(repo: Repository, log: Path) -> None:
    a = recovery_days(repo)
    a.change(lambda entry: replace(entry, sleep_hours=7.5))
    repo.update_recovery(DAY, lambda entry: replace(entry, sleep_hours=7.5))
    a.undo().in_log(repo)
    with stored(log) as now:
        assert now.recovery(DAY) is None


def test_undo_of_a_field_another_copy_changed_otherwise_is_refused(
    repo: Repository, log: Path
) -> None:
    a = recovery_days(repo)
    a.change(lambda entry: replace(entry, sleep_hours=7.5))
    repo.update_recovery(DAY, lambda entry: replace(entry, sleep_hours=7.5))
    day = DAY.isoformat()
    other_copy(
        log,
        f"repo.update_recovery(date.fromisoformat({day!r}), lambda e: replace(e, sleep_hours=6))",
    )
    with pytest.raises(ChangeRefused, match=r"\(sleep hours\)"):
        a.undo().in_log(repo)
    with stored(log) as now:
        assert now.recovery(DAY).sleep_hours == 6


def test_symptom_changes_from_two_copies_merge_muscle_by_muscle(
    repo: Repository, log: Path
) -> None:
    entry = repo.save_symptoms(SymptomEntry(timestamp=NOW, energy=3, soreness={"quads": 4}))
    other_copy(
        log,
        "e = repo.symptoms()[0]\n"
        "repo.update_symptoms(e, replace(e, mood=2, soreness={'quads': 4, 'chest': 6}))",
    )
    repo.update_symptoms(entry, replace(entry, energy=4, soreness={}))
    with stored(log) as now:
        (merged,) = now.symptoms()
    assert (merged.energy, merged.mood, merged.soreness) == (4, 2, {"chest": 6})


def test_deleting_a_symptom_entry_another_copy_changed_is_refused(
    repo: Repository, log: Path
) -> None:
    entry = repo.save_symptoms(SymptomEntry(timestamp=NOW, energy=3))
    other_copy(log, "e = repo.symptoms()[0]\nrepo.update_symptoms(e, replace(e, notes='flu'))")
    with pytest.raises(ChangeRefused, match=r"\(notes\).*not deleted"):
        repo.delete_symptoms(entry.id, base=entry)
    with stored(log) as now:
        assert [e.notes for e in now.symptoms()] == ["flu"]


def test_targets_saved_on_the_recovery_screen_keep_another_copys_unit(
    repo: Repository, log: Path
) -> None:
    a = recovery_days(repo)
    other_copy(log, "repo.update_settings(repo.settings(), replace(repo.settings(), unit='lb'))")
    targets = {**a.settings.targets, "water_cups": 10}
    repo.update_settings(a.settings, replace(a.settings, targets=targets))
    with stored(log) as now:
        settings = now.settings()
    assert (settings.unit, settings.targets["water_cups"]) == ("lb", 10)


def test_a_change_kept_on_a_full_disk_that_collides_when_saved_is_reported(
    repo: Repository, log: Path, disk: FullDisk
) -> None:
    a = session_of(repo)
    disk.fill()
    with pytest.raises(SaveFailedError):
        a.note_set(a.sets[0], "paused")(repo)
    assert repo.take_refused() == []  # still waiting
    other_copy(log, "repo.update_set(sets[0], replace(sets[0], notes='belt'))")
    disk.free()
    repo.flush()
    (refused,) = repo.take_refused()
    assert "changed this set (notes)" in str(refused)
    assert repo.take_refused() == []
    with stored(log) as after:
        assert after.sets()[0].notes == "belt"
