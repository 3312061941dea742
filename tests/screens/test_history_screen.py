"""The history screen (`y`) with Pilot: views, keys, the calendar, sessions and their
detail, the day's detail, filters, and the log changing underneath."""

from __future__ import annotations

import gc
import threading
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

import tui.screens.history.screen
from storage.log.repository import Repository
from tests.support.clock import FakeClock
from tests.support.history_app import NOW, history_app, open_history
from tests.support.screen_helpers import eventually, make_app, saved
from tests.support.snapshot_app import SIZE
from tests.support.typing import press_at_pace, type_line
from tui.app import RestdayApp
from tui.screens.dialogs.exercise_picker import ExercisePickerScreen
from tui.screens.history.day_detail import DayDetailScreen
from tui.screens.history.session_detail import SessionDetailScreen
from tui.widgets.history.year_calendar import YearCalendar

TODAY = NOW.date()


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_y_opens_the_calendar_on_today(tmp_path: Path, twelve_week_demo: Path) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        assert screen.view == "calendar"
        calendar = screen.query_one(YearCalendar)
        assert calendar.cursor == TODAY and calendar.has_focus
        assert calendar.first_day == screen.index.first_day
        assert "Tuesday 24 November 2026" in text_of(screen, "#day")


async def test_calendar_moves_by_day_week_month_and_year(
    tmp_path: Path, twelve_week_demo: Path
) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        calendar = screen.query_one(YearCalendar)
        await pilot.press("up")
        assert calendar.cursor == TODAY - timedelta(days=1)
        await pilot.press("left")
        assert calendar.cursor == TODAY - timedelta(days=8)
        await pilot.press("right", "down")
        assert calendar.cursor == TODAY
        await pilot.press("down", "right", "pagedown")  # nothing after today
        assert calendar.cursor == TODAY
        await pilot.press("pageup")
        assert calendar.cursor == date(2026, 10, 24)
        assert "Saturday 24 October 2026" in text_of(screen, "#day")
        await pilot.press("left_square_bracket")  # before the log's first day: its first day
        assert calendar.cursor == screen.index.first_day


async def test_a_training_day_and_a_rest_day_described(
    tmp_path: Path, twelve_week_demo: Path
) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        calendar = screen.query_one(YearCalendar)
        trained = max(d for d in screen.index.days if d < TODAY)
        rested = next(
            TODAY - timedelta(days=k)
            for k in range(1, 30)
            if TODAY - timedelta(days=k) not in screen.index.days
        )
        calendar.cursor = trained
        await pilot.pause()
        assert "sets" in text_of(screen, "#day") and "readiness" in text_of(screen, "#day")
        calendar.cursor = rested
        await pilot.pause()
        assert "rest day" in text_of(screen, "#day")


async def test_v_shades_by_readiness_then_volume(tmp_path: Path, twelve_week_demo: Path) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        calendar = screen.query_one(YearCalendar)
        assert "volume" in text_of(screen, "#legend")
        await pilot.press("v")
        assert screen.shade_by == "readiness"
        assert "reduce" in text_of(screen, "#legend")
        styles = {str(style) for _text, style in calendar.cells.values()}
        assert {"green", "yellow", "red"} <= styles  # the fatigue episode shows
        await pilot.press("v")
        assert screen.shade_by == "volume"


async def test_tab_cycles_the_four_views_and_escape_goes_home(
    tmp_path: Path, twelve_week_demo: Path
) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(screen.view)
        assert seen == ["sessions", "progress", "trends", "calendar"]
        await pilot.press("shift+tab")
        assert screen.view == "trends"
        await pilot.press("escape")
        assert app.current_mode == "home"


async def test_sessions_newest_first_open_the_session_and_its_day(
    tmp_path: Path, twelve_week_demo: Path
) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        await pilot.press("tab")
        table = screen.query_one("#session-table", DataTable)
        assert table.has_focus and table.row_count == len(screen.index.sessions())
        newest = screen.index.sessions()[0]
        row = table.get_row_at(0)
        assert row[0] == f"{newest.day:%a %-d %b}"  # this year's: no year
        assert row[6].plain.isdigit()  # the readiness that morning
        await pilot.press("down", "enter")
        detail = app.screen
        assert isinstance(detail, SessionDetailScreen)
        assert detail.session == screen.index.sessions()[1]
        sets = detail.query_one(DataTable)
        assert sets.row_count == len(screen.index.session_sets(detail.session.workout_id))
        await pilot.press("d")
        assert isinstance(app.screen, DayDetailScreen)
        assert app.screen.day == detail.session.day
        await pilot.press("escape", "escape")
        assert app.screen is screen


