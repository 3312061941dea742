"""The personal-record rule (`storage.read.records_so_far`) and an exercise's past as the
workout screen reads it (`storage.read.exercise_history`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from storage.model.records import SetEntry
from storage.read.exercise_history import ExerciseHistory
from storage.read.records_so_far import RecordsSoFar

TODAY = date(2026, 11, 24)


def lift(kg: float, reps: int, days_ago: int = 0, n: int = 1, **fields) -> SetEntry:
    day = TODAY - timedelta(days=days_ago)
    return SetEntry(
        workout=f"w{days_ago}",
        exercise="bench-press",
        weight_kg=kg,
        reps=reps,
        timestamp=datetime(day.year, day.month, day.day, 18, n, tzinfo=UTC),
        order=n,
        day=day,
        **fields,
    )


def test_the_first_sets_set_the_bar_and_are_no_prs() -> None:
    records = RecordsSoFar()
    assert [records.add(lift(100, 5)), records.add(lift(80, 8))] == [False, False]
    assert records.best_reps == {(False, 100.0): 5, (False, 80.0): 8}
    assert records.best_e1rm == pytest.approx(100 * (1 + 5 / 30))


def test_more_reps_at_a_weight_or_a_better_e1rm_is_a_pr() -> None:
    records = RecordsSoFar()
    records.add(lift(100, 5))
    assert records.add(lift(100, 6))  # more reps at 100
    assert not records.add(lift(100, 6))  # equal: not beaten
    assert records.add(lift(110, 5))  # a better e1RM at a new weight
    assert not records.add(lift(90, 5))  # a new weight, a lower e1RM


def test_warm_ups_count_for_nothing_and_bodyweight_sets_by_reps_only() -> None:
    records = RecordsSoFar()
    assert not records.add(lift(200, 5, warmup=True))
    assert records.best_e1rm is None and records.best_reps == {}
    records.add(lift(20, 6, bodyweight=True))
    assert records.best_e1rm is None  # the added weight is not the load
    assert not records.add(lift(20, 6))  # a plain 20 kg set is another record
    assert records.add(lift(20, 7, bodyweight=True))


def test_a_copy_counts_on_without_changing_the_original() -> None:
    records = RecordsSoFar()
    records.add(lift(100, 5))
    copy = records.copy()
    assert copy.add(lift(100, 6))
    assert records.best_reps == {(False, 100.0): 5}


def test_an_exercises_history_is_its_past_outside_the_workout_in_progress() -> None:
    sets = [
        lift(95, 5, days_ago=8),
        lift(60, 5, days_ago=1, n=1, warmup=True),
        lift(100, 5, days_ago=1, n=2, rpe=8),
        lift(100, 4, days_ago=1, n=3, rpe=9),
        lift(120, 5),  # the workout in progress: not history
    ]
    history = ExerciseHistory.build(sets, "w0")
    assert history.last_day == TODAY - timedelta(days=1)
    assert [(s.weight_kg, s.reps) for s in history.last_sets] == [(100, 5), (100, 4)]
    assert history.best_reps == {(False, 95.0): 5, (False, 100.0): 5}
    assert not history.copy().add(lift(100, 5)) and history.copy().add(lift(100, 6))


def test_an_earlier_workout_of_the_same_day_is_history() -> None:
    earlier = replace(lift(50, 8, rpe=8), workout="morning")
    history = ExerciseHistory.build([lift(95, 5, days_ago=8), earlier, lift(55, 8)], "w0")
    assert history.last_day == TODAY
    assert [(s.weight_kg, s.reps, s.rpe) for s in history.last_sets] == [(50, 8, 8)]


def test_a_longer_hold_at_the_same_load_is_a_pr() -> None:
    records = RecordsSoFar()
    plank = lift(0, 0, duration_s=60)
    assert records.add(plank) is False  # the first sets the bar
    assert records.add(replace(plank, duration_s=55)) is False
    assert records.add(replace(plank, duration_s=75)) is True
    assert records.add(replace(plank, weight_kg=10, duration_s=30)) is False  # another load
    assert records.copy().add(replace(plank, duration_s=90)) is True
    assert records.best_measures[("hold", False, 0.0)] == 75
    assert records.best_e1rm is None


def test_a_faster_time_or_a_heavier_carry_for_a_distance_is_a_pr() -> None:
    records = RecordsSoFar()
    run = lift(0, 0, distance_m=5000, duration_s=1500)
    assert records.add(run) is False
    assert records.add(replace(run, duration_s=1560)) is False  # slower
    assert records.add(replace(run, duration_s=1490)) is True
    assert records.add(replace(run, distance_m=10000, duration_s=3300)) is False  # new distance
    carry = lift(40, 0, distance_m=30)
    assert records.add(carry) is False
    assert records.add(replace(carry, weight_kg=45)) is True
    assert records.add(replace(carry, weight_kg=42.5)) is False
    assert records.add(replace(carry, warmup=True, weight_kg=60)) is False
