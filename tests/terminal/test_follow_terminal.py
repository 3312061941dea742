"""The app open in a real terminal follows what another process writes to its log: a set
`restday log` adds from another shell shows on the workout screen within a second, while
what the lifter is typing in the entry line at a person's pace stays as typed; finishing
counts the sets the log holds, the other process's too; home then counts the workout."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.support.terminal import (
    Terminal,
    entry_line,
    isolated,
    open_log,
    type_line,
    type_slowly,
    wait_until,
    write_demo_log,
)

FOLLOWS_WITHIN_S = 1.0


def restday_log(log: Path, env: dict[str, str], line: str) -> subprocess.Popen:
    """`restday log LINE` run from another shell, while the app is open."""
    return subprocess.Popen(
        [sys.executable, "-m", "tui", "log", "--db", str(log), line],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )


def test_a_set_logged_from_another_shell_shows_while_a_set_is_typed(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path)
    env = isolated(tmp_path)
    with Terminal([sys.executable, "-m", "tui", "--db", str(log)], env=env) as term:
        term.wait_for("Guidance, not medical advice.")
        term.keys("w")
        term.wait_for("No workout in progress")
        term.keys("Enter")
        term.wait_for("Type a set")
        type_line(term, "bench 100x5@8")
        term.wait_for("100 kg x 5 @8")
        wait_until(term, lambda s: "saving" not in s, "the set saved")

        other = restday_log(log, env, "bench 102.5x5@8.5")
        type_slowly(term, "105x3")  # a person's pace, while the other shell logs
        _, errors = other.communicate(timeout=30)
        assert other.returncode == 0, errors
        written = time.monotonic()
        screen = wait_until(term, lambda s: "102.5 kg x 5 @8.5" in s, "the other set", 5)
        assert time.monotonic() - written <= FOLLOWS_WITHIN_S, screen
        assert entry_line(screen) == "105x3"  # what was typed stays, as typed
        rows = [line for line in screen.splitlines() if " kg x " in line]
        assert "1" in rows[0].split() and "2" in rows[1].split(), screen  # numbered

        term.keys("Enter")
        term.wait_for("105 kg x 3")
        wait_until(term, lambda s: "saving" not in s, "the set saved")
        term.keys("M-F")  # Alt+Shift+F: finish
        term.wait_for("How hard was the whole session?")
        term.keys("8")
        term.wait_for("Enter to finish")
        term.keys("Enter")
        screen = term.wait_for("Workout finished")
        with open_log(log) as repo:
            today = max(repo.workouts(), key=lambda w: w.start)
            working = [s for s in repo.sets(workout=today.id) if not s.warmup]
        # each restday's clock starts at the pinned moment: the shell's set may come first
        assert sorted(s.weight_kg for s in working) == [100, 102.5, 105]
        assert "Workout finished: 3 working sets" in screen

        term.keys("C-q")
        term.wait_for("[exited 0]")


def test_home_follows_a_set_logged_from_another_shell(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path)
    env = isolated(tmp_path)
    with Terminal([sys.executable, "-m", "tui", "--db", str(log)], env=env) as term:
        screen = term.wait_for("Guidance, not medical advice.")
        assert "workout in progress" not in screen
        other = restday_log(log, env, "bench 102.5x5@8.5")
        _, errors = other.communicate(timeout=30)
        assert other.returncode == 0, errors
        written = time.monotonic()
        screen = wait_until(term, lambda s: "workout in progress" in s, "home following", 5)
        assert time.monotonic() - written <= FOLLOWS_WITHIN_S, screen
        term.keys("q")
        term.wait_for("[exited 0]")
