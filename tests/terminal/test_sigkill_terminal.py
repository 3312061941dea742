"""A set the app shows as logged is on disk: sets typed in a burst into the app on a
sizeable log, the app SIGKILLed the moment the last one shows as saved (no "saving"
beside it), and every one of them is in the log when it is opened again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from tests.support.clock import TUESDAY_EVENING
from tests.support.terminal import Terminal, app_pid, isolated, open_log, write_demo_log

TRIALS = 3
SETS = 3
POLL_S = 0.005


def shown_and_saved(screen: str, text: str, count: int) -> bool:
    rows = [line for line in screen.splitlines() if text in line]
    return len(rows) >= count and not any("saving" in row for row in rows)


def test_sets_shown_as_saved_survive_a_sigkill(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path, weeks=104)
    subprocess.run(  # today's workout, with bench press as its exercise
        [sys.executable, "-m", "tui", "log", "--db", str(log), "bench 60x5"],
        capture_output=True,
        check=True,
        env={**os.environ, **isolated(tmp_path)},
    )
    lost = []
    for trial in range(TRIALS):
        weight = f"{111 + trial}.5"  # no demo set weighs this
        # Each run's clock starts where $RESTDAY_NOW says: a later run starts later, or its
        # sets would sort before the last run's and Enter would repeat one of those.
        env = isolated(tmp_path, now=TUESDAY_EVENING + timedelta(minutes=1 + trial))
        with Terminal([sys.executable, "-m", "tui", "--db", str(log)], env=env) as term:
            pid = app_pid(term)
            term.wait_for("workout in progress (w)")
            term.keys("w")
            term.wait_for("Enter repeats")
            term.keys("-l", "--", f"{weight}x5@8")
            term.keys("Enter", *["Enter"] * (SETS - 1))  # Enter repeats the last set
            text = f"{weight} kg x 5 @8"
            deadline = time.monotonic() + 20
            while not shown_and_saved(screen := term.screen(), text, SETS):
                assert time.monotonic() < deadline, screen
                time.sleep(POLL_S)
            os.kill(pid, signal.SIGKILL)
        with open_log(log) as repo:
            stored = [s for s in repo.sets(since=repo.today()) if s.weight_kg == float(weight)]
        lost.append(SETS - len(stored))
    assert lost == [0] * TRIALS
