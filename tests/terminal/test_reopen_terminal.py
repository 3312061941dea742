"""Reopening a finished workout and `restday log` into it, in a real 80x24 terminal (tmux)
typed at a person's pace: a forgotten set goes into the workout it belongs to, and
finishing again keeps its session RPE and notes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from storage.model.exercise_library import BUILTIN_BY_ID
from tests.support.clock import TUESDAY_EVENING
from tests.support.terminal import (
    Terminal,
    app_pid,
    isolated,
    open_log,
    start_empty_workout,
    type_slowly,
    wait_until,
    write_demo_log,
)

BENCH = BUILTIN_BY_ID["bench-press"]


def test_reopen_todays_workout_then_log_into_it_from_the_shell(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path, weeks=2)
    env = isolated(tmp_path)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=env) as term:
        start_empty_workout(term)
        type_slowly(term, "leg curl 40x10")
        term.keys("Enter")
        term.wait_for("also matches Seated Leg Curl")
        term.keys("M-F")  # Alt+Shift+F: finish
        type_slowly(term, "7")
        type_slowly(term, "easy")
        term.keys("Enter")
        term.wait_for("Reopen today's workout")
        term.keys("End", "Enter")  # the last choice
        term.wait_for("Reopened the workout of today")
        type_slowly(term, "x8")  # the set forgotten: from the workout's last one
        term.keys("Enter")
        term.wait_for("40 kg x 8")
        term.keys("M-F")
        term.wait_for("Session RPE 7: Enter keeps it and its notes")
        term.keys("Enter")
        term.wait_for("Reopen today's workout")
        term.keys("C-q")
        wait_until(term, lambda s: "[exited" in s or "quit" in s.lower(), "quitting")
        time.sleep(0.5)

    later = isolated(tmp_path, TUESDAY_EVENING + timedelta(minutes=20))  # in the shower
    shell = subprocess.run(
        [sys.executable, "-m", "tui", "log", "--db", str(log), "--reopen", "+2.5x6"],
        capture_output=True,
        text=True,
        env={**os.environ, **later},
        check=True,
    )
    assert "Added to today's finished workout" in shell.stdout
    assert "Lying Leg Curl  42.5 kg x 6" in shell.stdout
    with open_log(log, TUESDAY_EVENING + timedelta(minutes=20)) as repo:
        workout = repo.last_finished(repo.today())
        sets = repo.sets(workout=workout.id)
    assert [(s.weight_kg, s.reps) for s in sets] == [(40.0, 10), (40.0, 8), (42.5, 6)]
    assert (workout.session_rpe, workout.notes) == (7, "easy")


def test_an_earlier_days_workout_reopened_keeps_its_end_when_the_app_is_killed(
    tmp_path: Path,
) -> None:
    """Sunday's workout reopened from history on Tuesday, the app SIGKILLed while it is open:
    the log still says when it ended (and so how long it took), and the app started again
    shows it reopened; finishing it ends it where it ended."""
    log = tmp_path / "log.json"
    then = TUESDAY_EVENING - timedelta(days=2, hours=1)
    with open_log(log, then) as repo:
        workout = repo.start_workout("Push")
        repo.log_set(workout, BENCH, 100, 5, rpe=8, at=then + timedelta(minutes=5))
        finished = repo.finish_workout(workout, 6, "shoulder ok", at=then + timedelta(minutes=50))
    env = isolated(tmp_path)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=env) as term:
        pid = app_pid(term)
        term.wait_for("Guidance, not medical advice.")
        type_slowly(term, "y")  # history
        term.wait_for("Tab: next view")
        term.keys("Tab")  # the sessions
        term.wait_for("Push")
        term.keys("Enter")  # the last one
        term.wait_for("o: reopen")
        type_slowly(term, "o")
        term.wait_for("Reopened the workout of Sun 22 Nov")
        with open_log(log) as repo:
            wait_until(term, lambda _s: repo.reopened_workout() is not None, "reopened saved")
        os.kill(pid, signal.SIGKILL)
    with open_log(log) as repo:
        stored = repo.workout(finished.id)
    assert stored.end == finished.end and stored.duration_minutes == 50
    assert stored.reopened and (stored.session_rpe, stored.notes) == (6, "shoulder ok")

    with Terminal(command, size="80x24", env=env) as term:
        term.wait_for("Guidance, not medical advice.")
        type_slowly(term, "w")
        term.wait_for("of Sun 22 Nov 2026 (reopened)")
        term.keys("M-F")
        term.wait_for("Session RPE 6: Enter keeps it and its notes")
        term.keys("Enter")
        term.wait_for("Workout finished")
        term.keys("C-q")
        wait_until(term, lambda s: "[exited" in s or "quit" in s.lower(), "quitting")
        time.sleep(0.5)
    with open_log(log) as repo:
        stored = repo.workout(finished.id)
    assert stored.end == finished.end and not stored.reopened
    assert (stored.session_rpe, stored.notes) == (6, "shoulder ok")
