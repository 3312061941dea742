"""The recovery screen, driven by keys in Pilot at 80x24: the quick-entry line, every field,
water from anywhere, days, corrections, targets, undo, errors and failed saves.

Each test checks what is on screen and, after the background save, what is in the log
(read back with a fresh Repository).
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from storage.log.repository import Repository
from storage.model.records import Recovery
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import FullDisk, eventually, make_app, saved
from tests.support.typing import type_line
from tui.app import RestdayApp
from tui.screens.dialogs.prompt import PromptScreen
from tui.screens.recovery.screen import RecoveryScreen
from tui.screens.recovery.targets import TargetsScreen

NOW = TUESDAY_EVENING
TODAY = NOW.date()
SIZE = (80, 24)


@pytest.fixture
def log(tmp_path: Path, clock: FakeClock) -> Path:
    """An empty log in UTC (so days don't depend on the machine's timezone)."""
    path = tmp_path / "log.json"
    with Repository(path, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
    return path


async def open_recovery(pilot: Pilot) -> RecoveryScreen:
    await pilot.pause()
    await pilot.press("alt+r")  # on the workout screen r types
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, RecoveryScreen)
    return screen


def text(app: RestdayApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).visual)


def field_rows(app: RestdayApp) -> dict[str, str]:
    """Each field's row as shown, by field name."""
    fields = app.screen.query_one("#fields", OptionList)
    return {
        fields.get_option_at_index(i).id: str(fields.get_option_at_index(i).prompt)
        for i in range(fields.option_count)
    }


def stored(log: Path, clock: FakeClock, day: date = TODAY) -> Recovery | None:
    with Repository(log, clock=clock) as repo:
        return repo.recovery(day)


def entry_line(app: RestdayApp) -> Input:
    return app.screen.query_one("#entry", Input)


# -- the quick-entry line -----------------------------------------------------------------


