"""The repository API: what goes in comes out, days follow the user's clock, and each
change is one write."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from storage.errors import ValidationError
from storage.log import journal
from storage.log.reader import LogCounts
from storage.log.repository import Repository
from storage.model import days
from storage.model.exercise_library import BUILTIN_BY_ID, BUILTIN_EXERCISES
from storage.model.records import (
    MUSCLES,
    SCHEMA_VERSION,
    Exercise,
    Record,
    Recovery,
    SetEntry,
    Settings,
    SymptomEntry,
    Template,
    TemplateItem,
    Workout,
    default_targets,
)
from tests.support.clock import FakeClock
from tests.support.logs import on_disk

BENCH = BUILTIN_BY_ID["bench-press"]
SQUAT = BUILTIN_BY_ID["back-squat"]
LA = "America/Los_Angeles"
BERLIN = "Europe/Berlin"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return tmp_path / "log.json"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(utc(2026, 3, 10, 18, 0, 0))


@pytest.fixture
def repo(log: Path, clock: FakeClock):
    with Repository(log, clock=clock) as repository:
        repository.save_settings(Settings(timezone="UTC"))
        yield repository


def raw(log: Path, table: str) -> dict[str, dict[str, Any]]:
    return on_disk(log).get(table, {})


def reopened(log: Path, clock: FakeClock) -> Repository:
    return Repository(log, clock=clock)


# -- settings -----------------------------------------------------------------------------


def test_settings_default_on_a_new_log(log: Path, clock: FakeClock) -> None:
    with Repository(log, clock=clock) as repo:
        settings = repo.settings()
        assert settings.unit == "kg"
        assert settings.timezone is None
        assert settings.rollover_hour == 4
        assert settings.schema_version == SCHEMA_VERSION == 1
        assert settings.targets == default_targets()
        assert not repo.read_only
        assert repo.sets() == [] and repo.workouts() == [] and repo.templates() == []
    assert not log.exists()  # opening and reading write nothing


def test_save_settings(log: Path, clock: FakeClock) -> None:
    with Repository(log, clock=clock) as repo:
        saved = repo.save_settings(
            Settings(unit="lb", timezone=LA, rollover_hour=5, targets={"water_cups": 10})
        )
        assert saved.updated == clock.now
        again = repo.save_settings(replace(repo.settings(), unit="kg"))
        assert again.id == saved.id
    assert len(raw(log, "settings")) == 1
    with reopened(log, clock) as repo:
        settings = repo.settings()
        assert (settings.unit, settings.timezone, settings.rollover_hour) == ("kg", LA, 5)
        assert settings.targets == {**default_targets(), "water_cups": 10}
        assert repo.timezone == LA


@pytest.mark.parametrize(
    ("settings", "accepted"),
    [
        (Settings(unit="stone"), "unit must be kg or lb, not 'stone'"),
        (Settings(unit="KG"), "unit must be kg or lb"),
        (Settings(timezone="Mars/Olympus_Mons"), "an IANA name such as Europe/Berlin"),
        (Settings(timezone="PST8"), "an IANA name"),
        (Settings(rollover_hour=24), "a whole number from 0 to 23"),
        (Settings(rollover_hour=-1), "a whole number from 0 to 23"),
        (Settings(rollover_hour=4.5), "a whole number from 0 to 23"),  # type: ignore[arg-type]
        (Settings(rollover_hour=True), "a whole number from 0 to 23"),
    ],
)
def test_bad_settings_are_rejected(
    log: Path, clock: FakeClock, settings: Settings, accepted: str
) -> None:
    with Repository(log, clock=clock) as repo:
        repo.save_settings(Settings(timezone="UTC"))
        before = saved_bytes(log)
        with pytest.raises(ValidationError, match=accepted):
            repo.save_settings(settings)
        assert saved_bytes(log) == before
        assert repo.pending == 0


# -- days ---------------------------------------------------------------------------------


def test_a_set_after_midnight_belongs_to_the_day_before(log: Path) -> None:
    # 00:30 in Berlin (CET, UTC+1) on 10 March is 23:30 UTC on the 9th.
    clock = FakeClock(utc(2026, 3, 9, 23, 30))
    with Repository(log, clock=clock) as repo:
        repo.save_settings(Settings(timezone=BERLIN, rollover_hour=4))
        assert repo.today() == date(2026, 3, 9)
        workout = repo.start_workout("Late")
        assert workout.day == date(2026, 3, 9)
        entry = repo.log_set(workout, BENCH, 100, 5)
        assert entry.day == date(2026, 3, 9)
        symptoms = repo.save_symptoms(SymptomEntry(timestamp=clock.now, energy=2))
        assert symptoms.day == date(2026, 3, 9)
        # 03:59:59 local is still the day before; 04:00 starts the 10th.
        assert repo.day_of(utc(2026, 3, 10, 2, 59, 59)) == date(2026, 3, 9)
        assert repo.day_of(utc(2026, 3, 10, 3, 0, 0)) == date(2026, 3, 10)
        repo.save_settings(replace(repo.settings(), rollover_hour=0))
        assert repo.today() == date(2026, 3, 10)


def test_server_in_utc_and_user_in_los_angeles(log: Path, monkeypatch) -> None:
    import storage.log.reader

    monkeypatch.setattr(storage.log.reader, "machine_timezone", lambda: "UTC")
    # 06:30 UTC on 10 March: 23:30 on the 9th in Los Angeles (PDT, UTC-7).
    clock = FakeClock(utc(2026, 3, 10, 6, 30))
    with Repository(log, clock=clock) as repo:
        assert repo.timezone == "UTC"
        assert repo.today() == date(2026, 3, 10)  # the server's day
        repo.save_settings(Settings(timezone=LA))
        assert repo.timezone == LA
        assert repo.today() == date(2026, 3, 9)  # the user's day
        workout = repo.start_workout()
        assert workout.day == date(2026, 3, 9)
        clock.now = utc(2026, 3, 10, 10, 59)  # 03:59 in LA: still the 9th
        assert repo.today() == date(2026, 3, 9)
        assert repo.open_workout() == workout
        clock.now = utc(2026, 3, 10, 11, 0)  # 04:00 in LA: the 10th
        assert repo.today() == date(2026, 3, 10)
        assert repo.open_workout() is None  # yesterday's workout is not today's


@pytest.mark.parametrize(
    ("moment", "rollover", "day"),
    [
        # Spring forward: 8 March 2026, 02:00 PST -> 03:00 PDT (10:00 UTC).
        (utc(2026, 3, 8, 10, 59, 59), 4, date(2026, 3, 7)),  # 03:59:59 PDT
        (utc(2026, 3, 8, 11, 0, 0), 4, date(2026, 3, 8)),  # 04:00 PDT
        (utc(2026, 3, 8, 9, 59, 59), 2, date(2026, 3, 7)),  # 01:59:59 PST
        (utc(2026, 3, 8, 10, 0, 0), 2, date(2026, 3, 8)),  # 03:00 PDT: 02:00 never came
        # Fall back: 1 November 2026, 02:00 PDT -> 01:00 PST (09:00 UTC).
        (utc(2026, 11, 1, 11, 59, 59), 4, date(2026, 10, 31)),  # 03:59:59 PST
        (utc(2026, 11, 1, 12, 0, 0), 4, date(2026, 11, 1)),  # 04:00 PST
        (utc(2026, 11, 1, 7, 59, 59), 1, date(2026, 10, 31)),  # 00:59:59 PDT
        (utc(2026, 11, 1, 8, 30, 0), 1, date(2026, 11, 1)),  # 01:30 PDT, the first one
        (utc(2026, 11, 1, 9, 30, 0), 1, date(2026, 11, 1)),  # 01:30 PST, the second one
    ],
)
def test_days_on_dst_changes(log: Path, moment: datetime, rollover: int, day: date) -> None:
    with Repository(log, clock=FakeClock(moment)) as repo:
        repo.save_settings(Settings(timezone=LA, rollover_hour=rollover))
        assert repo.today() == day
        assert repo.start_workout().day == day


DST_DAYS = [
    (LA, date(2026, 3, 8)),
    (LA, date(2026, 11, 1)),
    (BERLIN, date(2026, 3, 29)),
    (BERLIN, date(2026, 10, 25)),
    ("America/Santiago", date(2026, 9, 6)),  # local midnight is skipped
    ("America/Santiago", date(2026, 4, 5)),  # local midnight happens twice
    ("Australia/Lord_Howe", date(2026, 10, 4)),  # a half-hour change
]


@pytest.mark.parametrize(("tz", "day"), DST_DAYS)
def test_day_start_agrees_with_day_of_on_dst_days(tz: str, day: date) -> None:
    """A training day starts at the first moment `day_of` puts in it, for every rollover
    hour, including hours skipped or repeated by the clock change."""
    second = timedelta(seconds=1)
    for hour in range(24):
        for d in (day - timedelta(days=1), day, day + timedelta(days=1)):
            start = days.day_start(d, tz, hour)
            assert start.tzinfo is not None
            assert days.day_of(start, tz, hour) == d, (tz, d, hour)
            assert days.day_of(start - second, tz, hour) == d - timedelta(days=1), (tz, d, hour)


def test_training_days_are_23_and_25_hours_long_across_dst() -> None:
    def length(d: date) -> timedelta:
        return days.day_start(d + timedelta(days=1), LA, 4) - days.day_start(d, LA, 4)

    assert length(date(2026, 3, 7)) == timedelta(hours=23)
    assert length(date(2026, 10, 31)) == timedelta(hours=25)
    assert length(date(2026, 6, 1)) == timedelta(hours=24)
    assert days.day_start(date(2026, 3, 8), LA, 4) == utc(2026, 3, 8, 11)
    assert days.day_start(date(2026, 11, 1), LA, 4) == utc(2026, 11, 1, 12)


# -- workouts -----------------------------------------------------------------------------


def test_start_and_finish_a_workout(repo: Repository, clock: FakeClock, log: Path) -> None:
    clock.now = utc(2026, 3, 10, 18, 0, 0, 123456)
    workout = repo.start_workout("Push", template="t1")
    assert workout.start == utc(2026, 3, 10, 18)  # stored to the second
    assert workout.end is None and workout.day == date(2026, 3, 10)
    assert repo.open_workout() == workout
    assert repo.todays_workout() == workout  # no second workout
    assert repo.workout(workout.id) == workout

    clock.advance(minutes=75)
    done = repo.finish_workout(workout, 8, notes="felt good")
    assert done.end == utc(2026, 3, 10, 19, 15)
    assert done.duration_minutes == 75
    assert (done.session_rpe, done.notes, done.name, done.template) == (
        8,
        "felt good",
        "Push",
        "t1",
    )
    assert repo.open_workout() is None
    assert repo.workout(workout.id) == done
    assert len(raw(log, "workouts")) == 1

    fresh = repo.todays_workout()
    assert fresh.id != workout.id and fresh.end is None
    assert [w.id for w in repo.workouts()] == [workout.id, fresh.id]


@pytest.mark.parametrize("rpe", [0, 5, 10, None])
def test_session_rpe_within_range_is_accepted(repo: Repository, rpe: int | None) -> None:
    workout = repo.start_workout()
    assert repo.finish_workout(workout, rpe).session_rpe == rpe


@pytest.mark.parametrize("rpe", [-1, 11, 7.5, True, "8"])
def test_session_rpe_out_of_range_is_rejected(repo: Repository, log: Path, rpe: Any) -> None:
    workout = repo.start_workout()
    before = saved_bytes(log)
    with pytest.raises(ValidationError, match="session RPE .*0 to 10"):
        repo.finish_workout(workout, rpe)
    assert saved_bytes(log) == before
    assert repo.open_workout() == workout


def test_a_workout_cannot_end_before_it_starts(repo: Repository, clock: FakeClock) -> None:
    workout = repo.start_workout()
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        repo.finish_workout(workout, 7, at=clock.now - timedelta(minutes=1))


def test_workouts_between_days(repo: Repository, clock: FakeClock) -> None:
    made = []
    for n in range(5):
        made.append(repo.start_workout(f"w{n}", at=utc(2026, 3, 1 + n, 12)))
    assert [w.name for w in repo.workouts(since=date(2026, 3, 2), until=date(2026, 3, 4))] == [
        "w1",
        "w2",
        "w3",
    ]
    assert len(repo.workouts()) == 5


def test_delete_workout_deletes_its_sets(repo: Repository) -> None:
    keep, drop = repo.start_workout("keep"), repo.start_workout("drop")
    kept = repo.log_set(keep, BENCH, 100, 5)
    repo.log_set(drop, BENCH, 100, 5)
    repo.log_set(drop, SQUAT, 140, 3)
    repo.delete_workout(drop.id)
    assert [w.id for w in repo.workouts()] == [keep.id]
    assert repo.sets() == [kept]


# -- sets ---------------------------------------------------------------------------------


def test_log_set_numbers_sets_and_notes_the_rest(repo: Repository, clock: FakeClock) -> None:
    workout = repo.start_workout()
    t0 = clock.now
    first = repo.log_set(workout, BENCH, 100, 5, rpe=8, at=t0)
    second = repo.log_set(workout, BENCH, 100, 5, rpe=8.5, at=t0 + timedelta(seconds=90))
    third = repo.log_set(workout, SQUAT, 140, 3, at=t0 + timedelta(seconds=200, microseconds=7))
    assert [s.order for s in (first, second, third)] == [1, 2, 3]
    assert [s.rest_s for s in (first, second, third)] == [None, 90, 110]
    assert third.timestamp == t0 + timedelta(seconds=200)
    assert repo.sets(workout=workout.id) == [first, second, third]

    other = repo.start_workout("other")
    assert repo.log_set(other, BENCH, 60, 10, at=t0).order == 1  # numbered per workout

    # A set entered for an earlier moment notes no (negative) rest.
    late_entry = repo.log_set(workout, BENCH, 90, 5, at=t0 - timedelta(minutes=5))
    assert late_entry.order == 4 and late_entry.rest_s is None


def test_log_set_stores_every_field(repo: Repository, clock: FakeClock, log: Path) -> None:
    workout = repo.start_workout()
    entry = repo.log_set(workout, BENCH, 20, 6, bodyweight=True, notes="dip belt")
    warmup = repo.log_set(workout, BENCH, 60, 5, warmup=True)
    assert entry.weight_kg == 20.0 and isinstance(entry.weight_kg, float)
    assert (entry.bodyweight, entry.notes, entry.exercise, entry.workout) == (
        True,
        "dip belt",
        "bench-press",
        workout.id,
    )
    assert entry.created == entry.updated == clock.now
    assert warmup.warmup and warmup.rpe is None
    with reopened(log, clock) as fresh:
        assert fresh.sets() == [entry, warmup]


@pytest.mark.parametrize(
    ("kwargs", "accepted"),
    [
        ({"weight_kg": -1}, "weight -1 is out of range: 0 to 1000 kg"),
        ({"weight_kg": 1000.5}, "0 to 1000 kg"),
        ({"weight_kg": float("nan")}, "weight must be a number"),
        ({"reps": 0}, "reps 0 is out of range: a whole number from 1 to 1000"),
        ({"reps": 1001}, "from 1 to 1000"),
        ({"rpe": 5.5}, "RPE is 6 to 10 in steps of 0.5"),
        ({"rpe": 8.25}, "not on a half step"),
        ({"rpe": 8, "warmup": True}, "a warm-up set has no RPE"),
    ],
)
def test_bad_sets_are_rejected(
    repo: Repository, log: Path, kwargs: dict[str, Any], accepted: str
) -> None:
    workout = repo.start_workout()
    values = {"weight_kg": 100, "reps": 5} | kwargs
    weight, reps = values.pop("weight_kg"), values.pop("reps")
    before = saved_bytes(log)
    with pytest.raises(ValidationError, match=accepted):
        repo.log_set(workout, BENCH, weight, reps, **values)
    assert saved_bytes(log) == before
    assert repo.sets() == []


def test_save_set_edits_in_place(repo: Repository, clock: FakeClock, log: Path) -> None:
    workout = repo.start_workout()
    entry = repo.log_set(workout, BENCH, 100, 5, rpe=8)
    other = repo.log_set(workout, BENCH, 100, 5, rpe=8)
    clock.advance(hours=1)
    edited = repo.save_set(replace(entry, weight_kg=102.5, reps=4, rpe=9, notes="fixed"))
    assert edited.id == entry.id
    assert edited.created == entry.created
    assert edited.updated == clock.now
    assert edited.day == entry.day
    assert repo.sets() == [edited, other]
    assert len(raw(log, "sets")) == 2
    with pytest.raises(ValidationError):
        repo.save_set(replace(entry, reps=0))
    with reopened(log, clock) as fresh:
        assert fresh.sets() == [edited, other]


def test_delete_set(repo: Repository, log: Path) -> None:
    workout = repo.start_workout()
    a, b, c = (repo.log_set(workout, BENCH, 100, reps) for reps in (5, 4, 3))
    repo.delete_set(b.id)
    assert repo.sets() == [a, c]
    assert [s.order for s in repo.sets()] == [1, 3]
    repo.delete_set("no-such-set")  # deleting what is not there changes nothing
    assert repo.sets() == [a, c]
    assert {d["id"] for d in raw(log, "sets").values()} == {a.id, c.id}
    # The set can be logged again after a delete and others are untouched.
    d = repo.log_set(workout, BENCH, 100, 2)
    assert repo.sets() == [a, c, d]


def test_sets_filters(repo: Repository, clock: FakeClock) -> None:
    monday = repo.start_workout("mon", at=utc(2026, 3, 9, 17))
    tuesday = repo.start_workout("tue", at=utc(2026, 3, 10, 17))
    m1 = repo.log_set(monday, BENCH, 100, 5, at=utc(2026, 3, 9, 17, 5))
    m2 = repo.log_set(monday, SQUAT, 140, 5, at=utc(2026, 3, 9, 17, 10))
    t1 = repo.log_set(tuesday, SQUAT, 145, 5, at=utc(2026, 3, 10, 17, 5))
    t2 = repo.log_set(tuesday, BENCH, 102.5, 5, at=utc(2026, 3, 10, 17, 10))
    assert repo.sets() == [m1, m2, t1, t2]
    assert repo.sets(workout=monday.id) == [m1, m2]
    assert repo.sets(workout="nope") == []
    assert repo.sets(exercise="back-squat") == [m2, t1]
    assert repo.sets(since=date(2026, 3, 10)) == [t1, t2]
    assert repo.sets(until=date(2026, 3, 9)) == [m1, m2]
    assert repo.sets(since=date(2026, 3, 9), until=date(2026, 3, 9), exercise="bench-press") == [m1]
    assert repo.sets(workout=tuesday.id, exercise="bench-press") == [t2]
    assert repo.sets(workout=tuesday.id, until=date(2026, 3, 9)) == []


# -- recovery, intake, symptoms -----------------------------------------------------------


def test_recovery_is_one_per_day(repo: Repository, clock: FakeClock, log: Path) -> None:
    day = date(2026, 3, 10)
    first = repo.save_recovery(Recovery(day=day, sleep_hours=7, sleep_quality=3))
    clock.advance(hours=1)
    second = repo.save_recovery(Recovery(day=day, sleep_hours=8.5, stress=2, bodyweight_kg=82))
    assert second.id == first.id
    assert second.created == first.created
    assert len(raw(log, "recovery")) == 1
    stored = repo.recovery(day)
    assert stored == second
    assert (stored.sleep_hours, stored.sleep_quality, stored.stress) == (8.5, None, 2)
    other = repo.save_recovery(Recovery(day=date(2026, 3, 9), sleep_hours=6))
    assert len(raw(log, "recovery")) == 2
    assert repo.recoveries() == [other, second]
    assert repo.recoveries(since=day) == [second]
    assert repo.recovery(date(2026, 3, 1)) is None
    # Without a day, it is today's.
    assert repo.save_recovery(Recovery(sleep_hours=9)).id == first.id


@pytest.mark.parametrize(
    ("entry", "accepted"),
    [
        (Recovery(sleep_hours=25), "0 to 24 hours"),
        (Recovery(sleep_quality=6), "from 1 to 5"),
        (Recovery(bodyweight_kg=10), "20 to 400 kg"),
        (Recovery(protein_g=-5), "0 to 2000 g"),
    ],
)
def test_bad_recovery_is_rejected(repo: Repository, entry: Recovery, accepted: str) -> None:
    with pytest.raises(ValidationError, match=accepted):
        repo.save_recovery(entry)
    assert repo.recoveries() == []


def test_add_intake_accumulates(repo: Repository, log: Path) -> None:
    day = date(2026, 3, 10)
    repo.save_recovery(Recovery(day=day, sleep_hours=7.5))
    repo.add_intake(day, water_cups=2, protein_g=30)
    repo.add_intake(day, water_cups=3, carbs_g=100)
    result = repo.add_intake(day, protein_g=40.5)
    assert (result.water_cups, result.protein_g, result.carbs_g) == (5, 70.5, 100)
    stored = repo.recovery(day)
    assert (stored.water_cups, stored.protein_g, stored.carbs_g) == (5, 70.5, 100)
    assert stored.sleep_hours == 7.5  # the rest of the day's entry is kept
    assert len(raw(log, "recovery")) == 1
    # A day with no entry yet gets one.
    repo.add_intake(date(2026, 3, 11), water_cups=1)
    assert repo.recovery(date(2026, 3, 11)).water_cups == 1
    # Totals past what is accepted are refused and nothing changes.
    with pytest.raises(ValidationError, match="water"):
        repo.add_intake(day, water_cups=96)
    assert repo.recovery(day).water_cups == 5


def test_symptoms_several_a_day(repo: Repository, clock: FakeClock, log: Path) -> None:
    morning = repo.save_symptoms(
        SymptomEntry(timestamp=utc(2026, 3, 10, 7), energy=2, soreness={"quads": 6})
    )
    evening = repo.save_symptoms(
        SymptomEntry(timestamp=utc(2026, 3, 10, 20, 0, 0, 500), mood=4, weakness=3, notes="ok")
    )
    assert evening.timestamp == utc(2026, 3, 10, 20)
    assert morning.day == evening.day == date(2026, 3, 10)
    assert repo.symptoms() == [morning, evening]
    assert len(raw(log, "symptoms")) == 2
    repo.delete_symptoms(morning.id)
    assert repo.symptoms() == [evening]
    assert repo.symptoms(since=date(2026, 3, 11)) == []


def test_update_recovery_applies_the_edit_to_the_day_as_stored(
    repo: Repository, log: Path, clock: FakeClock
) -> None:
    day = date(2026, 3, 10)
    first = repo.update_recovery(day, lambda entry: replace(entry, sleep_hours=7.0))
    with Repository(log, clock=clock) as other:  # another terminal adds a cup meanwhile
        other.add_intake(day, water_cups=1)
    repo.update_recovery(day, lambda entry: replace(entry, water_cups=(entry.water_cups or 0) + 2))
    stored = repo.recovery(day)
    assert (stored.id, stored.sleep_hours, stored.water_cups) == (first.id, 7.0, 3)
    with pytest.raises(ValidationError, match="sleep quality"):
        repo.update_recovery(day, lambda entry: replace(entry, sleep_quality=6, stress=2))
    assert repo.recovery(day).stress is None  # nothing of a refused edit is saved
    assert len(raw(log, "recovery")) == 1


def test_delete_recovery(repo: Repository) -> None:
    day = date(2026, 3, 10)
    repo.save_recovery(Recovery(day=day, sleep_hours=7))
    repo.save_recovery(Recovery(day=date(2026, 3, 11), sleep_hours=8))
    repo.delete_recovery(day)
    repo.delete_recovery(date(2026, 3, 1))  # nothing there: nothing happens
    assert [r.day for r in repo.recoveries()] == [date(2026, 3, 11)]


def test_latest_bodyweight(repo: Repository) -> None:
    assert repo.latest_bodyweight(date(2026, 3, 10)) is None
    repo.save_recovery(Recovery(day=date(2026, 3, 1), bodyweight_kg=80))
    repo.save_recovery(Recovery(day=date(2026, 3, 5), bodyweight_kg=81.5))
    repo.save_recovery(Recovery(day=date(2026, 3, 8), sleep_hours=7))
    repo.save_recovery(Recovery(day=date(2026, 3, 12), bodyweight_kg=83))
    assert repo.latest_bodyweight(date(2026, 3, 10)) == (date(2026, 3, 5), 81.5)
    assert repo.latest_bodyweight(date(2026, 3, 5)) == (date(2026, 3, 5), 81.5)
    assert repo.latest_bodyweight(date(2026, 3, 4)) == (date(2026, 3, 1), 80)
    assert repo.latest_bodyweight(date(2026, 2, 28)) is None


def test_symptoms_in_time_order_an_entry_replaced_by_its_id(repo: Repository) -> None:
    assert repo.symptoms() == []
    evening = repo.save_symptoms(SymptomEntry(timestamp=utc(2026, 3, 10, 20), mood=4))
    morning = repo.save_symptoms(SymptomEntry(timestamp=utc(2026, 3, 10, 7), mood=2))
    assert repo.symptoms() == [morning, evening]
    changed = repo.save_symptoms(replace(evening, mood=5))
    assert repo.symptoms() == [morning, changed]


def test_muscles_trained(repo: Repository, clock: FakeClock) -> None:
    bench, squat = BENCH, SQUAT
    monday = repo.start_workout(at=utc(2026, 3, 9, 18))
    repo.log_set(monday, squat, 100, 5, at=utc(2026, 3, 9, 18, 5))
    repo.log_set(monday, bench, 40, 5, warmup=True, at=utc(2026, 3, 9, 18, 30))
    wednesday = repo.start_workout(at=utc(2026, 3, 11, 18))
    repo.log_set(wednesday, bench, 80, 5, at=utc(2026, 3, 11, 18, 5))
    trained = repo.muscles_trained(date(2026, 3, 9), date(2026, 3, 11))
    assert trained == {
        **{m: date(2026, 3, 9) for m in squat.primary_muscles},
        **{m: date(2026, 3, 11) for m in bench.primary_muscles},
    }
    assert "triceps" not in trained  # trained only indirectly by the bench press
    assert repo.muscles_trained(date(2026, 3, 10), date(2026, 3, 11)).keys() == set(
        bench.primary_muscles
    )


@pytest.mark.parametrize(
    ("entry", "accepted"),
    [
        (SymptomEntry(timestamp=utc(2026, 3, 10), soreness={"wings": 3}), "unknown muscle"),
        (SymptomEntry(timestamp=utc(2026, 3, 10), soreness={"quads": 11}), "from 0 to 10"),
        (SymptomEntry(timestamp=utc(2026, 3, 10), energy=0), "from 1 to 5"),
    ],
)
def test_bad_symptoms_are_rejected(repo: Repository, entry: SymptomEntry, accepted: str) -> None:
    with pytest.raises(ValidationError, match=accepted):
        repo.save_symptoms(entry)
    assert repo.symptoms() == []


# -- templates and exercises --------------------------------------------------------------


def test_templates(repo: Repository, log: Path) -> None:
    push = repo.save_template(
        Template(
            name="Push",
            items=[
                TemplateItem(exercise="bench-press", sets=3, reps=5, rpe=8, rest_s=180),
                TemplateItem(exercise="overhead-press", sets=3, reps=8),
            ],
        )
    )
    legs = repo.save_template(
        Template(name="Legs", items=[TemplateItem(exercise="back-squat", sets=5, reps=5)])
    )
    assert repo.templates() == [legs, push]  # by name
    renamed = repo.save_template(replace(push, name="Push A"))
    assert renamed.id == push.id
    assert len(raw(log, "templates")) == 2
    assert [t.name for t in repo.templates()] == ["Legs", "Push A"]
    assert repo.templates()[1].items[0] == TemplateItem(
        exercise="bench-press", sets=3, reps=5, rpe=8, rest_s=180
    )


@pytest.mark.parametrize(
    ("template", "accepted"),
    [
        (Template(name="  "), "needs a name"),
        (Template(name="A", items=[TemplateItem(exercise="x", sets=0, reps=5)]), "target sets"),
        (Template(name="A", items=[TemplateItem(exercise="x", sets=3, reps=5, rpe=11)]), "RPE"),
    ],
)
def test_bad_templates_are_rejected(repo: Repository, template: Template, accepted: str) -> None:
    with pytest.raises(ValidationError, match=accepted):
        repo.save_template(template)
    assert repo.templates() == []


def custom(name: str = "Zercher Carry", **kwargs: Any) -> Exercise:
    values = {"equipment": "barbell", "muscles": {"quads": 1.0, "abs": 0.5}} | kwargs
    return Exercise(name=name, **values)


def test_add_exercise(repo: Repository, log: Path, clock: FakeClock) -> None:
    exercise = repo.add_exercise(custom(builtin=True))
    assert exercise.builtin is False  # only the library's own are built in
    assert repo.exercise(exercise.id) == exercise
    assert repo.exercise("bench-press") == BENCH
    assert repo.exercise("nope") is None
    listed = repo.exercises()
    assert listed[: len(BUILTIN_EXERCISES)] == list(BUILTIN_EXERCISES)
    assert listed[len(BUILTIN_EXERCISES) :] == [exercise]
    assert len(raw(log, "exercises")) == 1  # built-ins are not copied into the log
    # Saving the same exercise again edits it.
    edited = repo.add_exercise(replace(exercise, aliases=("zc",), default_rest_s=90))
    assert edited.id == exercise.id
    assert len(raw(log, "exercises")) == 1
    with reopened(log, clock) as fresh:
        assert fresh.exercise(exercise.id) == edited
        workout = fresh.start_workout()
        assert fresh.log_set(workout, edited, 60, 20).exercise == edited.id


@pytest.mark.parametrize(
    "name", ["Bench Press", "bench press", "  BENCH PRESS ", "bp", "Zercher Carry", "zc"]
)
def test_duplicate_exercise_names_are_rejected(repo: Repository, name: str) -> None:
    repo.add_exercise(custom(aliases=("zc",)))
    with pytest.raises(ValidationError, match="already exists"):
        repo.add_exercise(custom(name))
    assert len(repo.exercises()) == len(BUILTIN_EXERCISES) + 1


@pytest.mark.parametrize(
    ("kwargs", "accepted"),
    [
        ({"muscles": {"wings": 1.0}}, "unknown muscle 'wings': one of " + ", ".join(MUSCLES)),
        ({"muscles": {"quads": 0.7}}, "1.0 when trained directly, 0.5 when indirectly"),
        ({"muscles": {}}, "at least one muscle"),
        ({"equipment": "trebuchet"}, "equipment must be one of"),
        ({"kind": "cardio"}, "kind must be one of"),
        ({"name": " "}, "needs a name"),
        ({"default_rest_s": -5}, "default rest"),
    ],
)
def test_bad_exercises_are_rejected(
    repo: Repository, kwargs: dict[str, Any], accepted: str
) -> None:
    name = kwargs.pop("name", "Zercher Carry")
    with pytest.raises(ValidationError) as excinfo:
        repo.add_exercise(custom(name, **kwargs))
    assert accepted in str(excinfo.value)
    assert len(repo.exercises()) == len(BUILTIN_EXERCISES)


# -- the log as a whole -------------------------------------------------------------------


def test_counts(repo: Repository) -> None:
    assert repo.counts() == LogCounts(workouts=0, sets=0, days=0)
    w1 = repo.start_workout(at=utc(2026, 3, 9, 17))
    w2 = repo.start_workout(at=utc(2026, 3, 10, 17))
    for _ in range(3):
        repo.log_set(w1, BENCH, 100, 5)
    repo.log_set(w2, BENCH, 100, 5)
    repo.save_recovery(Recovery(day=date(2026, 3, 10), sleep_hours=8))
    repo.save_recovery(Recovery(day=date(2026, 3, 8), sleep_hours=8))
    repo.save_symptoms(SymptomEntry(timestamp=utc(2026, 3, 7, 12), energy=3))
    assert repo.counts() == LogCounts(workouts=2, sets=4, days=4)


class SaveSpy:
    """Counts the saves of the log: lines appended to its journal, and replacements of the
    file itself (not of its backups)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
        self.log = str(log)
        self.count = 0
        real_replace, real_append = os.replace, journal.append

        def replace_spy(src, dst, *args, **kwargs):
            if str(dst) == self.log:
                self.count += 1
            return real_replace(src, dst, *args, **kwargs)

        def append_spy(*args, **kwargs):
            self.count += 1
            return real_append(*args, **kwargs)

        monkeypatch.setattr(os, "replace", replace_spy)
        monkeypatch.setattr(journal, "append", append_spy)


