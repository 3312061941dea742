"""Start-up in a real terminal (tmux, 80x24) on a two-year demo log: home shows the score
`restday status` gives, from the log's recent copy while the whole log is read, and it stays
once the whole log is read; with a copy older than the log, the log's own score."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.support.clock import TUESDAY_EVENING
from tests.support.terminal import Terminal, isolated, open_log, settled, write_demo_log

SIDES = re.compile(r"Peripheral \S+\s+(\d+)\s+Central \S+\s+(\d+)")


def status_sides(log: Path, env: dict[str, str]) -> tuple[int, int]:
    """Peripheral and central readiness as `restday status` gives them (it reads the whole
    log, or its recent copy only while that is current)."""
    result = subprocess.run(
        [sys.executable, "-m", "tui", "status", "--db", str(log), "--json"],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )
    score = json.loads(result.stdout)
    return round(score["peripheral"]), round(score["central"])


def home_sides(screen: str) -> tuple[int, int]:
    match = SIDES.search(screen)
    assert match, screen
    return int(match.group(1)), int(match.group(2))


def test_home_shows_the_score_at_once_and_keeps_it(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path, weeks=104)
    env = isolated(tmp_path)
    expected = status_sides(log, env)
    with Terminal([sys.executable, "-m", "tui", "--db", str(log)], env=env) as term:
        term.wait_for("Peripheral")
        assert home_sides(term.screen()) == expected
        assert home_sides(settled(term)) == expected  # the whole log was read meanwhile


def test_a_copy_older_than_the_log_gives_way_to_the_log(tmp_path: Path) -> None:
    log = write_demo_log(tmp_path, weeks=104)
    with open_log(log) as repo:  # another restday, without refreshing the copy
        repo.add_intake(TUESDAY_EVENING.date(), water_cups=4)
    env = isolated(tmp_path)
    with Terminal([sys.executable, "-m", "tui", "--db", str(log)], env=env) as term:
        term.wait_for("Peripheral")
        shown = home_sides(settled(term))
    assert shown == status_sides(log, env)
