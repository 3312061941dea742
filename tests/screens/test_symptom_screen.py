"""The symptom screen, driven by keys in Pilot at 80x24: the new entry from the last one, the
quick-entry line, every scale, the body map, several entries a day, editing, deleting, notes,
errors and failed saves.

Each test checks what is on screen and, after the background save, what is in the log (read
back with a fresh Repository). The log is the 6-week demo in UTC: Monday's entry at 08:37,
and (at 18:00) this morning's at 06:56; Monday's Upper A trained chest, lats, upper back and
triceps.
"""

from __future__ import annotations

import shutil
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

import tui.log_store
import tui.screens.symptoms.screen
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import SymptomEntry
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.logs import demo_log_at
from tests.support.screen_helpers import FullDisk, eventually, make_app, saved
from tests.support.typing import start_choice, type_line
from tui.app import RestdayApp
from tui.screens.dialogs.prompt import PromptScreen
from tui.screens.help import HelpScreen, help_sections
from tui.screens.symptoms.screen import SymptomScreen
from tui.widgets.body_map import BodyMap
from tui.widgets.scale_list import ScaleList

NOW = TUESDAY_EVENING  # a Tuesday, after this morning's entry
MORNING = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)  # the same day, before it
TODAY = NOW.date()
MONDAY = datetime(2026, 11, 23, 8, 37, 42, tzinfo=UTC)
THIS_MORNING = datetime(2026, 11, 24, 6, 56, 48, tzinfo=UTC)
SIZE = (80, 24)
TRAINED_MONDAY = {"chest", "lats", "upper_back", "triceps"}


@pytest.fixture(scope="module")
def demo_logs(
    tmp_path_factory: pytest.TempPathFactory, six_week_demo: Path
) -> dict[datetime, Path]:
    """The six-week demo log as it stands at each moment the tests start from."""
    morning = demo_log_at(tmp_path_factory.mktemp("morning") / "log.json", 6, MORNING)
    return {NOW: six_week_demo, MORNING: morning}


@pytest.fixture
def log(tmp_path: Path, clock: FakeClock, demo_logs: dict[datetime, Path]) -> Path:
    path = tmp_path / "log.json"
    shutil.copy(demo_logs[clock()], path)
    return path


@pytest.fixture
def morning(clock: FakeClock) -> FakeClock:
    """Use before `log`: the day's first entry is still to come."""
    clock.now = MORNING
    return clock


@pytest.fixture
def empty_log(tmp_path: Path, clock: FakeClock) -> Path:
    path = tmp_path / "log.json"
    with Repository(path, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
    return path


async def open_symptoms(pilot: Pilot) -> SymptomScreen:
    await pilot.pause()
    await pilot.press("alt+s")  # the workout screen's start chooser has focus
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SymptomScreen)
    return screen


# -- reading the screen and the log ------------------------------------------------------


def text(app: RestdayApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).visual)


def entry_line(app: RestdayApp) -> Input:
    return app.screen.query_one("#entry", Input)


def scales(app: RestdayApp) -> dict[str, str]:
    """Each scale's row as shown, by name, spaces collapsed: 'energy': '2/5 low: tire...'."""
    lines = app.screen.query_one(ScaleList).render().plain.splitlines()
    return {line.split()[0]: " ".join(line.split()[1:]) for line in lines}


def soreness_shown(app: RestdayApp) -> dict[str, str]:
    """Each muscle's value on the body map ('—' for not rated)."""
    return {muscle: cell[0] for muscle, cell in app.screen.query_one(BodyMap).cells.items()}


def body_map_lines(app: RestdayApp) -> list[str]:
    return app.screen.query_one(BodyMap).render().plain.splitlines()


def listed(app: RestdayApp) -> list[str]:
    """Today's entries as listed, spaces collapsed."""
    entries = app.screen.query_one("#entries", OptionList)
    return [
        " ".join(str(entries.get_option_at_index(i).prompt).split())
        for i in range(entries.option_count)
    ]


def stored(log: Path, clock: FakeClock) -> list[SymptomEntry]:
    """Every symptom entry in the log, oldest first."""
    with Repository(log, clock=clock) as repo:
        return repo.symptoms()


