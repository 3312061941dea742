"""Every kind of set in a real 80x24 terminal (tmux), typed at a person's pace: timed holds,
distances, assisted and added bodyweight, the set types and dumbbells per hand, in kg and in
lb. Each shows on screen as typed, and the log stores exactly the set that was typed."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from storage.entry.set_line import parse_workout_entry
from storage.log.repository import Repository
from storage.model.records import Recovery, SetEntry
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.terminal import (
    Terminal,
    isolated,
    log_set,
    open_log,
    quit_and_read,
    restday,
    row,
)
from tui.format.e1rm import NO_BODYWEIGHT

FIELDS = ("weight_kg", "reps", "duration_s", "distance_m", "bodyweight", "assisted", "set_type")


def stored(entry: SetEntry) -> tuple:
    return tuple(getattr(entry, name) for name in FIELDS) + (entry.warmup,)


def as_typed(line: str, unit: str = "kg") -> tuple:
    """The set the entry line's grammar reads in `line`, as the log stores it (a load in lb
    to the microgram)."""
    fields = parse_workout_entry(line, None, unit).entry_fields(unit)
    return pytest.approx(tuple(map(fields.get, (*FIELDS, "warmup"))), abs=1e-6)


@contextmanager
def empty_workout(log: Path) -> Iterator[Terminal]:
    """restday on `log` in a terminal, an empty workout started."""
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env=isolated(log.parent)) as term:
        term.wait_for("Home")
        term.keys("w")
        term.wait_for("Empty workout")
        yield term


def test_a_plank_held_then_repeated_longer_and_loaded(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    with empty_workout(log) as term:
        screen = log_set(term, "plank 60s", " 1  1:00")
        assert "Enter repeats 1:00 · +10s" in screen
        log_set(term, "plank 1:30", " 2  1:30")
        screen = log_set(term, "", " 3  1:30")  # Enter: the last hold again
        screen = log_set(term, "+10s", " 4  1:40")
        assert "PR" in row(screen, " 4  1:40").split()
        screen = log_set(term, "20kg x 45s", " 5  20 kg x 45 s")
        assert "Enter repeats 20 kg x 45 s" in screen
        sets = quit_and_read(term, log)
    assert {s.exercise for s in sets} == {"plank"}
    assert [s.duration_s for s in sets] == [60, 90, 90, 100, 45]
    assert [stored(s) for s in sets[:2]] == [as_typed("60s"), as_typed("1:30")]
    assert stored(sets[4]) == as_typed("20kg x 45s") and sets[4].weight_kg == 20


def test_a_carry_a_run_and_a_row(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    with empty_workout(log) as term:
        screen = log_set(term, "carry 40kg 30m", " 1  40 kg 30 m")
        assert "Farmer's Carry" in screen and "+5m" in screen
        log_set(term, "+5m", " 2  40 kg 35 m")
        screen = log_set(term, "run 5km 25:00", " 1  5 km in 25:00")
        assert "Running" in screen
        screen = log_set(term, "row 2000m 7:45", " 1  2 km in 7:45")
        assert "Rowing Machine" in screen
        sets = quit_and_read(term, log)
    assert [s.exercise for s in sets] == ["farmers-carry"] * 2 + ["running", "rowing-machine"]
    assert stored(sets[0]) == as_typed("40kg 30m")
    assert (sets[1].weight_kg, sets[1].distance_m, sets[1].duration_s) == (40, 35, None)
    assert stored(sets[2]) == as_typed("5km 25:00") and sets[2].duration_s == 1500
    assert stored(sets[3]) == as_typed("2000m 7:45") and sets[3].distance_m == 2000


def test_assisted_and_added_bodyweight(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    with empty_workout(log) as term:
        screen = log_set(term, "pull up bw-20x8", " 1  bw-20 kg x 8")
        assert "Pull-Up" in screen
        # no bodyweight logged: how to get an e1RM, never a number
        assert NO_BODYWEIGHT in screen and "bw?" in row(screen, " 1  bw-20 kg x 8")
        with Repository(log, clock=FakeClock(TUESDAY_EVENING)) as repo:  # as Recovery does
            repo.save_recovery(Recovery(day=TUESDAY_EVENING.date(), bodyweight_kg=80))
        screen = term.wait_for("76 bw")  # 80 - 20 kg x 8
        assert "76 bw" in row(screen, " 1  bw-20 kg x 8")
        screen = log_set(term, "+5x8", " 2  bw-15 kg x 8")  # + takes help off an assisted set
        assert "e1RM 82.3 kg from bodyweight 80 − 15" in screen
        assert "82.3 bw" in row(screen, " 2  bw-15 kg x 8")
        screen = log_set(term, "dip bw+10x5", " 1  bw+10 kg x 5")
        assert "Dip" in screen and "e1RM 105 kg from bodyweight 80 + 10" in screen
        assert "105 bw" in row(screen, " 1  bw+10 kg x 5")
        term.keys("?")
        term.wait_for("Keys")
        term.keys("End")  # the forms a set line takes, at the foot of the help
        screen = term.wait_for("assisted: bodyweight minus 20")
        assert "bw-20x8" in screen and "bodyweight, with added load" in screen
        term.keys("Escape")
        term.wait_for("Enter repeats bw+10 kg x 5")
        sets = quit_and_read(term, log)
    assert [s.exercise for s in sets] == ["pull-up", "pull-up", "dip"]
    assert stored(sets[0]) == as_typed("bw-20x8") and sets[0].assisted
    assert (sets[1].weight_kg, sets[1].assisted, sets[1].bodyweight) == (15, True, True)
    assert stored(sets[2]) == as_typed("bw+10x5") and not sets[2].assisted


def test_each_set_type_shows_its_mark_typed_before_or_after_the_name(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    lines = {
        "w bench 60x5": " w  60 kg x 5",
        "bench d 80x8": " 1  drop 80 kg x 8",
        "f 100x5": " 2  failure 100 kg x 5",
        "bench a 60x15": " 3  AMRAP 60 kg x 15",
        "amrap 60x12": " 4  AMRAP 60 kg x 12",
        "w 70x3": " w  60 kg x 5",  # a second warm-up keeps the first's place
    }
    with empty_workout(log) as term:
        for line, shown in lines.items():
            log_set(term, line, shown)
        screen = term.wait_for(" w  70 kg x 3")
        assert "Enter repeats warm-up 70 kg x 3" in screen
        sets = quit_and_read(term, log)
    assert [s.exercise for s in sets] == ["bench-press"] * 6
    assert [stored(s) for s in sets] == [as_typed(line) for line in lines]
    assert [s.type_name for s in sets] == ["warmup", "drop", "failure", "amrap", "amrap", "warmup"]


def test_dumbbells_per_hand_and_total(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    with empty_workout(log) as term:
        screen = log_set(term, "db bench 22.5x10", " 1  22.5 kg x 10")
        assert "Dumbbell Bench Press · kg per hand" in screen
        term.keys("M-H")  # Alt+Shift+H: this exercise's load is the total
        screen = term.wait_for("the load typed is the total")
        assert "kg per hand" not in screen
        term.keys("M-H")
        term.wait_for("Dumbbell Bench Press · kg per hand")
        term.keys("M-H")
        term.wait_for("the load typed is the total")
        sets = quit_and_read(term, log)
    assert [stored(s) for s in sets] == [as_typed("22.5x10")]
    with open_log(log) as repo:
        assert repo.settings().load_per_hand == {"dumbbell-bench-press": False}


def test_a_lb_user_runs_miles_and_carries_feet(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    restday(tmp_path, "config", "--db", str(log), "unit", "lb", check=True)
    with empty_workout(log) as term:
        screen = log_set(term, "run 3mi 24:00", " 1  3 mi in 24:00")
        assert "km" not in screen
        screen = log_set(term, "carry 100lb 60ft", " 1  100 lb 60 ft")
        assert "Farmer's Carry · lb per hand" in screen
        log_set(term, "+5ft", " 2  100 lb 65 ft")
        sets = quit_and_read(term, log)
    assert stored(sets[0]) == as_typed("3mi 24:00", "lb")
    assert sets[0].distance_m == 4828.032 and sets[0].duration_s == 1440
    assert stored(sets[1]) == as_typed("100lb 60ft", "lb") and sets[1].distance_m == 18.288
    assert sets[2].distance_m == 19.812


def test_the_readmes_set_forms_log_as_typed(tmp_path: Path) -> None:
    """The README's "Typing a set" forms not typed above, each with its exercise's name."""
    log = tmp_path / "log.json"
    lines = {
        "farmer's carry 40kg 30m": ("farmers-carry", " 1  40 kg 30 m"),
        "plank 2min": ("plank", " 1  2:00"),
        "rope 60s": ("jump-rope", " 1  1:00"),
        "pullup bw x8": ("pull-up", " 1  bw x 8"),
        "bench 100 x 5 @ 8.5": ("bench-press", " 1  100 kg x 5 @8.5"),
        "squat 225lbx5x3": ("back-squat", " 3  102.1 kg x 5"),
    }
    with empty_workout(log) as term:
        for line, (_exercise, shown) in lines.items():
            log_set(term, line, shown)
        sets = quit_and_read(term, log)
    expected = [(exercise, as_typed(line)) for line, (exercise, _) in lines.items()]
    expected[-1:] = expected[-1:] * 3  # 225lbx5x3: three sets
    assert [(s.exercise, stored(s)) for s in sets] == expected
