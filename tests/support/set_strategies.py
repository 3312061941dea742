"""Hypothesis strategies for sets: any valid set of any kind, type and load."""

from __future__ import annotations

from datetime import UTC, datetime
from math import ceil

from hypothesis import strategies as st

from storage.entry.set_line import MAX_KG
from storage.model.records import (
    MAX_DISTANCE_M,
    MAX_DURATION_S,
    MAX_SET_REPS,
    MAX_SPEED_M_S,
    SetEntry,
)
from storage.model.validation import check_set

WHEN = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)


def a_set(**fields) -> SetEntry:
    fields = {"weight_kg": 0.0, "reps": 0} | fields
    return SetEntry(workout="w1", exercise="plank", timestamp=WHEN, **fields)


@st.composite
def sets(draw) -> SetEntry:
    """Any valid set of any kind, type and load."""
    kind = draw(st.sampled_from(["reps", "timed", "distance"]))
    bodyweight = draw(st.booleans())
    weight = draw(st.integers(0, int(MAX_KG * 1000) - 1)) / 1000  # to the gram
    fields = {
        "weight_kg": weight,
        "bodyweight": bodyweight,
        "assisted": bodyweight and weight > 0 and draw(st.booleans()),
        "rpe": draw(st.none() | st.integers(12, 20).map(lambda half: half / 2)),
        "set_type": draw(st.sampled_from(["", "drop", "failure", "amrap"])),
    }
    if kind == "reps":
        fields["reps"] = draw(st.integers(1, MAX_SET_REPS))
    elif kind == "timed":
        fields["duration_s"] = draw(st.integers(1, MAX_DURATION_S))
    else:
        fields["distance_m"] = draw(st.integers(1, int(MAX_DISTANCE_M * 1000))) / 1000
        quickest = max(1, ceil(fields["distance_m"] / MAX_SPEED_M_S))
        fields["duration_s"] = draw(st.none() | st.integers(quickest, MAX_DURATION_S))
    if fields["set_type"] == "failure":
        fields["rpe"] = None
    if draw(st.booleans()) and not fields["set_type"]:
        fields |= {"warmup": True, "rpe": None}
    entry = a_set(**fields)
    check_set(entry)
    return entry