def values(entry: SymptomEntry) -> tuple:
    return (entry.weakness, entry.energy, entry.mood, entry.motivation, entry.soreness)


async def enter_line(pilot: Pilot, line: str) -> None:
    """Put a line in the entry line at once and press Enter (for long or odd lines)."""
    entry_line(pilot.app).value = line
    await pilot.press("enter")


async def to_body_map(pilot: Pilot) -> BodyMap:
    await pilot.press("escape")
    body_map = pilot.app.screen.query_one(BodyMap)
    assert pilot.app.focused is body_map
    return body_map


async def to_scales(pilot: Pilot) -> ScaleList:
    await pilot.press("tab")  # from the entry line
    scale_list = pilot.app.screen.query_one(ScaleList)
    assert pilot.app.focused is scale_list
    return scale_list


async def to_entries(pilot: Pilot) -> OptionList:
    await pilot.press("escape", "tab")  # the entry line, the body map, the list
    entries = pilot.app.screen.query_one("#entries", OptionList)
    assert pilot.app.focused is entries
    return entries


async def move_to(pilot: Pilot, muscle: str) -> None:
    """Move the body map's cursor to `muscle` by arrows, from where it is."""
    from tui.widgets.body_map import BODY_MAP

    where = {m: (y, x) for y, row in enumerate(BODY_MAP) for x, m in enumerate(row)}
    body_map = pilot.app.screen.query_one(BodyMap)
    (y0, x0), (y1, x1) = where[body_map.cursor], where[muscle]
    keys = ["down" if y1 > y0 else "up"] * abs(y1 - y0)
    keys += ["right" if x1 > x0 else "left"] * abs(x1 - x0)
    await pilot.press(*keys)
    assert body_map.cursor == muscle


# -- a new entry starts from the last one --------------------------------------------------


async def test_the_screen_opens_on_a_new_entry_from_the_last_one(morning, log: Path) -> None:
    before = stored(log, morning)
    app = make_app(log, morning)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_symptoms(pilot)
        assert app.focused is entry_line(app)
        assert "Symptoms · Tue 24 Nov" in screen.query_one("AppHeader").subtitle
        assert text(app, "#title") == (
            "New entry · starts from yesterday 08:37 · Enter alone logs it"
        )
        assert scales(app) == {
            "weakness": "0/10 none: as strong as ever",
            "energy": "4/5 good: ready for a session",
            "mood": "4/5 good",
            "motivation": "4/5 keen to train",
        }
        assert set(soreness_shown(app).values()) == {"—"}  # Monday: no soreness rated
        assert text(app, "#entries-title") == (
            "Today: no entry yet · yesterday 08:37 counts for the score until 08:37"
        )
        assert listed(app) == []
        await saved(app, pilot)
    assert stored(log, morning) == before  # nothing saved until the lifter acts


async def test_enter_alone_logs_an_unchanged_day(morning, log: Path) -> None:
    app = make_app(log, morning)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        await pilot.press("enter")  # one key
        assert text(app, "#message") == ("Logged a new entry today 06:30: same as yesterday 08:37.")
        assert text(app, "#title").startswith("Entry of today 06:30 · changes update it")
        assert listed(app) == ["▸ 06:30 counts weak 0 en 4 mood 4 mot 4"]
        await pilot.press("enter")  # already logged: no second copy
        assert text(app, "#message").startswith("Already logged (today 06:30)")
        await saved(app, pilot)
    *_, monday, today = stored(log, morning)
    assert values(today) == values(monday) == (0, 4, 4, 4, {})
    assert today.id != monday.id
    assert (today.timestamp, today.day, today.notes) == (MORNING, TODAY, "")


async def test_a_new_entry_leaves_the_last_ones_note_behind(morning, log: Path) -> None:
    with Repository(log, clock=morning) as repo:
        repo.save_symptoms(replace(repo.symptoms()[-1], notes="slept badly"))
    app = make_app(log, morning)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        assert "— (alt+shift+n adds one" in text(app, "#notes")
        await pilot.press("enter")
        await saved(app, pilot)
    assert stored(log, morning)[-1].notes == ""


