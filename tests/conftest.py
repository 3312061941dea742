"""What the whole suite shares: fixtures with names of their own, and the tests that need
the workplace's shared files (`needs_shared`), which never skip silently."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import storage.log.durable
import storage.log.journal
import tui.log_store
from storage.log.repository import Repository
from storage.model.records import Settings
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.logs import demo_log_at
from tests.support.quick_idle import use_quick_idle
from tests.support.screen_helpers import FullDisk
from tests.support.shared import MISSING, SHARED


def pytest_configure(config: pytest.Config) -> None:
    use_quick_idle()
    config.addinivalue_line(
        "markers", "needs_shared(path): the test reads this file of ../shared (samples, tools)"
    )


def pytest_report_header(config: pytest.Config) -> str:
    found = "found" if SHARED.is_dir() else "MISSING: the tests that need it will not run"
    return f"shared files: {SHARED} ({found})"


TERMINAL_TESTS = Path(__file__).parent / "terminal"


TERMINAL_WORKERS = 2  # real-terminal tests mostly wait for an app in tmux to draw


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """A worker per core, and TERMINAL_WORKERS more for the real-terminal tests (below)."""
    if "PYTEST_XDIST_AUTO_NUM_WORKERS" in os.environ:  # xdist's own override, kept
        return int(os.environ["PYTEST_XDIST_AUTO_NUM_WORKERS"])
    return (os.cpu_count() or 1) + TERMINAL_WORKERS


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups (`--dist loadgroup`)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    terminal_files = sorted({i.path for i in items if i.path.is_relative_to(TERMINAL_TESTS)})
    for item in items:
        if item.path.is_relative_to(TERMINAL_TESTS):
            # TERMINAL_WORKERS groups of whole files, each on a worker of its own, beside
            # the others
            group = terminal_files.index(item.path) % TERMINAL_WORKERS
            item.add_marker(pytest.mark.xdist_group(f"terminal-{group}"))
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
    """Replacing `log` (the test module's fixture) or appending to its journal fails as on
    a full disk while the disk is full; failed saves are retried every 0.05 s."""
    disk = FullDisk(log)
    monkeypatch.setattr(storage.log.durable.os, "replace", disk.replace)
    monkeypatch.setattr(storage.log.journal, "append", disk.append)
    monkeypatch.setattr(tui.log_store, "RETRY_EVERY_S", 0.05)
    return disk


@pytest.fixture
def clock() -> FakeClock:
    """The tests' clock, standing still on Tuesday evening until a test moves it (a module
    that starts at another moment has a `clock` of its own)."""
    return FakeClock(TUESDAY_EVENING)


@pytest.fixture
def repo(tmp_path: Path, clock: FakeClock) -> Iterator[Repository]:
    """A new log in `tmp_path` kept in UTC, written at the tests' `clock` (a module adds to
    it with a `repo` fixture of its own taking this one)."""
    with Repository(tmp_path / "log.json", clock=clock) as repository:
        repository.save_settings(Settings(timezone="UTC"))
        yield repository


@pytest.fixture(scope="session")
def six_week_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six weeks of the demo ending Tuesday evening, written once: never change it (take
    `six_week_log`, a copy of one's own)."""
    return demo_log_at(tmp_path_factory.mktemp("six-weeks") / "log.json", weeks=6)


@pytest.fixture(scope="session")
def twelve_week_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve weeks of the demo ending Tuesday evening, with its fatigue episode (19-28
    October), deload and rebound, written once: never change it (`twelve_week_log`)."""
    return demo_log_at(tmp_path_factory.mktemp("twelve-weeks") / "log.json", weeks=12)


@pytest.fixture
def six_week_log(tmp_path: Path, six_week_demo: Path) -> Path:
    """A copy of the six-week demo log, this test's own, at `tmp_path / "log.json"`."""
    return Path(shutil.copy(six_week_demo, tmp_path / "log.json"))


@pytest.fixture
def twelve_week_log(tmp_path: Path, twelve_week_demo: Path) -> Path:
    """A copy of the twelve-week demo log, this test's own, at `tmp_path / "log.json"`."""
    return Path(shutil.copy(twelve_week_demo, tmp_path / "log.json"))