async def test_the_entry_line_has_focus_and_an_empty_day_says_so(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_recovery(pilot)
        assert app.focused is entry_line(app)
        assert "nothing logged on this day yet" in text(app, "#day")
        assert "Tuesday 24 November 2026 · today" in text(app, "#day")
        assert "Recovery · Tue 24 Nov" in screen.query_one("AppHeader").subtitle
        rows = field_rows(app)
        assert rows["sleep_hours"].split()[:2] == ["Sleep", "—"]
        assert "target 7 h or more" in rows["sleep_hours"]
        assert "target 12 cups" in rows["water_cups"]
        assert "log bw 80 for a target" in rows["protein_g"]


async def test_one_line_sets_every_field(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        await type_line(pilot, "s 7:30 q4 w+2 p30 c60 bw 81.2 st2 n slept well")
        assert entry_line(app).value == ""
        rows = field_rows(app)
        assert rows["sleep_hours"].startswith("Sleep         7 h 30")
        assert "4/5 good" in rows["sleep_quality"]
        assert "2 cups" in rows["water_cups"]
        assert "30 g" in rows["protein_g"]
        assert "60 g" in rows["carbs_g"]
        assert "81.2 kg" in rows["bodyweight_kg"]
        assert "2/5 relaxed" in rows["stress"]
        assert "slept well" in rows["notes"]
        assert "8 of 8 filled" in text(app, "#day")
        message = text(app, "#message")
        assert message.startswith("Logged sleep 7 h 30, quality 4/5, water +2 cups (2 today)")
        assert "protein +30 g, carbs +60 g, bodyweight 81.2 kg, stress 2/5, a note" in message
        await saved(app, pilot)
    entry = stored(log, clock)
    assert (entry.sleep_hours, entry.sleep_quality, entry.water_cups) == (7.5, 4, 2)
    assert (entry.protein_g, entry.carbs_g, entry.bodyweight_kg) == (30, 60, 81.2)
    assert (entry.stress, entry.notes, entry.day) == (2, "slept well", TODAY)


async def test_each_meal_adds_to_the_day(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        await type_line(pilot, "p30 c60")
        await type_line(pilot, "p 45.5 c 100")
        await type_line(pilot, "w8")
        await type_line(pilot, "w+1")
        await type_line(pilot, "w-3")
        rows = field_rows(app)
        assert "75.5 g" in rows["protein_g"] and "160 g" in rows["carbs_g"]
        assert "6 cups" in rows["water_cups"]
        await saved(app, pilot)
    entry = stored(log, clock)
    assert (entry.protein_g, entry.carbs_g, entry.water_cups) == (75.5, 160, 6)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("s 7.5 q9", "q 9 is out of range: sleep quality is a whole number 1-5"),
        ("s 25", "s 25 is out of range: sleep is 0-24 hours"),
        ("w+abc", "can't read 'w+abc'"),
        ("protein 30", "unknown item 'protein'"),
        ("p30 p20", "protein given twice"),
        ("bw 5", "bw 5 is out of range: bodyweight is 20-400 kg"),
        ("s 7 st 0", "st 0 is out of range: stress is a whole number 1-5"),
        ("p 99999", "p 99999 is out of range"),
        ("\x7f", "can't"),
    ],
)
async def test_a_bad_line_says_what_is_accepted_keeps_the_text_and_saves_nothing(
    log: Path, clock, line: str, message: str
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        await type_line(pilot, "w2")
        await saved(app, pilot)
        before = log.read_bytes()
        entry_line(app).value = line
        await pilot.press("enter")
        await saved(app, pilot)
        shown = text(app, "#message")
        assert message in shown or (message == "can't" and shown)
        assert app.screen.query_one("#message").has_class("error")
        assert entry_line(app).value == line
        assert "2 cups" in field_rows(app)["water_cups"]
        assert log.read_bytes() == before


async def test_water_over_its_limit_changes_nothing(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        await type_line(pilot, "w 99")
        await type_line(pilot, "w+2 p30")  # 101 cups: refused, and the protein with it
        assert "water 101 is out of range" in text(app, "#message")
        assert entry_line(app).value == "w+2 p30"
        rows = field_rows(app)
        assert "99 cups" in rows["water_cups"] and rows["protein_g"].split()[1] == "—"
        await saved(app, pilot)
    entry = stored(log, clock)
    assert (entry.water_cups, entry.protein_g) == (99, None)


async def test_an_empty_line_says_what_to_type(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        await pilot.press("enter")
        assert text(app, "#message") == "Type what to log: e.g. s 7.5 q4 w+2 p30 c60 bw 81.2 st2"
    assert stored(log, clock) is None


async def test_nothing_typed_ever_shows_a_traceback(log: Path, clock) -> None:
    app = make_app(log, clock)
    lines = [
        "",
        " ",
        "s",
        "s s s",
        "q 4.5",
        "w ++2",
        "bw 80 stone",
        "n",
        "c -5",
        "😀 9",
        "=" * 600,
        "[/]",
        "s [/]",
    ]
    lines += ["[b]bold", "[red]"]
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        for line in lines:
            entry_line(app).value = line
            await pilot.press("enter")
            assert isinstance(app.screen, RecoveryScreen)
            assert entry_line(app).value == line
        entry_line(app).value = "n [red]x[/red]"
        await pilot.press("enter")
        assert "[red]x[/red]" in field_rows(app)["notes"]
        await saved(app, pilot)
    assert stored(log, clock).notes == "[red]x[/red]"


# -- water from anywhere ------------------------------------------------------------------


async def test_plus_and_minus_add_and_remove_a_cup_from_anywhere(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        await pilot.press("plus", "plus", "plus")  # in the empty entry line
        assert entry_line(app).value == ""
        assert "3 cups" in field_rows(app)["water_cups"]
        await pilot.press("escape", "down", "down")  # on the fields
        await pilot.press("minus")
        assert "2 cups" in field_rows(app)["water_cups"]
        assert "water -1 cup (2 today)" in text(app, "#message")
        await pilot.press("i")
        await pilot.press("w", "plus")  # after text, + is text
        assert entry_line(app).value == "w+"
        await saved(app, pilot)
    assert stored(log, clock).water_cups == 2


async def test_no_water_to_take_away(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        await pilot.press("minus")
        assert "Water is at 0 cups" in text(app, "#message")
        await type_line(pilot, "w-2")  # typed, it stops at 0
        assert "0 cups" in field_rows(app)["water_cups"]
        await saved(app, pilot)
    assert stored(log, clock).water_cups == 0


async def test_a_cup_added_from_another_terminal_is_kept(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        await type_line(pilot, "w4")
        await saved(app, pilot)
        with Repository(log, clock=clock) as other:
            other.add_intake(TODAY, water_cups=1, protein_g=20)
        await pilot.press("plus")
        await type_line(pilot, "p30")
        await saved(app, pilot)
    entry = stored(log, clock)
    assert (entry.water_cups, entry.protein_g) == (6, 50)


# -- the fields ---------------------------------------------------------------------------


async def correct(pilot: Pilot, field_index: int, value: str) -> None:
    """Correct a field from the field list: Escape, arrows, Enter, type, Enter."""
    screen = pilot.app.screen
    if pilot.app.focused is screen.query_one("#entry"):
        await pilot.press("escape")
    fields = screen.query_one("#fields", OptionList)
    fields.highlighted = 0
    await pilot.press(*["down"] * field_index, "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PromptScreen)
    prompt = pilot.app.screen.query_one(Input)
    prompt.value = value
    await pilot.press("enter")
    await pilot.pause()


FIELD_CORRECTIONS = [
    (0, "6h45", "sleep_hours", 6.75, "6 h 45"),
    (1, "2", "sleep_quality", 2, "2/5 poor"),
    (2, "10", "water_cups", 10, "10 cups"),
    (3, "140", "protein_g", 140, "140 g"),
    (4, "300", "carbs_g", 300, "300 g"),
    (5, "79.5", "bodyweight_kg", 79.5, "79.5 kg"),
    (6, "5", "stress", 5, "5/5 very stressed"),
    (7, "deadlift day tomorrow", "notes", "deadlift day tomorrow", "deadlift day tomorrow"),
]


@pytest.mark.parametrize(("index", "typed", "name", "value", "shown"), FIELD_CORRECTIONS)
async def test_every_field_can_be_corrected_to_the_days_total(
    log: Path, clock, index: int, typed: str, name: str, value: object, shown: str
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        await type_line(pilot, "s 7 q3 w4 p50 c100 bw 80 st2 n first")
        await correct(pilot, index, typed)
        assert isinstance(app.screen, RecoveryScreen)
        assert shown in field_rows(app)[name]
        assert app.focused is app.screen.query_one("#fields")
        await saved(app, pilot)
    assert getattr(stored(log, clock), name) == value


async def test_a_bad_correction_stays_in_its_dialog(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        await type_line(pilot, "p50")
        await saved(app, pilot)
        await correct(pilot, 3, "30 c60")  # protein, with carbs slipped in
        assert isinstance(app.screen, PromptScreen)
        error = str(app.screen.query_one("#prompt-error", Static).visual)
        assert error == "can't use '30 c60': protein is grams for the day, 0-2000"
        assert app.screen.query_one(Input).value == "30 c60"
        await pilot.press("escape")
        assert isinstance(app.screen, RecoveryScreen)
        assert "50 g" in field_rows(app)["protein_g"]
        await saved(app, pilot)
    assert (stored(log, clock).protein_g, stored(log, clock).carbs_g) == (50, None)


async def test_bodyweight_in_pounds(log: Path, clock) -> None:
    with Repository(log, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), unit="lb"))
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        await type_line(pilot, "bw 180")
        rows = field_rows(app)
        assert "180 lb" in rows["bodyweight_kg"]
        assert "target 144-180 g at 180 lb" in rows["protein_g"]
        assert "target 245-408 g at 180 lb" in rows["carbs_g"]  # 3-5 g/kg of 81.6 kg
        await correct(pilot, 5, "82kg")  # a unit typed wins over the user's
        assert "180.8 lb" in field_rows(app)["bodyweight_kg"]
        await saved(app, pilot)
    assert stored(log, clock).bodyweight_kg == 82


async def test_protein_and_carbs_targets_use_the_latest_bodyweight(log: Path, clock) -> None:
    with Repository(log, clock=clock) as repo:
        repo.save_recovery(Recovery(day=TODAY - timedelta(days=3), bodyweight_kg=80))
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        rows = field_rows(app)
        # 0.8-1.0 g per lb of 80 kg (176.4 lb); 3-5 g per kg
        assert "target 141-176 g at 80 kg" in rows["protein_g"]
        assert "target 240-400 g at 80 kg" in rows["carbs_g"]
        assert "protein_g" in rows and rows["protein_g"].count("░") == 16  # nothing yet
        await type_line(pilot, "p 150 c 400")
        rows = field_rows(app)
        assert rows["protein_g"].count("█") == 16  # the target's low end is met
        assert rows["carbs_g"].count("█") == 16


async def test_delete_clears_a_field(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        await type_line(pilot, "s 7 bw 80")
        await pilot.press("escape", "down", "down", "down", "down", "down", "delete")
        assert field_rows(app)["bodyweight_kg"].split()[1] == "—"
        assert text(app, "#message").startswith("Bodyweight cleared")
        await saved(app, pilot)
    entry = stored(log, clock)
    assert (entry.sleep_hours, entry.bodyweight_kg) == (7, None)


# -- days ---------------------------------------------------------------------------------


async def test_left_and_right_move_between_days_and_t_comes_back(log: Path, clock) -> None:
    with Repository(log, clock=clock) as repo:
        repo.save_recovery(Recovery(day=TODAY - timedelta(days=1), sleep_hours=8, water_cups=9))
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_recovery(pilot)
        await pilot.press("escape")
        await pilot.press("right")  # no day after today
        assert screen.day == TODAY
        await pilot.press("left")
        assert "Monday 23 November 2026 · yesterday" in text(app, "#day")
        assert "9 cups" in field_rows(app)["water_cups"]
        assert "2 of 8 filled" in text(app, "#day")
        await pilot.press("left")
        assert "Sunday 22 November 2026 · 2 days ago" in text(app, "#day")
        assert "nothing logged on this day yet" in text(app, "#day")
        await pilot.press("i")
        await type_line(pilot, "s 6.5 w5")  # fill in a day gone by
        await pilot.press("escape", "right")
        assert "9 cups" in field_rows(app)["water_cups"]
        await pilot.press("t")
        assert screen.day == TODAY
        assert "nothing logged on this day yet" in text(app, "#day")
        await saved(app, pilot)
    sunday = stored(log, clock, TODAY - timedelta(days=2))
    assert (sunday.sleep_hours, sunday.water_cups) == (6.5, 5)
    assert stored(log, clock) is None


async def test_a_change_not_yet_saved_shows_when_coming_back_to_its_day(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        gate = threading.Event()
        app.store.save(lambda repo: gate.wait(10))  # a slow disk holds the save thread
        try:
            await type_line(pilot, "w3")
            await pilot.press("escape", "left", "right")
            assert "3 cups" in field_rows(app)["water_cups"]
        finally:
            gate.set()
        await saved(app, pilot)
    assert stored(log, clock).water_cups == 3


# -- undo and targets ---------------------------------------------------------------------


async def test_undo_takes_back_changes_one_by_one(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        await type_line(pilot, "w3 p30")
        await type_line(pilot, "p300")
        await pilot.press("escape", "u")
        assert "30 g" in field_rows(app)["protein_g"]
        assert "300 g" not in field_rows(app)["protein_g"]
        await saved(app, pilot)
        assert stored(log, clock).protein_g == 30
        await pilot.press("u")
        assert "nothing logged on this day yet" in text(app, "#day")
        await saved(app, pilot)
    assert stored(log, clock) is None


async def test_targets_can_be_changed(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        await type_line(pilot, "bw 100 w 10")
        await pilot.press("escape", "g")
        assert isinstance(app.screen, TargetsScreen)
        dialog = app.screen
        dialog.query_one("#water", Input).value = "8"
        dialog.query_one("#protein", Input).value = "1.2-1"  # the wrong way round
        dialog.query_one("#sleep", Input).focus()
        await pilot.press("enter")
        assert "protein target's low end 1.2 is above its high end 1" in str(
            dialog.query_one("#targets-error", Static).visual
        )
        dialog.query_one("#protein", Input).value = "0.7 - 0.9"
        dialog.query_one("#carbs", Input).value = "4"
        await pilot.press("enter")
        assert isinstance(app.screen, RecoveryScreen)
        rows = field_rows(app)
        assert "target 8 cups" in rows["water_cups"] and rows["water_cups"].count("█") == 16
        assert "target 154-198 g at 100 kg" in rows["protein_g"]
        assert "target 400-400 g at 100 kg" in rows["carbs_g"]
        await saved(app, pilot)
    with Repository(log, clock=clock) as repo:
        targets = repo.settings().targets
    assert targets["water_cups"] == 8
    assert (targets["protein_g_per_lb_min"], targets["protein_g_per_lb_max"]) == (0.7, 0.9)
    assert (targets["carbs_g_per_kg_min"], targets["carbs_g_per_kg_max"]) == (4, 4)


async def test_targets_dialog_puts_back_the_defaults_and_cancels(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        await pilot.press("escape", "g")
        dialog = app.screen
        dialog.query_one("#water", Input).value = "x"
        await pilot.press("ctrl+r")
        assert dialog.query_one("#water", Input).value == "12"
        assert dialog.query_one("#protein", Input).value == "0.8-1"
        await pilot.press("escape")
        assert isinstance(app.screen, RecoveryScreen)
        await saved(app, pilot)
    with Repository(log, clock=clock) as repo:
        assert repo.settings().targets["water_cups"] == 12


# -- saving -------------------------------------------------------------------------------


async def test_a_failed_save_is_shown_and_retried_and_nothing_is_lost(
    log: Path, clock, disk: FullDisk
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        disk.fill()
        await type_line(pilot, "s 8 p40")
        await pilot.press("plus")
        await saved(app, pilot)
        error = app.screen.query_one("#save-error", Static)
        assert error.display and "NOT SAVED YET" in text(app, "#save-error")
        assert "No space left on device" in text(app, "#save-error")
        assert "1 cup" in field_rows(app)["water_cups"]
        assert stored(log, clock) is None
        disk.free()
        await eventually(pilot, lambda: not error.display)
        await saved(app, pilot)
        assert text(app, "#message") == "Saved everything that was waiting."
    entry = stored(log, clock)
    assert (entry.sleep_hours, entry.protein_g, entry.water_cups) == (8, 40, 1)


async def test_the_screen_reads_the_log_again_when_it_comes_back(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_recovery(pilot)
        await type_line(pilot, "w2")
        await saved(app, pilot)
        await pilot.press("escape", "w")
        with Repository(log, clock=clock) as other:  # `restday` in another terminal
            other.add_intake(TODAY, water_cups=1, protein_g=25)
        await pilot.press("alt+r")  # it follows the other terminal's change once seen
        await eventually(pilot, lambda: "3 cups" in field_rows(app)["water_cups"])
        assert "25 g" in field_rows(app)["protein_g"]
