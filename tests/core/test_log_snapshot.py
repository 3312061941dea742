"""`Repository.snapshot()`: the log as one commit left it, which no later write changes, so
that the UI thread can read it while the writer goes on."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import Recovery, SymptomEntry
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.logs import on_disk

NOW = TUESDAY_EVENING
BENCH = BUILTIN_BY_ID["bench-press"]


@pytest.fixture
def repo(tmp_path: Path):
    with Repository(tmp_path / "log.json", clock=FakeClock(NOW)) as repo:
        yield repo


def everything(log) -> tuple:
    """What a screen could ask of a log, as plain values."""
    return (
        log.counts(),
        replace(log.settings(), id=""),  # an id of its own each time, until saved
        log.workouts(),
        log.sets(),
        log.recoveries(),
        log.symptoms(),
        log.rest_period(),
        log.templates(),
        log.open_workout(),
    )


def test_a_snapshot_is_not_changed_by_later_writes(repo: Repository) -> None:
    workout = repo.start_workout("Upper A")
    first = repo.log_set(workout, BENCH, 100, 5, rpe=8)
    repo.add_intake(NOW.date(), water_cups=2)
    before = repo.snapshot()
    seen = everything(before)

    second = repo.log_set(workout, BENCH, 102.5, 5)
    repo.save_set(replace(first, reps=4, notes="grindy"))  # changed in place by TinyDB
    repo.delete_set(second.id)
    repo.add_intake(NOW.date(), water_cups=1, protein_g=30)
    repo.save_symptoms(SymptomEntry(timestamp=NOW, energy=2))
    repo.finish_workout(workout, 8)

    assert everything(before) == seen
    assert before.sets() == [first]
    after = repo.snapshot()
    assert [s.reps for s in after.sets()] == [4]
    assert after.recovery(NOW.date()).water_cups == 3
    assert after.open_workout() is None


def test_a_snapshot_answers_as_the_repository_did(repo: Repository) -> None:
    workout = repo.start_workout()
    for reps in (5, 5, 4):
        repo.log_set(workout, BENCH, 100, reps)
    repo.save_recovery(Recovery(day=NOW.date(), sleep_hours=7.5, bodyweight_kg=80))
    assert everything(repo.snapshot()) == everything(repo)
    snapshot = repo.snapshot()
    assert snapshot.sets(workout=workout.id) == repo.sets(workout=workout.id)
    assert snapshot.latest_bodyweight(NOW.date()) == repo.latest_bodyweight(NOW.date())
    assert snapshot.stamp == repo.stamp


def test_tables_no_write_touched_are_shared_between_snapshots(repo: Repository) -> None:
    """A set costs a copy of the sets table, not of the whole log."""
    repo.save_recovery(Recovery(day=NOW.date(), sleep_hours=7))
    repo.log_set(repo.start_workout(), BENCH, 100, 5)
    before = repo.snapshot()
    repo.log_set(repo.open_workout(), BENCH, 100, 5)
    after = repo.snapshot()
    assert after._tables()["recovery"] is before._tables()["recovery"]
    assert after._tables()["sets"] is not before._tables()["sets"]


def test_a_snapshot_finds_a_workouts_sets_without_a_pass_over_every_set(
    repo: Repository,
) -> None:
    """After a set is saved the app reads today's sets from the new snapshot: from the
    repository's index, kept up to date as it writes, not one built again over the whole
    log (ten years of sets) on the UI thread."""
    workout = repo.start_workout()
    first = repo.log_set(workout, BENCH, 100, 5)
    before = repo.snapshot()
    second = repo.log_set(workout, BENCH, 100, 5)
    after = repo.snapshot()
    built_at_once = dict(after._indexes)
    assert ("sets", "workout") in built_at_once
    assert [s.id for s in after.sets(workout=workout.id)] == [first.id, second.id]
    assert after._indexes == built_at_once  # nothing built
    assert [s.id for s in before.sets(workout=workout.id)] == [first.id]


def test_snapshots_share_the_bodyweights_while_no_recovery_changes(repo: Repository) -> None:
    """A saved set makes a new snapshot; the lifter's bodyweights (read from every day's
    recovery: ten years of them) are not built again for it on the UI thread."""
    repo.save_recovery(Recovery(day=NOW.date(), bodyweight_kg=80))
    weights = repo.snapshot().bodyweights()
    repo.log_set(repo.start_workout(), BENCH, 100, 5)
    assert repo.snapshot().bodyweights() is weights
    repo.save_recovery(Recovery(day=NOW.date(), bodyweight_kg=81))
    assert repo.snapshot().bodyweights().on(NOW.date()) == 81


def test_a_snapshot_sees_another_process_once_the_repository_has(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    with Repository(log, clock=FakeClock(NOW)) as mine, Repository(log) as other:
        mine.log_set(mine.start_workout(), BENCH, 100, 5)
        before = mine.snapshot()
        other.log_set(other.open_workout() or other.start_workout(), BENCH, 90, 8)
        assert len(before.sets()) == 1
        assert mine.refresh() and not mine.refresh()
        assert [s.weight_kg for s in mine.snapshot().sets()] == [100, 90]


OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("set"), st.integers(1, 20)),
        st.tuples(st.just("edit"), st.integers(1, 20)),
        st.tuples(st.just("delete"), st.integers(0, 30)),
        st.tuples(st.just("water"), st.integers(1, 3)),
        st.tuples(st.just("snapshot"), st.just(0)),
    ),
    max_size=25,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations=OPERATIONS)
def test_every_snapshot_stays_the_log_as_it_was_on_disk(tmp_path: Path, operations) -> None:
    """Whatever comes after, each snapshot holds exactly what the file held when it was
    taken."""
    log = tmp_path / "hypothesis.json"
    log.unlink(missing_ok=True)
    taken: list[tuple[object, dict]] = []
    with Repository(log, clock=FakeClock(NOW)) as repo:
        workout = repo.start_workout()
        for operation, value in operations:
            sets = repo.sets()
            if operation == "set":
                repo.log_set(workout, BENCH, 60 + value, value)
            elif operation == "edit" and sets:
                repo.save_set(replace(sets[value % len(sets)], reps=value))
            elif operation == "delete" and sets:
                repo.delete_set(sets[value % len(sets)].id)
            elif operation == "water":
                repo.add_intake(NOW.date(), water_cups=value)
            elif operation == "snapshot":
                taken.append((repo.snapshot(), on_disk(log)))
        for snapshot, saved in taken:
            assert snapshot._tables() == saved
            by_workout = [d["id"] for d in saved.get("sets", {}).values()]
            assert sorted(s.id for s in snapshot.sets(workout=workout.id)) == sorted(by_workout)
