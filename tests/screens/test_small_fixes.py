"""Small things seen at 80x24: the Recovery screen of a fresh log keeps each field on one
line; the new-exercise form labels every field and names muscles without underscores."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.containers import Horizontal
from textual.widgets import Input, Label, OptionList

from storage.log.repository import Repository
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import make_app
from tests.support.typing import press_at_pace
from tui.screens.dialogs.new_exercise import NewExerciseScreen
from tui.screens.recovery.fields import FIELDS

SIZE = (80, 24)


def _fresh_log(tmp_path: Path) -> Path:
    log = tmp_path / "log.json"
    with Repository(log, clock=FakeClock(TUESDAY_EVENING)) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
    return log


def _lines(widget) -> list[str]:
    return [strip.text for strip in widget.render_lines(widget.size.region)]


async def test_recovery_on_a_fresh_log_keeps_each_field_on_one_line(tmp_path: Path) -> None:
    app = make_app(_fresh_log(tmp_path), FakeClock(TUESDAY_EVENING), first_screen="recovery")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        fields = app.screen.query_one("#fields", OptionList)
        shown = [line.strip() for line in _lines(fields) if line.strip()]
        assert len(shown) == len(FIELDS), shown  # nothing wrapped into the label column
        protein = next(line for line in shown if line.startswith("Protein"))
        assert protein.endswith("log bw 80 for a target")


async def test_the_new_exercise_form_labels_every_field(tmp_path: Path) -> None:
    app = make_app(_fresh_log(tmp_path), FakeClock(TUESDAY_EVENING))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(NewExerciseScreen("Zercher Squat"))
        await pilot.pause()
        form = app.screen
        labels = []
        for row in form.query(Horizontal):
            (label,) = row.query(Label)
            row.query_one(Input)
            labels.append(str(label.visual))
        assert labels == ["Name", "Trained directly", "Trained indirectly", "Rest between sets"]
        box = form.query_one("Vertical")
        assert box.region.bottom <= SIZE[1] and box.region.right <= SIZE[0]
        hint = str(form.query_one(".hint", Label).visual)
        assert "upper back" in hint and "_" not in hint
        await press_at_pace(pilot, ["tab", *"quads", "tab", *"upper bak", "enter"])
        error = str(form.query_one("#new-error", Label).visual)
        assert "unknown muscle 'upper bak'" in error and "_" not in error


async def test_the_empty_workout_says_how_to_pick_an_exercise_in_full(tmp_path: Path) -> None:
    app = make_app(_fresh_log(tmp_path), FakeClock(TUESDAY_EVENING))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press_at_pace(pilot, ["enter"])  # the first choice: an empty workout
        await pilot.pause()
        title, info = (app.screen.query_one(f"#exercise-{part}") for part in ("title", "info"))
        text = " ".join(line.strip() for line in _lines(title) + _lines(info))
        assert "Pick an exercise: type its name (bench, rdl) or press alt+p" in text


async def test_a_long_exercise_name_ends_with_an_ellipsis_above_its_sets(tmp_path: Path) -> None:
    from storage.model.records import Exercise

    log = _fresh_log(tmp_path)
    name = "Single-Arm Landmine Press With A Pause At The Bottom Of Every Rep"
    with Repository(log, clock=FakeClock(TUESDAY_EVENING)) as repo:
        press = repo.add_exercise(Exercise(name=name, muscles={"front_delts": 1.0}))
        repo.log_set(repo.start_workout(), press, 40, 8, rpe=8)
    app = make_app(log, FakeClock(TUESDAY_EVENING))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        title = _lines(app.screen.query_one("#exercise-title"))[0].rstrip()
        assert title.endswith("…") and name.startswith(title[:-1])
