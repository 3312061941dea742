"""Today's plan as home and `restday status` read it (scoring spec 7): from the template of
today's workout, else from the last workout of the same name, in the lifter's unit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scoring.e1rm import estimate
from storage.clock import NOW_ENV
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import Template, TemplateItem
from storage.model.units import shown_load
from storage.read.readiness import read_readiness
from storage.read.today_plan import load_step_kg, planned_template
from tests.support.clock import FakeClock

NOW = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
SQUAT = BUILTIN_BY_ID["back-squat"]
BENCH = BUILTIN_BY_ID["bench-press"]


def a_log(tmp_path: Path, unit: str = "kg") -> tuple[Path, FakeClock]:
    """Three weeks of squat 4x5 @ 8 and bench 3x8 @ 8 twice a week ("Full body")."""
    clock = FakeClock(NOW - timedelta(days=22))
    log = tmp_path / "log.json"
    with Repository(log, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC", unit=unit))
        for days_ago in (21, 17, 14, 10, 7, 3):
            clock.now = NOW - timedelta(days=days_ago, hours=1)
            workout = repo.start_workout("Full body")
            for _ in range(4):
                repo.log_set(workout, SQUAT, 140, 5, rpe=8)
            for _ in range(3):
                repo.log_set(workout, BENCH, 100, 8, rpe=8)
            repo.finish_workout(repo.workouts()[-1], 7)
    return log, clock


def test_no_workout_today_means_no_plan(tmp_path: Path) -> None:
    log, clock = a_log(tmp_path)
    clock.now = NOW
    with Repository(log, clock=clock) as repo:
        assert read_readiness(repo, NOW).plan is None


def test_the_last_workout_of_the_same_name_is_the_plan(tmp_path: Path) -> None:
    log, clock = a_log(tmp_path)
    clock.now = NOW
    with Repository(log, clock=clock) as repo:
        repo.start_workout("Full body")
        view = read_readiness(repo, NOW)
    plan = view.plan
    assert plan is not None and plan.band == view.assessment.band
    squat, bench = plan.items
    assert (squat.name, squat.planned.sets, squat.planned.reps, squat.planned.rpe) == (
        "Back Squat",
        4,
        5,
        8.0,
    )
    assert squat.planned.load_kg == 142.5  # every set reached 5 at RPE 8: one step more
    assert (bench.planned.sets, bench.planned.reps) == (3, 8)


def test_a_template_is_the_plan_and_loads_read_in_pounds(tmp_path: Path) -> None:
    log, clock = a_log(tmp_path, unit="lb")
    clock.now = NOW
    with Repository(log, clock=clock) as repo:
        template = repo.save_template(
            Template(
                name="Legs", items=[TemplateItem(exercise="back-squat", sets=5, reps=3, rpe=8.0)]
            )
        )
        repo.start_workout("Legs", template=template.id)
        view = read_readiness(repo, NOW)
    (squat,) = view.plan.items
    assert (squat.planned.sets, squat.planned.reps) == (5, 3)
    shown = view.plan.as_json(lambda kg: shown_load(kg, "lb"))["items"][0]
    assert shown["planned"]["load"] % 5 == 0  # on the 5 lb step
    assert shown["planned"]["load"] == 310  # 140 kg = 308.6 lb, + 5 lb = 313.6, on the step
    assert load_step_kg("lb") == 5 / 2.2046226218


def test_status_json_has_the_plan_and_tomorrow_once_today_is_trained(tmp_path: Path) -> None:
    log, clock = a_log(tmp_path)
    clock.now = NOW - timedelta(minutes=30)
    with Repository(log, clock=clock) as repo:
        workout = repo.start_workout("Full body")
        repo.log_set(workout, SQUAT, 140, 5, rpe=8)
    run = subprocess.run(
        [sys.executable, "-m", "tui", "status", "--db", str(log), "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**os.environ, NOW_ENV: NOW.isoformat()},
    )
    result = json.loads(run.stdout)
    squat = result["plan"]["items"][0]
    assert squat["name"] == "Back Squat" and squat["planned"]["load"] == 142.5
    assert set(squat) == {
        "exercise",
        "name",
        "planned",
        "adjusted",
        "reasons",
        "stop_fraction",
        "stop_floor",
        "bodyweight",
    }
    # Its first set today, 140 x 5 @ 8, is where the stop rule counts from: 5 % under it.
    assert squat["stop_floor"] == pytest.approx(estimate(140, 5, 8)[0] * 0.95, abs=0.1)
    assert result["plan"]["items"][1]["stop_floor"] is None  # no bench set yet
    assert result["tomorrow"]["day"] == (NOW.date() + timedelta(days=1)).isoformat()


def test_before_a_workout_the_template_next_in_rotation_is_the_plan(tmp_path: Path) -> None:
    clock = FakeClock(NOW - timedelta(days=10))
    log = tmp_path / "log.json"
    with Repository(log, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
        upper = repo.save_template(
            Template(name="Upper", items=[TemplateItem(exercise="bench-press", sets=3, reps=5)])
        )
        lower = repo.save_template(
            Template(name="Lower", items=[TemplateItem(exercise="back-squat", sets=4, reps=5)])
        )
        for days_ago, template in ((6, upper), (5, lower), (3, upper), (2, lower)):
            clock.now = NOW - timedelta(days=days_ago)
            workout = repo.start_workout(template.name, template=template.id)
            exercise = BENCH if template is upper else SQUAT
            repo.log_set(workout, exercise, 100, 5, rpe=8)
            repo.finish_workout(repo.workouts()[-1], 7)
        clock.now = NOW
        plan = read_readiness(repo, NOW).plan
        assert planned_template(repo, NOW.date()) == upper  # the start list opens on it
        repo.start_workout("Lower", template=lower.id)
        assert planned_template(repo, NOW.date()) is None  # today's workout is the plan's
    assert plan.name == upper.name  # used three days ago, the other two
    assert [item.name for item in plan.items] == ["Bench Press"]


def test_a_move_that_lifts_the_body_plans_what_is_added_to_it(tmp_path: Path) -> None:
    from storage.model.records import Recovery

    clock = FakeClock(NOW - timedelta(days=10))
    log = tmp_path / "log.json"
    pull_up = BUILTIN_BY_ID["pull-up"]
    with Repository(log, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
        repo.save_recovery(Recovery(day=(NOW - timedelta(days=10)).date(), bodyweight_kg=80.0))
        for days_ago in (9, 5, 2):
            clock.now = NOW - timedelta(days=days_ago)
            workout = repo.start_workout("Pull")
            for _ in range(3):
                repo.log_set(workout, pull_up, 10, 8, rpe=8, bodyweight=True)
            repo.finish_workout(repo.workouts()[-1], 7)
        clock.now = NOW
        repo.start_workout("Pull")
        view = read_readiness(repo, NOW)
    (item,) = view.plan.items
    assert item.bodyweight and item.planned.load_kg == 12.5  # 10 added, one step more
    shown = subprocess.run(
        [sys.executable, "-m", "tui", "plan", "--db", str(log)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**os.environ, NOW_ENV: NOW.isoformat(), "COLUMNS": "80", "NO_COLOR": "1"},
    ).stdout
    assert "Pull\n  Pull-Up 3x8@8 bw+12.5 kg" in shown
    assert shown.splitlines()[-1] == "Guidance, not medical advice."


def plan_printed(log: Path, columns: int) -> list[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "plan", "--db", str(log)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**os.environ, NOW_ENV: NOW.isoformat(), "COLUMNS": str(columns), "NO_COLOR": "1"},
    ).stdout.splitlines()


def test_restday_plan_on_a_phone_wraps_a_line_under_its_own_start(tmp_path: Path) -> None:
    """A login banner 45 columns wide: a line wraps at a space and goes on 4 cells in,
    further than an exercise's line (2), never at the margin; nothing is cut."""
    log, clock = a_log(tmp_path)
    clock.now = NOW - timedelta(hours=1)
    with Repository(log, clock=clock) as repo:
        repo.start_workout("Full body")
    wide, narrow = plan_printed(log, 200), plan_printed(log, 45)
    assert wide[2].startswith("  Back Squat 4x5@8 142.5 kg · stop at -5 % e1RM")
    assert all(len(line) <= 45 and line == line.rstrip() for line in narrow)
    assert len(narrow) > len(wide)
    joined: list[str] = []
    for line in narrow:
        if line.startswith("    "):
            joined[-1] += " " + line.lstrip(" ")
        else:
            joined.append(line)
    assert joined == wide


