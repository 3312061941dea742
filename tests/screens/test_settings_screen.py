"""The settings screen at a person's pace: `,` opens it, `l` (or the list) sets lb, and
every screen then shows and reads weights in lb; the log keeps kg."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList, Static

from storage.log.repository import Repository
from tests.screens.test_shell import _help_text as help_text
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import eventually, make_app, saved
from tests.support.typing import chars, press_at_pace
from tui.app import RestdayApp
from tui.screens.settings.screen import SettingsScreen
from tui.screens.workout.screen import WorkoutScreen

SIZE = (80, 24)


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return tmp_path / "log.json"


def shown(app: RestdayApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).visual)


def set_rows(app: RestdayApp) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [" ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


async def test_lb_set_once_on_the_settings_screen(log: Path) -> None:
    app = make_app(log, FakeClock(TUESDAY_EVENING), first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        await press_at_pace(pilot, [","])
        assert isinstance(app.screen, SettingsScreen)
        units = app.screen.query_one("#unit", OptionList)
        assert str(units.get_option_at_index(0).prompt).startswith("● kg")
        await press_at_pace(pilot, ["down", "enter"])  # lb, from the list
        assert str(units.get_option_at_index(1).prompt).startswith("● lb")
        assert "now shown and typed in lb (were kg)" in shown(app, "#message")
        await saved(app, pilot)
        assert Repository(log).settings().unit == "lb"

        # a set typed as 225x5 is 225 lb, on screen and in the log (in kg)
        await press_at_pace(pilot, ["w", "enter", *chars("bench 225x5"), "enter"])
        assert isinstance(app.screen, WorkoutScreen)
        await eventually(pilot, lambda: any("225 lb x 5" in row for row in set_rows(app)))
        await saved(app, pilot)
        (stored,) = Repository(log).sets()
        assert 102.05 < stored.weight_kg < 102.06

        # back to kg with its key (on the workout screen a comma types: from home); the
        # workout shows the same set in kg at once
        await press_at_pace(pilot, ["alt+h", ",", "k"])
        assert "now shown and typed in kg (were lb)" in shown(app, "#message")
        await press_at_pace(pilot, ["w"])
        await eventually(pilot, lambda: any("102.1 kg x 5" in row for row in set_rows(app)))
        await press_at_pace(pilot, [*chars("100x5"), "enter"])  # typed: kg now
        await eventually(pilot, lambda: any("100 kg x 5" in row for row in set_rows(app)))
        await saved(app, pilot)
        assert [s.weight_kg for s in Repository(log).sets()][-1] == 100
        assert Repository(log).settings().unit == "kg"


async def test_the_screen_follows_restday_config(log: Path) -> None:
    """Set from another shell (`restday config unit lb`): the screen shows it within 1 s."""
    app = make_app(log, FakeClock(TUESDAY_EVENING), first_screen="settings")
    async with app.run_test(size=SIZE) as pilot:
        units = app.screen.query_one("#unit", OptionList)
        assert str(units.get_option_at_index(0).prompt).startswith("● kg")
        with Repository(log) as other:
            settings = other.settings()
            other.update_settings(settings, dataclasses.replace(settings, unit="lb"))
        app.store.follow()
        await eventually(
            pilot, lambda: str(units.get_option_at_index(1).prompt).startswith("● lb"), 1
        )


async def test_the_same_unit_again_changes_nothing(log: Path) -> None:
    app = make_app(log, FakeClock(TUESDAY_EVENING), first_screen="settings")
    async with app.run_test(size=SIZE) as pilot:
        await press_at_pace(pilot, ["k"])
        assert shown(app, "#message") == "The unit is kg (kilograms) already."
        await saved(app, pilot)
        assert not log.exists() or Repository(log).settings().unit == "kg"


async def test_settings_are_findable_and_say_how_to_change_the_unit(log: Path) -> None:
    app = make_app(log, FakeClock(TUESDAY_EVENING), first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        await saved(app, pilot)
        footer = " ".join(str(key.render()) for key in app.screen.query("FooterKey"))
        assert ", Settings" in footer and "? Help" in footer
        await press_at_pace(pilot, ["?"])
        assert re.search(r"(^|  ), +Settings", help_text(app), re.M)
        await press_at_pace(pilot, ["escape", ","])
        assert isinstance(app.screen, SettingsScreen)
        hint = shown(app, "#unit-hint")
        assert "↑↓ and Enter, or k for kg, l for lb. Saved at once." in hint
        await press_at_pace(pilot, ["l"])
        assert "now shown and typed in lb" in shown(app, "#message")
        await saved(app, pilot)
    assert Repository(log).settings().unit == "lb"


async def test_the_bar_and_plates_are_set_on_the_settings_screen(log: Path) -> None:
    """`b` asks for the bar and plates, filled with those in use; a wrong line says what
    is wrong and stays; an empty one goes back to the defaults of the unit."""
    app = make_app(log, FakeClock(TUESDAY_EVENING), first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        await press_at_pace(pilot, [","])
        assert "plates        bar 20 kg: 25 20 15 10 5 2.5 1.25 (the defaults for kg)" in shown(
            app, "#others"
        )
        await press_at_pace(pilot, ["b"])
        field = app.screen.query_one("#prompt-input")
        assert field.value == "20 kg: 25 20 15 10 5 2.5 1.25"
        await press_at_pace(pilot, ["ctrl+u", *chars("15 kg: 20 10 0.01"), "enter"])
        assert "a plate of 0.01 kg" in str(app.screen.query_one("#prompt-error").visual)
        await press_at_pace(pilot, ["ctrl+u", *chars("15: 20 10 5 1"), "enter"])
        assert isinstance(app.screen, SettingsScreen)
        assert "bar 15 kg: 20 10 5 1 (your own)" in shown(app, "#message")
        await saved(app, pilot)
        assert Repository(log).settings().plate_set().line() == "15 kg: 20 10 5 1"

        await press_at_pace(pilot, ["b", "ctrl+u", "enter"])
        await saved(app, pilot)
        assert Repository(log).settings().plates is None
        assert "(the defaults for kg)" in shown(app, "#others")