async def test_sessions_filtered_by_exercise(tmp_path: Path, twelve_week_demo: Path) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        await pilot.press("tab", "f")
        await type_line(pilot, "deadlift")
        await pilot.pause()
        table = screen.query_one("#session-table", DataTable)
        assert screen.exercise_filter == "deadlift"
        assert table.row_count == len(screen.index.sessions("deadlift")) > 0
        assert table.row_count < len(screen.index.sessions())
        assert "Deadlift" in text_of(screen, "#sessions-filter")
        await pilot.press("f", "enter")  # the first choice: every exercise
        await pilot.pause()
        assert screen.exercise_filter is None
        assert table.row_count == len(screen.index.sessions())


async def test_enter_on_a_day_opens_its_detail(tmp_path: Path, twelve_week_demo: Path) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        trained = max(d for d in screen.index.days if d < TODAY)
        screen.query_one(YearCalendar).cursor = trained
        await pilot.press("enter")
        detail = app.screen
        assert isinstance(detail, DayDetailScreen) and detail.day == trained

        def text() -> str:
            return str(detail.query_one("#day-detail", Static).render())

        await eventually(pilot, lambda: "readiness" in text())
        assert "That morning  readiness" in text()
        assert "Training" in text() and "Recovery" in text() and "Symptoms" in text()
        await pilot.press("escape")
        assert app.screen is screen


async def test_a_day_shows_before_its_morning_is_worked_out(
    tmp_path: Path, twelve_week_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The day's sets and recovery are on screen while its morning's score is worked out
    on a thread (on a ten-year log that takes as long as drawing the box); Escape before
    it is done goes back, and the score then coming is dropped."""
    import storage.read.readiness

    worked_out = threading.Event()
    read_assessment = storage.read.readiness.read_assessment

    def slow_read_assessment(*args, **kwargs):
        worked_out.wait(5)
        return read_assessment(*args, **kwargs)

    monkeypatch.setattr(storage.read.readiness, "read_assessment", slow_read_assessment)
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        trained = max(d for d in screen.index.days if d < TODAY)
        screen.query_one(YearCalendar).cursor = trained
        await press_at_pace(pilot, ["enter"])
        detail = app.screen
        assert isinstance(detail, DayDetailScreen)
        text = str(detail.query_one("#day-detail", Static).render())
        assert "That morning  …" in text and "Training" in text and "kg x" in text
        await press_at_pace(pilot, ["escape"])
        assert app.screen is screen
        worked_out.set()
        await pilot.pause(0.2)
        assert app.screen is screen
        await press_at_pace(pilot, ["enter"])
        detail = app.screen
        await eventually(
            pilot, lambda: "readiness" in str(detail.query_one("#day-detail", Static).render())
        )


async def test_logged_elsewhere_then_back_in_history(
    tmp_path: Path, twelve_week_demo: Path
) -> None:
    """Back on history after logging a set, the index is built again; unchanged, it isn't."""
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        first = screen.index
        await pilot.press("h")
        await pilot.press("y")
        await saved(app, pilot)
        assert screen.index is first
        await pilot.press("h")

        def log(repo: Repository) -> None:
            repo.log_set(repo.todays_workout(), repo.exercise("back-squat"), 100, 5, rpe=8)

        app.store.save(log).result()
        await pilot.press("y")
        await eventually(pilot, lambda: screen.index is not first)
        assert screen.index.days[TODAY].working_sets >= 1


async def test_scoring_pauses_while_history_is_not_on_show(
    tmp_path: Path, twelve_week_demo: Path
) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot, scored=False)
        await pilot.press("h")
        assert screen.scorer.paused
        await pilot.press("y")
        assert not screen.scorer.paused
        await eventually(pilot, lambda: screen.scorer.done, timeout=20)
        assert screen.mornings[TODAY].readiness is not None


async def test_scoring_waits_while_keys_are_answered(
    tmp_path: Path, twelve_week_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A view's first drawing does not take turns with a stretch of mornings being scored:
    the next stretch starts once the keys have stopped for a moment."""
    monkeypatch.setattr(tui.screens.history.screen, "KEYS_QUIET_S", 3.0)  # a loaded machine
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot, scored=False)
        await pilot.press("tab")
        assert screen.scorer.held
        await eventually(pilot, lambda: not screen.scorer.held, timeout=10)
        await eventually(pilot, lambda: screen.scorer.done, timeout=20)
        assert screen.mornings[TODAY].readiness is not None


async def test_back_from_a_detail_the_scoring_waits_for_the_screen_to_be_drawn(
    tmp_path: Path, twelve_week_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Escape from a day's detail: History is drawn again before the next stretch of
    mornings is scored (it took turns with the drawing: Escape 20 ms slower on a ten-year
    log)."""
    monkeypatch.setattr(tui.screens.history.screen, "KEYS_QUIET_S", 3.0)  # a loaded machine
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot, scored=False)
        await pilot.press("enter")
        assert isinstance(app.screen, DayDetailScreen)
        screen.scorer.release()  # the keys stopped while the day was on show
        await pilot.press("escape")
        assert app.screen is screen
        assert screen.scorer.held and not screen.scorer.paused
        await eventually(pilot, lambda: screen.scorer.done, timeout=20)