def test_tomorrows_estimate_is_read_at_seven_in_the_morning_whatever_the_rollover(
    tmp_path: Path,
) -> None:
    """Spec 6: tomorrow's estimate is the assessment at 07:00 tomorrow (the lifter's clock),
    not 7 hours after the day's rollover (11:00 with days that turn at 04:00)."""
    log, clock = a_log(tmp_path)
    clock.now = NOW - timedelta(hours=1)
    with Repository(log, clock=clock) as repo:
        assert repo.settings().rollover_hour == 4
        workout = repo.start_workout("Full body")
        repo.log_set(workout, SQUAT, 140, 5, rpe=8)
        view = read_readiness(repo, NOW)
    assert view.tomorrow is not None
    assert view.tomorrow.moment == datetime(2026, 11, 25, 7, 0, tzinfo=UTC)


def test_the_last_workout_as_a_plan_is_what_saving_it_as_a_template_makes(
    tmp_path: Path,
) -> None:
    """One rule for a finished workout's exercises as a plan (`plan_of_sets`): the plan of
    a workout of the same name holds what its template would, 20 sets at most."""
    from storage.model.template_plan import plan_of_sets

    log, clock = a_log(tmp_path)
    clock.now = NOW - timedelta(days=1)
    with Repository(log, clock=clock) as repo:
        workout = repo.start_workout("Full body")
        for _ in range(25):
            repo.log_set(workout, BENCH, 60, 10, rpe=7)
        repo.finish_workout(repo.workouts()[-1], 7)
        as_template = plan_of_sets(repo.sets(workout=workout.id))
    clock.now = NOW
    with Repository(log, clock=clock) as repo:
        repo.start_workout("Full body")
        plan = read_readiness(repo, NOW).plan
    assert plan is not None
    assert [(i.exercise, i.planned.sets, i.planned.reps, i.planned.rpe) for i in plan.items] == [
        (t.exercise, t.sets, t.reps, t.rpe) for t in as_template
    ]


