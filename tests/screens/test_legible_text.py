"""Text that does not fit ends with an ellipsis (exercise names, workout names, notes) and
takes the room of a wider terminal; counts say "1 session", never "1 sessions"."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from storage.log.repository import Repository
from storage.model.records import Exercise
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import eventually, make_app
from tests.support.typing import press_at_pace
from tui.format.text import clipped, widened
from tui.format.words import counted, ellipsized
from tui.screens.history.screen import HistoryScreen
from tui.screens.history.session_detail import SessionDetailScreen
from tui.screens.workout.exercise_list import ExerciseList

LONG_NAME = "Single-Arm Landmine Press With A Pause At The Bottom"
LONG_NOTE = "left shoulder pinched on the way down, next time narrower grip and slower"
WORKOUT_NAME = "Upper body, heavy day before the long weekend"


def _log(tmp_path: Path) -> Path:
    log = tmp_path / "log.json"
    with Repository(log, clock=FakeClock(TUESDAY_EVENING)) as repo:
        press = repo.add_exercise(Exercise(name=LONG_NAME, muscles={"front_delts": 1.0}))
        bench = repo.exercise("bench-press")
        earlier = repo.start_workout(WORKOUT_NAME, at=TUESDAY_EVENING - timedelta(days=2))
        repo.log_set(earlier, press, 40, 8, rpe=8, notes=LONG_NOTE)
        repo.finish_workout(earlier, 7)
        today = repo.start_workout("Upper A")
        repo.log_set(today, bench, 100, 5, rpe=8)
        repo.log_set(today, press, 40, 8, rpe=8)
    return log


def test_clipped_ends_with_an_ellipsis_only_when_cut() -> None:
    assert ellipsized("Bench Press", 16) == "Bench Press"
    assert ellipsized("Incline Dumbbell Press", 16) == "Incline Dumbbel…"
    assert clipped("[b]x[/b] Press", 6).plain == "[b]x[…"  # text, never markup
    assert widened(18, 80) == 18 and widened(18, 120) == 58 and widened(20, 120, 0.5) == 40


@pytest.mark.parametrize(
    ("count", "said"), [(0, "0 sessions"), (1, "1 session"), (2, "2 sessions")]
)
def test_counted(count: int, said: str) -> None:
    assert counted(count, "session") == said


def _lines(widget: Static) -> list[str]:
    return str(widget.render()).splitlines()


@pytest.mark.parametrize("width", [80, 120])
async def test_the_exercise_list_ends_a_long_name_with_an_ellipsis(
    tmp_path: Path, width: int
) -> None:
    app = make_app(_log(tmp_path), FakeClock(TUESDAY_EVENING))
    async with app.run_test(size=(width, 24)) as pilot:
        listed = app.screen.query_one(ExerciseList)
        await eventually(pilot, lambda: len(_lines(listed)) == 2)
        line = _lines(listed)[1]
        assert "…" in line and line.rstrip().endswith("1")  # the count is still there
        shown = line.split("…")[0].split(" ", 1)[1].strip()
        assert LONG_NAME.startswith(shown)
        assert len(shown) >= (15 if width == 80 else 28)  # wider on a wider terminal


def _row_text(table: DataTable, row: int) -> list[str]:
    return [getattr(cell, "plain", str(cell)) for cell in table.get_row_at(row)]


@pytest.mark.parametrize("width", [80, 120])
async def test_history_tables_end_long_names_and_notes_with_an_ellipsis(
    tmp_path: Path, width: int
) -> None:
    app = make_app(_log(tmp_path), FakeClock(TUESDAY_EVENING), first_screen="home")
    async with app.run_test(size=(width, 24)) as pilot:
        await press_at_pace(pilot, ["y", "tab"])
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one("#session-table", DataTable)
        await eventually(pilot, lambda: table.row_count == 2)
        name = _row_text(table, 1)[1]
        if width == 80:
            assert name.endswith("…") and WORKOUT_NAME.startswith(name[:-1])
        else:  # the room of the wider terminal is the name's
            assert name == WORKOUT_NAME
        filter_line = str(screen.query_one("#sessions-filter", Static).render())
        assert filter_line.startswith("2 sessions")
        await press_at_pace(pilot, ["down", "enter"])
        await eventually(pilot, lambda: isinstance(app.screen, SessionDetailScreen))
        detail = app.screen.query_one(DataTable)
        exercise, *_rest, note = _row_text(detail, 0)
        assert exercise.endswith("…") and LONG_NAME.startswith(exercise[:-1])
        assert note.endswith("…") and LONG_NOTE.startswith(note[:-1])
        assert (len(note) > 20) == (width > 80)
        title = str(app.screen.query_one("#session-title", Static).render())
        assert "1 working set " in title + " "


def test_ellipsized_counts_wide_characters_as_two_cells() -> None:
    assert ellipsized("日本語のエクササイズ", 7) == "日本語…"
    assert ellipsized("abc", 0) == "…"
