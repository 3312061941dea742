"""A phone in portrait (45x20): what the workout's start screen, help, the entry lines, the
rest timer, recovery and symptoms show fits, and text that does not fit ends with '…'.
Read from the screen as drawn (`screen_lines`), typed at a person's pace."""

from __future__ import annotations

from pathlib import Path

from storage.log.repository import Repository
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import eventually, make_app, saved, screen_lines
from tests.support.typing import chars, press_at_pace
from tui.format.words import ELLIPSIS
from tui.screens.help import HelpScreen
from tui.screens.recovery.screen import RecoveryScreen
from tui.screens.rest_timer import KEYS_SHORT, RestTimerScreen
from tui.screens.symptoms.screen import SymptomScreen
from tui.screens.workout.screen import ENTRY_HINT, START_HINT, WorkoutScreen
from tui.widgets.app_footer import HELP_ID, AppFooter

PHONE = (45, 20)
FULL = (80, 24)


def _entry_text(lines: list[str]) -> str:
    """What the entry line (above the footer, inside its border) shows."""
    return lines[-3].strip("▊▎ ")


def _cut_from(shown: str, whole: str) -> bool:
    """Whether `shown` is `whole` cut to end with '…'."""
    return shown.endswith(ELLIPSIS) and whole.startswith(shown[:-1]) and shown != whole


def _row(lines: list[str], start: str) -> str:
    return next(line.strip() for line in lines if line.strip().startswith(start))


async def test_the_start_screen_fits_a_phone_and_a_set_typed_there_is_logged(
    tmp_path: Path,
) -> None:
    log, clock = tmp_path / "log.json", FakeClock(TUESDAY_EVENING)
    app = make_app(log, clock)  # a fresh log: the starter templates
    async with app.run_test(size=PHONE) as pilot:
        await saved(app, pilot)
        lines = screen_lines(app)
        shown = "\n".join(lines)
        assert "Workout: not started" in lines[0]
        assert "No workout in progress" in shown and "templates" in shown
        # each choice in the box, its right edge there, a long one cut with '…'
        choices = [line for line in lines if "Empty workout" in line or "Full body" in line]
        assert len(choices) == 2
        assert all(line.rstrip().endswith("▎") for line in choices)
        assert ELLIPSIS in _row(lines, "▊ Full body")
        # the footer: each key it shows whole, the help key among them, the palette's
        footer = app.screen.query_one(AppFooter)
        keys = footer._fitting()
        assert HELP_ID in {entry.binding.id for entry in keys}
        for entry in keys:
            assert f"{entry.key_display} {entry.binding.description}" in lines[-1]
        assert lines[-1].rstrip().endswith("^p Commands")
        # the start screen's own hint, cut with '…'
        assert _cut_from(_entry_text(lines), START_HINT)

        await press_at_pace(pilot, [*chars("bench 60x5"), "enter"])
        await saved(app, pilot)
        lines = screen_lines(app)
        assert any("60 kg x 5" in line for line in lines)
        assert _entry_text(lines).startswith("Enter repeats 60 kg x 5")
        assert _entry_text(lines).endswith(ELLIPSIS)
    snapshot = Repository(log, clock=clock).snapshot()
    assert [(s.weight_kg, s.reps) for s in snapshot.sets()] == [(60, 5)]


async def test_the_start_screen_has_its_own_hint_and_the_workout_its(tmp_path: Path) -> None:
    app = make_app(tmp_path / "log.json", FakeClock(TUESDAY_EVENING))
    async with app.run_test(size=FULL) as pilot:
        await saved(app, pilot)
        assert _entry_text(screen_lines(app)) == START_HINT  # whole at 80 columns
        await press_at_pace(pilot, ["enter"])  # an empty workout
        await eventually(pilot, lambda: app.screen.session.workout is not None)
        assert _entry_text(screen_lines(app)) == ENTRY_HINT


