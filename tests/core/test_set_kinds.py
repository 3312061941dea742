"""Every kind of set (reps, timed hold, distance), its type and group: stored, read back from
old and new logs, checked, and counted by one rule for load, e1RM and volume."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from storage.errors import ValidationError
from storage.model.records import Recovery, SetEntry
from storage.model.validation import check_set
from storage.read.records_so_far import set_e1rm
from storage.read.score_window import training_log

MOMENT = datetime(2026, 3, 2, 18, tzinfo=UTC)


def a_set(**fields) -> SetEntry:
    fields = {"weight_kg": 0.0, "reps": 0} | fields
    return SetEntry(workout="w", exercise="e", timestamp=MOMENT, day=MOMENT.date(), **fields)


def test_an_old_logs_set_reads_unchanged_with_the_new_fields_at_their_defaults():
    old = {"id": "s1", "workout": "w", "exercise": "e", "weight_kg": 60, "reps": 5}
    old |= {"warmup": True, "timestamp": MOMENT.isoformat(), "order": 0}
    entry = SetEntry.from_doc(old)
    assert (entry.kind, entry.type_name, entry.group) == ("reps", "warmup", None)
    assert entry.to_doc() == old


@pytest.mark.parametrize(
    ("fields", "kind"),
    [
        ({"duration_s": 60}, "timed"),
        ({"weight_kg": 20, "duration_s": 45}, "timed"),
        ({"weight_kg": 40, "distance_m": 30}, "distance"),
        ({"distance_m": 5000, "duration_s": 1500}, "distance"),
        ({"weight_kg": 100, "reps": 1000}, "reps"),
    ],
)
def test_each_kind_of_set_is_valid_and_round_trips_through_its_document(fields, kind):
    entry = a_set(**fields, set_type="amrap", group="g1")
    check_set(entry)
    assert entry.kind == kind
    assert SetEntry.from_doc(entry.to_doc()) == entry


@pytest.mark.parametrize(
    "fields",
    [
        {"weight_kg": 100, "reps": 1001},
        {"weight_kg": 100, "reps": 0},
        {"duration_s": 60, "reps": 5},
        {"distance_m": 0.0},
        {"duration_s": 0},
        {"weight_kg": 100, "reps": 5, "set_type": "giant"},
        {"weight_kg": 60, "reps": 5, "warmup": True, "set_type": "drop"},
        {"weight_kg": 100, "reps": 5, "set_type": "failure", "rpe": 9},
        {"weight_kg": 20, "reps": 8, "assisted": True},
        {"reps": 8, "assisted": True, "bodyweight": True},
    ],
)
def test_a_set_that_cannot_be_is_refused(fields):
    with pytest.raises(ValidationError):
        check_set(a_set(**fields))


def test_an_assisted_set_lifts_bodyweight_minus_the_assistance():
    entry = a_set(weight_kg=20, reps=8, bodyweight=True, assisted=True)
    assert entry.load_kg(80) == 60
    assert entry.volume_kg(80) == 480
    assert entry.volume_kg() == 0  # the bodyweight not known: no load to count
    assert a_set(weight_kg=20, reps=8, bodyweight=True).volume_kg(80) == 800


def test_timed_and_distance_sets_have_no_e1rm_or_volume():
    for entry in (a_set(weight_kg=20, duration_s=45), a_set(weight_kg=40, distance_m=30)):
        assert set_e1rm(entry, None) is None
        assert entry.volume_kg() == 0


def test_a_failure_set_is_rpe_10_for_the_e1rm_and_the_scoring_model():
    failure = a_set(weight_kg=100, reps=5, set_type="failure")
    assert failure.rir == 0
    assert set_e1rm(failure, None) == set_e1rm(a_set(weight_kg=100, reps=5, rpe=10), None)
    drop = a_set(weight_kg=80, reps=8, set_type="drop")
    log = training_log(
        [failure, drop, a_set(weight_kg=20, reps=8, bodyweight=True, assisted=True)],
        {},
        [Recovery(day=date(2026, 3, 1), bodyweight_kg=80)],
        [],
        day_starts={},
    )
    assert [(s.load_kg, s.rpe, s.warmup) for s in log.sets] == [
        (100, 10, False),
        (80, None, False),  # a drop set is a hard set of its exercise, as any working set
        (60, None, False),
    ]


def test_a_timed_set_reaches_the_scoring_model_without_a_load_to_estimate_from():
    log = training_log([a_set(weight_kg=20, duration_s=45)], {}, [], [], day_starts={})
    assert log.sets[0].load_kg is None
