"""A phone in portrait: at 45x20 the workout, the rest timer, recovery and symptoms keep
working in their compact layout (the app's `-compact` class), typed at a person's pace;
between 80x24 and 45x20 what is being typed stays. Snapshots:
tests/snapshots/test_compact_snapshots.py; in a real terminal:
tests/terminal/test_compact_terminal.py."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from textual.widgets import Input, Static

from storage.log.repository import Repository
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import eventually, make_app, saved, screen_lines
from tests.support.typing import chars, press_at_pace
from tui.screens.home.screen import HomeScreen
from tui.screens.recovery.screen import RecoveryScreen
from tui.screens.rest_timer import RestTimerScreen
from tui.screens.symptoms.screen import SymptomScreen
from tui.screens.too_small import TooSmallScreen
from tui.screens.workout.screen import WorkoutScreen
from tui.widgets.app_header import AppHeader
from tui.widgets.big_digits import BigDigits

PHONE = (45, 20)
FULL = (80, 24)


def _logged(log: Path, clock: FakeClock) -> list[tuple[str, float, int, float | None]]:
    snapshot = Repository(log, clock=clock).snapshot()
    workout = snapshot.workouts()[-1]
    return [(s.exercise, s.weight_kg, s.reps, s.rpe) for s in snapshot.sets(workout=workout.id)]


def _rows_of(app, selector: str) -> list[str]:
    """The rows of the widget `selector` as the terminal shows them, trailing spaces cut."""
    region = app.screen.query_one(selector).region
    return [
        row[region.x : region.right].rstrip() for row in screen_lines(app)[region.y : region.bottom]
    ]


def _visible(widget) -> bool:
    return widget.display and widget.region.width > 0 and widget.region.height > 0


async def test_sets_logged_at_a_persons_pace_on_a_phone_then_the_rest_timer(
    tmp_path: Path,
) -> None:
    log, clock = tmp_path / "log.json", FakeClock(TUESDAY_EVENING)
    app = make_app(log, clock)
    async with app.run_test(size=PHONE) as pilot:
        await saved(app, pilot)
        assert app.has_class("-compact") and isinstance(app.screen, WorkoutScreen)
        await press_at_pace(pilot, ["enter"])  # an empty workout
        await press_at_pace(pilot, [*chars("bench 100x5@8"), "enter"])
        await press_at_pace(pilot, [*chars("+2.5x5"), "enter"])
        await saved(app, pilot)
        screen = app.screen
        assert isinstance(screen, WorkoutScreen)
        assert [(s.weight_kg, s.reps, s.rpe) for s in screen.sets] == [
            (100, 5, 8),
            (102.5, 5, None),
        ]
        # one column: the current exercise and its sets, the entry line, the rest in the
        # header's one line; the exercise list is left to the full layout
        assert not screen.query_one("#exercise-list").display
        table = screen.query_one("#sets")
        assert _visible(table) and table.region.right <= PHONE[0]
        assert _visible(screen.query_one("#entry"))
        header = screen.query_one(AppHeader)
        assert header.region.height == 1
        assert str(header.render()).rstrip().endswith("rest  3:00")
        assert len(str(header.render())) == PHONE[0]
        # the big-digit timer
        await press_at_pace(pilot, ["alt+t"])
        await eventually(pilot, lambda: isinstance(app.screen, RestTimerScreen))
        clock.advance(15)
        app.tick()
        await pilot.pause()
        digits = app.screen.query_one(BigDigits)
        assert digits.value == "2:45"
        lines = digits.render().plain.splitlines()
        block = [line for line in lines if line.strip()]
        assert len(block) == 10  # 3x2 cells a pixel: as big as fits 45 columns
        assert max(len(line) for line in block) <= digits.content_size.width
        await press_at_pace(pilot, ["t"])
        await eventually(pilot, lambda: isinstance(app.screen, WorkoutScreen))
    assert [(w, r, rpe) for _e, w, r, rpe in _logged(log, clock)] == [
        (100, 5, 8),
        (102.5, 5, None),
    ]


async def test_recovery_and_symptoms_entry_lines_on_a_phone(tmp_path: Path) -> None:
    log, clock = tmp_path / "log.json", FakeClock(TUESDAY_EVENING)
    app = make_app(log, clock, first_screen="recovery")
    async with app.run_test(size=PHONE) as pilot:
        await saved(app, pilot)
        screen = app.screen
        assert isinstance(screen, RecoveryScreen)
        await press_at_pace(pilot, [*chars("s 7.5 q4 w+2 p30 bw 81.2"), "enter"])
        await saved(app, pilot)
        assert (screen.entry.sleep_hours, screen.entry.water_cups, screen.entry.bodyweight_kg) == (
            7.5,
            2,
            81.2,
        )
        assert not screen.query_one("#keys-help").display
        fields = screen.query_one("#fields")
        assert fields.region.right <= PHONE[0] and _visible(screen.query_one("#entry"))
        await press_at_pace(pilot, ["alt+s"])
        await eventually(pilot, lambda: isinstance(app.screen, SymptomScreen))
        screen = app.screen
        await press_at_pace(pilot, [*chars("weak 3 energy 2 quads 4"), "enter"])
        await saved(app, pilot)
        assert (screen.entry.weakness, screen.entry.energy) == (3, 2)
        assert not screen.query_one("#body-map").display
        assert _visible(screen.query_one("#entries")) and _visible(screen.query_one("#entry"))


async def test_resizing_between_full_and_phone_keeps_what_is_being_typed(
    tmp_path: Path,
) -> None:
    log, clock = tmp_path / "log.json", FakeClock(TUESDAY_EVENING)
    app = make_app(log, clock)
    async with app.run_test(size=FULL) as pilot:
        await saved(app, pilot)
        await press_at_pace(pilot, ["enter", *chars("bench 100x")])
        entry = app.screen.query_one("#entry", Input)
        assert entry.value == "bench 100x"
        await pilot.resize_terminal(*PHONE)
        await eventually(pilot, lambda: app.has_class("-compact"))
        assert isinstance(app.screen, WorkoutScreen) and app.focused is entry
        assert entry.value == "bench 100x"
        await press_at_pace(pilot, chars("5@8"))
        await pilot.resize_terminal(*FULL)
        await eventually(pilot, lambda: not app.has_class("-compact"))
        assert app.focused is entry and entry.value == "bench 100x5@8"
        assert app.screen.query_one("#exercise-list").display
        await press_at_pace(pilot, ["enter"])
        await saved(app, pilot)
    assert [(w, r, rpe) for _e, w, r, rpe in _logged(log, clock)] == [(100, 5, 8)]


async def test_home_on_a_phone_has_its_compact_layout(tmp_path: Path) -> None:
    """Home fits a phone: the score and its reasons, no body map (it needs 80x24); the keys
    lead on and back, and at 80x24 the body map is there again."""
    log, clock = tmp_path / "log.json", FakeClock(TUESDAY_EVENING)
    app = make_app(log, clock, first_screen="home")
    async with app.run_test(size=PHONE) as pilot:
        await eventually(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert not app.screen.query_one("#muscles").display
        await press_at_pace(pilot, ["w"])
        await eventually(pilot, lambda: isinstance(app.screen, WorkoutScreen))
        await press_at_pace(pilot, ["alt+h"])  # back home (h types)
        await eventually(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert not any(isinstance(s, TooSmallScreen) for s in app.screen_stack)
        await pilot.resize_terminal(*FULL)
        await eventually(pilot, lambda: app.screen.query_one("#muscles").display)
        assert app.current_mode == "home"


async def test_homes_reasons_follow_the_terminal_as_it_is_resized(twelve_week_log: Path) -> None:
    """A reason's words are cut to the column beside the score: 46 at 80x24, less on a
    phone, with its points in sight either way."""
    app = make_app(twelve_week_log, FakeClock(TUESDAY_EVENING), first_screen="home")

    def reasons() -> list[str]:
        return str(app.screen.query_one("#reasons", Static).visual).splitlines()

    async with app.run_test(size=FULL) as pilot:
        await eventually(pilot, lambda: len(reasons()) == 3)
        assert {len(line.rsplit(" ", 1)[0]) for line in reasons()} == {46}
        await pilot.resize_terminal(*PHONE)
        await eventually(pilot, lambda: max(map(len, reasons())) <= PHONE[0] - 2 - 16 - 1)
        assert all(line.rsplit(" ", 1)[1].startswith("-") for line in reasons())


async def test_homes_verdict_on_a_phone_shows_every_line_of_the_80x24_one(
    twelve_week_log: Path,
) -> None:
    """The verdict beside the score is as many lines on a phone as at 80x24, each begun:
    on a Reduce day in the fatigue episode, the muscles to favour under the recommendation
    (the recommendation wrapped onto their line and pushed them off)."""
    app = make_app(twelve_week_log, FakeClock(datetime(2026, 10, 24, 9, tzinfo=UTC)), "home")

    def verdict() -> list[str]:
        return str(app.screen.query_one("#band", Static).visual).splitlines()

    async with app.run_test(size=FULL) as pilot:
        await eventually(pilot, lambda: len(verdict()) == 3)
        lines = verdict()
        assert lines[2].startswith(("favour", "go easy on"))
        for size in (PHONE, (50, 22)):
            await pilot.resize_terminal(*size)
            await eventually(pilot, lambda: app.has_class("-compact"))
            await pilot.pause()
            shown = "\n".join(screen_lines(app))
            assert all(line[:12] in shown for line in lines), shown


async def test_homes_reasons_take_the_width_there_is_below_80x24(twelve_week_log: Path) -> None:
    """Under 80x24 but wider than a phone, a reason's words are cut only where the column
    ends: at 79x24 they read as at 80x24 (they were cut to a phone's 22 at any width)."""
    app = make_app(twelve_week_log, FakeClock(datetime(2026, 10, 28, 9, tzinfo=UTC)), "home")

    def reasons() -> list[str]:
        return str(app.screen.query_one("#reasons", Static).visual).splitlines()

    async with app.run_test(size=FULL) as pilot:
        await eventually(pilot, lambda: len(reasons()) == 3)
        full = [" ".join(line.split()) for line in reasons()]
        assert any(len(line) > 22 + 4 for line in full)
        await pilot.resize_terminal(79, 24)
        await eventually(pilot, lambda: app.has_class("-compact"))
        await pilot.pause()
        assert [" ".join(line.split()) for line in reasons()] == full
        assert all(line[:-4] in "\n".join(screen_lines(app)) for line in reasons())


async def test_home_on_a_phone_with_an_empty_log_says_all_there_is_to_log(tmp_path: Path) -> None:
    """No score yet: on a phone, as at 80x24, 'To get one, log:' and each thing to log, in
    full (the words were cut, and the third thing fell off under the second, wrapped)."""
    app = make_app(tmp_path / "log.json", FakeClock(TUESDAY_EVENING), first_screen="home")

    def shown(selector: str) -> str:
        return " ".join(" ".join(_rows_of(app, selector)).split())

    async with app.run_test(size=FULL) as pilot:
        await eventually(pilot, lambda: "log:" in shown("#band"))
        full = shown("#band"), shown("#reasons")
        assert full[1].count("·") == 3
        await pilot.resize_terminal(*PHONE)
        await eventually(pilot, lambda: app.has_class("-compact"))
        await pilot.pause()
        assert (shown("#band"), shown("#reasons")) == full


async def test_a_plan_too_long_for_a_phone_ends_in_an_ellipsis(twelve_week_log: Path) -> None:
    """A plan of more exercises than a phone's home has rows for is cut with …, as the
    one line at 80x24 is (its last rows were cut off with no sign that more was planned)."""
    log = json.loads(twelve_week_log.read_text())
    every = [item for template in log["templates"].values() for item in template["items"]]
    for template in log["templates"].values():
        template["items"] = every
    twelve_week_log.write_text(json.dumps(log))
    app = make_app(twelve_week_log, FakeClock(datetime(2026, 10, 24, 9, tzinfo=UTC)), "home")
    async with app.run_test(size=PHONE) as pilot:
        await eventually(pilot, lambda: "Plan" in " ".join(_rows_of(app, "#plan")))
        await pilot.pause()
        rows = _rows_of(app, "#plan")
        assert "Hanging Leg Raise" not in " ".join(rows)  # the last of 20: no room for it
        assert rows[-1].endswith("…"), rows
