"""Any sets, of every kind (reps, bodyweight added or assisted, timed and distance with or
without load and time) and every type (warm-up, working, drop, failure, AMRAP), in a
superset or not, go out through `restday export` as CSV and as JSON and come back in
through `restday import` as the same sets."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_EXERCISES
from storage.model.records import SetEntry, Workout
from tests.core.test_set_kinds_exchange import COMPARED
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.set_strategies import sets
from tui.commands.main import main

NOW = TUESDAY_EVENING
Logged = tuple[list[SetEntry], list[Workout]]
GROUPS = st.none() | st.text(
    st.characters(codec="utf-8", categories=["L", "N", "P", "S"]), min_size=1, max_size=12
)


@st.composite
def workouts(draw) -> list[tuple[str, SetEntry]]:
    """A workout's sets: each any set of any exercise, in a superset (a group's id) or not."""
    count = draw(st.integers(1, 6))
    return [
        (
            draw(st.sampled_from(BUILTIN_EXERCISES)).id,
            replace(draw(sets()), group=draw(GROUPS)),
        )
        for _ in range(count)
    ]


def logged(log: Path, unit: str, done: list[tuple[str, SetEntry]]) -> Logged:
    with Repository(log, clock=FakeClock(NOW)) as repo:
        repo.save_settings(replace(repo.settings(), unit=unit, timezone="UTC"))
        workout = repo.start_workout("Anything", at=NOW - timedelta(hours=2))
        groups = {exercise: entry.group or "" for exercise, entry in done}  # as Alt+G keeps them
        workout = repo.update_workout(workout, replace(workout, groups=groups))
        exercises = {e.id: e for e in repo.exercises()}
        for n, (exercise, entry) in enumerate(done):
            repo.log_set(
                workout,
                exercises[exercise],
                entry.weight_kg,
                entry.reps,
                rpe=entry.rpe,
                warmup=entry.warmup,
                bodyweight=entry.bodyweight,
                assisted=entry.assisted,
                duration_s=entry.duration_s,
                distance_m=entry.distance_m,
                set_type=entry.set_type,
                group=entry.group,
                at=NOW - timedelta(minutes=100 - 2 * n),
            )
        repo.finish_workout(workout, 7, at=NOW - timedelta(minutes=30))
        return repo.sets(), repo.workouts()


def kept(entries: list[SetEntry]) -> list[tuple]:
    return [(*(getattr(s, name) for name in COMPARED), s.type_name) for s in entries]


def exported_and_back(log: Path, fmt: str) -> Logged:
    exported, back = log.with_name(f"export.{fmt}"), log.with_name("back.json")
    assert main(["export", "--db", str(log), "--format", fmt, "-o", str(exported)]) == 0
    assert main(["import", str(exported), "--db", str(back)]) == 0
    with Repository(back, clock=FakeClock(NOW)) as repo:
        return repo.sets(), repo.workouts()


@pytest.mark.parametrize("fmt", ["csv", "json"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(done=workouts(), unit=st.sampled_from(["kg", "lb"]))
def test_every_set_comes_back_from_its_export(fmt: str, done, unit: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "log.json"
        before, workouts_before = logged(log, unit, done)
        after, workouts_after = exported_and_back(log, fmt)
    assert kept(after) == kept(before)
    assert [s.weight_kg for s in after] == pytest.approx([s.weight_kg for s in before], abs=5e-4)
    if fmt == "json":  # exactly: ids, times, rests, and the workout's supersets made with Alt+G
        assert (after, workouts_after) == (before, workouts_before)
