"""Training-load measures against their published definitions (scoring spec, section 1).

- EWMA (Williams et al. 2017, BJSM 51(3):209): EWMA_t = lam * load_t + (1 - lam) *
  EWMA_(t-1), lam = 2 / (N + 1), so lam = 0.25 for N = 7 and 2/29 for N = 28; seeded with
  the first day's load.
- Monotony and strain (Foster 1998, MSSE 30(7):1164): over 7 days, rest days as 0, mean /
  population SD, and weekly total * monotony. Checked by hand and against the standard
  library's exact population SD.
"""

from __future__ import annotations

import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.load import (
    acwr_ewma,
    effort_multiplier,
    ewma,
    monotony,
    session_load,
    strain,
    volume_load,
)

# -- EWMA and ACWR --------------------------------------------------------------------------


def test_ewma_acute_decay_is_a_quarter_a_day():
    assert ewma([100, 0, 0, 0], 7) == [100, 75, 56.25, 42.1875]


def test_ewma_chronic_lambda_is_two_twenty_ninths():
    values = ewma([100, 0, 0], 28)
    assert values[1] == pytest.approx(100 * 27 / 29)
    assert values[2] == pytest.approx(100 * (27 / 29) ** 2)


def test_ewma_is_seeded_with_the_first_day():
    assert ewma([50, 100], 7) == [50, 62.5]
    assert ewma([0, 40], 28) == [0, pytest.approx(40 * 2 / 29)]
    assert ewma([], 7) == []


def test_ewma_rejects_n_below_one():
    with pytest.raises(ValueError):
        ewma([1.0], 0)


def test_acwr_of_a_steady_load_is_one():
    assert acwr_ewma([12.0] * 40) == pytest.approx([1.0] * 40)


def test_acwr_spike():
    # 28 days of 10, then 40: acute 0.25*40 + 0.75*10 = 17.5, chronic 2/29*40 + 27/29*10.
    ratios = acwr_ewma([10.0] * 28 + [40.0])
    assert ratios[-1] == pytest.approx(17.5 / (80 / 29 + 270 / 29))
    assert ratios[-1] == pytest.approx(1.45, abs=0.005)


def test_acwr_is_none_without_chronic_load():
    assert acwr_ewma([0.0, 0.0, 5.0]) == [None, None, pytest.approx(1.25 / (10 / 29))]


# -- monotony and strain --------------------------------------------------------------------


def test_monotony_and_strain_by_hand():
    week = [10, 0, 10, 0, 10, 0, 0]  # mean 30/7, population variance 300/7 - (30/7)^2
    mean = 30 / 7
    sd = (300 / 7 - mean**2) ** 0.5
    assert monotony(week) == pytest.approx(mean / sd)
    assert monotony(week) == pytest.approx(0.866, abs=0.001)
    assert strain(week) == pytest.approx(30 * mean / sd)


def test_rest_days_count_as_zero_load():
    # Three hard days and four rest days: far less monotonous than the same load spread out.
    assert monotony([20, 0, 20, 0, 20, 0, 0]) < monotony([9, 8, 9, 8, 9, 8, 9])


@pytest.mark.parametrize("week", [[0] * 7, [5] * 7, [8.5] * 7, [0.1] * 7])
def test_no_monotony_when_every_day_is_the_same(week):
    assert monotony(week) is None
    assert strain(week) is None


@pytest.mark.parametrize("days", [[], [1, 2, 3], [1] * 8])
def test_monotony_takes_seven_days(days):
    with pytest.raises(ValueError):
        monotony(days)


loads = st.integers(min_value=0, max_value=200).map(lambda n: n / 4)  # effort: quarter steps


@given(st.lists(loads, min_size=7, max_size=7))
def test_monotony_matches_the_population_sd(week):
    value = monotony(week)
    if max(week) == min(week):
        assert value is None
        return
    expected = statistics.fmean(week) / statistics.pstdev(week)
    assert value == pytest.approx(expected, rel=1e-9)
    assert strain(week) == pytest.approx(sum(week) * expected, rel=1e-9)


# -- effort multiplier ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rpe", "multiplier"),
    [
        (10, 1.5),  # RIR 0
        (9.5, 1.5),  # RIR 0.5 takes RIR 0's bin
        (9, 1.25),  # RIR 1
        (8.5, 1.25),
        (8, 1.0),  # RIR 2-3
        (7.5, 1.0),
        (7, 1.0),
        (6.5, 1.0),
        (6, 0.75),  # RIR 4
        (5.5, 0.75),
        (5, 0.0),  # RIR 5 or more
        (3, 0.0),
        (None, 1.0),  # no RPE: counted as 1, an estimate
    ],
)
def test_effort_multiplier_by_rir(rpe, multiplier):
    assert effort_multiplier(rpe) == multiplier


def test_a_warmup_has_no_effort():
    assert effort_multiplier(9, warmup=True) == 0.0
    assert effort_multiplier(None, warmup=True) == 0.0


# -- volume and session load ------------------------------------------------------------------


def test_volume_load_is_load_times_reps():
    assert volume_load([(140, 5)] * 4 + [(100, 8)] * 3) == 4 * 700 + 3 * 800
    assert volume_load([]) == 0


def test_session_rpe_load_is_rpe_times_minutes():
    # Foster et al. 2001: a 60-minute session rated 7 is 420 arbitrary units.
    assert session_load(7, 60) == 420
    assert session_load(0, 45) == 0


def test_set_efforts_read_an_unrated_ramp_up_as_a_warm_up():
    from scoring.load import set_efforts

    day = [
        ("squat", 60, 10, None, False),  # 52 reps in reserve against 140 x 5: a warm-up
        ("squat", 120, 5, None, False),  # 5.8 in reserve: a warm-up too
        ("squat", 125, 5, None, False),  # 4.2: RIR 4
        ("squat", 140, 5, None, False),  # the day's best: at most the 1.0 of a missing RPE
        ("squat", 100, 5, 8.0, False),  # rated: by its RPE
        ("bench", None, 8, None, False),  # no load: the 1.0 of a missing RPE
        ("squat", 80, 8, None, True),  # a drop set after 140 x 5: a hard set, not a ramp-up
    ]
    assert set_efforts(day) == [0.0, 0.0, 0.75, 1.0, 1.0, 1.0, 1.0]
