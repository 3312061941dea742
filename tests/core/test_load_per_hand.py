"""Dumbbells per hand: a typed load is the weight in each hand for a dumbbell exercise
unless the lifter says otherwise; volume counts both hands, the e1RM stays per hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from storage.log.repository import Repository
from storage.model.records import Exercise, SetEntry, Settings, Workout
from storage.read.history_index import HistoryIndex, session_summary
from storage.read.records_so_far import set_e1rm
from storage.read.score_window import training_log
from tests.support.clock import FakeClock

DB_PRESS = Exercise(
    id="db-press", name="DB Press", equipment="dumbbell", muscles={"front_delts": 1.0}
)
ROW = Exercise(id="row", name="Row", equipment="barbell", muscles={"lats": 1.0})
DAY = date(2026, 3, 2)
START = datetime(2026, 3, 2, 18, tzinfo=UTC)


def one_set(exercise: str, kg: float, reps: int, n: int = 1) -> SetEntry:
    return SetEntry(
        id=f"s{n}", day=DAY, workout="w", exercise=exercise, weight_kg=kg, reps=reps,
        timestamp=START.replace(minute=n), order=n,
    )  # fmt: skip


def test_the_default_comes_from_the_equipment_and_a_setting_overrides_it() -> None:
    settings = Settings()
    assert settings.per_hand(DB_PRESS) and settings.hands_for(DB_PRESS) == 2
    assert not settings.per_hand(ROW) and settings.hands_for(ROW) == 1
    assert settings.hands_for(None) == 1
    changed = Settings(load_per_hand={"db-press": False, "row": True})
    assert changed.hands_for(DB_PRESS) == 1 and changed.hands_for(ROW) == 2


def test_volume_counts_both_hands_and_e1rm_stays_per_hand() -> None:
    entry = one_set("db-press", 22.5, 10)
    assert entry.volume_kg() == 225
    assert entry.volume_kg(hands=2) == 450
    per_hand_e1rm = set_e1rm(entry, None)
    assert per_hand_e1rm is not None and per_hand_e1rm[0] == pytest.approx(22.5 * (1 + 10 / 30))
    timed = replace(entry, reps=0, duration_s=60)
    assert timed.volume_kg(hands=2) == 0


def test_history_volume_doubles_per_hand_sets_and_keeps_the_e1rm() -> None:
    workouts = [Workout(id="w", day=DAY, start=START, end=START.replace(hour=19))]
    sets = [one_set("db-press", 22.5, 10, 1), one_set("row", 60, 5, 2)]
    exercises = {e.id: e for e in (DB_PRESS, ROW)}
    index = HistoryIndex(workouts, sets, exercises, {})
    assert index.days[DAY].volume_kg == pytest.approx(450 + 300)
    (press,) = index.exercise_sessions("db-press")
    assert press.volume_kg == pytest.approx(450)
    assert press.best_e1rm_kg == pytest.approx(30.0)
    total = HistoryIndex(workouts, sets, exercises, {}, Settings(load_per_hand={"db-press": False}))
    assert total.days[DAY].volume_kg == pytest.approx(225 + 300)
    assert total.exercise_sessions("db-press")[0].best_e1rm_kg == pytest.approx(30.0)


def test_the_scoring_inputs_read_the_load_per_hand() -> None:
    log = training_log(
        [one_set("db-press", 22.5, 10)], {"db-press": DB_PRESS}, [], [], day_starts={}
    )
    assert log.sets[0].load_kg == 22.5


def test_a_stored_setting_changes_the_finished_workouts_volume(tmp_path) -> None:
    repo = Repository(tmp_path / "log.json", clock=FakeClock(START))
    workout = repo.start_workout()
    repo.log_set(workout, repo.exercise("dumbbell-bench-press"), 30, 8)
    summary = session_summary(repo, workout.id)
    assert summary is not None and summary.volume_kg == pytest.approx(480)
    settings = repo.settings()
    repo.update_settings(settings, replace(settings, load_per_hand={"dumbbell-bench-press": False}))
    assert Repository(tmp_path / "log.json", clock=FakeClock(START)).settings().load_per_hand == {
        "dumbbell-bench-press": False
    }
    summary = session_summary(repo, workout.id)
    assert summary is not None and summary.volume_kg == pytest.approx(240)
