"""A bodyweight set's e1RM and volume come from the lifter's bodyweight as of the set's day
plus the added load or minus the assistance: one rule for the workout screen, history and
`restday log`, said with where the number comes from."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from scoring.bodyweights import Bodyweights
from storage.log.repository import Repository
from storage.model.records import Recovery, SetEntry, Workout
from storage.read.exercise_history import ExerciseHistory
from storage.read.history_index import DayWellness, HistoryIndex
from storage.read.records_so_far import set_e1rm
from tests.core.test_log_command_forms import NOW, restday_log
from tests.support.clock import FakeClock
from tui.format.e1rm import NO_BODYWEIGHT, e1rm_cell, e1rm_said

MON = date(2026, 11, 2)


def pull_up(kg: float, reps: int, *, assisted: bool = False, day: date = MON, **kw) -> SetEntry:
    return SetEntry(
        id=f"{day}-{kg}-{reps}",
        day=day,
        workout=f"w{day}",
        exercise="pull-up",
        weight_kg=kg,
        reps=reps,
        bodyweight=True,
        assisted=assisted,
        timestamp=datetime(day.year, day.month, day.day, 18, tzinfo=UTC),
        **kw,
    )


def test_added_load_is_on_top_of_bodyweight_and_assistance_comes_off_it() -> None:
    added = set_e1rm(pull_up(20, 5), 80)
    assisted = set_e1rm(pull_up(20, 8, assisted=True), 80)
    assert added is not None and added[0] == pytest.approx(100 * (1 + 5 / 30))
    assert assisted is not None and assisted[0] == pytest.approx(60 * (1 + 8 / 30))  # 76
    assert set_e1rm(pull_up(0, 8), 80)[0] == pytest.approx(80 * (1 + 8 / 30))


def test_no_bodyweight_gives_no_number() -> None:
    assert set_e1rm(pull_up(20, 5), None) is None
    assert set_e1rm(pull_up(20, 8, assisted=True), None) is None


def test_the_sets_day_bodyweight_counts_not_a_later_one() -> None:
    weights = Bodyweights([(MON, 80.0), (MON + timedelta(days=10), 90.0)])
    assert weights.on(MON - timedelta(days=1)) is None
    assert weights.on(MON + timedelta(days=9)) == 80.0
    assert weights.on(MON + timedelta(days=10)) == 90.0
    old, new = MON + timedelta(days=2), MON + timedelta(days=12)
    sets = [pull_up(20, 8, assisted=True, day=old), pull_up(20, 8, assisted=True, day=new)]
    workouts = [
        Workout(id=s.workout, day=s.day, start=s.timestamp, end=s.timestamp + timedelta(hours=1))
        for s in sets
    ]
    wellness = {
        MON: DayWellness(None, 80.0, None),
        MON + timedelta(days=10): DayWellness(None, 90.0, None),
    }
    index = HistoryIndex(workouts, sets, {}, wellness)
    shown = [index.session_sets(s.workout)[0].e1rm_kg for s in sets]
    assert shown == [pytest.approx(60 * (1 + 8 / 30)), pytest.approx(70 * (1 + 8 / 30))]
    progress = index.exercise_sessions("pull-up")
    assert [p.best_e1rm_kg for p in progress] == shown
    # volume: the same load, bodyweight minus assistance, x reps
    assert [p.volume_kg for p in progress] == [60 * 8, 70 * 8]
    assert [index.session(s.workout).volume_kg for s in sets] == [60 * 8, 70 * 8]
    history = ExerciseHistory.build(sets[:1], None, bodyweights=Bodyweights([(MON, 80.0)]))
    assert history.best_e1rm == pytest.approx(60 * (1 + 8 / 30))


def test_the_screen_says_it_comes_from_bodyweight() -> None:
    assisted = pull_up(20, 8, assisted=True)
    assert e1rm_said(assisted, 80, "kg") == "e1RM 76 kg from bodyweight 80 − 20"
    assert e1rm_said(pull_up(10, 5), 80, "kg") == "e1RM 105 kg from bodyweight 80 + 10"
    assert e1rm_said(pull_up(0, 8), 80, "kg") == "e1RM 101.3 kg from bodyweight 80"
    assert e1rm_said(assisted, None, "kg") == NO_BODYWEIGHT
    lb = e1rm_said(pull_up(20 * 0.45359237, 8, assisted=True), 180 * 0.45359237, "lb")
    assert lb == "e1RM 202.7 lb from bodyweight 180 − 20"
    assert e1rm_cell(assisted, 80, "kg") == "76 bw"
    assert e1rm_cell(assisted, None, "kg") == "bw?"
    assert e1rm_cell(pull_up(0, 20), 80, "kg") == ""  # over 12 reps: no estimate


def test_amrap_beyond_twelve_reps_shows_no_e1rm() -> None:
    amrap = replace(pull_up(60, 15), bodyweight=False, set_type="amrap")
    assert e1rm_cell(amrap, 80, "kg") == "" and e1rm_said(amrap, 80, "kg") == ""


def test_restday_log_says_the_e1rm_from_bodyweight(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    result = restday_log(log, "pull up bw-20x8")
    assert result.returncode == 0, result.stderr
    assert NO_BODYWEIGHT in result.stdout
    with Repository(log, clock=FakeClock(NOW)) as repo:
        repo.save_recovery(Recovery(day=NOW.date() - timedelta(days=3), bodyweight_kg=80))
    result = restday_log(log, "bw-20x8")
    assert result.returncode == 0, result.stderr
    assert "e1RM 76 kg from bodyweight 80 − 20" in result.stdout
