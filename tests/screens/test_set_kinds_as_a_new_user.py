"""What a lifter new to restday (coming from Strong or Hevy) trips over when logging holds,
distances and barbell loads, at a person's pace: each a set of keys and what they must
show."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label, Static

from tests.support.screen_helpers import make_app, workout_entry, workout_screen, workout_sets
from tests.support.typing import chars, press_at_pace
from tui.screens.dialogs.prompt import PromptScreen


async def test_a_run_gone_five_metres_further_does_not_read_as_the_same_run(
    tmp_path: Path, clock
) -> None:
    app = make_app(tmp_path / "log.json", clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, ["enter", *chars("run 5km 25:00"), "enter"])
        await press_at_pace(pilot, [*chars("+5m"), "enter"])
        assert workout_sets(app) == ["5 km in 25:00", "5.005 km"]


async def test_the_plates_dialog_says_what_enter_does(tmp_path: Path, clock) -> None:
    app = make_app(tmp_path / "log.json", clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, ["enter", *chars("bench 100x5"), "enter", "alt+c"])
        assert isinstance(app.screen, PromptScreen)
        hint = str(app.screen.query_one(".hint", Label).visual)
        assert "save" not in hint  # it saves nothing: it shows the plates
        assert "Enter shows the plates" in hint


async def test_the_plates_for_a_load_say_the_load_as_typed(tmp_path: Path, clock) -> None:
    app = make_app(tmp_path / "log.json", clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, ["enter", *chars("bench 100x5"), "enter"])
        await press_at_pace(pilot, ["alt+c", *chars("101.25"), "enter"])
        message = workout_screen(app).query_one("#message", Static)
        assert str(message.visual) == "101.25 kg: plates make 100 or 102.5"


async def test_on_a_phone_the_warm_up_hint_shows_the_key_that_skips_it(
    tmp_path: Path, clock
) -> None:
    app = make_app(tmp_path / "log.json", clock)
    async with app.run_test(size=(45, 20)) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, ["enter", *chars("bench 142.5x5"), "enter"])
        await press_at_pace(pilot, ["alt+shift+f", "8", "enter"])
        await press_at_pace(pilot, ["enter", *chars("bench"), "enter", "alt+k"])
        entry = workout_entry(app)
        shown = entry.placeholder[: entry.content_size.width - 1]  # then the ellipsis
        assert shown.startswith("Enter logs w 20kg x 10")
        assert "alt+k skips" in shown
        await press_at_pace(pilot, ["enter"] * 3)
        shown = entry.placeholder[: entry.content_size.width - 1]
        assert shown.startswith("Enter logs w 115kg x 2")  # the ramp's last, heaviest
        assert "alt+k skips" in shown
