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

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from storage.demo import generate_demo, write_demo
from storage.exercise_library import BUILTIN_BY_ID
from storage.repository import Repository
from tests.clock import FakeClock
from tui.app import RestdayApp
from tui.widgets.app_header import AppHeader

SIZE = (80, 24)
DEMO_END = date(2026, 11, 24)  # a Tuesday: the demo's "Lower A" day, not trained yet
NOW = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def app(tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> RestdayApp:
    """The app on a 6-week demo log whose last day is today (the fake clock's)."""
    monkeypatch.delenv("NO_COLOR", raising=False)  # read by App.__init__: no colours at all
    repo = Repository(tmp_path / "log.json", clock=clock)
    repo.save_settings(replace(repo.settings(), timezone="UTC"))
    log = generate_demo(DEMO_END, weeks=6, seed=1, tz="UTC", exercises=BUILTIN_BY_ID, now=clock())
    write_demo(repo, log)
    app = RestdayApp(repo, clock=clock, keymap_file=tmp_path / "no-keymap.toml")
    app.NOTIFICATION_TIMEOUT = 600  # a toast must not time out on a slow machine mid-test
    return app


async def settle(pilot: Pilot) -> None:
    """No blinking cursor: the snapshot must not depend on how long the test took."""
    for entry in pilot.app.screen.query(Input):
        entry.cursor_blink = False
    await pilot.pause()


async def type_line(pilot: Pilot, text: str) -> None:
    """Type `text` into the focused field, one key per character, then press Enter."""
    await pilot.press(*text, "enter")


async def start_lower_a(pilot: Pilot) -> None:
    """Start today's workout from the "Lower A" template by its letter (a is empty)."""
    await settle(pilot)
    options = pilot.app.screen.query_one("#start-options", OptionList)
    prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    index = next(i for i, prompt in enumerate(prompts) if "Lower A" in prompt)
    await pilot.press("abcdefghijklmnopqrstuvwxyz"[index])
    await settle(pilot)


def test_no_workout_in_progress(snap_compare, app: RestdayApp) -> None:
    """The start chooser: an empty workout, then the demo's four templates by letter."""
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_mid_workout(snap_compare, app: RestdayApp, clock: FakeClock) -> None:
    """Lower A started, three sets of squats typed (one repeated with Enter, one a
    step up with +2.5x5), the rest timer counting down from the last set."""

    async def run_before(pilot: Pilot) -> None:
        await start_lower_a(pilot)
        await type_line(pilot, "140x5@8")
        clock.advance(minutes=3)
        await pilot.press("enter")  # Enter on an empty line repeats the last set
        clock.advance(minutes=3)
        await type_line(pilot, "+2.5x5")
        clock.advance(seconds=45)
        pilot.app.tick()
        await settle(pilot)
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
