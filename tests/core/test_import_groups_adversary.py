"""A superset kept in a workout (`Workout.groups`, made with Alt+G) survives an import into a
log that has the same exercise under another id (matched by name), as the sets do."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from storage.exchange.export import export_json
from storage.exchange.importing.restday_json import import_restday_export
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import Exercise
from tests.support.clock import TUESDAY_EVENING, FakeClock

NOW = TUESDAY_EVENING


def test_a_workouts_groups_follow_an_exercise_matched_by_name(tmp_path):
    with Repository(tmp_path / "a.json", clock=FakeClock(NOW)) as repo:
        press = repo.add_exercise(Exercise(name="Zercher Bear Hug", muscles={"front_delts": 1.0}))
        workout = repo.start_workout("Push", at=NOW - timedelta(hours=1))
        repo.log_set(workout, BUILTIN_BY_ID["bench-press"], weight_kg=100, reps=5, at=NOW)
        # Grouped with a key before the press has a set; a set of it then carries none.
        workout = repo.open_workout()
        groups = {"bench-press": "bench-press", press.id: "bench-press"}
        repo.update_workout(workout, replace(workout, groups=groups))
        exported = export_json(repo)
    with Repository(tmp_path / "b.json", clock=FakeClock(NOW)) as repo:
        own = repo.add_exercise(Exercise(name="zercher bear hug", muscles={"front_delts": 1.0}))
        assert own.id != press.id
        summary = import_restday_export(repo, exported)
        assert summary.matched == [("Zercher Bear Hug", "zercher bear hug")]
        (imported,) = repo.workouts()
        assert imported.groups == {"bench-press": "bench-press", own.id: "bench-press"}
