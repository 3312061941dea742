"""The symptom screen's day as plain state, without a screen: the draft from the newest
entry, its first change and later ones, digits, today's entries, what counts for the score
within 24 h, and deleted entries brought back."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from storage.errors import ValidationError
from storage.log.repository import Repository
from storage.model.records import SymptomEntry
from tests.support.clock import FakeClock
from tui.screens.symptoms.day import SymptomDay, is_empty, new_draft

NOW = datetime(2026, 11, 24, 18, 0, 0, 250_000, tzinfo=UTC)
YESTERDAY_MORNING = datetime(2026, 11, 23, 8, 37, tzinfo=UTC)
THIS_MORNING = datetime(2026, 11, 24, 6, 56, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


def read(repo: Repository, now: datetime = NOW) -> SymptomDay:
    day = SymptomDay()
    day.read(repo.snapshot(), now)
    return day


def test_a_draft_copies_the_newest_entry_but_its_id_time_and_note() -> None:
    base = SymptomEntry(timestamp=THIS_MORNING, energy=2, soreness={"quads": 4}, notes="tired")
    draft = new_draft(base, NOW)
    assert (draft.energy, draft.soreness, draft.notes) == (2, {"quads": 4}, "")
    assert draft.id != base.id and draft.timestamp == NOW and draft.created is None
    empty = new_draft(None, NOW)
    assert is_empty(empty) and empty.timestamp == NOW
    assert not is_empty(draft) and is_empty(SymptomEntry(timestamp=NOW))
    assert not is_empty(SymptomEntry(timestamp=NOW, notes="a note"))


def test_it_opens_on_a_draft_from_the_newest_entry(repo: Repository) -> None:
    yesterday = repo.save_symptoms(SymptomEntry(timestamp=YESTERDAY_MORNING, mood=2))
    day = read(repo)
    assert (day.todays, day.previous, day.based_on) == ([], yesterday, yesterday)
    assert not day.in_log and day.entry.mood == 2 and day.entry.id != yesterday.id
    assert day.entry.timestamp == NOW.replace(microsecond=0)
    assert day.when(yesterday) == "yesterday 08:37"
    assert day.counting(YESTERDAY_MORNING + timedelta(hours=24)) == yesterday
    assert day.counting(YESTERDAY_MORNING + timedelta(hours=24, seconds=1)) is None


def test_the_first_change_logs_a_new_entry_and_later_ones_replace_it(
    repo: Repository,
) -> None:
    day = read(repo)
    assert day.commit(replace(day.entry, energy=3), NOW)
    first = day.entry
    assert (first.timestamp, first.created, first.day) == (
        NOW.replace(microsecond=0),
        NOW.replace(microsecond=0),
        NOW.date(),
    )
    assert day.in_log and day.todays == [first]
    later = NOW + timedelta(minutes=5)
    assert not day.commit(replace(day.entry, mood=4), later)
    assert day.entry.timestamp == first.timestamp  # the same entry, replaced
    assert [(e.energy, e.mood) for e in day.todays] == [(3, 4)]
    with pytest.raises(ValidationError, match="mood"):
        day.commit(replace(day.entry, mood=9), later)
    assert day.entry.mood == 4


def test_a_value_out_of_a_scales_range_is_refused(repo: Repository) -> None:
    day = read(repo)
    with pytest.raises(ValidationError, match="^energy is 1-5: press 1-5$"):
        day.with_value("energy", 0)
    assert day.with_value("weakness", 10)[1] == "weakness 10"
    entry, what = day.with_value("upper_back", 3)
    assert (entry.soreness, what) == ({"upper_back": 3}, "upper back 3")
    day.entry = entry
    assert day.with_value("upper_back", None) == (replace(entry, soreness={}), "upper back cleared")


def test_1_then_0_within_a_second_is_10(repo: Repository) -> None:
    day = read(repo)
    assert [day.digit("quads", 1, 100.0), day.digit("quads", 0, 100.5)] == [1, 10]
    assert [day.digit("quads", 1, 200.0), day.digit("quads", 0, 202.0)] == [1, 0]  # too slow
    assert [day.digit("quads", 1, 300.0), day.digit("hamstrings", 0, 300.2)] == [1, 0]
    assert [day.digit("mood", 0, 400.0), day.digit("mood", 0, 400.1)] == [0, 0]


def test_soreness_steps_stay_within_0_to_10(repo: Repository) -> None:
    day = read(repo)
    day.entry = replace(day.entry, soreness={"quads": 9})
    assert (day.stepped("quads", 1), day.stepped("quads", -1)) == (10, 8)
    assert day.stepped("calves", -1) == 0  # not rated counts from 0
    day.entry = replace(day.entry, soreness={"quads": 10})
    assert day.stepped("quads", 1) == 10


def test_deleting_and_bringing_back_todays_entries(repo: Repository) -> None:
    morning = repo.save_symptoms(SymptomEntry(timestamp=THIS_MORNING, energy=2))
    day = read(repo)
    assert day.based_on == morning and day.counting(NOW) == morning
    day.delete(morning, NOW)
    assert day.todays == [] and day.deleted == [morning]
    assert day.based_on is None and is_empty(day.entry)  # the draft starts again
    assert day.restore(NOW) == morning
    assert day.todays == [morning] and day.deleted == []
    assert day.based_on == morning and day.entry.energy == 2


def test_deleting_another_entry_keeps_the_one_edited(repo: Repository) -> None:
    morning = repo.save_symptoms(SymptomEntry(timestamp=THIS_MORNING, energy=2))
    day = read(repo)
    day.commit(replace(day.entry, energy=4), NOW)
    edited = day.entry
    day.delete(morning, NOW)
    assert day.entry == edited and day.todays == [edited]
    day.restore(NOW)
    assert day.todays == [morning, edited] and day.entry == edited


def test_editing_one_of_todays_entries(repo: Repository) -> None:
    morning = repo.save_symptoms(SymptomEntry(timestamp=THIS_MORNING, energy=2))
    day = read(repo)
    day.edit(morning)
    assert (day.entry, day.in_log, day.based_on) == (morning, True, None)
    assert not day.commit(replace(day.entry, mood=3), NOW)
    assert day.todays == [replace(morning, mood=3)]
