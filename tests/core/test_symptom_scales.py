"""The symptom scales have one definition: the log's check and the symptom line accept
exactly the values a scale has a descriptor for, and soreness 0 to the most sore."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from storage.entry.line_items import WellnessEntryError
from storage.entry.symptom_line import parse_symptom_entry
from storage.errors import ValidationError
from storage.model.records import SymptomEntry
from storage.model.symptom_scales import MOST_SORE, SCALES, Scale
from storage.model.validation import check_symptoms

ENTRY = SymptomEntry(timestamp=datetime(2026, 3, 10, 7, tzinfo=UTC))


@pytest.mark.parametrize("scale", SCALES, ids=lambda scale: scale.field)
def test_a_scale_accepts_the_values_it_describes(scale: Scale) -> None:
    for value in range(scale.low, scale.high + 1):
        assert scale.describe(value)
        check_symptoms(replace(ENTRY, **{scale.field: value}))
        assert getattr(parse_symptom_entry(f"{scale.field} {value}"), scale.field) == value
    for value in (scale.low - 1, scale.high + 1):
        with pytest.raises(ValidationError, match=scale.field):
            check_symptoms(replace(ENTRY, **{scale.field: value}))
    for value in {scale.low - 1, scale.high + 1} - {-1}:  # a line has no minus sign
        with pytest.raises(WellnessEntryError, match=f"out of range: {scale.accepted}$"):
            parse_symptom_entry(f"{scale.field} {value}")


def test_soreness_is_0_to_the_most_sore() -> None:
    check_symptoms(replace(ENTRY, soreness={"quads": 0, "lats": MOST_SORE}))
    assert parse_symptom_entry(f"quads {MOST_SORE}").soreness == {"quads": MOST_SORE}
    with pytest.raises(ValidationError, match="quads soreness"):
        check_symptoms(replace(ENTRY, soreness={"quads": MOST_SORE + 1}))
    with pytest.raises(WellnessEntryError, match="out of range"):
        parse_symptom_entry(f"quads {MOST_SORE + 1}")
