"""The app (copy A, in Pilot) and another copy of restday (a real process) on one log file:
A's note, edit and undo are made to the record as stored, keeping the other copy's
changes; one that collides with them is refused in A's message line, and A's screen then
shows the log as stored."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

from textual.widgets import DataTable, OptionList

from storage.log.repository import Repository
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.other_copy import other_copy
from tests.support.screen_helpers import FullDisk, eventually, make_app, message, saved
from tests.support.typing import chars, press, type_line
from tui.app import RestdayApp
from tui.screens.recovery.screen import RecoveryScreen
from tui.screens.symptoms.screen import SymptomScreen
from tui.screens.workout.screen import WorkoutScreen

NOW = TUESDAY_EVENING
SIZE = (80, 24)


def stored(log: Path, clock: FakeClock) -> Repository:
    return Repository(log, clock=clock, read_only=True)


@contextlib.contextmanager
def writer_held(app: RestdayApp) -> Iterator[None]:
    """A's writer takes in the other copy's change only after what A does in the block:
    the race these tests are about (else A's screen shows the change within a second)."""
    held = threading.Event()
    app.store.save(lambda repo: held.wait(5))
    try:
        yield
    finally:
        held.set()


async def bench_set_logged(pilot) -> WorkoutScreen:
    """Start an empty workout on A, log bench 100x5@8, wait for it to be saved, and leave
    the entry line for the table."""
    await pilot.pause()
    await press(pilot, ["enter"])
    await type_line(pilot, "bench 100x5@8")
    await saved(pilot.app, pilot)
    await press(pilot, ["escape"])
    screen = pilot.app.screen
    assert isinstance(screen, WorkoutScreen)
    return screen


async def test_a_workout_note_keeps_the_finish_another_copy_made(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await bench_set_logged(pilot)
        with writer_held(app):
            other_copy(log, "repo.finish_workout(workout, 8)", NOW)
            await press(pilot, ["alt+shift+n"])
            await type_line(pilot, "new shoes")
        await saved(app, pilot)
        assert screen.workout is None  # finished, as stored
        assert screen.query_one("#start").display
    with stored(log, clock) as after:
        (workout,) = after.workouts()
    assert (workout.end, workout.session_rpe, workout.notes) == (NOW, 8, "new shoes")


async def test_a_set_note_keeps_the_edit_another_copy_made(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await bench_set_logged(pilot)
        other_copy(log, "repo.update_set(sets[0], replace(sets[0], weight_kg=110.0, rpe=9.0))", NOW)
        await press(pilot, ["alt+n", *chars("paused"), "enter"])
        await saved(app, pilot)
        (shown,) = screen.sets
        assert (shown.weight_kg, shown.rpe, shown.notes) == (110, 9, "paused")
        assert str(screen.query_one("#sets", DataTable).get_row_at(0)[1]) == "110 kg x 5 @9"
    with stored(log, clock) as after:
        (entry,) = after.sets()
    assert (entry.weight_kg, entry.reps, entry.rpe, entry.notes) == (110, 5, 9, "paused")


async def test_a_note_on_a_set_another_copy_deleted_is_refused_and_the_set_goes(
    log: Path, clock
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await bench_set_logged(pilot)
        with writer_held(app):
            other_copy(log, "repo.delete_set(sets[0].id)", NOW)
            await press(pilot, ["alt+n", *chars("paused"), "enter"])
        await saved(app, pilot)
        assert message(app) == (
            "not saved: another copy of restday deleted this set since this screen read it"
        )
        assert screen.query_one("#sets", DataTable).row_count == 0
        assert screen.sets == []
    with stored(log, clock) as after:
        assert after.sets() == []


async def test_an_edit_colliding_with_another_copys_is_refused_and_its_set_shown(
    log: Path, clock
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await bench_set_logged(pilot)
        with writer_held(app):
            other_copy(log, "repo.update_set(sets[0], replace(sets[0], weight_kg=110.0))", NOW)
            await press(pilot, ["alt+e", "ctrl+u", *chars("105x5@8"), "enter"])
        await saved(app, pilot)
        assert "not saved: another copy of restday changed this set (weight)" in message(app)
        assert [s.weight_kg for s in screen.sets] == [110]
    with stored(log, clock) as after:
        assert [s.weight_kg for s in after.sets()] == [110]


async def test_recovery_undo_keeps_what_another_copy_logged_on_the_day(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.press("alt+r")
        await pilot.pause()
        assert isinstance(app.screen, RecoveryScreen)
        await type_line(pilot, "s 7.5")
        await saved(app, pilot)
        day = NOW.date().isoformat()
        other_copy(log, f"repo.add_intake(date.fromisoformat({day!r}), water_cups=3)", NOW)
        await press(pilot, ["escape", "u"])
        await saved(app, pilot)
    with stored(log, clock) as after:
        entry = after.recovery(NOW.date())
    assert entry is not None and (entry.water_cups, entry.sleep_hours) == (3, None)


async def test_recovery_undo_of_a_field_another_copy_changed_is_refused_and_shows_it(
    log: Path, clock
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.press("alt+r")
        await pilot.pause()
        await type_line(pilot, "s 7.5")
        await saved(app, pilot)
        day = NOW.date().isoformat()
        other_copy(
            log,
            f"repo.update_recovery(date.fromisoformat({day!r}), "
            "lambda e: replace(e, sleep_hours=6.0))",
            NOW,
        )
        await press(pilot, ["escape", "u"])
        await saved(app, pilot)
        assert message(app).startswith(
            "not saved: another copy of restday changed this day's recovery entry (sleep hours)"
        )
        fields = app.screen.query_one("#fields", OptionList)
        assert "Sleep         6 h " in str(fields.get_option("sleep_hours").prompt)
    with stored(log, clock) as after:
        assert after.recovery(NOW.date()).sleep_hours == 6


async def test_a_symptom_entry_keeps_what_another_copy_changed_in_it(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("alt+s")
        await pilot.pause()
        assert isinstance(app.screen, SymptomScreen)
        await type_line(pilot, "weak 4")
        await saved(app, pilot)
        other_copy(log, "e = repo.symptoms()[0]\nrepo.update_symptoms(e, replace(e, mood=2))", NOW)
        await type_line(pilot, "energy 1")
        await saved(app, pilot)
    with stored(log, clock) as after:
        (entry,) = after.symptoms()
    assert (entry.weakness, entry.energy, entry.mood) == (4, 1, 2)


async def test_a_note_kept_on_a_full_disk_that_collides_when_saved_is_said_not_saved(
    log: Path, clock, disk: FullDisk
) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await bench_set_logged(pilot)
        disk.fill()
        await press(pilot, ["alt+n", *chars("paused"), "enter"])
        await saved(app, pilot)
        assert screen.query_one("#save-error").display
        other_copy(log, "repo.update_set(sets[0], replace(sets[0], notes='belt'))", NOW)
        disk.free()
        await eventually(pilot, lambda: not screen.query_one("#save-error").display)
        await eventually(
            pilot,
            lambda: any("changed this set (notes)" in str(n.message) for n in app._notifications),
        )
    with stored(log, clock) as after:
        assert [s.notes for s in after.sets()] == ["belt"]
