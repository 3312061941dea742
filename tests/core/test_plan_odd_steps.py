"""A template's own load typed off the load step (issue 15, review): kept as typed on a
planned day, and on a lighter day the plan's load is a whole number of steps, at most that.
(The plan's rules on every load step and on moves that lift the body are properties in
`test_scoring_properties.py`.)"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scoring import REDUCE, REST, PlannedItem, assess, today_plan
from tests.core.test_scoring_properties import CHART_RPE, EXERCISES, NOW, PROPERTY, STEPS, logs

OFF_STEP_LOADS = st.integers(1, 4000).map(lambda n: n / 16)  # 61 kg, 100 kg for a lb user...


@PROPERTY
@given(
    logs(),
    st.lists(
        st.tuples(
            st.sampled_from(tuple(EXERCISES)),
            st.integers(1, 8),
            st.integers(1, 12),
            st.one_of(st.none(), st.sampled_from(CHART_RPE)),
            OFF_STEP_LOADS,
        ),
        min_size=1,
        max_size=4,
    ),
    st.sampled_from(STEPS),
)
def test_a_reduced_load_is_on_the_step_when_the_template_load_is_not(log, raw, step):
    items = [PlannedItem(e, sets, reps, rpe, load) for e, sets, reps, rpe, load in raw]
    plan = today_plan(log, assess(log, NOW), items, step)
    for item in plan.items:
        adjusted = item.adjusted
        if plan.band in (REDUCE, REST) and adjusted.sets and adjusted.load_kg is not None:
            assert adjusted.load_kg <= item.planned.load_kg + 1e-9
            load = adjusted.load_kg
            assert abs(load / step - round(load / step)) < 1e-6, (item, step)