async def test_an_empty_log_says_what_to_type(empty_log: Path, clock) -> None:
    app = make_app(empty_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        assert text(app, "#title") == ("New entry · nothing logged before: type how you feel below")
        assert set(scales(app).values()) == {"—/10 not rated", "—/5 not rated"}
        assert text(app, "#entries-title") == (
            "Today: no entry yet · none in the last 24 h counts for the score"
        )
        await pilot.press("enter")
        assert text(app, "#message").startswith("Nothing to log yet: type how you feel, e.g.")
        await saved(app, pilot)
        assert stored(empty_log, clock) == []
        await type_line(pilot, "weak 2 mot 5")
        await saved(app, pilot)
    (entry,) = stored(empty_log, clock)
    assert values(entry) == (2, None, None, 5, {})


# -- the quick-entry line ----------------------------------------------------------------


async def test_a_quick_entry_line(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        await type_line(pilot, "weak 3 energy 2 mood 3 mot 2 quads 4 hams 5 chest 2")
        assert entry_line(app).value == ""
        assert scales(app) == {
            "weakness": "3/10 mild: the bar moves slower",
            "energy": "2/5 low: tire quickly",
            "mood": "3/5 okay",
            "motivation": "2/5 low: would rather skip",
        }
        shown = soreness_shown(app)
        # typed, and carried over from this morning's entry
        assert (shown["quads"], shown["hamstrings"], shown["chest"]) == ("4", "5", "2")
        assert (shown["lats"], shown["triceps"], shown["calves"]) == ("4", "2", "—")
        assert text(app, "#message") == (
            "Logged a new entry today 18:00: weak 3 energy 2 mood 3 mot 2 quads 4 hams 5 chest 2."
        )
        await saved(app, pilot)
    *_, morning_entry, entry = stored(log, clock)
    assert morning_entry.timestamp == THIS_MORNING
    assert (entry.timestamp, entry.day) == (NOW, TODAY)
    assert values(entry)[:4] == (3, 2, 3, 2)
    assert entry.soreness == {**morning_entry.soreness, "quads": 4, "hamstrings": 5, "chest": 2}


@pytest.mark.parametrize(
    ("line", "soreness"),
    [
        ("delts 3", {"front_delts": 3, "side_delts": 3, "rear_delts": 3}),
        ("front delts 6 lowback 2", {"front_delts": 6, "lower_back": 2}),
        ("traps 1 bis 2 tris 3 adds 4 calf 5", {"upper_back": 1, "biceps": 2}),
        ("Lower_Back 7 glute 8 pecs 9", {"lower_back": 7, "glutes": 8, "chest": 9}),
    ],
)
async def test_muscle_names_and_short_forms(
    empty_log: Path, clock, line: str, soreness: dict[str, int]
) -> None:
    app = make_app(empty_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        await enter_line(pilot, line)
        for muscle, value in soreness.items():
            assert soreness_shown(app)[muscle] == str(value)
        await saved(app, pilot)
    (entry,) = stored(empty_log, clock)
    assert soreness.items() <= entry.soreness.items()


async def test_changes_after_the_first_save_update_the_same_entry(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        await enter_line(pilot, "weak 4")
        clock.advance(minutes=5)
        await enter_line(pilot, "energy 1")
        assert text(app, "#message") == "Updated the entry of today 18:00: energy 1."
        await to_body_map(pilot)
        await pilot.press("7")  # front delts
        await saved(app, pilot)
        assert len(listed(app)) == 2
    todays = [e for e in stored(log, clock) if e.day == TODAY]
    assert [e.timestamp for e in todays] == [THIS_MORNING, NOW]  # one new entry, changed
    assert (todays[1].weakness, todays[1].energy, todays[1].soreness["front_delts"]) == (4, 1, 7)


async def test_n_starts_another_entry_from_the_current_one(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_symptoms(pilot)
        assert not screen.check_action("new_entry", ())  # a new entry already
        await enter_line(pilot, "weak 2 quads 3")
        await to_body_map(pilot)
        clock.advance(hours=2)
        await pilot.press("alt+n")
        assert app.focused is entry_line(app)
        assert text(app, "#title") == "New entry · starts from today 18:00 · Enter alone logs it"
        await enter_line(pilot, "quads 6")
        await saved(app, pilot)
        assert [line.split()[:3] for line in listed(app)] == [
            ["06:56", "weak", "1"],
            ["18:00", "weak", "2"],
            ["▸", "20:00", "counts"],
        ]
    *_, after_training, evening = stored(log, clock)
    assert (after_training.timestamp, after_training.soreness["quads"]) == (NOW, 3)
    assert (evening.timestamp, evening.weakness, evening.soreness["quads"]) == (
        NOW + timedelta(hours=2),
        2,
        6,
    )


async def test_coming_back_from_another_screen_starts_a_new_entry(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        await enter_line(pilot, "weak 2")
        await pilot.press("alt+w")
        assert not isinstance(app.screen, SymptomScreen)
        clock.advance(hours=1)
        await pilot.press("alt+s")
        assert app.focused is entry_line(app)
        assert text(app, "#title") == "New entry · starts from today 18:00 · Enter alone logs it"
        assert [line[:7] for line in listed(app)] == ["06:56 w", "18:00 c"]
        await pilot.press("enter")
        assert text(app, "#message") == "Logged a new entry today 19:00: same as today 18:00."
        await saved(app, pilot)
    *_, first, second = stored(log, clock)
    assert (first.timestamp, second.timestamp) == (NOW, NOW + timedelta(hours=1))
    assert values(first) == values(second)


# -- the scales ----------------------------------------------------------------------------


async def test_every_scale_by_digits(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        scale_list = await to_scales(pilot)
        assert "digit sets it" in text(app, "#message")
        await pilot.press("7", "down", "2", "down", "5", "down", "1")
        assert scale_list.scale.field == "motivation"
        assert scales(app) == {
            "weakness": "7/10 strong: well under normal",
            "energy": "2/5 low: tire quickly",
            "mood": "5/5 great",
            "motivation": "1/5 no drive at all",
        }
        await pilot.press("down", "3")  # the last scale stays chosen
        assert scales(app)["motivation"] == "3/5 neutral: will train"
        await pilot.press("up", "up", "up", "up", "9")
        assert scales(app)["weakness"] == "9/10 very severe: light loads hard"
        await saved(app, pilot)
    assert values(stored(log, clock)[-1])[:4] == (9, 2, 5, 3)


async def test_weakness_10_is_1_then_0_within_a_second(
    log: Path, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys_at = iter([100.0, 100.4, 200.0, 202.0])
    monkeypatch.setattr(tui.screens.symptoms.screen, "monotonic", lambda: next(keys_at))
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        await to_scales(pilot)
        await pilot.press("1", "0")
        assert scales(app)["weakness"] == "10/10 can barely move the weight"
        await saved(app, pilot)
        assert stored(log, clock)[-1].weakness == 10
        await pilot.press("1", "0")  # two seconds apart: 1, then 0
        assert scales(app)["weakness"] == "0/10 none: as strong as ever"
        await saved(app, pilot)
    assert stored(log, clock)[-1].weakness == 0


async def test_a_1_to_5_scale_takes_only_1_to_5(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        await to_scales(pilot)
        for key in ("down", "down", "down"):  # energy, mood, motivation
            await pilot.press(key)
            field = app.screen.query_one(ScaleList).scale.field
            for digit in ("0", "6", "9"):
                await pilot.press(digit)
                assert text(app, "#message") == f"{field} is 1-5: press 1-5"
                assert app.screen.query_one("#message").has_class("error")
        assert scales(app)["energy"] == "3/5 okay: an ordinary day"  # from this morning
        await saved(app, pilot)
        assert not app.screen.in_log
    assert stored(log, clock)[-1].timestamp == THIS_MORNING  # nothing saved


async def test_backspace_clears_a_scale(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        await to_scales(pilot)
        await pilot.press("down", "backspace", "down", "delete")
        assert scales(app)["energy"] == "—/5 not rated"
        assert scales(app)["mood"] == "—/5 not rated"
        await saved(app, pilot)
    assert values(stored(log, clock)[-1])[:4] == (1, None, None, 4)


# -- the body map --------------------------------------------------------------------------


async def test_escape_leaves_the_line_for_the_body_map_and_arrows_move(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        body_map = await to_body_map(pilot)
        assert body_map.cursor == "front_delts"
        assert text(app, "#message").startswith("front delts 2 · arrows move")
        path = []
        for key in ("right", "right", "right", "right", "down", "left", "down", "down", "down"):
            await pilot.press(key)
            path.append(body_map.cursor)
        assert path == [
            "side_delts",
            "upper_back",
            "rear_delts",
            "rear_delts",  # the edge
            "triceps",
            "lats",
            "lower_back",
            "hamstrings",
            "hamstrings",
        ]
        assert text(app, "#message").startswith("hamstrings not rated · arrows move")
        await pilot.press("up", "up")
        assert text(app, "#message").startswith("lats 4 (trained Mon) · arrows move")
        await pilot.press("enter")
        assert app.focused is entry_line(app)
        await pilot.press("escape", "enter")  # Enter off the line: back to it too
        assert app.focused is entry_line(app)


async def test_the_cursor_shows_only_while_the_map_has_focus(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        body_map = app.screen.query_one(BodyMap)
        assert not any(span.style for span in _cursor_spans(body_map))
        await to_body_map(pilot)
        assert [text for text in _cursor_spans(body_map)] == [" front delts   2"]


def _cursor_spans(body_map: BodyMap) -> list:
    """The text drawn reversed on the map."""
    rendered = body_map.render()
    reverse = [s for s in rendered.spans if getattr(s.style, "reverse", False)]
    return [rendered.plain[s.start : s.end] for s in reverse]


async def test_digits_set_soreness_1_then_0_is_10(
    log: Path, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys_at = iter([1.0, 1.5, 10.0, 20.0, 20.2])
    monkeypatch.setattr(tui.screens.symptoms.screen, "monotonic", lambda: next(keys_at))
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        await to_body_map(pilot)
        await move_to(pilot, "quads")
        await pilot.press("1", "0")
        assert soreness_shown(app)["quads"] == "10"
        assert text(app, "#message") == "Updated the entry of today 18:00: quads 10."
        await pilot.press("4")
        assert soreness_shown(app)["quads"] == "4"
        await move_to(pilot, "adductors")
        await pilot.press("1")
        await move_to(pilot, "hamstrings")
        await pilot.press("0")  # another muscle: 0, not 10
        assert (soreness_shown(app)["adductors"], soreness_shown(app)["hamstrings"]) == ("1", "0")
        await saved(app, pilot)
    soreness = stored(log, clock)[-1].soreness
    assert (soreness["quads"], soreness["adductors"], soreness["hamstrings"]) == (4, 1, 0)


async def test_plus_and_minus_change_soreness_by_one(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        await to_body_map(pilot)
        await move_to(pilot, "calves")  # not rated: counts from 0
        await pilot.press("plus", "plus", "plus", "minus")
        assert soreness_shown(app)["calves"] == "2"
        await move_to(pilot, "triceps")  # 2 this morning
        await pilot.press(*["minus"] * 3)
        assert soreness_shown(app)["triceps"] == "0"
        await move_to(pilot, "lats")
        await pilot.press("9", "plus", "equals_sign")  # = is + without shift
        assert soreness_shown(app)["lats"] == "10"
        assert app.rest is None  # the rest timer's +/- did not take the keys
        await saved(app, pilot)
    soreness = stored(log, clock)[-1].soreness
    assert (soreness["calves"], soreness["triceps"], soreness["lats"]) == (2, 0, 10)


async def test_backspace_and_delete_clear_a_muscle(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        await to_body_map(pilot)
        await pilot.press("backspace")  # front delts
        await move_to(pilot, "lats")
        await pilot.press("delete")
        shown = soreness_shown(app)
        assert (shown["front_delts"], shown["lats"]) == ("—", "—")
        assert text(app, "#message") == "Updated the entry of today 18:00: lats cleared."
        await saved(app, pilot)
    soreness = stored(log, clock)[-1].soreness
    assert "front_delts" not in soreness and "lats" not in soreness and soreness["chest"] == 3


async def test_muscles_trained_in_the_last_3_days_are_marked(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        body_map = app.screen.query_one(BodyMap)
        assert body_map.marked == TRAINED_MONDAY
        lines = body_map_lines(app)
        assert lines[0].split() == [
            "FRONT",
            "BACK",
            "•",
            "trained",
            "in",
            "the",
            "last",
            "3",
            "days",
        ]
        assert "•chest" in lines[2] and "•lats" in lines[2] and "•triceps" in lines[2]
        assert "•upper back" in lines[1] and " front delts" in lines[1]
        # Today's Lower A: back on the symptom screen, the legs are marked too.
        await pilot.press("alt+w", *start_choice(1))
        await type_line(pilot, "140x5@8")
        await pilot.press("alt+s")
        assert isinstance(app.screen, SymptomScreen)
        assert app.focused is entry_line(app)
        squat = BUILTIN_BY_ID[app.get_screen_stack("workout")[0].sets[0].exercise]
        await eventually(pilot, lambda: "quads" in body_map.marked)
        assert body_map.marked == TRAINED_MONDAY | set(squat.primary_muscles)


async def test_training_three_days_ago_is_no_longer_marked(
    tmp_path: Path, demo_logs: dict[datetime, Path]
) -> None:
    clock = FakeClock(NOW + timedelta(days=3))  # Friday: Monday is 4 days back
    log = tmp_path / "log.json"
    shutil.copy(demo_logs[NOW], log)
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        assert app.screen.query_one(BodyMap).marked == set()
        assert "•" not in "".join(body_map_lines(app)[1:])
        assert text(app, "#entries-title") == (
            "Today: no entry yet · none in the last 24 h counts for the score"
        )


# -- several entries a day ---------------------------------------------------------------


async def test_the_days_entries_are_listed_and_the_newest_counts(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        assert listed(app) == [
            "06:56 counts weak 1 en 3 mood 4 mot 4 · lats 4 chest 3 triceps 2 front delts 2 "
            "upper back 2 rear delts 2"
        ]
        assert text(app, "#entries-title") == (
            "Today: 1 entry · the newest within 24 h counts for the score"
        )
        await enter_line(pilot, "weak 5 quads 6")
        assert listed(app)[0].startswith("06:56 weak 1")
        assert listed(app)[1].startswith("▸ 18:00 counts weak 5 en 3 mood 4 mot 4 · quads 6 lats 4")
        assert text(app, "#entries-title").startswith("Today: 2 entries")


async def test_enter_on_a_listed_entry_edits_it(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        await enter_line(pilot, "weak 5")
        entries = await to_entries(pilot)
        assert "Enter edits it" in text(app, "#message")
        await pilot.press("up", "enter")  # this morning's
        assert app.focused is entry_line(app)
        assert text(app, "#title").startswith("Entry of today 06:56")
        assert scales(app)["weakness"].startswith("1/10")
        assert entries.highlighted == 0 and listed(app)[0].startswith("▸ 06:56")
        await enter_line(pilot, "weak 2 n woke up stiff")
        assert text(app, "#message") == "Updated the entry of today 06:56: weak 2 n woke up stiff."
        await saved(app, pilot)
    *_, edited, evening = stored(log, clock)
    assert (edited.timestamp, edited.weakness, edited.notes) == (THIS_MORNING, 2, "woke up stiff")
    assert edited.soreness["lats"] == 4  # the rest kept
    assert (evening.timestamp, evening.weakness) == (NOW, 5)


async def test_delete_an_entry_and_undo(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_symptoms(pilot)
        assert not screen.check_action("undo", ())
        await to_entries(pilot)
        await pilot.press("alt+d")
        assert listed(app) == []
        assert text(app, "#message") == "Deleted the entry of today 06:56 (alt+u undoes)."
        assert text(app, "#title").startswith("New entry · starts from yesterday 08:37")
        await saved(app, pilot)
        assert stored(log, clock)[-1].timestamp == MONDAY
        await pilot.press("alt+u")
        assert listed(app)[0].startswith("06:56 counts weak 1")
        assert text(app, "#message") == "Undone: the entry of today 06:56 is back."
        assert text(app, "#title").startswith("New entry · starts from today 06:56")
        assert not screen.check_action("undo", ())
        await saved(app, pilot)
    restored = stored(log, clock)[-1]
    assert (restored.timestamp, restored.weakness, restored.soreness["lats"]) == (
        THIS_MORNING,
        1,
        4,
    )


async def test_deleting_the_entry_being_edited_starts_a_new_one(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_symptoms(pilot)
        await enter_line(pilot, "weak 6")
        await to_entries(pilot)  # the new one is highlighted
        await pilot.press("delete")
        assert not screen.in_log
        assert text(app, "#title").startswith("New entry · starts from today 06:56")
        assert scales(app)["weakness"].startswith("1/10")
        await saved(app, pilot)
    assert stored(log, clock)[-1].timestamp == THIS_MORNING


async def test_keys_that_do_nothing_where_the_focus_is_are_hidden(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_symptoms(pilot)
        actions = ("leave_entry", "digit", "clear", "step", "delete_entry", "note", "focus_entry")

        def enabled() -> set[str]:
            return {action for action in actions if screen.check_action(action, ())}

        assert enabled() == {"leave_entry"}
        await to_body_map(pilot)
        assert enabled() == {"digit", "clear", "step", "note", "focus_entry"}
        await pilot.press("shift+tab")
        assert app.focused is screen.query_one(ScaleList)
        assert enabled() == {"digit", "clear", "note", "focus_entry"}
        await pilot.press("tab", "tab")
        assert enabled() == {"delete_entry", "note", "focus_entry"}


async def test_help_lists_the_screens_keys(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_symptoms(pilot)
        await to_body_map(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        sections = dict(help_sections(app, screen))
        rows = {row.description: row.keys for row in sections["Symptoms"]}
        assert rows["New entry"] == ("alt+n",) and rows["Note"] == ("alt+shift+n",)
        assert rows["Delete entry"] == ("alt+d", "del") and rows["Undo"] == ("alt+u",)
        assert rows["Rate 0-9"] == ("0-9",) and rows["Soreness +1"] == ("+", "=")
        assert rows["Leave field"] == ("esc",) and rows["Type"] == ("⏎",)


async def test_keys_can_be_remapped_by_binding_id(log: Path, clock) -> None:
    (log.parent / "keymap.toml").write_text(
        '[keys]\n"symptoms.note" = "ctrl+o"\n"bodymap.down" = "alt+j"\n'
    )
    app = RestdayApp(
        Repository(log, clock=clock), clock=clock, keymap_file=log.parent / "keymap.toml"
    )
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        body_map = await to_body_map(pilot)
        await pilot.press("alt+j")  # a letter types on this screen
        assert body_map.cursor == "chest"
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, PromptScreen)


# -- notes ---------------------------------------------------------------------------------


async def test_a_note_by_N_and_by_the_line(log: Path, clock) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        await to_body_map(pilot)
        await pilot.press("alt+shift+n")
        assert isinstance(app.screen, PromptScreen)
        await type_line(pilot, "slept badly")
        assert isinstance(app.screen, SymptomScreen)
        assert text(app, "#notes") == "notes       slept badly"
        assert listed(app)[-1].endswith("· “slept badly”")
        await saved(app, pilot)
        assert stored(log, clock)[-1].notes == "slept badly"
        await pilot.press("alt+shift+n")
        assert app.screen.query_one("#prompt-input", Input).value == "slept badly"
        await pilot.press("escape")  # no change
        await type_line(pilot, "n knees ache on stairs")
        assert text(app, "#notes") == "notes       knees ache on stairs"
        await saved(app, pilot)
    *_, entry = stored(log, clock)
    assert (entry.timestamp, entry.notes) == (NOW, "knees ache on stairs")
    assert len([e for e in stored(log, clock) if e.day == TODAY]) == 2


# -- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("weak x", "can't read 'weak x': weakness is a whole number 0-10"),
        ("energy 7", "energy 7 is out of range: energy is 1-5"),
        ("quads 11", "quads 11 is out of range: soreness is 0-10"),
        ("mood 3 mood 4", "mood given twice"),
        ("biceps 2 shins 4", "unknown item 'shins'"),
        ("weak 3 [/]", "unknown item '[/]'"),
        ("n", "n needs text"),
    ],
)
async def test_a_bad_line_says_what_is_accepted_keeps_the_text_and_saves_nothing(
    log: Path, clock, line: str, message: str
) -> None:
    before = log.read_bytes()
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_symptoms(pilot)
        await enter_line(pilot, line)
        assert message in text(app, "#message")
        assert app.screen.query_one("#message").has_class("error")
        assert entry_line(app).value == line
        assert not screen.in_log and text(app, "#title").startswith("New entry")
        assert scales(app)["weakness"].startswith("1/10")  # nothing applied half-way
        await saved(app, pilot)
    assert log.read_bytes() == before


async def test_whatever_is_typed_there_is_no_traceback(empty_log: Path, clock) -> None:
    lines = [
        "[b]",
        "[/]",
        "\x00\x1b[31m",
        "weak 3 " * 100,
        "💪 4",
        "quads -1",
        "weak 3.5",
        "energy 1e3",
        "mot 99999999999999999999",
        "quads 4 n " + "x" * 491,  # one character over the limit
    ]
    app = make_app(empty_log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        for line in lines:
            await enter_line(pilot, line)
            assert app.screen.query_one("#message").has_class("error"), line
            assert entry_line(app).value == line
        await saved(app, pilot)
        assert stored(empty_log, clock) == []
        await enter_line(pilot, "n [b]not markup[/b]")
        assert text(app, "#notes") == "notes       [b]not markup[/b]"
        await saved(app, pilot)
    assert stored(empty_log, clock)[0].notes == "[b]not markup[/b]"


async def test_a_failed_save_is_shown_and_retried(log: Path, clock, disk: FullDisk) -> None:
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_symptoms(pilot)
        error = app.screen.query_one("#save-error", Static)
        disk.fill()
        await enter_line(pilot, "weak 4 quads 5")
        await to_body_map(pilot)
        await pilot.press("6")
        await saved(app, pilot)
        assert error.display
        assert "NOT SAVED YET" in text(app, "#save-error")
        assert "No space left on device" in text(app, "#save-error")
        assert scales(app)["weakness"].startswith("4/10")  # kept on screen
        assert soreness_shown(app)["front_delts"] == "6"
        await pilot.pause(0.2)  # retries fail
        assert stored(log, clock)[-1].timestamp == THIS_MORNING
        await pilot.press("alt+w")  # away and back: what waits to be saved stays
        await pilot.press("alt+s")
        assert listed(app)[-1].startswith("18:00 counts weak 4")
        assert text(app, "#title").startswith("New entry · starts from today 18:00")
        disk.free()
        await eventually(pilot, lambda: not error.display)
        await saved(app, pilot)
        assert text(app, "#message") == "Saved everything that was waiting."
    *_, entry = stored(log, clock)
    assert (entry.timestamp, entry.weakness) == (NOW, 4)
    assert (entry.soreness["quads"], entry.soreness["front_delts"]) == (5, 6)


async def test_the_screen_waits_for_the_log(
    tmp_path: Path, log: Path, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given the log by path, the app reads it after its first frame: a screen opened
    before then says so, takes no entry, and loads once the log is read."""
    reading = threading.Event()

    class SlowRepository(Repository):
        def __init__(self, path: Path, **_options: object) -> None:
            reading.wait(10)  # a large log on a slow disk
            super().__init__(path, clock=clock)

    monkeypatch.setattr("storage.log.repository.Repository", SlowRepository)
    app = RestdayApp(log, clock=clock, keymap_file=tmp_path / "no-keymap.toml")
    async with app.run_test(size=SIZE) as pilot:
        try:
            await pilot.press("escape", "s")
            screen = app.screen
            assert isinstance(screen, SymptomScreen)
            assert screen.query_one("AppHeader").subtitle == "reading your log…"
            assert not screen.query_one("#form").display
            await enter_line(pilot, "weak 3")
            assert text(app, "#message").startswith("Still reading your log")
            assert entry_line(app).value == "weak 3"
        finally:
            reading.set()
        await eventually(pilot, lambda: screen.entry is not None)
        assert screen.query_one("#form").display
        assert text(app, "#title").startswith("New entry · starts from today 06:56")
        assert app.focused is entry_line(app)
