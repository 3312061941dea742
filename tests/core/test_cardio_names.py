"""Conditioning in the library, and a typed set's name read for its kind
(`storage.entry.exercise_names.resolve_for_set`): `restday log 'run 5km 25:00'` (the example
of `restday log --help`) logs a run, never a 5 km Triceps Pushdown; a set whose kind does not
fit the exercise a name only partly matches is refused, saying what it was read as."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.entry.exercise_names import WrongKindExercise, resolve_for_set
from storage.entry.set_line import parse_set
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID, BUILTIN_EXERCISES
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.terminal import restday


def logged(log: Path) -> list[tuple[str, float | None, int | None]]:
    if not log.exists():
        return []
    with Repository(log, clock=FakeClock(TUESDAY_EVENING)) as repo:
        return [(s.exercise, s.distance_m, s.duration_s) for s in repo.sets()]


def read(line: str) -> str:
    spec = parse_set(line)
    return resolve_for_set(spec.exercise, BUILTIN_EXERCISES, spec.kind).exercise.id


def test_the_help_examples_run_is_not_logged_as_a_triceps_pushdown(tmp_path: Path) -> None:
    """`restday log --help` gives 'run 5km 25:00' as an example; typed as given, it logged
    a 5 km Triceps Pushdown in 25:00 ('run' was a loose match of "rope pushdown")."""
    log = tmp_path / "log.json"
    assert "'run 5km 25:00'" in " ".join(restday(tmp_path, "log", "--help").stdout.split())
    done = restday(tmp_path, "log", "--db", str(log), "run 5km 25:00")
    assert done.returncode == 0, done.stderr
    assert logged(log) == [("running", 5000.0, 1500)], done.stdout + done.stderr
    assert "Running" in done.stdout


def test_the_help_examples_carry_logs_a_farmers_carry(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    assert "'carry 40kg 30m'" in " ".join(restday(tmp_path, "log", "--help").stdout.split())
    done = restday(tmp_path, "log", "--db", str(log), "carry 40kg 30m")
    assert done.returncode == 0, done.stderr
    assert logged(log) == [("farmers-carry", 30.0, None)]


@pytest.mark.parametrize(
    ("line", "exercise"),
    [
        ("run 5km 25:00", "running"),
        ("run 30:00", "running"),  # a run for time
        ("walk 5km 50:00", "walking"),
        ("row 2000m 7:45", "rowing-machine"),  # "row" is also the Barbell Row's alias
        ("rower 500m", "rowing-machine"),
        ("row erg 10:00", "rowing-machine"),
        ("bike 10km 20:00", "cycling"),
        ("assault bike 60s", "assault-bike"),
        ("ski erg 1000m", "ski-erg"),
        ("sled 40kg 20m", "sled-push"),
        ("rope 60s", "jump-rope"),
        ("jump rope 3:00", "jump-rope"),
    ],
)
def test_conditioning_is_logged_as_what_was_done(line: str, exercise: str) -> None:
    assert read(line) == exercise


@pytest.mark.parametrize(
    ("line", "exercise"),
    [
        ("row 100x8", "barbell-row"),  # sets of reps: the lifter's row, as before
        ("bench 100x5", "bench-press"),
        ("plank 60s", "plank"),
        ("farmers 40kg 30m", "farmers-carry"),  # a carry for distance
        ("farmers carry 40kg 60s", "farmers-carry"),  # or for time
        ("pull-up 30s", "pull-up"),  # an exercise of reps, named in full: a hold at the top
        ("pullup bw+20 45s", "pull-up"),
        ("squat 100kg 60s", "back-squat"),  # an alias in full: what was typed
        ("running 10x1", "running"),  # strides counted: the name in full
    ],
)
def test_a_name_typed_in_full_logs_that_exercise_whatever_the_set(line: str, exercise: str) -> None:
    assert read(line) == exercise


@pytest.mark.parametrize(
    ("line", "read_as"),
    [
        ("tp 5km", "Triceps Pushdown"),  # initials
        ("bnchprs 5km 25:00", "Bench Press"),  # letters in order
        ("chin 20s", "Chin-Up"),  # the start of a name: a chin-up of reps
        ("skull 200m", "Skull Crusher"),
        ("plnk 5x10", "Plank"),  # reps for a hold, by a guess at its name
    ],
)
def test_a_set_of_another_kind_is_refused_for_a_partly_matched_name(line: str, read_as) -> None:
    spec = parse_set(line)
    with pytest.raises(WrongKindExercise) as refused:
        resolve_for_set(spec.exercise, BUILTIN_EXERCISES, spec.kind)
    assert f"reads as {read_as}" in str(refused.value)
    assert refused.value.query == spec.exercise  # what a new exercise would be named


def test_restday_log_refuses_it_and_says_how_to_create_the_exercise(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    done = restday(tmp_path, "log", "--db", str(log), "tp 5km")
    assert done.returncode != 0
    said = " ".join(done.stderr.split())
    assert "no exercise named 'tp' is done for a distance" in said
    assert "reads as Triceps Pushdown" in said and "ctrl+n (new exercise)" in said
    assert logged(log) == []


def test_conditioning_adds_little_muscle_fatigue() -> None:
    """A run, a row, a ride train no muscle directly: no muscle is 'trained' by them
    (`LogReader.muscles_trained`) and each works its muscles at half a set's dose."""
    cardio = [e for e in BUILTIN_EXERCISES if e.equipment == "cardio"]
    assert {e.id for e in cardio} >= {"running", "walking", "rowing-machine", "cycling"}
    for exercise in cardio:
        assert exercise.kind in ("distance", "timed")
        assert not exercise.primary_muscles and set(exercise.muscles.values()) == {0.5}
    assert BUILTIN_BY_ID["running"].kind == "distance"
