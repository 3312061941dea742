"""The workout screen says a bodyweight set's e1RM comes from the bodyweight (the
lifter's as of the workout's day, plus the added load or minus the assistance), and
how to get one when no bodyweight is logged: at 80x24 and 45x20, typed at a person's pace."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from storage.log.repository import Repository
from storage.model.records import Recovery
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import make_app, message, screen_lines
from tests.support.typing import chars, press_at_pace
from tui.format.e1rm import NO_BODYWEIGHT

SIZES = [(80, 24), (45, 20)]


def _log(tmp_path: Path, bodyweight_kg: float | None, unit: str = "kg") -> Path:
    log = tmp_path / "log.json"
    with Repository(log, clock=FakeClock(TUESDAY_EVENING)) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC", unit=unit))
        if bodyweight_kg is not None:
            day = TUESDAY_EVENING.date() - timedelta(days=2)
            repo.save_recovery(Recovery(day=day, bodyweight_kg=bodyweight_kg))
    return log


async def _log_set(tmp_path: Path, size, bodyweight_kg, line: str, unit: str = "kg"):
    app = make_app(_log(tmp_path, bodyweight_kg, unit), FakeClock(TUESDAY_EVENING))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, ["enter", *chars(line), "enter"])  # an empty workout
        await pilot.pause()
        return message(app), screen_lines(app)


def _row(lines: list[str], shown: str) -> str:
    return next(line for line in lines if shown in line)


@pytest.mark.parametrize("size", SIZES)
async def test_an_assisted_set_says_its_e1rm_is_from_bodyweight(tmp_path: Path, size) -> None:
    said, lines = await _log_set(tmp_path, size, 80, "pull up bw-20x8")
    assert "e1RM 76 kg from bodyweight 80 − 20" in said
    assert "76 bw" in _row(lines, "bw-20 kg x 8")  # the table's e1RM cell, on screen


@pytest.mark.parametrize("size", SIZES)
async def test_added_load_is_on_top_of_bodyweight(tmp_path: Path, size) -> None:
    said, lines = await _log_set(tmp_path, size, 80, "dip bw+10x5")
    assert "e1RM 105 kg from bodyweight 80 + 10" in said
    assert "105 bw" in _row(lines, "bw+10 kg x 5")


@pytest.mark.parametrize("size", SIZES)
async def test_with_no_bodyweight_it_says_how_to_get_one(tmp_path: Path, size) -> None:
    said, lines = await _log_set(tmp_path, size, None, "pull up bw-20x8")
    assert NO_BODYWEIGHT in said and "e1RM" not in said.replace(NO_BODYWEIGHT, "")
    row = _row(lines, "bw-20 kg x 8")
    assert "bw?" in row and not any(c.isdigit() for c in row.split("x 8")[1])


async def test_a_user_of_lb_sees_lb(tmp_path: Path) -> None:
    said, lines = await _log_set(tmp_path, (80, 24), 180 * 0.45359237, "pull up bw-20x8", "lb")
    assert "e1RM 202.7 lb from bodyweight 180 − 20" in said
    assert "202.7 bw" in _row(lines, "bw-20 lb x 8")


@pytest.mark.parametrize("size", SIZES)
async def test_an_amrap_set_over_twelve_reps_shows_no_e1rm(tmp_path: Path, size) -> None:
    said, lines = await _log_set(tmp_path, size, 80, "bench a 60x15")
    row = _row(lines, "AMRAP 60 kg x 15")
    assert not any(c.isdigit() for c in row.split("x 15")[1]) and "e1RM" not in said