async def test_the_log_read_is_out_of_the_cyclic_collectors_sight(
    tmp_path: Path, twelve_week_log: Path
) -> None:
    """The log's documents live as long as the app: the collector's full passes, which
    otherwise walk all of them (tens of ms on a ten-year log, in whichever key they fall,
    `y` for one), leave them out."""
    gc.unfreeze()
    app = RestdayApp(twelve_week_log, clock=FakeClock(NOW), keymap_file=tmp_path / "none")
    async with app.run_test(size=SIZE) as pilot:
        await eventually(pilot, lambda: app.store.ready)
        sets = app.store.snapshot.stored()["sets"]
        tracked = {id(o) for o in gc.get_objects()}
        assert id(sets) not in tracked
        assert not any(id(doc) in tracked for doc in sets.values())


async def test_an_empty_log(tmp_path: Path) -> None:
    app = history_app(tmp_path, None)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        assert screen.index.first_day is None
        assert "rest day" in text_of(screen, "#day")
        await pilot.press("tab")
        assert screen.query_one("#session-table", DataTable).row_count == 0
        assert "0 sessions" in text_of(screen, "#sessions-filter")
        await pilot.press("tab", "tab", "tab")
        assert screen.view == "calendar"


async def test_names_and_notes_with_markup_are_shown_as_typed(tmp_path: Path) -> None:
    """A lifter's text is text: brackets in a workout's name or a set's note are shown as
    typed in the sessions and in a session's detail, and break nothing."""
    with Repository(tmp_path / "log.json", clock=lambda: NOW) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
        workout = repo.start_workout("[/]Push [b]A", at=NOW - timedelta(hours=2))
        repo.log_set(workout, repo.exercise("bench-press"), 100, 5, notes="[/] [red]x")
        repo.finish_workout(workout, 8)
    app = make_app(tmp_path / "log.json", FakeClock(NOW), first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        await pilot.press("tab")
        table = screen.query_one("#session-table", DataTable)
        assert str(table.get_row_at(0)[1]) == "[/]Push [b]A"
        await pilot.press("enter")
        detail = app.screen
        assert isinstance(detail, SessionDetailScreen)
        assert str(detail.query_one(DataTable).get_row_at(0)[5]) == "[/] [red]x"


async def test_p_pressed_while_the_log_is_read_opens_the_picker_once_it_is(
    tmp_path: Path, twelve_week_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`y`, Tab, Tab, `p` typed soon after start-up, while History's index is still being
    built (home shows the recent copy's score before the whole log is read): the picker
    opens once the index is there, the `p` is not dropped."""
    from storage.read.history_index import HistoryIndex

    building = threading.Event()
    build = HistoryIndex.build

    def slow_build(log):
        building.wait(10)  # a long log
        return build(log)

    monkeypatch.setattr(HistoryIndex, "build", slow_build)
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        await saved(app, pilot)
        await press_at_pace(pilot, ["y", "tab", "tab", "p"])
        assert not isinstance(app.screen, ExercisePickerScreen)
        building.set()
        await eventually(pilot, lambda: isinstance(app.screen, ExercisePickerScreen))


async def test_a_day_open_shows_a_set_another_copy_logs_on_it(
    tmp_path: Path, twelve_week_demo: Path
) -> None:
    """Two copies on one log: a set logged by the other while the day's detail is open
    shows there, as in a session's detail (the day was drawn once, when it opened)."""
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await press_at_pace(pilot, ["enter"])
        detail = app.screen
        assert isinstance(detail, DayDetailScreen) and detail.day == TODAY

        def text() -> str:
            return str(detail.query_one("#day-detail", Static).render())

        await eventually(pilot, lambda: "readiness" in text())
        assert "140 kg x 3" not in text()
        with Repository(tmp_path / "log.json", clock=FakeClock(NOW)) as other:
            workout = other.todays_workout() or other.start_workout("Other copy", at=NOW)
            other.log_set(workout, other.exercise("back-squat"), 140, 3, rpe=8)
        await eventually(pilot, lambda: "140 kg x 3" in text(), timeout=5)
        assert app.screen is detail