def test_an_exercise_never_done_is_planned_under_its_name(tmp_path: Path) -> None:
    """A template's exercise the lifter has not done yet: the plan (home's line, `restday
    plan`, `status --json`) names it "Front Squat", not by its id."""
    log, clock = a_log(tmp_path)
    clock.now = NOW
    with Repository(log, clock=clock) as repo:
        template = repo.save_template(
            Template(
                name="Legs",
                items=[
                    TemplateItem(exercise="back-squat", sets=4, reps=5, rpe=8.0),
                    TemplateItem(exercise="front-squat", sets=3, reps=5, rpe=8.0),
                ],
            )
        )
        repo.start_workout("Legs", template=template.id)
        plan = read_readiness(repo, NOW).plan
    assert [item.name for item in plan.items] == ["Back Squat", "Front Squat"]


def test_a_plan_never_suggests_more_than_a_set_can_hold(tmp_path: Path) -> None:
    """Last time 1000 kg x 5 @ 8 (the heaviest load a set may have) met the target: one
    step more would be a load Enter could not log; the plan stays at 1000 kg."""
    from storage.model.validation import MAX_WEIGHT_KG

    clock = FakeClock(NOW - timedelta(days=3))
    log = tmp_path / "log.json"
    with Repository(log, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
        workout = repo.start_workout("Heavy")
        for _ in range(3):
            repo.log_set(workout, SQUAT, MAX_WEIGHT_KG, 5, rpe=8)
        repo.finish_workout(repo.workouts()[-1], 7)
    clock.now = NOW
    with Repository(log, clock=clock) as repo:
        repo.start_workout("Heavy")
        plan = read_readiness(repo, NOW).plan
    (squat,) = plan.items
    assert squat.planned.load_kg == MAX_WEIGHT_KG
    assert squat.adjusted.load_kg <= MAX_WEIGHT_KG
