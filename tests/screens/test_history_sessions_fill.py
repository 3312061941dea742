"""The sessions list of a long log is filled a batch of rows at a time (a table measures each
row it is given: a ten-year log's 2000 sessions held the keys for a quarter of a second
whenever History's index was built): every session comes, newest first, once, and keys
pressed meanwhile are answered (issue 17: history keys at the terminal)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

import tui.widgets.history.sessions_view as sessions_view
from tests.support.history_app import history_app, open_history
from tests.support.screen_helpers import eventually
from tests.support.snapshot_app import SIZE
from tests.support.typing import press_at_pace, type_line
from tui.screens.history.screen import HistoryScreen


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """The twelve-week log's sessions in several batches, as a long log's are."""
    monkeypatch.setattr(sessions_view, "FIRST_ROWS", 5)
    monkeypatch.setattr(sessions_view, "BATCH_ROWS", 7)
    monkeypatch.setattr(sessions_view, "BATCH_GAP_S", 0.05)


def row_keys(table: DataTable) -> list[str]:
    return [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]


async def sessions_being_filled(pilot: Pilot) -> tuple[HistoryScreen, DataTable]:
    """History's sessions list drawn anew (as when the log has changed): its first rows
    shown, the rest to come a batch at a time."""
    screen = await open_history(pilot, scored=False)
    await press_at_pace(pilot, ["tab"])
    table = screen.query_one("#session-table", DataTable)
    screen._draw_sessions()
    assert table.row_count == 5
    return screen, table


async def every_session_comes(pilot: Pilot, screen: HistoryScreen, table: DataTable) -> None:
    """Every session comes, newest first, once."""
    sessions = [s.workout_id for s in screen.index.sessions()]
    await eventually(pilot, lambda: table.row_count == len(sessions))
    assert row_keys(table) == sessions


async def test_every_session_comes_newest_first_once(
    tmp_path: Path, twelve_week_demo: Path
) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot, scored=False)
        await press_at_pace(pilot, ["tab", "down", "down"])
        table = screen.query_one("#session-table", DataTable)
        assert table.cursor_row == 2
        assert len(screen.index.sessions()) > 5 + 7 * 2
        await every_session_comes(pilot, screen, table)


async def test_a_filter_while_the_list_is_filled_starts_it_again(
    tmp_path: Path, twelve_week_demo: Path
) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen, table = await sessions_being_filled(pilot)
        await press_at_pace(pilot, ["f"])
        await type_line(pilot, "deadlift")
        deadlifts = [s.workout_id for s in screen.index.sessions("deadlift")]
        await pilot.pause(1)
        assert row_keys(table) == deadlifts


async def test_ctrl_end_while_the_list_is_filled_goes_to_the_oldest_session(
    tmp_path: Path, twelve_week_demo: Path
) -> None:
    """Ctrl+End asks for the bottom of the list: the oldest session, not the last row of the
    batches added so far (at the terminal, on a ten-year log, it landed on a session of
    2021 with six years still to come)."""
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen, table = await sessions_being_filled(pilot)
        await press_at_pace(pilot, ["ctrl+end"])
        sessions = [s.workout_id for s in screen.index.sessions()]
        assert table.row_count == len(sessions)
        assert table.cursor_row == len(sessions) - 1
        await pilot.pause(0.3)
        assert row_keys(table) == sessions  # each once
        assert table.cursor_row == len(sessions) - 1


async def test_a_batch_timed_before_ctrl_end_adds_nothing_after_it(
    tmp_path: Path, twelve_week_demo: Path
) -> None:
    """A batch's timer stopped by Ctrl+End once its call was queued still made the call: it
    added rows Ctrl+End had added, and the table refused the same key twice (the app
    crashed; found by CI)."""
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen, table = await sessions_being_filled(pilot)
        view = screen.query_one(sessions_view.SessionsView)
        view.add_the_rest()  # Ctrl+End
        index_sessions = screen.index.sessions()
        view._add_batch(index_sessions, 5)  # the queued call
        view._add_batch(view._sessions, 5)
        await pilot.pause(0.2)
        assert row_keys(table) == [s.workout_id for s in index_sessions]


async def test_each_row_shows_its_mornings_readiness_once_scored(
    tmp_path: Path, twelve_week_demo: Path
) -> None:
    """Scores that arrive while the list is filled reach the rows of their day, those added
    before and after (the rows of a day are found in the index's sessions, newest first)."""
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot, scored=False)
        await press_at_pace(pilot, ["tab"])
        table = screen.query_one("#session-table", DataTable)
        sessions = screen.index.sessions()
        await eventually(pilot, lambda: table.row_count == len(sessions))
        await eventually(pilot, lambda: screen.scorer.done, timeout=20)
        for row, session in enumerate(sessions):
            score = screen.mornings[session.day]
            shown = "—" if score.readiness is None else f"{score.readiness:.0f}"
            assert table.get_row_at(row)[6].plain == shown, session.day


@pytest.mark.parametrize(
    ("away", "back"), [("enter", "escape"), ("h", "y")], ids=["a session", "home"]
)
async def test_no_row_is_added_under_another_screen_and_the_rest_come_once_back(
    tmp_path: Path, twelve_week_demo: Path, away: str, back: str
) -> None:
    """A batch added under a session's detail drew the list again beneath it: Enter and
    Escape waited for it (issue 17: a twenty-year log's first Enter, 160 ms)."""
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen, table = await sessions_being_filled(pilot)
        await press_at_pace(pilot, [away])
        assert app.screen is not screen
        await pilot.pause(0.5)
        assert table.row_count == 5
        await press_at_pace(pilot, [back])
        await every_session_comes(pilot, screen, table)