def saved_bytes(log: Path) -> tuple[bytes, bytes]:
    """The log file and its journal, as they are on disk."""
    path = journal.journal_path(log)
    return log.read_bytes(), path.read_bytes() if path.exists() else b""


def test_transaction_writes_once(repo: Repository, log: Path, monkeypatch) -> None:
    spy = SaveSpy(monkeypatch, log)
    before = saved_bytes(log)
    with repo.transaction():
        workout = repo.todays_workout()
        entries = [repo.log_set(workout, BENCH, 100, 5) for _ in range(3)]
        repo.add_intake(date(2026, 3, 10), water_cups=2)
        repo.add_intake(date(2026, 3, 10), water_cups=2)
        # Inside, reads see the changes; the file has not been touched.
        assert repo.sets(workout=workout.id) == entries
        assert [e.order for e in entries] == [1, 2, 3]
        assert repo.recovery(date(2026, 3, 10)).water_cups == 4
        assert saved_bytes(log) == before
        assert spy.count == 0
    assert spy.count == 1
    assert repo.pending == 0
    assert {d["id"] for d in raw(log, "sets").values()} == {e.id for e in entries}


def test_nested_transactions_write_once(repo: Repository, log: Path, monkeypatch) -> None:
    spy = SaveSpy(monkeypatch, log)
    with repo.transaction():
        workout = repo.start_workout()
        with repo.transaction():
            repo.log_set(workout, BENCH, 100, 5)
        repo.log_set(workout, BENCH, 100, 5)
        assert spy.count == 0
    assert spy.count == 1
    assert len(raw(log, "sets")) == 2


