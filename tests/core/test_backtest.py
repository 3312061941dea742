"""`benchmarks/backtest.py` (scoring spec 8) as a lifter runs it on a log: the demo's
fatigue episode reads as the model expects, and a log too sparse to compare says why."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from tests.support.clock import TUESDAY_EVENING, FakeClock

BACKTEST = Path(__file__).resolve().parents[2] / "benchmarks" / "backtest.py"


def backtest(log: Path) -> str:
    return subprocess.run(
        [sys.executable, str(BACKTEST), str(log)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout


def test_the_twelve_week_demo_holds_section_8s_checks(twelve_week_demo: Path) -> None:
    shown = backtest(twelve_week_demo)
    bands = {
        band: (float(share), None if mean == "-" else float(mean))
        for band, share, mean in re.findall(
            r"^  (\w[\w ]+?)\s+\d+ mornings \(\s*([\d.]+) %\)  mean residual (\S+)", shown, re.M
        )
    }
    assert set(bands) == {"Train as planned", "Reduce", "Rest day"}
    assert 0 < bands["Rest day"][0] <= 10  # its fatigue episode, and no more
    assert bands["Reduce"][0] > 0
    assert bands["Train as planned"][1] > bands["Reduce"][1] > bands["Rest day"][1]
    rho_r = float(re.search(r"rho\(readiness, residual\) (\S+)", shown)[1])
    rho_p = float(re.search(r"rho\(P_m, residual\)\s+(\S+)", shown)[1])
    assert rho_r > 0 and rho_p > 0.1


def test_a_lift_trained_too_rarely_to_compare_says_why(tmp_path: Path) -> None:
    """A squat every three weeks: no session has 3 of the lift in the 42 days before it."""
    clock = FakeClock(TUESDAY_EVENING)
    log = tmp_path / "log.json"
    with Repository(log, clock=clock) as repo:
        for weeks_ago in (12, 9, 6, 3, 0):
            clock.now = TUESDAY_EVENING - timedelta(weeks=weeks_ago)
            workout = repo.start_workout("Legs")
            repo.log_set(workout, BUILTIN_BY_ID["back-squat"], 140, 5, rpe=8)
            repo.finish_workout(repo.workouts()[-1], 7)
    shown = backtest(log)
    assert "sessions of compound lifts with a residual: 0" in shown
    assert "No residual: no session of a compound lift had 3 sessions of that lift" in shown
