"""e1RM formulas against their published values (scoring spec, section 1)."""

from __future__ import annotations

import ast
import inspect

import pytest
from hypothesis import given
from hypothesis import strategies as st

import scoring.constants
import scoring.e1rm
from scoring.e1rm import brzycki, epley, estimate, rpe_chart, rpe_percent

# Tuchscherer's RPE chart as printed in the spec (from "Beginning RTS", 2015): the published
# reference, written out cell by cell, not derived from the sequence the code uses.
PUBLISHED_CHART_REPS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
PUBLISHED_CHART = {
    10.0: (100, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0),
    9.5: (97.8, 93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7),
    9.0: (95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3),
    8.5: (93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0),
    8.0: (92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3, 62.6),
    7.5: (90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0, 61.3),
    7.0: (89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3, 62.6, 59.9),
    6.5: (87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0, 61.3, 58.6),
}
CHART_CELLS = [
    (reps, rpe, pct)
    for rpe, row in PUBLISHED_CHART.items()
    for reps, pct in zip(PUBLISHED_CHART_REPS, row, strict=True)
]


def test_published_chart_has_96_cells():
    assert len(CHART_CELLS) == 96


@pytest.mark.parametrize(("reps", "rpe", "pct"), CHART_CELLS)
def test_rpe_percent_matches_every_published_cell(reps, rpe, pct):
    assert rpe_percent(reps, rpe) == pct


@pytest.mark.parametrize(("reps", "rpe", "pct"), CHART_CELLS)
def test_rpe_chart_is_weight_over_percent(reps, rpe, pct):
    assert rpe_chart(100, reps, rpe) == pytest.approx(100 / (pct / 100))


def test_rpe_percent_examples_from_the_brief():
    assert rpe_percent(6, 9.5) == 82.4
    assert rpe_percent(5, 8) == 81.1


@pytest.mark.parametrize(
    ("reps", "rpe"),
    [
        (0, 8),
        (13, 8),
        (-1, 8),
        (5, 6),
        (5, 6.0),
        (5, 10.5),
        (5, 11),
        (5, 8.25),
        (5, 7.3),
        (5.5, 8),
        (True, 10),
        (5, float("nan")),
    ],
)
def test_outside_the_chart_is_none(reps, rpe):
    assert rpe_percent(reps, rpe) is None
    assert rpe_chart(100, reps, rpe) is None


def test_rpe_as_int_or_float_is_the_same_cell():
    assert rpe_percent(5, 8) == rpe_percent(5, 8.0) == rpe_percent(5.0, 8)


# -- Epley and Brzycki ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weight", "reps", "expected"),
    [
        (100, 5, 116.67),
        (100, 10, 133.33),
        (100, 2, 106.67),
        (100, 3, 110.0),
        (100, 12, 140.0),
        (140, 5, 163.33),
        (60, 8, 76.0),
    ],
)
def test_epley_published_values(weight, reps, expected):
    assert epley(weight, reps) == pytest.approx(expected, abs=0.005)


def test_epley_single_is_its_own_max():
    # Convention: one rep is the 1RM itself (not 100 * 31/30).
    assert epley(100, 1) == 100
    assert epley(142.5, 1) == 142.5


@pytest.mark.parametrize("reps", [0, -1, -5])
def test_epley_rejects_fewer_than_one_rep(reps):
    with pytest.raises(ValueError):
        epley(100, reps)


@pytest.mark.parametrize(
    ("weight", "reps", "expected"),
    [
        (100, 1, 100.0),
        (100, 5, 112.5),
        (100, 10, 133.33),
        (100, 3, 105.88),
        (100, 8, 124.14),
        (140, 5, 157.5),
    ],
)
def test_brzycki_published_values(weight, reps, expected):
    assert brzycki(weight, reps) == pytest.approx(expected, abs=0.005)


@pytest.mark.parametrize("reps", [0, 11, 12, 20, 37, -1])
def test_brzycki_outside_1_to_10_is_none(reps):
    assert brzycki(100, reps) is None