def test_a_failing_transaction_writes_nothing(repo: Repository, log: Path) -> None:
    kept = repo.log_set(repo.start_workout(), BENCH, 100, 5)
    before = saved_bytes(log)
    with pytest.raises(RuntimeError, match="changed my mind"), repo.transaction():
        workout = repo.todays_workout()
        repo.log_set(workout, BENCH, 200, 1)
        repo.add_intake(date(2026, 3, 10), protein_g=50)
        raise RuntimeError("changed my mind")
    assert saved_bytes(log) == before
    assert repo.pending == 0
    assert repo.sets() == [kept]  # memory is back to what the file holds
    assert repo.recovery(date(2026, 3, 10)) is None
    after = repo.log_set(repo.todays_workout(), BENCH, 100, 4)
    assert repo.sets() == [kept, after]


def test_import_records(repo: Repository, log: Path, monkeypatch, clock: FakeClock) -> None:
    existing = repo.log_set(repo.start_workout("before"), BENCH, 80, 5)
    workout = Workout(start=utc(2026, 3, 1, 17), end=utc(2026, 3, 1, 18), day=date(2026, 3, 1))
    sets = [
        SetEntry(
            workout=workout.id,
            exercise="bench-press",
            weight_kg=90 + i,
            reps=5,
            timestamp=utc(2026, 3, 1, 17, i),
            order=i + 1,
            day=date(2026, 3, 1),
        )
        for i in range(50)
    ]
    records: list[Record] = [
        workout,
        *sets,
        Recovery(day=date(2026, 3, 1), sleep_hours=8),
        SymptomEntry(timestamp=utc(2026, 3, 1, 8), energy=4, day=date(2026, 3, 1)),
        Template(name="Imported"),
        custom(),
    ]
    spy = SaveSpy(monkeypatch, log)
    assert repo.import_records(records) == len(records)
    assert spy.count == 1  # one write
    assert repo.sets(workout=workout.id) == sets
    assert repo.workout(workout.id) == workout
    assert repo.recovery(date(2026, 3, 1)).sleep_hours == 8
    assert len(repo.symptoms()) == 1 and repo.templates()[0].name == "Imported"
    assert repo.exercises()[-1].name == "Zercher Carry"
    assert existing in repo.sets()
    # The log goes on normally after an import: ids and numbering stay right.
    more = repo.log_set(workout, BENCH, 100, 1, at=utc(2026, 3, 1, 17, 50))
    assert more.order == 51 and more.rest_s == 60
    keys = list(raw(log, "sets"))
    assert len(keys) == len(set(keys)) == 52
    with reopened(log, clock) as fresh:
        assert len(fresh.sets()) == 52
        assert fresh.import_records([]) == 0


