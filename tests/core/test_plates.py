"""The plate and warm-up calculators: plates per side for a load, the nearest loads the
plates make when they cannot make it, and the warm-up ramp; and the settings keep a
lifter's own bar and plates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.errors import ValidationError
from storage.model.plates import (
    DEFAULT_PLATE_SETS,
    PlateSet,
    loading,
    nearest_loadable,
    parse_plate_set,
)
from storage.model.records import Settings
from storage.model.validation import check_settings
from storage.model.warmup import warmup_ramp

KG = DEFAULT_PLATE_SETS["kg"]
LB = DEFAULT_PLATE_SETS["lb"]

plate_sizes = st.lists(
    st.sampled_from([0.5, 1.25, 2.5, 5.0, 10.0, 15.0, 20.0, 25.0, 35.0, 45.0]),
    min_size=1,
    max_size=5,
    unique=True,
).map(lambda sizes: tuple(sorted(sizes, reverse=True)))
plate_sets = st.builds(
    PlateSet, st.sampled_from(["kg", "lb"]), st.sampled_from([0.0, 15.0, 20.0, 45.0]), plate_sizes
)
loads = st.floats(min_value=0, max_value=400, allow_nan=False).map(lambda x: round(x, 2))


def makes(load: float, plate_set: PlateSet) -> bool:
    found = loading(load, plate_set)
    return found.exact and sum(found.per_side) * 2 + plate_set.bar == pytest.approx(load)


@pytest.mark.parametrize(
    ("load", "plate_set", "per_side"),
    [
        (20, KG, ()),
        (100, KG, (25, 15)),
        (102.5, KG, (25, 15, 1.25)),
        (140, KG, (25, 25, 10)),
        (225, LB, (45, 45)),
        (135, LB, (45,)),
        (50, PlateSet("kg", 20, (10,)), None),
    ],
)
def test_plates_per_side(load, plate_set, per_side):
    assert loading(load, plate_set).per_side == per_side


def test_a_load_the_plates_cannot_make_gives_the_nearest_they_can():
    assert loading(103, KG) == loading(103, KG).__class__(103, None, 102.5, 105)
    assert (loading(227, LB).lower, loading(227, LB).higher) == (225, 230)
    under_the_bar = loading(15, KG)
    assert (under_the_bar.lower, under_the_bar.higher) == (None, 20)
    assert nearest_loadable(103, KG) == 102.5 and nearest_loadable(104, KG) == 105


@given(loads, plate_sets)
def test_the_plates_make_the_load_or_the_nearest_loads_they_can(load, plate_set):
    found = loading(load, plate_set)
    if found.exact:
        assert list(found.per_side) == sorted(found.per_side, reverse=True)
        assert set(found.per_side) <= set(plate_set.plates)
        assert sum(found.per_side) * 2 + plate_set.bar == pytest.approx(load)
        return
    if found.lower is not None:
        assert found.lower < load and makes(found.lower, plate_set)
    if found.higher is not None:
        assert found.higher > load and makes(found.higher, plate_set)
    low = plate_set.bar if found.lower is None else found.lower
    high = found.higher if found.higher is not None else load
    step = 0.05
    between = [round(low + step * i, 2) for i in range(1, int((high - low) / step))]
    assert not any(makes(x, plate_set) for x in between if found.lower is not None or x >= load)


@given(loads.filter(lambda x: x > 0), plate_sets)
def test_the_warm_up_ramp_climbs_on_loadable_weights_under_the_working_load(working, plate_set):
    ramp = warmup_ramp(working, plate_set)
    if working <= plate_set.bar:
        assert ramp == ()
        return
    assert (ramp[0].weight, ramp[0].reps) == (plate_set.bar, 10)
    weights = [s.weight for s in ramp]
    assert weights == sorted(set(weights)) and weights[-1] < working
    assert [s.reps for s in ramp] == sorted((s.reps for s in ramp), reverse=True)
    assert all(makes(w, plate_set) for w in weights)


def test_the_warm_up_ramp_for_100_kg_and_225_lb():
    assert [(s.weight, s.reps) for s in warmup_ramp(100, KG)] == [
        (20, 10),
        (40, 5),
        (60, 3),
        (80, 2),
    ]
    assert [(s.weight, s.reps) for s in warmup_ramp(225, LB)] == [
        (45, 10),
        (90, 5),
        (135, 3),
        (180, 2),
    ]
    assert [(s.weight, s.reps) for s in warmup_ramp(30, KG)] == [(20, 10), (25, 2)]


def test_a_plate_set_is_typed_as_the_bar_then_the_plates():
    assert parse_plate_set("45 lb: 45 35 25 10 5 2.5", "kg") == LB
    assert parse_plate_set("20: 1.25 25 20 15 10 5 2.5", "kg") == KG
    assert parse_plate_set("  ", "kg") is None
    assert parse_plate_set(KG.line(), "lb") == KG
    for wrong in ("20 kg", "20 kg: 25 x", "20 kg: 0.01", "200 kg: 25", "20 st: 25"):
        with pytest.raises(ValueError):
            parse_plate_set(wrong, "kg")


def test_the_settings_keep_the_lifters_bar_and_plates():
    assert Settings().plate_set() == KG and Settings(unit="lb").plate_set() == LB
    own = Settings(plates=PlateSet("kg", 15, (20, 10, 5, 2.5, 1)))
    assert Settings.from_doc(own.to_doc()) == own
    check_settings(own)
    with pytest.raises(ValidationError):
        check_settings(Settings(plates=PlateSet("kg", 15, ())))
    with pytest.raises(ValidationError):
        check_settings(Settings.from_doc({**own.to_doc(), "plates": {"bar": 20}}))
