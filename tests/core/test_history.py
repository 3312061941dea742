"""The history index against values worked out by hand from a small log."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from storage.log.repository import Repository
from storage.model.records import Exercise, Recovery, SetEntry, SymptomEntry, Workout
from storage.read.history_index import DayWellness, HistoryIndex, read_wellness
from storage.read.records_so_far import set_e1rm
from tests.support.clock import FakeClock

BENCH = Exercise(id="bench", name="Bench", muscles={"chest": 1.0, "triceps": 0.5})
CURL = Exercise(id="curl", name="Curl", kind="isolation", muscles={"biceps": 1.0})
EXERCISES = {e.id: e for e in (BENCH, CURL)}
MON = date(2026, 11, 2)  # a Monday


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def workout(wid: str, day: date, minutes: int | None, rpe: int | None = None) -> Workout:
    end = None if minutes is None else at(day, 18) + timedelta(minutes=minutes)
    return Workout(id=wid, day=day, start=at(day, 18), end=end, name=wid, session_rpe=rpe)


def lift(wid: str, day: date, n: int, exercise: str, kg: float, reps: int, **kw) -> SetEntry:
    return SetEntry(
        id=f"{wid}-{n}",
        day=day,
        workout=wid,
        exercise=exercise,
        weight_kg=kg,
        reps=reps,
        timestamp=at(day, 18, n),
        order=n,
        **kw,
    )


def small_log() -> HistoryIndex:
    """Three sessions of bench in two weeks, one with curls, warm-ups and an easy set."""
    d1, d2, d3 = MON, MON + timedelta(days=2), MON + timedelta(days=8)
    workouts = [workout("a", d1, 60, rpe=7), workout("b", d2, 45), workout("c", d3, None)]
    sets = [
        lift("a", d1, 1, "bench", 60, 5, warmup=True),
        lift("a", d1, 2, "bench", 100, 5, rpe=8),  # chart 81.1 % -> 123.3
        lift("a", d1, 3, "bench", 100, 5, rpe=9),  # RIR 1 -> effort 1.25
        lift("a", d1, 4, "curl", 20, 12, rpe=5),  # RIR 5: not a hard set
        lift("b", d2, 1, "bench", 100, 6, rpe=8),  # a rep PR at 100; chart 78.6 % -> 127.2
        lift("b", d2, 2, "bench", 105, 3),  # Epley 115.5
        lift("c", d3, 1, "bench", 110, 1, rpe=10),  # 110.0, the heaviest single
    ]
    wellness = {
        d1: DayWellness(sleep_hours=7.5, bodyweight_kg=80.0, soreness=None),
        d3: DayWellness(sleep_hours=None, bodyweight_kg=None, soreness=4),
    }
    return HistoryIndex(workouts, sets, EXERCISES, wellness)


def test_days_count_working_and_hard_sets_volume_load_and_muscles() -> None:
    index = small_log()
    day = index.days[MON]
    assert (day.workouts, day.working_sets, day.hard_sets) == (1, 3, 2)
    assert day.volume_kg == pytest.approx(100 * 5 * 2 + 20 * 12)
    assert day.daily_load == pytest.approx(1.0 + 1.25 + 0)
    assert day.muscle_sets == {"chest": 2.0, "triceps": 1.0}
    assert index.days[MON + timedelta(days=2)].daily_load == pytest.approx(1.0 + 1.0)
    assert index.first_day == MON and index.last_day == MON + timedelta(days=8)


def test_sessions_newest_first_with_session_rpe_load() -> None:
    index = small_log()
    sessions = index.sessions()
    assert [s.workout_id for s in sessions] == ["c", "b", "a"]
    a = sessions[-1]
    assert (a.duration_min, a.session_load, a.working_sets) == (60, 420, 3)
    assert a.exercises == ("bench", "curl")
    assert sessions[0].session_load is None  # still open: no duration
    assert [s.workout_id for s in index.sessions("curl")] == ["a"]


def test_session_sets_carry_e1rm_prs_and_rest() -> None:
    index = small_log()
    a = index.session_sets("a")
    assert [row.entry.id for row in a] == ["a-1", "a-2", "a-3", "a-4"]
    assert a[0].e1rm_kg is None  # a warm-up
    assert a[1].e1rm_kg == pytest.approx(100 / 0.811)
    assert a[1].method == "rpe"
    assert not any(row.is_pr for row in a)  # the first session sets the bar, as on screen
    b = index.session_sets("b")
    assert [row.is_pr for row in b] == [True, False]  # 6 reps at 100 beats 5 reps at 100
    assert b[1].method == "epley"
    assert b[1].e1rm_kg == pytest.approx(105 * (1 + 3 / 30))


def test_exercise_sessions_oldest_first_with_their_best_set() -> None:
    index = small_log()
    done = index.exercise_sessions("bench")
    assert [s.workout_id for s in done] == ["a", "b", "c"]
    assert done[1].best_e1rm_kg == pytest.approx(100 / 0.786)
    assert done[1].top_set.id == "b-1"
    assert (done[0].working_sets, done[0].volume_kg) == (2, 1000)
    assert index.exercises_done() == [("bench", 3), ("curl", 1)]
    assert index.exercise_sessions("squat") == []


def test_records_by_hand() -> None:
    records = {r.label: r for r in small_log().records("bench")}
    assert (records["1 rep"].value_kg, records["1 rep"].day) == (110, MON + timedelta(days=8))
    assert (records["3 reps"].value_kg, records["3 reps"].reps) == (105, 3)
    assert (records["5 reps"].value_kg, records["5 reps"].day) == (100, MON)  # first done
    assert records["8 reps"].day is None and records["10 reps"].value_kg is None
    assert records["e1RM"].value_kg == pytest.approx(100 / 0.786)
    assert records["e1RM"].entry.id == "b-1"
    assert (records["Session volume"].value_kg, records["Session volume"].day) == (1000, MON)
    assert (records["Most reps"].reps, records["Most reps"].entry.id) == (6, "b-1")


def test_daily_loads_and_weekly_hard_sets_over_a_span() -> None:
    index = small_log()
    loads = index.daily_loads(MON - timedelta(days=1), MON + timedelta(days=9))
    assert len(loads) == 11
    assert loads[1] == pytest.approx(2.25) and loads[3] == pytest.approx(2.0)
    assert loads[9] == pytest.approx(1.5) and sum(loads) == pytest.approx(5.75)
    weeks = index.weekly_hard_sets(MON + timedelta(days=3), MON + timedelta(days=20))
    assert weeks["chest"] == [
        (MON, 4.0),  # the week holding the span's first day counts whole
        (MON + timedelta(days=7), 1.0),
        (MON + timedelta(days=14), 0.0),
    ]
    assert weeks["triceps"][0] == (MON, 2.0)
    assert "biceps" not in weeks  # the curls were easy


def test_bodyweight_sets_and_warm_ups_have_no_e1rm() -> None:
    pull_up = lift("a", MON, 1, "bench", 20, 5, bodyweight=True)
    assert set_e1rm(pull_up, None) is None
    assert set_e1rm(lift("a", MON, 1, "bench", 60, 5, warmup=True), None) is None
    assert set_e1rm(lift("a", MON, 1, "bench", 100, 20), None) is None  # beyond Epley's reps


def test_an_empty_log() -> None:
    index = HistoryIndex([], [], {}, {})
    assert index.first_day is None and index.sessions() == [] and index.days == {}
    assert index.records("bench")[0].day is None
    assert index.daily_loads(MON, MON) == [0.0]


def test_built_from_a_repository(tmp_path) -> None:
    repo = Repository(tmp_path / "log.json", clock=FakeClock(at(MON, 20)))
    repo.save_recovery(Recovery(day=MON, sleep_hours=6.5, bodyweight_kg=81.0))
    repo.save_symptoms(SymptomEntry(day=MON, timestamp=at(MON, 7), soreness={"quads": 6}))
    repo.save_symptoms(
        SymptomEntry(day=MON, timestamp=at(MON, 19), soreness={"quads": 2, "chest": 3})
    )
    repo.log_set(repo.todays_workout(), repo.exercise("bench-press"), 100, 5, rpe=8)
    assert read_wellness(repo) == {MON: DayWellness(6.5, 81.0, 3)}  # the newest entry counts
    index = HistoryIndex.build(repo)
    assert index.days[MON].working_sets == 1
    assert index.sessions()[0].exercises == ("bench-press",)
