"""Dumbbells per hand on the workout screen: a dumbbell exercise says its load is per hand,
and a key switches it to the total, kept in the log's settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from storage.log.repository import Repository
from storage.read.history_index import session_summary
from tests.support.screen_helpers import eventually, make_app, saved, screen_lines
from tests.support.typing import chars, press, press_at_pace, start_choice
from tui.screens.help import HelpScreen

SIZE = (80, 24)


def title(app) -> str:
    return str(app.screen.query_one("#exercise-title", Static).visual)


async def test_a_dumbbell_load_is_per_hand_until_switched_to_the_total(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, start_choice(0))
        await press_at_pace(pilot, [*chars("db bench 22.5x10"), "enter"])
        await eventually(pilot, lambda: "Dumbbell Bench Press" in title(app))
        assert title(app) == "Dumbbell Bench Press · kg per hand"
        await saved(app, pilot)
        with Repository(log, clock=clock) as repo:
            workout = repo.workouts()[-1]
            summary = session_summary(repo, workout.id)
            assert summary is not None and summary.volume_kg == pytest.approx(450)
        await press_at_pace(pilot, ["escape", "alt+shift+h"])
        assert title(app) == "Dumbbell Bench Press"
        assert "the load typed is the total" in str(app.screen.query_one("#message").visual)
        await saved(app, pilot)
    with Repository(log, clock=clock) as repo:
        assert repo.settings().load_per_hand == {"dumbbell-bench-press": False}
        summary = session_summary(repo, workout.id)
        assert summary is not None and summary.volume_kg == pytest.approx(225)


async def test_a_longer_hold_is_marked_pr_in_the_set_table(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, start_choice(0))
        for line in ("plank 60s", "75s", "50s"):
            await press_at_pace(pilot, [*chars(line), "enter"], gap=0.05)
        table = app.screen.query_one("#sets", DataTable)
        await eventually(pilot, lambda: table.row_count == 3)
        marks = [str(table.get_cell_at((row, 3))) for row in range(3)]
        assert ["PR" in m for m in marks] == [False, True, False]
        await saved(app, pilot)


async def test_help_lists_every_set_form_and_the_hint_follows_the_exercise_kind(
    log: Path, clock
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, start_choice(0))
        entry = app.screen.query_one("#entry", Input)
        await press_at_pace(pilot, [*chars("plank"), "enter"])
        await eventually(pilot, lambda: entry.placeholder.startswith("60s"))
        await press_at_pace(pilot, [*chars("run"), "enter"])
        await eventually(pilot, lambda: entry.placeholder.startswith("5km 25:00"))
        await press_at_pace(pilot, [*chars("5km 26:10"), "enter"])
        await eventually(pilot, lambda: entry.placeholder.startswith("Enter repeats 5 km"))
        await press_at_pace(pilot, ["escape", "question_mark"])
        assert isinstance(app.screen, HelpScreen)
        await press_at_pace(pilot, ["pagedown", "pagedown"])  # after the keys
        await eventually(pilot, lambda: "What a line can say" in "\n".join(screen_lines(app)))
        forms = "\n".join(screen_lines(app))
        for form in ("100x5@8", "bw-20x8", "60s", "5km 25:00", "w 60x5", "+10s"):
            assert form in forms
        await saved(app, pilot)
