"""Supersets, the plate calculator and the history of holds and distances in a real 80x24
terminal (tmux), typed at a person's pace: a template's `&` line and Alt+G each make a
superset that logging moves through, resting only after its last exercise; Alt+C gives the
plates for any load; History's Progress shows a plank's holds and a lb user's runs in miles
with their pace per mile, and their records."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

from tests.support.clock import TUESDAY_EVENING
from tests.support.terminal import (
    Terminal,
    isolated,
    log_set,
    quit_and_read,
    restday,
    row,
    start_with_a_set,
    type_slowly,
    wait_until,
)

REST = "rest  "  # the top line's rest timer


def top(screen: str) -> str:
    return screen.splitlines()[0]


def test_a_template_superset_moves_through_the_group_and_rests_after_it(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env=isolated(tmp_path)) as term:
        term.wait_for("Home")
        term.keys("l")
        term.wait_for("a new template's name")
        type_slowly(term, "Push pull\r")
        term.wait_for("Begin a line with & to superset it")
        type_slowly(term, "bench 2x5 rest 2:00\r")
        term.wait_for("1. Bench Press 2x5 rest 2:00")
        type_slowly(term, "& row 2x8 rest 1:30\r")
        term.wait_for("2. & Barbell Row 2x8 rest 1:30")
        term.keys("M-w")
        term.wait_for("Push pull  Bench Press + Barbell Row")
        term.keys("Down", "Enter")
        screen = term.wait_for("┌Bench Press")
        assert "└Barbell Row" in screen
        screen = log_set(term, "100x5", "Superset: now Barbell Row.")
        assert REST not in top(screen)  # no rest inside the group
        screen = log_set(term, "80x8", REST)
        assert "1:30" in top(screen) or "1:29" in top(screen)  # the row's rest, after the group
        sets = quit_and_read(term, log)
    assert [(s.exercise, s.weight_kg, s.reps) for s in sets] == [
        ("bench-press", 100, 5),
        ("barbell-row", 80, 8),
    ]


def test_alt_g_groups_two_exercises_of_a_workout(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env=isolated(tmp_path)) as term:
        start_with_a_set(term)  # bench 100x5
        log_set(term, "row 80x8", "Barbell Row")
        term.keys("M-g")  # Alt+G: the row joins the bench above it
        screen = term.wait_for("└Barbell Row")
        assert "┌Bench Press" in screen
        term.keys("M-1")
        term.wait_for("Enter repeats 100 kg x 5")
        screen = log_set(term, "", "Superset: now Barbell Row.")
        assert REST not in top(screen)  # no rest inside the group
        screen = log_set(term, "", "Enter repeats 100 kg x 5")  # the row, then the bench again
        assert REST in top(screen)  # the rest, after the group's last exercise
        sets = quit_and_read(term, log)
    assert [s.exercise for s in sets] == ["bench-press", "barbell-row"] * 2
    assert sets[2].group is not None and sets[2].group == sets[3].group


def test_alt_c_gives_the_plates_for_any_load(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env=isolated(tmp_path)) as term:
        start_with_a_set(term)
        term.keys("M-c")
        term.wait_for("Plates for which load (kg)?")
        type_slowly(term, "100\r")
        screen = term.wait_for("100 kg: 25 15 a side")
        assert all(len(line) <= 80 for line in screen.splitlines())
        sets = quit_and_read(term, log)
    assert [(s.weight_kg, s.reps) for s in sets] == [(100, 5)]  # the calculator logs nothing


def test_progress_of_a_plank_and_a_lb_users_runs(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    for days_ago, sets in (
        (4, ("plank 60s", "run 5km 26:00")),
        (2, ("plank 1:30", "run 5km 25:00")),
    ):
        now = TUESDAY_EVENING - timedelta(days=days_ago)
        restday(tmp_path, "log", "--db", str(log), *sets, now=now, check=True)
    restday(tmp_path, "config", "--db", str(log), "unit", "lb", check=True)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env=isolated(tmp_path)) as term:
        term.wait_for("Guidance, not medical advice.")
        term.keys("y")
        term.wait_for("Tab: next view")
        term.keys("Tab", "Tab")  # calendar, sessions, progress
        term.wait_for("p: pick another exercise")  # as a person sees the view, then picks
        term.keys("p")
        term.wait_for("Exercise: type a few letters")
        type_slowly(term, "plank\r")
        screen = wait_until(term, lambda s: "Plank · 2 sessions" in s, "the plank's progress")
        assert "longest hold min" in screen and "Longest hold 1:30" in screen
        assert row(screen, "date").split() == ["date", "best", "set", "time", "sets"]
        term.keys("p")
        term.wait_for("Exercise: type a few letters")
        type_slowly(term, "running\r")
        screen = term.wait_for("Running · 2 sessions")
        assert "best pace min/mi" in screen and "/km" not in screen
        assert "Fastest 3.11 mi in 25:00" in screen and "Longest" in screen
        assert row(screen, "distance").split()[-4:] == ["distance", "time", "pace", "sets"]
        assert row(screen, "8:03/mi").split()[-5:] == ["3.11", "mi", "25:00", "8:03/mi", "1"]
        assert all(len(line) <= 80 and "…" not in line for line in screen.splitlines())
        term.keys("q")
        assert "Traceback" not in term.wait_for("[exited 0]")
