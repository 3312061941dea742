"""An assisted set whose assistance is the lifter's whole bodyweight or more (`bw-500x8` at
80 kg) lifts nothing: its e1RM and volume are none, and the screen and `restday log` say
why instead of saying nothing (issue 16's review)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from storage.model.records import SetEntry
from tui.format.e1rm import e1rm_cell, e1rm_said

MON = date(2026, 11, 2)


def assisted(kg: float) -> SetEntry:
    return SetEntry(
        day=MON,
        workout="w",
        exercise="pull-up",
        weight_kg=kg,
        reps=8,
        bodyweight=True,
        assisted=True,
        timestamp=datetime(2026, 11, 2, 18, tzinfo=UTC),
    )


def test_assistance_of_the_whole_bodyweight_says_so() -> None:
    for kg in (80, 500):
        entry = assisted(kg)
        assert entry.volume_kg(80) == 0
        assert e1rm_said(entry, 80, "kg") == (
            f"no e1RM: the assistance {kg} kg is not less than bodyweight 80 kg"
        )
        assert e1rm_cell(entry, 80, "kg") == ""  # the table has no room for why
    assert e1rm_said(assisted(20), 80, "kg") == "e1RM 76 kg from bodyweight 80 − 20"
