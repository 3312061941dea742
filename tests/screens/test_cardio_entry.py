"""A conditioning set typed on the workout screen at a person's pace: `row 2000m 7:45` logs
the rowing machine (not the Barbell Row, whose alias is "row"), and a distance for an
exercise a name only partly matches is refused, saying what it was read as and how to
create the exercise (ctrl+n), logging nothing."""

from __future__ import annotations

from pathlib import Path

from storage.log.repository import Repository
from tests.screens.test_small_fixes import _fresh_log
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import make_app, saved
from tests.support.typing import press_at_pace
from tui.screens.dialogs.new_exercise import NewExerciseScreen

SIZE = (80, 24)


def _message(app) -> str:
    return " ".join(str(app.screen.query_one("#message").visual).split())


async def test_a_row_for_distance_is_the_rowing_machine_and_a_guess_is_refused(
    tmp_path: Path,
) -> None:
    log = _fresh_log(tmp_path)
    clock = FakeClock(TUESDAY_EVENING)
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, ["enter"])  # an empty workout
        await press_at_pace(pilot, [*"row 2000m 7:45", "enter"])
        assert "'row' is Rowing Machine; also matches Barbell Row" in _message(app)
        await press_at_pace(pilot, [*"tp 5km", "enter"])
        said = _message(app)
        assert "no exercise named 'tp' is done for a distance" in said
        assert "reads as Triceps Pushdown" in said and "ctrl+n creates it" in said
        assert app.screen.query_one("#entry").value == "tp 5km"  # kept, to change or send
        await press_at_pace(pilot, ["ctrl+n"])
        assert isinstance(app.screen, NewExerciseScreen)
        await press_at_pace(pilot, ["escape"])
        await saved(app, pilot)
    with Repository(log, clock=clock) as repo:
        sets = [(s.exercise, s.distance_m, s.duration_s) for s in repo.sets()]
    assert sets == [("rowing-machine", 2000.0, 465)]
