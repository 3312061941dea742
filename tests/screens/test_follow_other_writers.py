"""Every screen follows what another process writes to the log, within a second, without
losing what is being typed; every count the app prints is the log's. The other writer is a
real process with a repository of its own (`tests.support.other_copy`); the lifter types at
a person's pace meanwhile (`press_at_pace`)."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Label, OptionList, Static

from storage.log.repository import Repository
from tests.support.clock import TUESDAY_EVENING
from tests.support.other_copy import other_copy
from tests.support.screen_helpers import eventually, make_app, message, saved
from tests.support.typing import chars, press, press_at_pace, type_line
from tui.app import RestdayApp
from tui.screens.workout.finish import FinishWorkoutScreen
from tui.screens.workout.screen import WorkoutScreen
from tui.widgets.app_header import AppHeader

NOW = TUESDAY_EVENING
SIZE = (80, 24)
FOLLOWS_WITHIN_S = 1.0


def rows(app: RestdayApp) -> list[tuple[str, str]]:
    table = app.screen.query_one("#sets", DataTable)
    return [(str(r[0]), str(r[1])) for r in (table.get_row_at(i) for i in range(table.row_count))]


def entry_text(app: RestdayApp) -> tuple[str, int]:
    line = app.screen.query_one("#entry", Input)
    return line.value, line.cursor_position


async def follows(pilot: Pilot, check, timeout: float = FOLLOWS_WITHIN_S) -> None:
    """`check()` holds within `timeout` seconds from now (the other process has written)."""
    await eventually(pilot, check, timeout=timeout)


async def while_typing(pilot: Pilot, keys: list[str], log: Path, code: str) -> None:
    """Type `keys` at a person's pace while another process runs `code` on the log."""
    await asyncio.gather(press_at_pace(pilot, keys), asyncio.to_thread(other_copy, log, code, NOW))


async def bench_workout(pilot: Pilot) -> WorkoutScreen:
    """An empty workout on screen with bench 100x5@8 logged and saved."""
    await pilot.pause()
    await press(pilot, ["enter"])
    await type_line(pilot, "bench 100x5@8")
    await saved(pilot.app, pilot)
    screen = pilot.app.screen
    assert isinstance(screen, WorkoutScreen)
    return screen


BENCH_SET = "repo.log_set(workout, repo.exercise('bench-press'), 102.5, 5, rpe=8.5)"


# -- the workout screen ------------------------------------------------------------------------


