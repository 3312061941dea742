"""Small logs the tests start from."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from storage.log.repository import Repository
from tests.support.clock import TUESDAY_EVENING


def log_with_sets(path: Path, sets: int = 3, at: datetime = TUESDAY_EVENING) -> Path:
    """A log with one workout of `sets` sets of bench press, 100 kg x 5 @8, started `at`."""
    with Repository(path, clock=lambda: at) as repo:
        workout = repo.start_workout("Upper A")
        bench = repo.exercise("bench-press")
        for _ in range(sets):
            repo.log_set(workout, bench, 100, 5, rpe=8)
    return path