# -- models -------------------------------------------------------------------------------

T0 = utc(2026, 3, 10, 17, 30, 15)
FULL_RECORDS: list[Record] = [
    Exercise(
        name="Zercher Carry",
        aliases=("zc", "zercher"),
        equipment="barbell",
        muscles={"quads": 1.0, "abs": 0.5},
        kind="isolation",
        default_rest_s=90,
        builtin=True,
        created=T0,
        updated=T0,
        day=date(2026, 3, 10),
    ),
    Workout(
        start=T0,
        end=T0 + timedelta(minutes=70),
        name="Push",
        template="tpl",
        session_rpe=0,
        notes="good",
        created=T0,
        updated=T0,
        day=date(2026, 3, 10),
    ),
    SetEntry(
        workout="w",
        exercise="bench-press",
        weight_kg=0.0,
        reps=5,
        rpe=8.5,
        warmup=True,
        bodyweight=True,
        notes="n",
        timestamp=T0,
        order=0,
        rest_s=0,
        day=date(2026, 3, 10),
    ),
    Recovery(
        sleep_hours=7.5,
        sleep_quality=4,
        water_cups=0,
        protein_g=150.5,
        carbs_g=300,
        bodyweight_kg=82.3,
        stress=2,
        notes="ok",
        day=date(2026, 3, 10),
    ),
    SymptomEntry(
        timestamp=T0,
        weakness=0,
        energy=3,
        mood=4,
        motivation=5,
        soreness={"quads": 6, "chest": 0},
        notes="sore",
        day=date(2026, 3, 10),
    ),
    Template(
        name="Push",
        items=[
            TemplateItem(exercise="bench-press", sets=3, reps=5, rpe=8, rest_s=180),
            TemplateItem(exercise="dip", sets=3, reps=10),
        ],
    ),
    Settings(
        unit="lb",
        timezone=LA,
        rollover_hour=0,
        targets={**default_targets(), "water_cups": 8},
        schema_version=1,
    ),
]
EMPTY_RECORDS: list[Record] = [
    Exercise(name="X"),
    Workout(start=T0),
    SetEntry(workout="w", exercise="e", weight_kg=1.0, reps=1, timestamp=T0),
    Recovery(),
    SymptomEntry(timestamp=T0),
    Template(name="T"),
    Settings(),
]


