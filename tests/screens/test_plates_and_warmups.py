"""The gym-floor calculators on the workout screen, at a person's pace: the plates a side
for the barbell load being entered (on the entry line's edge), the plates for any load
(alt+c), and the warm-up ramp before a barbell exercise's first working set, logged with
Enter set by set or skipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from storage.log.repository import Repository
from tests.support.screen_helpers import (
    make_app,
    message,
    saved,
    workout_entry,
    workout_screen,
    workout_sets,
)
from tests.support.typing import chars, press_at_pace
from tui.app import RestdayApp
from tui.screens.dialogs.prompt import PromptScreen


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return tmp_path / "log.json"


def plates(app: RestdayApp) -> str:
    return str(workout_entry(app).border_subtitle)


async def bench_done_before(pilot, *, warmed_up: bool = False) -> None:
    """A finished workout with bench 100x5@8 (after a warm-up set, if `warmed_up`), then an
    empty one on the bench."""
    await pilot.pause()
    warmup = [*chars("w bench 60x5"), "enter"] if warmed_up else []
    await press_at_pace(pilot, ["enter", *warmup, *chars("bench 100x5@8"), "enter"])
    await press_at_pace(pilot, ["alt+shift+f", "8", "enter"])
    await press_at_pace(pilot, ["enter", *chars("bench"), "enter"])


async def test_the_warm_up_ramp_is_logged_with_enter_set_by_set(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await bench_done_before(pilot)  # no warm-ups logged: Enter logs the working set
        assert workout_entry(app).placeholder.startswith("Enter logs 100 kg x 5 @8 · ")
        await press_at_pace(pilot, ["alt+k"])  # asked for
        assert workout_entry(app).placeholder == (
            "Enter logs w 20kg x 10 · alt+k skips · warm-up 1/4 to 100"
        )
        assert plates(app) == "20 kg: the bar alone"
        await press_at_pace(pilot, ["enter", "enter"])
        assert workout_entry(app).placeholder.startswith(
            "Enter logs w 60kg x 3 · alt+k skips · warm-up 3/4"
        )
        assert plates(app) == "60 kg: 20 a side"
        await press_at_pace(pilot, [*chars("100x5@8"), "enter"])  # the working set: no more
        assert workout_entry(app).placeholder.startswith("Enter repeats 100 kg x 5 @8")
        assert plates(app) == "100 kg: 25 15 a side"
        await press_at_pace(pilot, ["alt+k"])
        assert "before the first working set" in message(app)
        await saved(app, pilot)
        with Repository(log, clock=clock) as repo:
            today = repo.sets(workout=workout_screen(app).workout.id)
        assert [(s.weight_kg, s.reps, s.warmup) for s in today] == [
            (20, 10, True),
            (40, 5, True),
            (100, 5, False),
        ]


async def test_a_lifter_who_logs_warm_ups_is_offered_them_and_skips_with_a_key(
    log: Path, clock
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await bench_done_before(pilot, warmed_up=True)
        assert workout_entry(app).placeholder.startswith(
            "Enter logs w 20kg x 10 · alt+k skips · warm-up 1/4"
        )
        await press_at_pace(pilot, ["enter", "alt+k"])
        assert "Warm-ups skipped" in message(app)
        assert " 100 kg x 5 @8 · " in workout_entry(app).placeholder  # the working set, not 20x10
        await press_at_pace(pilot, ["enter"])
        assert workout_sets(app) == ["20 kg x 10", "100 kg x 5 @8"]


async def test_the_plates_for_the_load_typed_and_for_any_load(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, ["enter", *chars("bench 100x5"), "enter"])
        assert plates(app) == "100 kg: 25 15 a side"  # what Enter repeats
        await press_at_pace(pilot, chars("102.5x5"))
        assert plates(app) == "102.5 kg: 25 15 1.25 a side"
        await press_at_pace(pilot, ["backspace"] * 7 + chars("103x5"))
        assert plates(app) == "103 kg: plates make 102.5 or 105"
        await press_at_pace(pilot, ["backspace"] * 5 + chars("lat pulldown 50x10"))
        assert plates(app) == ""  # a cable: no plates to load
        await press_at_pace(pilot, ["ctrl+u", "alt+c"])
        assert isinstance(app.screen, PromptScreen)
        await press_at_pace(pilot, [*chars("143"), "enter"])
        message = workout_screen(app).query_one("#message", Static)
        assert str(message.visual) == "143 kg: plates make 142.5 or 145"
        await press_at_pace(pilot, ["alt+c", *chars("140"), "enter"])
        assert str(message.visual) == "140 kg: 25 25 10 a side"


async def test_the_plates_fit_a_phone(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=(45, 20)) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, ["enter", *chars("bench 227.5x1"), "enter"])
        assert plates(app) == "227.5 kg: 25 25 25 25 2.5 1.25 a side"
        edge = workout_entry(app).region
        assert edge.right <= 45
