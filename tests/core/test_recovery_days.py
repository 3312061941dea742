"""The recovery screen's days as plain state, without a screen: what it reads from the log,
its changes shown before they are saved, what `u` undoes, and a field corrected on its
own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from storage.entry.line_items import WellnessEntryError
from storage.errors import ValidationError
from storage.log.repository import Repository
from storage.model.records import Recovery
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tui.screens.recovery.days import RecoveryDays
from tui.screens.recovery.fields import FIELDS, correction, filled_fields

NOW = TUESDAY_EVENING
TODAY = NOW.date()
YESTERDAY = TODAY - timedelta(days=1)
FIELD = {field.name: field for field in FIELDS}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


def test_it_opens_on_today_with_the_latest_bodyweight_before(repo: Repository) -> None:
    repo.save_recovery(Recovery(day=date(2026, 11, 20), bodyweight_kg=81.0))
    repo.save_recovery(Recovery(day=TODAY, water_cups=3))
    days = RecoveryDays()
    days.read(repo.snapshot())
    assert (days.today, days.day, days.entry.water_cups) == (TODAY, TODAY, 3)
    assert days.earlier_bodyweight == (date(2026, 11, 20), 81.0)
    assert days.bodyweight() == 81.0
    days.change(lambda entry: replace(entry, bodyweight_kg=82.5))
    assert days.bodyweight() == 82.5  # the day's own, once logged


def test_a_day_is_read_once_and_keeps_changes_not_saved_yet(repo: Repository) -> None:
    days = RecoveryDays()
    days.read(repo.snapshot())
    days.show(YESTERDAY, repo.snapshot())
    assert days.entry is None and days.entry_or_empty.day == YESTERDAY
    days.change(lambda entry: replace(entry, sleep_hours=7.5))
    days.show(TODAY, repo.snapshot())
    days.show(YESTERDAY, repo.snapshot())  # not read again: the change is kept
    assert days.entry.sleep_hours == 7.5
    repo.save_recovery(Recovery(day=YESTERDAY, sleep_hours=6.0))
    days.read(repo.snapshot())  # read again from the log as saved, on the same day
    assert (days.day, days.entry.sleep_hours) == (YESTERDAY, 6.0)


def test_a_change_that_is_not_a_valid_day_changes_nothing(repo: Repository) -> None:
    days = RecoveryDays()
    days.read(repo.snapshot())
    with pytest.raises(ValidationError, match="stress"):
        days.change(lambda entry: replace(entry, stress=9))
    assert days.entry is None and days.undo_stack == []


def test_undo_puts_back_the_day_the_last_change_changed(repo: Repository) -> None:
    days = RecoveryDays()
    days.read(repo.snapshot())
    days.change(lambda entry: replace(entry, water_cups=2))
    days.change(lambda entry: replace(entry, water_cups=3))
    days.show(YESTERDAY, repo.snapshot())
    undo = days.undo()
    assert (undo.day, undo.before.water_cups) == (TODAY, 2)
    days.show(TODAY, repo.snapshot())
    assert days.entry.water_cups == 2
    assert days.undo().before is None and days.entry is None
    assert days.undo_stack == []


def test_a_correction_sets_the_days_total() -> None:
    day = Recovery(day=TODAY, protein_g=80, water_cups=4, notes="fine")
    assert correction(FIELD["protein_g"], "120", "kg")(day).protein_g == 120
    assert correction(FIELD["water_cups"], "6", "kg")(day).water_cups == 6
    assert correction(FIELD["bodyweight_kg"], "180lb", "kg")(day).bodyweight_kg == pytest.approx(
        81.65, abs=0.01
    )
    assert correction(FIELD["notes"], " slept badly ", "kg")(day).notes == "slept badly"
    assert correction(FIELD["water_cups"], "", "kg")(day).water_cups is None


@pytest.mark.parametrize("text", ["lots", "30 c60", "+"])
def test_a_correction_of_one_field_takes_only_its_value(text: str) -> None:
    with pytest.raises(WellnessEntryError) as error:
        correction(FIELD["protein_g"], text, "kg")
    assert str(error.value) == f"can't use {text!r}: protein is grams for the day, 0-2000"


def test_filled_fields() -> None:
    assert filled_fields(None) == 0
    assert filled_fields(Recovery(sleep_hours=0, notes="")) == 1
    assert filled_fields(Recovery(water_cups=2, stress=3, notes="ok")) == 3
