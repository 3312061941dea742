"""Found by a new user's run through issue 14 in a real 80x24 terminal (tmux), typed at a
person's pace: a line left with Escape and typed on, a burst after `w`, a mark after the
name, the plan's load in lb, help's edges."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from tests.support.terminal import (
    Terminal,
    isolated,
    open_log,
    restday,
    start_with_a_set,
    type_slowly,
    write_demo_log,
)


def test_a_mark_typed_after_the_name_is_not_dropped_from_the_set(tmp_path: Path) -> None:
    """`bench w 60x5` (the order the finished-workout error of `restday log` suggests) was
    logged as a WORKING set of 60 kg x 5, its warm-up mark silently dropped ("bench w" read
    as Bench Press): a warm-up counted as a working set. It should be a warm-up, or refused
    saying where the mark goes; never a working set."""
    log = tmp_path / "log.json"
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        start_with_a_set(term)
        type_slowly(term, "bench w 60x5\r")
        time.sleep(1.5)
        term.keys("C-q")
        term.wait_for("[exited")
    with open_log(log) as repo:
        working = [
            (s.weight_kg, s.reps) for s in repo.sets(workout=repo.workouts()[-1].id) if not s.warmup
        ]
    assert working == [(100, 5)], f"the warm-up was logged as a working set: {working}"


def test_restday_log_suggests_the_mark_before_the_name(tmp_path: Path) -> None:
    """After today's workout is finished, `restday log w 60x5` says "name the exercise
    first, e.g. 'bench w 60x5'"; typed as suggested that logs a working set (see above).
    The grammar is `[w] [exercise] ...`: the example should read `w bench 60x5`."""
    log = tmp_path / "log.json"
    assert restday(tmp_path, "--db", log, "log", "bench 100x5").returncode == 0
    with open_log(log) as repo:
        workout = repo.workouts()[-1]
        repo.finish_workout(workout, session_rpe=7)
    result = restday(tmp_path, "--db", log, "log", "w 60x5")
    assert result.returncode != 0
    assert "bench w 60x5" not in result.stderr, result.stderr
    assert "w bench 60x5" in result.stderr, result.stderr


def test_help_over_the_workout_screen_leaves_no_stray_letter_at_the_edges(
    tmp_path: Path,
) -> None:
    """F1 on the workout screen at 80x24: the help box covers the footer except its first
    and last column, so the bottom row reads `a╰────╯s` (the "a" of "alt+shift+f" and
    the "s" of "Commands"), the stray letter in column 80 issue 14 asks never to see."""
    log = tmp_path / "log.json"
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        start_with_a_set(term)
        term.keys("F1")
        screen = term.wait_for("closes this")
        bottom = screen.splitlines()[-1]
        assert not bottom[:1].isalpha() and not bottom[-1:].isalpha(), bottom


@pytest.mark.parametrize("burst", [True, False], ids=["burst", "pace"])
def test_a_set_typed_right_after_w_from_home_is_logged_not_the_last_one_again(
    tmp_path: Path, burst: bool
) -> None:
    """A workout in progress, the lifter on home: `w` then `rdl 100x8` and Enter typed in
    one go (a burst). The keys after `w` were dropped while the workout screen came up and
    Enter repeated the last bench set: a set not done logged, the one done lost."""
    log = write_demo_log(tmp_path)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        term.wait_for("Guidance, not medical advice.")
        type_slowly(term, "wbench 100x5@8\r")
        term.wait_for("100 kg x 5 @8")
        term.keys("M-h")
        term.wait_for("Guidance, not medical advice.")
        if burst:
            term.keys("-l", "--", "wrdl 100x8\r")
        else:
            type_slowly(term, "wrdl 100x8\r")
        time.sleep(2)
        term.keys("C-q")
        term.wait_for("[exited")
    with open_log(log) as repo:
        sets = [
            (s.exercise, s.weight_kg, s.reps) for s in repo.sets(workout=repo.workouts()[-1].id)
        ]
    assert sets == [("bench-press", 100, 5), ("romanian-deadlift", 100, 8)], sets


def test_in_lb_the_plans_load_is_the_load_enter_logs(tmp_path: Path) -> None:
    """Unit lb, the demo's Lower A. `restday plan` (as home and `restday status`) plans "Back
    Squat 4x5@8 285 lb"; the workout started from Lower A said "Enter logs 286.6 lb x 5 @8"
    (130 kg, last time's load): a load a lifter cannot make with plates."""
    log = write_demo_log(tmp_path)
    assert restday(tmp_path, "--db", log, "config", "unit", "lb").returncode == 0
    plan = restday(tmp_path, "--db", log, "plan").stdout
    line = next(line for line in plan.splitlines() if "Back Squat 4x5@8" in line)
    planned = line.split("Back Squat 4x5@8 ")[1].split(" lb")[0]
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        term.wait_for("Guidance, not medical advice.")
        type_slowly(term, "w")
        screen = term.wait_for("today's plan")  # the list opens on it: Lower A
        assert "today's plan  Lower A" in screen
        term.keys("Enter")
        term.wait_for("Enter logs w ")  # the demo's lifter warms up: skipped
        term.keys("M-k")
        screen = term.wait_for("Warm-ups skipped")
        assert f"Enter logs {planned} lb x 5 @8 (plan)" in screen, (line, screen)


def test_typing_on_after_escape_continues_the_line_it_left(tmp_path: Path) -> None:
    """Half a set typed ("rdl 10"), Escape (to glance at the table; the line still shows
    "rdl 10"), then the rest "0x8" and Enter: the line became "0x8", replacing what it
    showed, and Bench Press 0 kg x 8 was logged instead of Romanian Deadlift 100 kg x 8.
    (Tab on the start screen does the same: "zercher squat 60x5", Tab, "q" leaves "q".)"""
    log = tmp_path / "log.json"
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        start_with_a_set(term)
        type_slowly(term, "rdl 10")
        term.keys("Escape")
        time.sleep(0.5)
        assert "rdl 10" in term.screen()
        type_slowly(term, "0x8\r")
        time.sleep(1.5)
        term.keys("C-q")
        term.wait_for("[exited")
    with open_log(log) as repo:
        sets = [
            (s.exercise, s.weight_kg, s.reps) for s in repo.sets(workout=repo.workouts()[-1].id)
        ]
    assert sets == [("bench-press", 100, 5), ("romanian-deadlift", 100, 8)], sets
