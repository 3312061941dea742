"""Every directory restday makes for the log is 0700, whatever the umask of the shell that
runs it: a log in a new folder is health data in a private folder."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.support.terminal import isolated

NOW = datetime(2026, 3, 10, 18, 0, tzinfo=UTC)


def restday_with_umask(umask: int, *args: str, tmp_path: Path, env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **isolated(tmp_path, NOW), **env},
        preexec_fn=lambda: os.umask(umask),
    )
    assert result.returncode == 0, result.stderr


def made_below(root: Path) -> list[Path]:
    return [Path(d) for d, _, _ in os.walk(root) if Path(d) != root]


def modes(dirs: list[Path]) -> dict[str, str]:
    return {str(d): oct(stat.S_IMODE(os.stat(d).st_mode)) for d in dirs}


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o002])
def test_the_default_data_folder_and_its_parents_are_private(tmp_path: Path, umask: int) -> None:
    root = tmp_path / "home"
    root.mkdir()
    data_home = root / "new" / "share"  # XDG_DATA_HOME not made yet: restday makes it all
    restday_with_umask(
        umask, "log", "bench", "100x5", tmp_path=tmp_path, env={"XDG_DATA_HOME": str(data_home)}
    )
    log = data_home / "restday" / "log.json"
    assert log.is_file()
    made = made_below(root)
    assert len(made) == 3
    assert set(modes(made).values()) == {"0o700"}, modes(made)
    assert stat.S_IMODE(os.stat(log).st_mode) == 0o600


@pytest.mark.parametrize("command", [["log", "bench", "100x5"], ["demo", "--weeks", "1"]])
def test_a_db_in_new_folders_is_made_in_private_ones(tmp_path: Path, command: list[str]) -> None:
    root = tmp_path / "home"
    root.mkdir()
    log = root / "a" / "b" / "c" / "log.json"
    restday_with_umask(0, *command[:1], "--db", str(log), *command[1:], tmp_path=tmp_path, env={})
    assert log.is_file()
    made = made_below(root)
    assert len(made) == 3
    assert set(modes(made).values()) == {"0o700"}, modes(made)


def test_folders_that_were_there_are_left_as_they_were(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    log = shared / "mine" / "log.json"
    restday_with_umask(0, "log", "--db", str(log), "bench", "100x5", tmp_path=tmp_path, env={})
    assert stat.S_IMODE(os.stat(shared).st_mode) == 0o755
    assert stat.S_IMODE(os.stat(log.parent).st_mode) == 0o700
