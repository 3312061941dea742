"""The plan's rules on odd load steps, bodyweight moves and heavy loads (issue 15, review):
a Reduce plan never has more sets or a higher load than the planned one, a Train plan never
fewer sets, and every load the plan suggests is a whole number of load steps."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scoring import REDUCE, REST, PlannedItem, assess, today_plan
from tests.core.test_scoring_properties import CHART_RPE, EXERCISES, NOW, PROPERTY, logs

ODD_STEPS = (0.01, 100.0, 0.5 * 0.45359237, 1.25, 2.5, 5 * 0.45359237)


def raw_items(most_reps: int, loads: st.SearchStrategy) -> st.SearchStrategy:
    """One to four template items: exercise, sets, reps, RPE (or none) and a load."""
    return st.lists(
        st.tuples(
            st.sampled_from(tuple(EXERCISES)),
            st.integers(1, 8),
            st.integers(1, most_reps),
            st.one_of(st.none(), st.sampled_from(CHART_RPE)),
            loads,
        ),
        min_size=1,
        max_size=4,
    )


def on_step(load: float, step: float) -> bool:
    return abs(load / step - round(load / step)) < 1e-6


@PROPERTY
@given(
    logs(),
    raw_items(15, st.one_of(st.none(), st.integers(0, 400))),
    st.sampled_from(ODD_STEPS),
    st.one_of(st.none(), st.integers(40, 160)),
)
def test_odd_load_steps_and_bodyweight_moves_keep_the_plan_on_the_step(log, raw, step, body):
    items = [
        PlannedItem(e, sets, reps, rpe, None if k is None else k * step, body)
        for e, sets, reps, rpe, k in raw
    ]
    plan = today_plan(log, assess(log, NOW), items, step)
    for item in plan.items:
        planned, adjusted = item.planned, item.adjusted
        if plan.band in (REDUCE, REST):
            assert adjusted.sets <= planned.sets
            if planned.load_kg is not None and adjusted.load_kg is not None:
                assert adjusted.load_kg <= planned.load_kg + 1e-9
        else:
            assert adjusted.sets >= planned.sets
        for load in (planned.load_kg, adjusted.load_kg):
            if load is not None:
                assert load >= 0
                assert on_step(load, step), (load, step, item)


@PROPERTY
@given(
    logs(),
    raw_items(12, st.integers(1, 4000).map(lambda n: n / 16)),
    st.sampled_from(ODD_STEPS),
)
def test_a_reduced_load_is_on_the_step_when_the_template_load_is_not(log, raw, step):
    """A template load typed off the step (61 kg, or 100 kg for a lifter now in lb) is kept
    on a planned day; a lighter day's load is a whole number of steps, at most that."""
    items = [PlannedItem(e, sets, reps, rpe, load) for e, sets, reps, rpe, load in raw]
    plan = today_plan(log, assess(log, NOW), items, step)
    for item in plan.items:
        adjusted = item.adjusted
        if plan.band in (REDUCE, REST) and adjusted.sets and adjusted.load_kg is not None:
            assert adjusted.load_kg <= item.planned.load_kg + 1e-9
            assert on_step(adjusted.load_kg, step), (item, step)
