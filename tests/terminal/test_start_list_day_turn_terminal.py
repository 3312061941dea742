"""The workout start list left on screen over the day's turn (04:00), in a real 80x24
terminal: at 04:00 it marks the new day's plan and no longer offers yesterday's finished
workout as today's; Enter starts the plan."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

from storage.read.today_plan import planned_template
from tests.support.clock import TUESDAY_EVENING
from tests.support.terminal import Terminal, isolated, open_log, write_demo_log

BEFORE_THE_TURN = datetime(2026, 11, 25, 3, 59, 45, tzinfo=TUESDAY_EVENING.tzinfo)


def test_the_start_list_turns_over_to_the_new_days_plan(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path, weeks=6)
    with open_log(log) as repo:
        lower_a = next(t for t in repo.offered_templates() if t.name == "Lower A")
        workout = repo.start_workout("Lower A", template=lower_a.id)
        repo.finish_workout(workout, 7, at=TUESDAY_EVENING + timedelta(hours=1))
    after = BEFORE_THE_TURN + timedelta(minutes=1)
    with open_log(log, after) as repo:
        planned = planned_template(repo, repo.day_of(after))
    assert planned is not None and planned.name != "Lower A"
    env = isolated(tmp_path, BEFORE_THE_TURN)
    with Terminal([sys.executable, "-m", "tui", "--db", str(log)], size="80x24", env=env) as term:
        term.wait_for("Guidance, not medical advice.")
        term.keys("w")
        screen = term.wait_for("Reopen today's Lower A")
        assert "today's plan" not in screen
        screen = term.wait_for(f"today's plan  {planned.name}", timeout=40)
        assert "Reopen today's" not in screen
        term.keys("Enter")
        term.wait_for(f"Started {planned.name}.")
