"""Today's plan (scoring spec section 7): the band turned into sets, reps, RPE and loads,
with the reasons and the stop rule's floor."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

import pytest

from scoring import REDUCE, REST, TRAIN, PlannedItem, assess, today_plan
from scoring.e1rm import rpe_percent
from scoring.inputs import DayRecovery, ExerciseMuscles, Symptoms, TrainingLog, TrainingSet
from scoring.readiness import Contribution

NOW = datetime(2026, 3, 18, 9, tzinfo=UTC)
TODAY = NOW.date()
SQUAT = ExerciseMuscles(
    "back-squat", "Back Squat", {"quads": 1.0, "glutes": 1.0, "hamstrings": 0.5}
)
BENCH = ExerciseMuscles("bench-press", "Bench Press", {"chest": 1.0, "triceps": 0.5})
EXERCISES = {e.id: e for e in (SQUAT, BENCH)}


def work(days_ago, exercise, load, reps, rpe, n=4) -> list[TrainingSet]:
    moment = datetime.combine(TODAY - timedelta(days=days_ago), time(18), UTC)
    return [TrainingSet(moment, moment.date(), exercise, load, reps, rpe) for _ in range(n)]


def a_log(squat_reps=5, squat_rpe=8.0) -> TrainingLog:
    sets = work(4, "back-squat", 140, squat_reps, squat_rpe) + work(3, "bench-press", 100, 5, 8)
    recovery = (DayRecovery(TODAY, 8.0, 4),)
    feeling = (Symptoms(NOW - timedelta(hours=1), motivation=5, mood=5, energy=5),)
    return TrainingLog(tuple(sets), EXERCISES, recovery, feeling)


SQUAT_4X5 = PlannedItem("back-squat", 4, 5, 8.0)


def kg(load: float) -> str:
    return f"{load:g}"


def test_a_planned_day_progresses_by_one_step_when_last_time_reached_the_target():
    log = a_log()
    result = assess(log, NOW)
    assert result.band == TRAIN
    (item,) = today_plan(log, result, [SQUAT_4X5]).items
    assert item.planned == item.adjusted
    assert (item.adjusted.sets, item.adjusted.reps, item.adjusted.rpe) == (4, 5, 8.0)
    assert item.adjusted.load_kg == 142.5
    assert item.reasons == ()
    assert item.stop_fraction == 0.05


def test_a_planned_day_keeps_the_load_when_last_time_fell_short():
    log = a_log(squat_reps=4)
    (item,) = today_plan(log, assess(log, NOW), [SQUAT_4X5]).items
    assert item.adjusted.load_kg == 140


def test_a_template_load_is_kept_on_a_planned_day():
    log = a_log()
    (item,) = today_plan(log, assess(log, NOW), [replace(SQUAT_4X5, load_kg=130)]).items
    assert item.adjusted.load_kg == 130


def reduced(result, glutes: float, readiness: float, central: float, peripheral: float):
    sleep = Contribution("Sleep duration", "4.4 h", 9.0, "central")
    return replace(
        result,
        band=REDUCE,
        readiness=readiness,
        central=central,
        peripheral=peripheral,
        muscles={**result.muscles, "glutes": glutes, "quads": 80.0},
        contributors=(sleep,),
        deload=None,
    )


def test_reduce_cuts_sets_for_a_tired_muscle_and_caps_the_rpe():
    log = a_log()
    result = reduced(assess(log, NOW), glutes=38, readiness=55, central=70, peripheral=50)
    (item,) = today_plan(log, result, [SQUAT_4X5]).items
    assert (item.adjusted.sets, item.adjusted.rpe) == (3, 8.0)  # 4 * 0.7, rounded
    assert item.adjusted.load_kg == 140  # e1RM 172.6 (140 x 5 @ 8) at 5 @ 8, on the step
    assert item.adjusted.load_kg <= item.planned.load_kg
    assert item.reasons == ("glutes 38",)
    assert item.stop_fraction == 0.03


def test_when_the_central_side_is_lower_the_intensity_drops_and_the_reason_says_why():
    log = a_log()
    result = reduced(assess(log, NOW), glutes=38, readiness=45, central=40, peripheral=60)
    (item,) = today_plan(log, result, [SQUAT_4X5]).items
    e1rm = 140 / (rpe_percent(5, 8) / 100)
    assert (item.adjusted.sets, item.adjusted.rpe) == (2, 7.0)  # R < 50: half the sets
    assert e1rm * rpe_percent(5, 7) / 100 == pytest.approx(135.68, abs=0.01)
    assert item.adjusted.load_kg == 135
    assert item.text(kg) == "Back Squat 4x5@8 142.5 -> 2x5@7 135 · glutes 38 · sleep duration 4.4 h"


def test_a_muscle_to_skip_takes_the_exercise_out():
    log = a_log()
    result = reduced(assess(log, NOW), glutes=28, readiness=55, central=70, peripheral=50)
    (item,) = today_plan(log, result, [SQUAT_4X5]).items
    assert item.adjusted.sets == 0
    assert item.reasons == ("skip: glutes 28",)


def test_a_muscle_skipped_for_its_soreness_says_so_not_a_score_that_reads_as_fresh():
    """A muscle flagged to skip (soreness 8+, or lingering) may score 67 or more: the reason
    names the soreness ("skip: glutes sore"), not "skip: glutes 70"."""
    log = a_log()
    result = replace(
        reduced(assess(log, NOW), glutes=70, readiness=55, central=70, peripheral=50),
        skip_muscles=("glutes",),
    )
    (item,) = today_plan(log, result, [SQUAT_4X5]).items
    assert item.adjusted.sets == 0
    assert item.reasons == ("skip: glutes sore",)


def test_a_train_day_keeps_the_sets_of_a_muscle_flagged_to_skip_and_says_so():
    """Home flags sore glutes "skip today" on a Train morning: the plan keeps the planned
    sets (a Train plan never has fewer) and names the flag, so the two never disagree."""
    log = a_log()
    result = assess(log, NOW)
    result = replace(result, skip_muscles=("glutes",))
    assert result.band == TRAIN
    (item,) = today_plan(log, result, [SQUAT_4X5]).items
    assert item.adjusted == item.planned
    assert item.reasons == ("glutes sore: flagged skip today",)
    low = replace(result, muscles={**result.muscles, "glutes": 30.0}, skip_muscles=())
    (item,) = today_plan(log, low, [SQUAT_4X5]).items
    assert item.adjusted == item.planned
    assert item.reasons == ("glutes 30: flagged skip today",)


def test_an_exercise_the_log_has_not_seen_is_cut_by_its_own_muscles():
    """Front Squat, never done: what it works comes with the planned item, so tired quads
    take it out as they do Back Squat."""
    log = a_log()
    front = ExerciseMuscles("front-squat", "Front Squat", {"quads": 1.0, "glutes": 0.5})
    result = replace(
        reduced(assess(log, NOW), glutes=80, readiness=55, central=70, peripheral=50),
        muscles={**assess(log, NOW).muscles, "quads": 28.0},
    )
    (item,) = today_plan(log, result, [PlannedItem("front-squat", 3, 5, 8.0, about=front)]).items
    assert item.name == "Front Squat"
    assert item.adjusted.sets == 0
    assert item.reasons == ("skip: quads 28",)


def test_a_deload_week_halves_the_sets_at_rpe_6_5():
    log = a_log()
    result = replace(reduced(assess(log, NOW), 80, 60, 70, 60), deload="3 lifts declined")
    (item,) = today_plan(log, result, [SQUAT_4X5]).items
    assert (item.adjusted.sets, item.adjusted.rpe) == (2, 6.5)
    assert item.reasons == ("deload week",)


def test_a_deload_week_still_skips_a_muscle_home_flags_skip_today():
    """A Reduce day in a deload week with sore glutes flagged "skip today" on home: the
    squat is skipped as on any Reduce day (the deload halved it, and home and the plan
    disagreed)."""
    log = a_log()
    result = replace(
        reduced(assess(log, NOW), 80, 60, 70, 60),
        deload="3 lifts declined",
        skip_muscles=("glutes",),
    )
    (item,) = today_plan(log, result, [SQUAT_4X5]).items
    assert item.adjusted.sets == 0
    assert item.reasons == ("skip: glutes sore",)


def test_a_rest_day_says_why_and_plans_the_reduced_day_for_a_lifter_who_trains_anyway():
    log = a_log()
    result = replace(
        reduced(assess(log, NOW), 60, 30, 70, 50),
        band=REST,
        recommendation="Rest day: under 5 h of sleep two nights running",
    )
    plan = today_plan(log, result, [SQUAT_4X5])
    assert plan.rest == "Rest day: under 5 h of sleep two nights running"
    (item,) = plan.items
    assert item.adjusted.sets == 2  # the Reduce plan at R = 33: half the sets


def test_without_history_the_plan_has_no_load():
    log = TrainingLog((), EXERCISES, (DayRecovery(TODAY, 8.0, 4),), ())
    (item,) = today_plan(log, assess(log, NOW), [SQUAT_4X5]).items
    assert item.adjusted.load_kg is None
    assert item.text(kg) == "Back Squat 4x5@8"


def test_the_stop_rule_floor_and_a_set_under_it():
    log = a_log()
    (item,) = today_plan(log, assess(log, NOW), [SQUAT_4X5]).items
    assert item.stop_floor(170.0) == pytest.approx(161.5)
    assert item.stops(170.0, 161.0) and not item.stops(170.0, 162.0)
    (short,) = today_plan(log, assess(log, NOW), [replace(SQUAT_4X5, sets=2)]).items
    assert short.stop_floor(170.0) is None  # under 3 sets: no stop rule