@pytest.mark.parametrize("record", FULL_RECORDS + EMPTY_RECORDS, ids=lambda r: type(r).__name__)
def test_every_model_round_trips_through_a_document(record: Record) -> None:
    doc = record.to_doc()
    assert doc["id"] == record.id
    assert type(record).from_doc(doc) == record
    # ...and through the bytes on disk.
    assert type(record).from_doc(orjson.loads(orjson.dumps(doc))) == record
    assert type(record).from_doc(json.loads(json.dumps(doc))) == record


def test_documents_leave_out_defaults_but_keep_zeroes() -> None:
    doc = SetEntry(workout="w", exercise="e", weight_kg=0.0, reps=1, timestamp=T0).to_doc()
    assert set(doc) == {"id", "workout", "exercise", "weight_kg", "reps", "timestamp", "order"}
    assert doc["weight_kg"] == 0.0 and doc["order"] == 0
    assert doc["timestamp"] == "2026-03-10T17:30:15+00:00"
    assert Recovery(water_cups=0).to_doc()["water_cups"] == 0
    assert Settings().to_doc()["schema_version"] == SCHEMA_VERSION


def test_documents_store_utc_and_ignore_unknown_fields() -> None:
    from zoneinfo import ZoneInfo

    local = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo(LA))
    workout = Workout(start=local)
    doc = workout.to_doc()
    assert doc["start"] == "2026-03-10T16:00:00+00:00"
    doc["from_a_newer_version"] = {"x": 1}
    back = Workout.from_doc(doc)
    assert back == workout and back.start.utcoffset() == timedelta(0)


@pytest.mark.parametrize("record", FULL_RECORDS, ids=lambda r: type(r).__name__)
def test_every_model_round_trips_through_the_log(log: Path, record: Record) -> None:
    with Repository(log) as repo:
        repo._apply(lambda: repo._put(record))
    with Repository(log) as repo:
        assert repo._get(type(record), record.id) == record


def test_a_set_with_no_rest_after_it_ends_the_running_rest(repo: Repository) -> None:
    repo.save_settings(replace(repo.settings(), warmup_rest_s=0))
    workout = repo.todays_workout()
    bench = BUILTIN_BY_ID["bench-press"]
    repo.log_set(workout, bench, 100, 5, rpe=8)
    assert repo.rest_period() is not None
    repo.log_set(workout, bench, 60, 5, warmup=True)
    assert repo.rest_period() is None
