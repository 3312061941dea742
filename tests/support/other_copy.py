"""Another copy of restday on the same log: a real process with a repository of its own."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

SCRIPT = """\
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta

from storage.log.repository import Repository

now = datetime.fromisoformat(sys.argv[2])
with Repository(sys.argv[1], clock=lambda: now) as repo:
    workout = repo.open_workout()
    sets = repo.sets(workout=workout.id) if workout else []
{code}
"""


def other_copy(log: Path, code: str, now: datetime) -> None:
    """Run `code` in another process with its own repository on `log` at `now` (`repo`,
    today's open `workout` and its `sets` are there to use; `replace`, `date`)."""
    body = "\n".join(f"    {line}" for line in code.strip().splitlines())
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(code=body), str(log), now.isoformat()],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
