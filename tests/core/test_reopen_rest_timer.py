"""The rest timer and finished workouts (`Repository.update_workout`, `LogReader.running_rest`):
finishing a workout ends the rest after its sets in the same write, and a rest left in the
log from an earlier day is not a rest running now (`running_rest`)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import RestPeriod
from tests.support.clock import FakeClock

BENCH = BUILTIN_BY_ID["bench-press"]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 10, 18, 0, tzinfo=UTC))


def test_finishing_a_workout_ends_the_rest_after_its_last_set(repo, clock) -> None:
    workout = repo.start_workout("Push")
    entry = repo.log_set(workout, BENCH, 100, 5, rpe=8)
    assert repo.rest_period().after_set == entry.id
    clock.advance(minutes=1)
    repo.finish_workout(workout, 7)
    assert repo.rest_period() is None


def test_finishing_again_a_reopened_workout_ends_its_rest(repo, clock) -> None:
    """`restday log --reopen` adds a forgotten set to today's finished workout and finishes
    it again: the set's rest is not timed."""
    workout = repo.start_workout("Push")
    repo.log_set(workout, BENCH, 100, 5)
    clock.advance(minutes=30)
    finished = repo.finish_workout(workout, 7)
    reopened = repo.reopen_workout(finished)
    repo.log_set(reopened, BENCH, 100, 4)
    assert repo.rest_period() is not None
    repo.finish_workout(repo.workout(workout.id), 7)
    assert repo.rest_period() is None


def test_finishing_a_workout_leaves_a_rest_it_did_not_start(repo, clock) -> None:
    """A rest timer started on its own (no set) is not the finished workout's."""
    workout = repo.start_workout("Push")
    repo.save_rest_period(RestPeriod(started=clock.now, duration_s=120))
    repo.finish_workout(workout, 7)
    assert repo.rest_period() is not None


def test_a_rest_left_from_an_earlier_day_is_not_running(repo, clock) -> None:
    """A log written before finishing ended the rest: Sunday's rest is no timer on Tuesday
    (it would read "rest over +2932:00"), as Sunday's sets start none when added later."""
    repo.save_rest_period(RestPeriod(started=clock.now, duration_s=120))
    clock.advance(hours=5)  # 23:00: the same day
    assert repo.running_rest() is not None
    clock.advance(days=2)
    assert repo.running_rest() is None
    assert repo.rest_period() is not None  # still in the log as stored (an export holds it)


def test_a_set_done_just_after_the_day_rolls_over_starts_the_rest_timer(repo, clock) -> None:
    """A workout begun at 3:58 goes on past the rollover hour (4:00): a set done at 4:01
    belongs to the workout's day, and is done now, so its rest is timed (and shown by
    another copy) as any other's; only a set added to an earlier day's workout later is not."""
    clock.advance(hours=9, minutes=58)  # 03:58 the next morning: still Tuesday's training
    workout = repo.start_workout("Late")
    repo.log_set(workout, BENCH, 100, 5)
    clock.advance(minutes=3)  # 04:01: the day has turned over
    entry = repo.log_set(workout, BENCH, 100, 5)
    assert entry.day == workout.day < repo.today()
    assert repo.running_rest() is not None and repo.running_rest().after_set == entry.id
