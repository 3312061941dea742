"""Fixtures of the screen tests."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from storage.log.repository import Repository
from tests.support.clock import FakeClock


@pytest.fixture
def log(tmp_path: Path, clock: FakeClock) -> Path:
    """A new log in UTC, with nothing logged yet (a module may have a `log` of its own)."""
    path = tmp_path / "log.json"
    with Repository(path, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
    return path