async def test_a_set_another_process_logs_shows_numbered_and_the_typed_text_stays(
    log: Path, clock
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await bench_workout(pilot)
        await while_typing(pilot, [*chars("105x3"), "left"], log, BENCH_SET)
        await follows(pilot, lambda: len(rows(app)) == 2)
        assert rows(app) == [("1", "100 kg x 5 @8"), ("2", "102.5 kg x 5 @8.5")]
        assert entry_text(app) == ("105x3", 4)  # the text and its cursor, as typed
        assert app.focused is screen.query_one("#entry")
        assert screen.current.name == "Bench Press"
        assert screen.query_one(AppHeader).subtitle == "Workout · 2 sets"
        await press(pilot, ["end", "enter"])
        await saved(app, pilot)
        assert rows(app)[-1] == ("3", "105 kg x 3")


async def test_a_set_of_ours_still_saving_stays_beside_another_processs(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await bench_workout(pilot)
        looked, held = threading.Event(), threading.Event()
        # The writer looks at the log once `looked` is set, then waits for `held` before
        # it saves our next set: the log then holds theirs and not yet ours.
        app.store.save(lambda repo: looked.wait(5) and repo.refresh())
        app.store.save(lambda repo: held.wait(5))
        try:
            await press_at_pace(pilot, [*chars("x5"), "enter"])
            other_copy(log, BENCH_SET, NOW)
            looked.set()
            await follows(pilot, lambda: len(rows(app)) == 3)
            table = screen.query_one("#sets", DataTable)
            assert rows(app)[1] == ("2", "100 kg x 5")
            assert "saving" in str(table.get_row_at(1)[3])
            assert rows(app)[2] == ("3", "102.5 kg x 5 @8.5")
            assert "saving" not in str(table.get_row_at(2)[3])
        finally:
            looked.set()
            held.set()
        await saved(app, pilot)
        await follows(pilot, lambda: rows(app)[1] == ("2", "102.5 kg x 5 @8.5"))
        assert rows(app) == [
            ("1", "100 kg x 5 @8"),
            ("2", "102.5 kg x 5 @8.5"),
            ("3", "100 kg x 5"),
        ]
        assert "saving" not in str(screen.query_one("#sets", DataTable).get_row_at(2)[3])


async def test_a_set_another_process_edits_or_deletes_shows_so(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await bench_workout(pilot)
        await type_line(pilot, "x5")
        await saved(app, pilot)
        await while_typing(
            pilot,
            chars("110x"),
            log,
            "repo.update_set(sets[0], replace(sets[0], weight_kg=97.5))\n"
            "repo.delete_set(sets[1].id)",
        )
        await follows(pilot, lambda: rows(app) == [("1", "97.5 kg x 5 @8")])
        assert entry_text(app) == ("110x", 4)


async def test_an_open_edit_stays_while_another_process_logs(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await bench_workout(pilot)
        await press(pilot, ["alt+e", "ctrl+u"])
        await while_typing(pilot, chars("100x6"), log, BENCH_SET)
        await follows(pilot, lambda: len(rows(app)) == 2)
        assert screen.editing is not None and entry_text(app) == ("100x6", 5)
        await press(pilot, ["enter"])
        await saved(app, pilot)
        assert rows(app) == [("1", "100 kg x 6"), ("2", "102.5 kg x 5 @8.5")]


def marked(app: RestdayApp) -> list[str]:
    """The sets (as shown) the table marks ◂: the one e and d act on, or being edited."""
    table = app.screen.query_one("#sets", DataTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count) if table.get_row_at(i)[4]]


async def test_the_set_being_edited_stays_marked_while_another_process_logs(
    log: Path, clock
) -> None:
    """The first of two sets opened for an edit; another process logs a third meanwhile:
    ◂ stays on the set being edited, and the edit changes that set."""
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await bench_workout(pilot)
        await press_at_pace(pilot, ["enter"])  # the set again
        await saved(app, pilot)
        await press_at_pace(pilot, ["escape", "up", "alt+e", "ctrl+u"])  # edit the first
        assert screen.editing is not None and screen.editing.id == screen.session.sets[0].id
        assert marked(app) == ["100 kg x 5 @8"] and len(rows(app)) == 2
        await while_typing(pilot, chars("100x6"), log, BENCH_SET)
        await follows(pilot, lambda: len(rows(app)) == 3)
        assert marked(app) == ["100 kg x 5 @8"]
        await press_at_pace(pilot, ["enter"])
        await saved(app, pilot)
        assert rows(app) == [
            ("1", "100 kg x 6"),
            ("2", "100 kg x 5 @8"),
            ("3", "102.5 kg x 5 @8.5"),
        ]


async def test_a_workout_another_process_starts_shows(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WorkoutScreen) and screen.workout is None
        other_copy(log, f"workout = repo.todays_workout()\n{BENCH_SET}", NOW)
        await follows(pilot, lambda: screen.workout is not None)
        assert rows(app) == [("1", "102.5 kg x 5 @8.5")]
        assert app.focused is screen.query_one("#entry")


async def test_a_workout_note_being_typed_stays_when_another_process_finishes_the_workout(
    log: Path, clock
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await bench_workout(pilot)
        await press(pilot, ["alt+shift+n"])
        dialog = app.screen
        await while_typing(pilot, chars("new shoes"), log, "repo.finish_workout(workout, 8)")
        await follows(pilot, lambda: screen.workout is None)
        assert app.screen is dialog and dialog.query_one(Input).value == "new shoes"
        await press(pilot, ["enter"])
        await saved(app, pilot)
    with Repository(log, clock=clock, read_only=True) as after:
        (workout,) = after.workouts()
    assert (workout.session_rpe, workout.notes) == (8, "new shoes")


async def test_finishing_a_workout_another_process_finished_is_refused_and_said(
    log: Path, clock
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await bench_workout(pilot)
        await press(pilot, ["alt+shift+f"])
        other_copy(log, "repo.finish_workout(workout, 6, 'short one')", NOW)
        await follows(pilot, lambda: screen.workout is None)
        await press_at_pace(pilot, ["8", "enter"])
        await saved(app, pilot)
        assert message(app).startswith("not saved: another copy of restday")
    with Repository(log, clock=clock, read_only=True) as after:
        (workout,) = after.workouts()
    assert (workout.session_rpe, workout.notes) == (6, "short one")


# -- finishing ---------------------------------------------------------------------------------


async def test_finishing_counts_the_sets_the_log_holds(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await bench_workout(pilot)
        await press(pilot, ["alt+shift+f"])
        dialog = app.screen
        assert isinstance(dialog, FinishWorkoutScreen)
        title = dialog.query_one("#title", Label)
        assert str(title.visual) == "Finish today's workout: 1 working set"
        other_copy(log, f"{BENCH_SET}\n{BENCH_SET}", NOW)
        await follows(pilot, lambda: str(title.visual).endswith(": 3 working sets"))
        clock.advance(45 * 60)
        await press_at_pace(pilot, ["8", "enter"])
        await saved(app, pilot)
        await eventually(pilot, lambda: message(app).startswith("Workout finished"))
        assert message(app) == "Workout finished: 3 working sets in 45 min, session RPE 8."


# -- home, recovery, symptoms, history ---------------------------------------------------------

DAY = f"date.fromisoformat({NOW.date().isoformat()!r})"


async def test_home_follows_a_workout_and_recovery_logged_elsewhere(log: Path, clock) -> None:
    app = make_app(log, clock, first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        checklist = app.screen.query_one("#checklist", Static)
        await eventually(pilot, lambda: "no workout yet" in str(checklist.visual))
        other_copy(log, f"workout = repo.todays_workout()\n{BENCH_SET}", NOW)
        await follows(pilot, lambda: "workout in progress" in str(checklist.visual))
        other_copy(log, f"repo.update_recovery({DAY}, lambda e: replace(e, sleep_hours=5.0))", NOW)
        await follows(pilot, lambda: "✓ recovery" in str(checklist.visual))


def field(app: RestdayApp, name: str) -> str:
    return str(app.screen.query_one("#fields", OptionList).get_option(name).prompt)


async def test_recovery_follows_the_day_another_process_changes_while_typing(
    log: Path, clock
) -> None:
    app = make_app(log, clock, first_screen="recovery")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await while_typing(
            pilot,
            chars("w+2 p30"),
            log,
            f"repo.update_recovery({DAY}, lambda e: replace(e, sleep_hours=6.0))",
        )
        await follows(pilot, lambda: "6 h" in field(app, "sleep_hours"))
        assert entry_text(app) == ("w+2 p30", 7)
        await press(pilot, ["enter"])
        await saved(app, pilot)
        assert "2 cups" in field(app, "water_cups") and "6 h" in field(app, "sleep_hours")


async def test_recovery_follows_under_a_field_being_corrected(log: Path, clock) -> None:
    app = make_app(log, clock, first_screen="recovery")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_line(pilot, "s 7")
        await saved(app, pilot)
        recovery = app.screen
        recovery.query_one("#fields", OptionList).highlighted = 0  # sleep
        await press(pilot, ["escape", "e"])
        dialog = app.screen
        assert dialog is not recovery
        await while_typing(
            pilot,
            ["ctrl+u", *chars("7.5")],
            log,
            f"repo.update_recovery({DAY}, lambda e: replace(e, water_cups=3, sleep_hours=8.0))",
        )
        shown = recovery.query_one("#fields", OptionList)
        await follows(pilot, lambda: "3 cups" in str(shown.get_option("water_cups").prompt))
        assert dialog.query_one(Input).value == "7.5"  # the correction being typed stays
        await press(pilot, ["enter"])
        await saved(app, pilot)
        assert "7 h 30" in field(app, "sleep_hours") and "3 cups" in field(app, "water_cups")


async def test_symptoms_follow_an_entry_another_process_logs_and_changes(log: Path, clock) -> None:
    app = make_app(log, clock, first_screen="symptoms")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        clock.advance(60)
        await while_typing(
            pilot,
            chars("weak 4"),
            log,
            "from storage.model.records import SymptomEntry\n"
            "repo.save_symptoms(SymptomEntry(timestamp=now, energy=3, mood=2))",
        )
        await follows(pilot, lambda: len(screen.todays) == 1)
        assert (screen.entry.energy, screen.entry.mood, screen.in_log) == (3, 2, False)
        assert entry_text(app) == ("weak 4", 6)
        await press(pilot, ["enter"])
        await saved(app, pilot)
        assert len(screen.todays) == 2 and screen.in_log
        mine = screen.entry.id
        other_copy(
            log,
            f"e = next(e for e in repo.symptoms() if e.id == {mine!r})\n"
            "repo.update_symptoms(e, replace(e, motivation=1))",
            NOW,
        )
        await follows(pilot, lambda: screen.entry.motivation == 1)
        assert (screen.entry.id, screen.entry.weakness, screen.entry.mood) == (mine, 4, 2)


async def test_history_is_built_again_when_another_process_logs(log: Path, clock) -> None:
    app = make_app(log, clock, first_screen="history")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await eventually(pilot, lambda: screen.index is not None)
        assert screen.index.sessions() == []
        other_copy(log, f"workout = repo.todays_workout()\n{BENCH_SET}", NOW)
        await follows(pilot, lambda: len(screen.index.sessions()) == 1)