# -- the worked example and method selection ------------------------------------------------


def test_worked_example_bench():
    # Spec section 5: bench 4x5 at 100 kg RPE 9 -> 100 / 0.837 = 119.47.
    assert rpe_chart(100, 5, 9) == pytest.approx(119.47, abs=0.005)
    value, method = estimate(100, 5, 9)
    assert value == pytest.approx(119.47, abs=0.005)
    assert method == "rpe"


@pytest.mark.parametrize(
    ("weight", "reps", "rpe", "expected"),
    [
        (100, 5, 8, (100 / 0.811, "rpe")),
        (100, 12, 6.5, (100 / 0.586, "rpe")),
        (100, 1, 10, (100.0, "rpe")),
        (100, 5, None, (100 * (1 + 5 / 30), "epley")),  # no RPE
        (100, 5, 6, (100 * (1 + 5 / 30), "epley")),  # RPE below the chart
        (100, 5, 8.25, (100 * (1 + 5 / 30), "epley")),  # RPE off the half steps
        (100, 1, None, (100.0, "epley")),
        (100, 12, None, (140.0, "epley")),
        (60, 11, 9, (60 / 0.680, "rpe")),
    ],
)
def test_estimate_picks_the_method(weight, reps, rpe, expected):
    value, method = estimate(weight, reps, rpe)
    assert method == expected[1]
    assert value == pytest.approx(expected[0])


@pytest.mark.parametrize(("reps", "rpe"), [(13, None), (13, 9), (20, 8), (0, None), (0, 8)])
def test_estimate_none_beyond_12_reps(reps, rpe):
    assert estimate(100, reps, rpe) is None


# -- properties -----------------------------------------------------------------------------

weights = st.floats(min_value=0.5, max_value=500, allow_nan=False, allow_infinity=False)
chart_reps = st.integers(min_value=1, max_value=12)
any_reps = st.integers(min_value=-3, max_value=40)
half_steps = st.integers(min_value=10, max_value=22).map(lambda n: n / 2)  # 5.0 .. 11.0


@given(weights, any_reps, half_steps)
def test_rpe_chart_is_at_least_the_weight(weight, reps, rpe):
    value = rpe_chart(weight, reps, rpe)
    if value is not None:
        assert value >= weight


@given(weights, chart_reps, half_steps, half_steps)
def test_higher_rpe_never_gives_a_higher_e1rm(weight, reps, rpe_a, rpe_b):
    low, high = sorted((rpe_a, rpe_b))
    e_low, e_high = rpe_chart(weight, reps, low), rpe_chart(weight, reps, high)
    if e_low is not None and e_high is not None:
        assert e_high <= e_low


@given(weights, chart_reps, half_steps)
def test_more_reps_at_the_same_rpe_never_gives_a_lower_e1rm(weight, reps, rpe):
    if reps < 12:
        a, b = rpe_chart(weight, reps, rpe), rpe_chart(weight, reps + 1, rpe)
        if a is not None and b is not None:
            assert b >= a


@given(weights, st.integers(min_value=1, max_value=12))
def test_epley_is_at_least_the_weight(weight, reps):
    assert epley(weight, reps) >= weight


# -- hygiene ----------------------------------------------------------------------------------


@pytest.mark.parametrize("module", [scoring.e1rm, scoring.constants])
def test_scoring_imports_only_the_stdlib_and_scoring(module):
    tree = ast.parse(inspect.getsource(module))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & {"textual", "rich", "storage", "tui", "pendulum"}
    assert imported <= {"__future__", "dataclasses", "typing", "math", "scoring"}


def test_epley_reserve_is_the_reps_epley_leaves_at_a_load():
    from scoring.e1rm import epley_reserve

    best = epley(100, 5)  # 116.7
    assert epley_reserve(100, 5, best) == pytest.approx(0)
    assert epley_reserve(90, 5, best) == pytest.approx(30 * (best / 90 - 1) - 5)
