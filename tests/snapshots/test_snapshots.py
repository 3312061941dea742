"""The workout screen at 80x24, as SVG snapshots (pytest-textual-snapshot).

Everything the screen shows is pinned: a fake clock (Tuesday 24 November 2026, 18:00 UTC)
for the repository and the app, the log's timezone (UTC, not the machine's), a 6-week demo
log from a fixed seed ending that day, no keymap file, no NO_COLOR, the terminal size, a
cursor that does not blink and toasts that do not time out. Nothing depends on the
machine's timezone, the date, the terminal the tests run in, or how fast it is.

After a deliberate change to the screen, regenerate the snapshots and look at them:

    .venv/bin/python -m pytest --snapshot-update tests/test_snapshots.py

They are written to tests/__snapshots__/test_snapshots/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tests.support.clock import FakeClock
from tests.support.snapshot_app import SIZE, demo_app, settle
from tests.support.typing import start_choice, type_line
from tui.app import RestdayApp
from tui.widgets.app_header import AppHeader


@pytest.fixture
def app(tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> RestdayApp:
    monkeypatch.delenv("NO_COLOR", raising=False)  # read by App.__init__: no colours at all
    return demo_app(tmp_path, clock)


async def start_lower_a(pilot: Pilot) -> None:
    """Start today's workout from the "Lower A" template: down to it, Enter."""
    await settle(pilot)
    options = pilot.app.screen.query_one("#start-options", OptionList)
    prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    index = next(i for i, prompt in enumerate(prompts) if "Lower A" in prompt)
    await pilot.press(*start_choice(index))
    await settle(pilot)


async def three_squat_sets(pilot: Pilot, clock: FakeClock) -> None:
    """Lower A started, three sets of squats typed (one repeated with Enter, one a step up
    with +2.5x5), 45 s into the last one's rest."""
    await start_lower_a(pilot)
    await type_line(pilot, "140x5@8")
    clock.advance(minutes=3)
    await pilot.press("enter")  # Enter on an empty line repeats the last set
    clock.advance(minutes=3)
    await type_line(pilot, "+2.5x5")
    clock.advance(seconds=45)
    pilot.app.tick()
    await settle(pilot)


def test_no_workout_in_progress(snap_compare, app: RestdayApp) -> None:
    """The start chooser: an empty workout, then the demo's four templates by letter."""
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_mid_workout(snap_compare, app: RestdayApp, clock: FakeClock) -> None:
    """Lower A started, three sets of squats typed (one repeated with Enter, one a
    step up with +2.5x5), the rest timer counting down from the last set."""

    async def run_before(pilot: Pilot) -> None:
        await three_squat_sets(pilot, clock)
        sets = pilot.app.screen.sets
        assert [(s.weight_kg, s.reps, s.rpe) for s in sets] == [
            (140, 5, 8),
            (140, 5, 8),
            (142.5, 5, None),
        ]
        assert pilot.app.screen.query_one(AppHeader).rest == "2:45"

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_input_error(snap_compare, app: RestdayApp) -> None:
    """A typo: the message says what is wrong and the typed text stays to be fixed."""

    async def run_before(pilot: Pilot) -> None:
        await start_lower_a(pilot)
        await type_line(pilot, "140y5")
        await settle(pilot)
        assert pilot.app.screen.query_one("#entry", Input).value == "140y5"
        assert pilot.app.screen.sets == []

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_rest_timer_in_overtime(snap_compare, app: RestdayApp, clock: FakeClock) -> None:
    """A set logged, then 4 minutes pass on a 3:30 rest: the header says +0:30."""

    async def run_before(pilot: Pilot) -> None:
        await start_lower_a(pilot)
        await type_line(pilot, "140x5@8")
        clock.advance(minutes=4)
        pilot.app.tick()
        await settle(pilot)
        header = pilot.app.screen.query_one(AppHeader)
        assert (header.rest, header.rest_state) == ("+0:30", "over")

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
