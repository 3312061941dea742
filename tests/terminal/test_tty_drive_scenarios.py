"""The scenarios in tests/terminal/scenarios/, run by the workplace's `tty-drive`
(shared/tools) in a real 80x24 terminal: every expectation must hold and no traceback may
ever show. The same ground is covered by the tmux tests (test_*_terminal.py), which need
only tmux."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support.shared import TTY_DRIVE, needs_tty_drive
from tests.support.terminal import isolated, open_log, write_demo_log

SCENARIOS = Path(__file__).parent / "scenarios"
pytestmark = needs_tty_drive


def drive(scenario: str, log: Path, tmp_path: Path) -> str:
    env = [f"--env={key}={value}" for key, value in isolated(tmp_path).items()]
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    steps = (SCENARIOS / scenario).read_text()
    run = subprocess.run(
        [str(TTY_DRIVE), "--size", "80x24", *env, "--", *command],
        input=steps,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout


def test_recovery_scenario(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path)
    with open_log(log) as repo:
        repo.delete_recovery(repo.today())
    drive("recovery.steps", log, tmp_path)
    with open_log(log) as repo:
        today = repo.recovery(repo.today())
    assert (today.sleep_hours, today.sleep_quality, today.water_cups) == (7.5, 4, 3)
    assert (today.protein_g, today.carbs_g, today.bodyweight_kg, today.stress) == (
        120,
        60,
        81.2,
        2,
    )


def test_symptoms_scenario(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path)
    drive("symptoms.steps", log, tmp_path)
    with open_log(log) as repo:
        newest = repo.symptoms()[-1]
    assert (newest.weakness, newest.energy, newest.mood, newest.motivation) == (3, 2, 3, 2)
    assert newest.soreness["side_delts"] == 7 and newest.soreness["biceps"] == 10
    assert (newest.soreness["quads"], newest.soreness["hamstrings"]) == (4, 5)


def test_history_scenario(tmp_path: Path) -> None:
    drive("history.steps", write_demo_log(tmp_path), tmp_path)
