"""Fixtures shared by the screen tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import storage.log.durable
import tui.log_store
from tests.support.screen_helpers import FullDisk


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch, log: Path) -> FullDisk:
    """Replacing `log` (the test module's fixture) fails as on a full disk while the disk
    is full; failed saves are retried every 0.05 s."""
    disk = FullDisk(log)
    monkeypatch.setattr(storage.log.durable.os, "replace", disk.replace)
    monkeypatch.setattr(tui.log_store, "RETRY_EVERY_S", 0.05)
    return disk


@pytest.fixture(scope="session")
def demo_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 12-week demo log of the history tests, written once; tests use a copy."""
    from tests.support.history_app import write_history_demo

    return write_history_demo(tmp_path_factory.mktemp("history") / "demo.json")