async def test_help_on_a_phone_lists_every_key_and_scrolls(tmp_path: Path) -> None:
    app = make_app(tmp_path / "log.json", FakeClock(TUESDAY_EVENING))
    async with app.run_test(size=PHONE) as pilot:
        await saved(app, pilot)
        await press_at_pace(pilot, ["f1"])
        await eventually(pilot, lambda: isinstance(app.screen, HelpScreen))
        lines = screen_lines(app)
        shown = "\n".join(lines)
        assert "Keys" in lines[0] and "Everywhere" in shown
        assert _row(lines, "alt+w").split() == ["alt+w", "Workout"]  # one key a line
        assert lines[-1].strip() == "Escape, ? or q closes this"
        assert "Rest timer" not in shown
        await press_at_pace(pilot, ["end"])  # the rest, scrolled to
        await eventually(pilot, lambda: "Stop rest" in "\n".join(screen_lines(app)))
        assert any(line.strip() == "Rest timer" for line in screen_lines(app))
        await press_at_pace(pilot, ["escape"])
        await eventually(pilot, lambda: isinstance(app.screen, WorkoutScreen))
        await press_at_pace(pilot, ["question_mark"])
        await eventually(pilot, lambda: isinstance(app.screen, HelpScreen))


async def test_the_rest_timers_keys_fit_a_phone(tmp_path: Path) -> None:
    app = make_app(tmp_path / "log.json", FakeClock(TUESDAY_EVENING))
    async with app.run_test(size=PHONE) as pilot:
        await saved(app, pilot)
        await press_at_pace(pilot, [*chars("bench 60x5"), "enter"])
        await saved(app, pilot)
        await press_at_pace(pilot, ["alt+t"])
        await eventually(pilot, lambda: isinstance(app.screen, RestTimerScreen))
        lines = screen_lines(app)
        assert any(line.strip() == KEYS_SHORT for line in lines)
        assert not any("pause/resume" in line for line in lines)  # the 80-column line


async def test_recovery_targets_on_a_phone(tmp_path: Path) -> None:
    app = make_app(tmp_path / "log.json", FakeClock(TUESDAY_EVENING), first_screen="recovery")
    async with app.run_test(size=PHONE) as pilot:
        await saved(app, pilot)
        assert isinstance(app.screen, RecoveryScreen)
        lines = screen_lines(app)
        assert _row(lines, "Sleep ").split() == ["Sleep", "—", "·", "7", "h", "or", "more"]
        assert _row(lines, "Protein").endswith(ELLIPSIS)  # "log bw 80 for a target", cut
        assert _entry_text(lines).endswith(ELLIPSIS)
        await press_at_pace(pilot, [*chars("s 7.5 w+2 p30 bw 81.2"), "enter"])
        await saved(app, pilot)
        lines = screen_lines(app)
        assert _row(lines, "Protein").split() == [
            *("Protein", "30", "g"),
            *("·", "143-179", "g", "at", "81.2…"),  # the mark's room: " kg" cut at 45 wide
        ]
        assert "12 cups" in _row(lines, "Water")
        await press_at_pace(pilot, [*chars("p150"), "enter"])
        await saved(app, pilot)
        assert "✓ 143-179 g" in _row(screen_lines(app), "Protein")  # met: seen without colour
        await pilot.resize_terminal(*FULL)  # the full layout: the bars again
        await eventually(pilot, lambda: "target 12 cups" in _row(screen_lines(app), "Water"))


async def test_symptoms_soreness_on_a_phone(tmp_path: Path) -> None:
    app = make_app(tmp_path / "log.json", FakeClock(TUESDAY_EVENING), first_screen="symptoms")
    async with app.run_test(size=PHONE) as pilot:
        await saved(app, pilot)
        assert isinstance(app.screen, SymptomScreen)
        lines = screen_lines(app)
        assert _row(lines, "soreness").startswith("soreness    —")
        assert _entry_text(lines).endswith(ELLIPSIS)
        await press_at_pace(pilot, [*chars("weak 3 quads 4 hams 5"), "enter"])
        await saved(app, pilot)
        assert _row(screen_lines(app), "soreness").split() == [
            *("soreness", "hamstrings", "5", "quads", "4"),
        ]
        await press_at_pace(pilot, [*chars("glutes 2 calves 3 lats 4 chest 2 abs 1"), "enter"])
        await saved(app, pilot)
        sore = _row(screen_lines(app), "soreness")
        assert sore.startswith("soreness    hamstrings 5") and sore.endswith(ELLIPSIS)
