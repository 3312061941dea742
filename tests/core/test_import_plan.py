"""From rows read out of an export to the log's records: names mapped onto the library,
sets grouped into workouts, rest-timer rows, warm-ups, RPE, units, skipped rows, and the
ids that make a second import of the same file add nothing."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from storage.exchange.importing.names import ExerciseNames, guess_muscles, split_equipment
from storage.exchange.importing.plan import UnitNeeded, plan_import, write_plan
from storage.exchange.importing.rows import ImportedRow, ParsedFile, SkippedRow
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_EXERCISES
from tests.support.clock import TUESDAY_EVENING, FakeClock

NOW = TUESDAY_EVENING
MONDAY = datetime(2026, 11, 2, 18, 30)  # naive: local time, as files give it


def row(line: int, exercise: str = "Bench Press (Barbell)", **fields) -> ImportedRow:
    values = {"start": MONDAY, "workout": "Push", "weight": 100.0, "unit": "kg", "reps": 5}
    values.update(fields)
    return ImportedRow(line=line, exercise=exercise, **values)


def parsed(*rows: ImportedRow, source: str = "strong", skipped=()) -> ParsedFile:
    return ParsedFile(source, "Strong (test)", list(rows), list(skipped))


def plan(file: ParsedFile, unit: str | None = None, exists=lambda workout_id: False):
    return plan_import(
        file,
        exercises=BUILTIN_EXERCISES,
        unit=unit,
        timezone="UTC",
        rollover_hour=4,
        now=NOW,
        exists=exists,
    )


# -- names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Bench Press (Barbell)", "bench-press"),
        ("Bench Press (Dumbbell)", "dumbbell-bench-press"),
        ("Squat (Barbell)", "back-squat"),
        ("Barbell Squat", "back-squat"),
        ("Flat Barbell Bench Press", "bench-press"),
        ("Pull Up", "pull-up"),
        ("pull-ups", "pull-up"),
        ("Triceps Pushdown (Cable - Straight Bar)", "triceps-pushdown"),
        ("Lat Pulldown (Machine)", "lat-pulldown"),
        ("Face Pull (Pulley)", "face-pull"),
        ("ROMANIAN DEADLIFT", "romanian-deadlift"),
        ("rdl", "romanian-deadlift"),
    ],
)
def test_names_map_onto_the_library(name: str, expected: str) -> None:
    match = ExerciseNames(BUILTIN_EXERCISES).match(name)
    assert (match.exercise.id, match.new) == (expected, False)


def test_an_unknown_name_becomes_one_user_exercise_with_guessed_muscles() -> None:
    names = ExerciseNames(BUILTIN_EXERCISES)
    first = names.match("Squat (Smith Machine)")  # not the barbell back squat
    assert first.new and first.exercise.name == "Squat (Smith Machine)"
    assert first.exercise.equipment == "machine"
    assert first.exercise.muscles["quads"] == 1.0 and not first.exercise.builtin
    assert names.match("Squat (Smith Machine)").exercise is first.exercise
    assert names.new_exercises == [first.exercise]


def test_muscles_guessed_from_words_then_category() -> None:
    assert guess_muscles("Waiter Curl") == {"biceps": 1.0, "forearms": 0.5}
    assert guess_muscles("Lu Raises")["side_delts"] == 1.0
    assert guess_muscles("Zottman Thing", "Back")["lats"] == 1.0
    assert guess_muscles("Intensity") == {}


def test_equipment_suffixes() -> None:
    assert split_equipment("Bench Press (Dumbbell)") == ("Bench Press", "dumbbell")
    assert split_equipment("Knee Raise (Captain's Chair)") == ("Knee Raise (Captain's Chair)", None)
    assert split_equipment("Seated Calf Raise (Plate Loaded)")[1] == "machine"


# -- workouts and sets -------------------------------------------------------------------


def test_rows_grouped_into_workouts_in_file_order() -> None:
    later = MONDAY + timedelta(days=2)
    result = plan(
        parsed(
            row(2, set_order=1, duration_s=3600),
            row(3, set_order=2),
            row(4, "Pull Up", weight=None, reps=8, set_order=1),
            row(5, "Squat (Barbell)", start=later, workout="Legs", reps=3),
        )
    )
    assert [w.name for w in result.workouts] == ["Push", "Legs"]
    push = result.workouts[0]
    assert push.start == MONDAY.replace(tzinfo=push.start.tzinfo)
    assert push.end - push.start == timedelta(hours=1)
    sets = [s for s in result.sets if s.workout == push.id]
    assert [(s.exercise, s.order) for s in sets] == [
        ("bench-press", 1),
        ("bench-press", 2),
        ("pull-up", 3),
    ]
    assert [s.timestamp - push.start for s in sets] == [
        timedelta(0),
        *(timedelta(minutes=20 * k) for k in (1, 2)),
    ]
    assert sets[2].bodyweight and sets[2].weight_kg == 0
    assert {s.day for s in sets} == {MONDAY.date()}
    assert (result.first_day, result.last_day) == (MONDAY.date(), later.date())


def test_rest_timer_rows_warm_ups_and_rpe() -> None:
    result = plan(
        parsed(
            row(2, kind="warmup", weight=60.0, rpe=5.0),
            row(3, rest_s=180, reps=None, weight=None),
            row(4, rpe=8.5),
            row(5, rpe=5.0),
            row(6, rpe=7.3),
            row(7, kind="failure"),
        )
    )
    warmup, first, low, odd, failure = result.sets
    assert warmup.warmup and warmup.rpe is None
    assert first.rest_s == 180 and first.rpe == 8.5 and not first.warmup
    assert low.rest_s is None and low.rpe is None and odd.rpe is None
    assert failure.set_type == "failure" and failure.notes == ""
    assert result.adjustments == {
        "RPE of a warm-up set left out": 1,
        "RPE outside 6-10 (or not a half step) left out": 2,
    }


def test_pounds_become_kilograms() -> None:
    result = plan(parsed(row(2, weight=225.0, unit="lb"), row(3, weight=135.0, unit=None)), "lb")
    assert [s.weight_kg for s in result.sets] == [102.058, 61.235]  # to the gram
    assert result.file_unit == "lb"


def test_a_unit_is_needed_when_the_file_gives_none() -> None:
    with pytest.raises(UnitNeeded):
        plan(parsed(row(2, unit=None)))
    assert plan(parsed(row(2, unit=None, weight=None))).sets  # no weight: no unit needed


def test_every_row_holding_data_becomes_a_set_of_its_kind_and_type() -> None:
    result = plan(
        parsed(
            row(2, "Plank", reps=0, seconds=60.0, weight=None),
            row(3, "Cycling (Indoor)", reps=None, distance_m=5000.0, seconds=900.0, weight=None),
            row(4, "Farmers Walk", reps=None, distance_m=30.0, weight=40.0),
            row(5, reps=150, kind="drop", superset="1"),
            row(6, "Pull Up", weight=-20.0, reps=8, superset="1"),
            row(7, reps=5, seconds=30.0, notes="paused"),
        )
    )
    plank, ride, carry, drop, assisted, paused = result.sets
    assert (plank.kind, plank.duration_s, plank.bodyweight) == ("timed", 60, False)
    assert (ride.kind, ride.distance_m, ride.duration_s) == ("distance", 5000.0, 900)
    assert (carry.kind, carry.weight_kg, carry.distance_m) == ("distance", 40.0, 30.0)
    assert (drop.reps, drop.set_type, drop.group) == (150, "drop", "1")
    assert (assisted.weight_kg, assisted.bodyweight, assisted.assisted) == (20.0, True, True)
    assert assisted.group == "1"
    assert (paused.kind, paused.notes) == ("reps", "30 s paused")
    assert result.skipped.count == 0


def test_only_rows_without_a_set_in_them_are_skipped_with_their_reason() -> None:
    result = plan(
        parsed(
            row(3, reps=None),
            row(4, reps=None, weight=None),
            row(5, reps=1500),
            row(6, weight=5000.0),
            skipped=[SkippedRow(2, "reps 'ten' is not a number")],
        )
    )
    assert result.sets == [] and result.workouts == []
    assert [(s.line, s.reason.split(" (")[0].split(":")[0]) for s in result.skipped] == [
        (2, "reps 'ten' is not a number"),
        (3, "a weight without reps, time or distance"),
        (4, "nothing in it"),
        (5, "1500 reps"),
        (6, "5000 kg is over 1000 kg"),
    ]
    assert result.new_exercises == []


def test_date_only_workouts_start_at_noon() -> None:
    day = datetime(2020, 9, 13)
    result = plan(
        parsed(row(2, start=day, workout=""), row(3, start=day, workout=""), source="fitnotes")
    )
    workout = result.workouts[0]
    assert workout.start.hour == 12 and workout.day == day.date()
    assert workout.end > workout.start  # finished, not a workout in progress


def test_the_same_file_planned_twice_gives_the_same_ids() -> None:
    rows = parsed(row(2), row(3, "Pull Up", weight=None))
    first, second = plan(rows), plan(rows)
    assert [w.id for w in first.workouts] == [w.id for w in second.workouts]
    assert [s.id for s in first.sets] == [s.id for s in second.sets]
    again = plan(rows, exists=lambda workout_id: True)
    assert again.already == 1 and again.sets == []


def test_written_in_one_save_then_found_there(tmp_path: Path) -> None:
    repo = Repository(tmp_path / "log.json", clock=FakeClock(NOW))
    rows = parsed(row(2), row(3, "Zercher Squat", reps=6), row(4, "Zercher Squat", reps=6))
    result = plan(rows)
    assert [e.name for e in result.new_exercises] == ["Zercher Squat"]
    assert write_plan(repo, result) == 3
    reopened = Repository(tmp_path / "log.json", clock=FakeClock(NOW))
    assert len(reopened.sets()) == 3 and len(reopened.workouts()) == 1
    zercher = reopened.exercise(result.new_exercises[0].id)
    assert zercher is not None and zercher.muscles["quads"] == 1.0
    again = plan_import(
        rows,
        exercises=reopened.exercises(),
        unit=None,
        timezone="UTC",
        rollover_hour=4,
        now=NOW,
        exists=lambda workout_id: reopened.workout(workout_id) is not None,
    )
    assert again.already == 1 and again.sets == [] and again.new_exercises == []
    assert write_plan(reopened, result) == 0  # written meanwhile: nothing twice
    assert len(Repository(tmp_path / "log.json").sets()) == 3
