"""The history charts' series without a screen: spans, thinning to a chart's step, the
trends' series (readiness, wellness, weekly hard sets, monotony and strain, ACWR) and an
exercise's e1RM series, against values worked out by hand or by the scoring functions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from scoring.load import acwr_ewma, monotony, strain
from scoring.mornings import MorningScore
from storage.read.chart_points import bucket_ends, bucket_kind, bucket_start, thin
from storage.read.e1rm_series import e1rm_series
from storage.read.history_index import DayWellness, HistoryIndex
from storage.read.trend_series import TrendSeries, days_between, span_days
from tests.core.test_history import EXERCISES, MON, lift, small_log, workout

WED = MON + timedelta(days=2)


def day(offset: int) -> date:
    return MON + timedelta(days=offset)


def o(offset: int) -> int:
    """The x of a point on `day(offset)`."""
    return day(offset).toordinal()


# -- spans and thinning -------------------------------------------------------------------------


def test_a_span_ends_today_and_all_time_starts_with_the_log() -> None:
    today = day(100)
    assert span_days(28, None, today) == (day(73), today)
    assert span_days(365, day(90), today) == (today - timedelta(days=364), today)
    assert span_days(None, day(0), today) == (day(0), today)
    assert span_days(None, day(90), today) == (day(73), today)  # a young log: 4 weeks
    assert span_days(None, None, today) == (day(73), today)
    assert days_between(day(0), day(2)) == [day(0), day(1), day(2)]
    assert days_between(day(1), day(0)) == []


def test_the_step_is_the_finest_that_fits_the_columns() -> None:
    assert bucket_kind(20, 5) == "day"  # room for 20 points at the least
    assert bucket_kind(21, 5) == "week"
    assert bucket_kind(140, 70) == "day"
    assert bucket_kind(141, 70) == "week"
    assert bucket_kind(980, 70) == "week"
    assert bucket_kind(981, 70) == "month"
    assert bucket_kind(3650, 20) == "quarter"
    assert bucket_kind(36500, 20) == "year"


def test_buckets_start_on_a_monday_the_first_of_a_month_quarter_or_year() -> None:
    starts = {kind: bucket_start(WED, kind) for kind in ("day", "week", "month", "quarter")}
    assert starts == {
        "day": WED,
        "week": MON,
        "month": date(2026, 11, 1),
        "quarter": date(2026, 10, 1),
    }
    assert bucket_start(WED, "year") == date(2026, 1, 1)
    days = days_between(date(2026, 10, 30), MON)
    assert bucket_ends(days, "month") == [date(2026, 10, 31), MON]
    assert bucket_ends(days, "week") == [date(2026, 11, 1), MON]
    assert bucket_ends(days, "day") == days
    assert bucket_ends([], "week") == []


def test_thinning_takes_the_mean_or_the_reduce_and_leaves_out_missing_values() -> None:
    values = [(day(0), 1.0), (day(1), None), (day(2), 3.0), (day(7), None), (day(8), 4.0)]
    assert thin(values, "day") == [(o(0), 1.0), (o(2), 3.0), (o(8), 4.0)]
    assert thin(values, "week") == [(o(0), 2.0), (o(7), 4.0)]
    assert thin(values, "week", max) == [(o(0), 3.0), (o(7), 4.0)]
    assert thin(values, "month") == [(date(2026, 11, 1).toordinal(), pytest.approx(8 / 3))]
    assert thin([(day(0), None)], "week") == []


# -- readiness ----------------------------------------------------------------------------------

MORNINGS = {
    day(0): MorningScore(60.0, 70.0, None),
    day(1): MorningScore(None, 50.0, 40.0),
    day(3): MorningScore(80.0, 90.0, 70.0),
}


def test_readiness_p_and_c_each_morning_and_the_mornings_missing() -> None:
    series = TrendSeries(small_log(), day(6))
    trend = series.readiness(MORNINGS, day(-5), day(6), "day")  # the log starts on day 0
    assert trend.readiness == [(o(0), 60.0), (o(3), 80.0)]
    assert trend.peripheral == [(o(0), 70.0), (o(1), 50.0), (o(3), 90.0)]
    assert trend.central == [(o(1), 40.0), (o(3), 70.0)]
    assert trend.latest == (day(3), MORNINGS[day(3)])
    assert trend.wanted == 7
    assert trend.missing == [day(6), day(5), day(4), day(2)]  # newest first
    assert trend.drawn


def test_a_thinned_readiness_wants_each_buckets_last_morning() -> None:
    series = TrendSeries(small_log(), day(20))
    trend = series.readiness(MORNINGS, day(0), day(20), "week")
    assert trend.readiness == [(o(0), 70.0)]
    assert trend.peripheral == [(o(0), pytest.approx(70.0))]
    assert trend.wanted == 3
    assert trend.missing == [day(20), day(13), day(6)]  # the Sundays


def test_readiness_without_scores_yet() -> None:
    trend = TrendSeries(small_log(), day(6)).readiness({}, day(0), day(6), "day")
    assert not trend.drawn and trend.latest is None
    assert trend.missing == [day(6 - k) for k in range(7)]


# -- wellness -----------------------------------------------------------------------------------

WELLNESS = {
    day(0): DayWellness(sleep_hours=6.0, bodyweight_kg=80.0, soreness=None),
    day(1): DayWellness(sleep_hours=8.0, bodyweight_kg=None, soreness=3),
    day(3): DayWellness(sleep_hours=None, bodyweight_kg=81.0, soreness=None),
    day(8): DayWellness(sleep_hours=7.0, bodyweight_kg=79.5, soreness=None),
}


def test_sleep_each_day_entered_its_latest_and_mean() -> None:
    series = TrendSeries(HistoryIndex([], [], {}, WELLNESS), day(13))
    sleep = series.wellness("sleep_hours", day(0), day(13), "day")
    assert sleep.points == [(o(0), 6.0), (o(1), 8.0), (o(8), 7.0)]
    assert sleep.latest == (day(8), 7.0)
    assert (sleep.mean, sleep.change) == (7.0, 1.0)
    weekly = series.wellness("sleep_hours", day(0), day(13), "week")
    assert weekly.points == [(o(0), 7.0), (o(7), 7.0)]
    soreness = series.wellness("soreness", day(2), day(13), "day")  # day 1 before the span
    assert soreness.points == [] and soreness.latest is None and soreness.mean is None


def test_bodyweight_in_the_unit_asked_for_and_its_change() -> None:
    series = TrendSeries(HistoryIndex([], [], {}, WELLNESS), day(13))
    bodyweight = series.wellness("bodyweight_kg", day(0), day(13), "day", lambda kg: kg * 2)
    assert bodyweight.points == [(o(0), 160.0), (o(3), 162.0), (o(8), 159.0)]
    assert bodyweight.latest == (day(8), 159.0)
    assert bodyweight.change == pytest.approx(-1.0)
    one = series.wellness("bodyweight_kg", day(4), day(13), "day")
    assert one.change is None  # one value in the span: no change over it


# -- weekly hard sets ---------------------------------------------------------------------------


def test_weekly_hard_sets_per_muscle_most_sets_first() -> None:
    series = TrendSeries(small_log(), day(13))
    assert series.muscles_by_sets(day(0), day(13)) == ["chest", "triceps"]  # 5, 2.5
    assert series.weekly_hard_sets(day(0), day(13)) is series.weekly_hard_sets(day(0), day(13))
    trend = series.hard_sets(["chest", "triceps"], day(0), day(13), "day")
    assert trend.step == "week"  # a week's sets, never a day's
    assert trend.series == [[(o(0), 4.0), (o(7), 1.0)], [(o(0), 2.0), (o(7), 0.5)]]
    assert (trend.week, trend.this_week) == (day(7), [1.0, 0.5])
    monthly = series.hard_sets(["triceps"], day(0), day(13), "month")
    assert monthly.step == "month"
    assert monthly.series == [[(date(2026, 11, 1).toordinal(), 1.25)]]  # the weekly mean


def test_no_hard_sets_in_a_span_without_training() -> None:
    series = TrendSeries(small_log(), day(60))
    assert series.muscles_by_sets(day(30), day(60)) == []
    assert series.hard_sets([], day(30), day(60), "day").series == []


# -- monotony, strain and the ACWR --------------------------------------------------------------


def steady_log(days: int) -> HistoryIndex:
    """A hard bench set, then two, then a rest day, over and over, from day 0."""
    workouts, sets = [], []
    for k in range(days):
        if k % 3 == 2:
            continue
        wid = f"w{k}"
        workouts.append(workout(wid, day(k), 60))
        sets += [lift(wid, day(k), n, "bench", 100, 5) for n in range(k % 3 + 1)]
    return HistoryIndex(workouts, sets, EXERCISES, {})


def test_monotony_and_strain_over_the_7_days_ending_each_day() -> None:
    index = steady_log(42)
    loads = index.daily_loads(day(0), day(41))
    padded = [0.0] * 7 + loads  # no training before the log: rest days
    weeks = [padded[k + 1 : k + 8] for k in range(len(loads))]
    trend = TrendSeries(index, day(41)).load(day(-3), day(41), "day")
    assert trend.monotony == [(o(k), pytest.approx(monotony(w))) for k, w in enumerate(weeks)]
    assert trend.strain == [(o(k), pytest.approx(strain(w))) for k, w in enumerate(weeks)]
    assert trend.latest_monotony == pytest.approx(monotony(weeks[-1]))
    assert trend.latest_strain == pytest.approx(strain(weeks[-1]))
    weekly = TrendSeries(index, day(41)).load(day(0), day(41), "week")
    assert [x for x, _y in weekly.monotony] == [o(7 * k) for k in range(6)]


def test_no_load_measures_without_training() -> None:
    trend = TrendSeries(HistoryIndex([], [], {}, {}), day(41)).load(day(14), day(41), "day")
    assert trend.monotony == trend.strain == []
    assert trend.latest_monotony is None and trend.latest_strain is None


def test_the_acwr_waits_for_28_days_of_history() -> None:
    index = steady_log(42)
    ratio = acwr_ewma(index.daily_loads(day(0), day(41)))
    series = TrendSeries(index, day(41))
    trend = series.acwr(day(0), day(41), "day")
    assert trend.points == [(o(k), pytest.approx(ratio[k])) for k in range(27, 42)]
    assert trend.latest == (day(41), pytest.approx(ratio[41]))
    assert series.acwr(day(0), day(26), "day").points == []
    assert series.acwr(day(0), day(26), "day").latest is None


# -- an exercise's e1RM -------------------------------------------------------------------------


def test_e1rm_one_point_per_session_while_they_fit() -> None:
    sessions = small_log().exercise_sessions("bench")
    series = e1rm_series(sessions, 40, lambda kg: kg)
    assert series.step == "day"
    assert series.points == [(s.day.toordinal(), s.best_e1rm_kg) for s in sessions]
    assert [s.day for s in sessions] == [day(0), day(2), day(8)]
    assert series.best == (o(2), sessions[1].best_e1rm_kg)
    assert (series.first, series.last) == (day(0), day(8))


def test_e1rm_best_of_each_month_on_a_long_history() -> None:
    sample = small_log().exercise_sessions("bench")[0]
    sessions = [replace(sample, day=day(2 * k), best_e1rm_kg=100 + (k % 20)) for k in range(200)]
    series = e1rm_series(sessions, 20, lambda kg: kg * 2)  # 400 days in 20 columns
    assert series.step == "month"
    months: dict[date, float] = {}
    for s in sessions:
        start = s.day.replace(day=1)
        months[start] = max(months.get(start, 0), 2 * s.best_e1rm_kg)
    assert series.points == [(m.toordinal(), best) for m, best in months.items()]
    assert series.best[1] == 2 * 119


def test_no_e1rm_series_without_an_e1rm() -> None:
    sample = small_log().exercise_sessions("bench")[0]
    assert e1rm_series([replace(sample, best_e1rm_kg=None)], 40, lambda kg: kg) is None
    assert e1rm_series([], 40, lambda kg: kg) is None
