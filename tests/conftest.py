"""What the whole suite shares: fixtures with names of their own, and the tests that need
the workplace's shared files (`needs_shared`), which never skip silently."""

from __future__ import annotations

from pathlib import Path

import pytest

import storage.log.durable
import tui.log_store
from tests.support.screen_helpers import FullDisk
from tests.support.shared import MISSING, SHARED


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs_shared(path): the test reads this file of ../shared (samples, tools)"
    )


def pytest_report_header(config: pytest.Config) -> str:
    found = "found" if SHARED.is_dir() else "MISSING: the tests that need it will not run"
    return f"shared files: {SHARED} ({found})"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        for marker in item.iter_markers("needs_shared"):
            path = Path(marker.args[0])
            if not path.exists():
                item.add_marker(pytest.mark.skip(reason=f"{MISSING}: no {path}"))


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    reasons = [
        str(report.longrepr[-1])
        for report in terminalreporter.stats.get("skipped", [])
        if isinstance(report.longrepr, tuple) and MISSING in str(report.longrepr[-1])
    ]
    if reasons:
        terminalreporter.section(f"{len(reasons)} TESTS DID NOT RUN", red=True, bold=True)
        for reason in sorted(set(reasons)):
            terminalreporter.write_line(reason.removeprefix("Skipped: "), red=True, bold=True)
        terminalreporter.write_line(
            f"They need the workplace's shared files at {SHARED}: check the project out "
            "beside them to run the whole suite.",
            red=True,
        )


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
