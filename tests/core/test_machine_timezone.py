"""The machine's timezone, read from the system's files without pendulum where they tell
it: the same name pendulum's `local_timezone` gives for the same files, and pendulum's
answer where they don't."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pendulum.tz.local_timezone import _get_unix_timezone

from storage.model.days import named_by_system_files

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not Path("/usr/share/zoneinfo/Etc/UTC").exists(),
    reason="the system's files of Linux, with its zoneinfo",
)
ZONES = Path("/usr/share/zoneinfo")


def _etc(root: Path, **files: str | bytes) -> Path:
    (root / "etc").mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = root / "etc" / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)
    return root


@pytest.mark.parametrize(
    "files",
    [
        {"timezone": "Europe/Berlin\n"},
        {"timezone": "America/New_York # the office\n"},
        {"timezone": "Etc/UTC"},
    ],
)
def test_etc_timezone_names_it_as_pendulum_does(tmp_path: Path, files: dict[str, str]) -> None:
    root = _etc(tmp_path, **files)
    assert named_by_system_files(root) == _get_unix_timezone(str(root)).name


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/UTC"])
def test_the_localtime_link_names_it_as_pendulum_does(tmp_path: Path, zone: str) -> None:
    root = _etc(tmp_path)
    (root / "etc" / "localtime").symlink_to(ZONES / zone)
    assert named_by_system_files(root) == _get_unix_timezone(str(root)).name


def test_a_zoneinfo_file_as_etc_timezone_is_passed_over_for_the_link(tmp_path: Path) -> None:
    root = _etc(tmp_path, timezone=(ZONES / "Asia/Tokyo").read_bytes())
    (root / "etc" / "localtime").symlink_to(ZONES / "Asia/Tokyo")
    assert named_by_system_files(root) == _get_unix_timezone(str(root)).name == "Asia/Tokyo"


@pytest.mark.parametrize(
    "files",
    [
        {"sysconfig__clock": 'ZONE="Europe/Paris"\n'},
        {"conf.d__clock": 'TIMEZONE="Europe/Paris"\n'},
        {"localtime": (ZONES / "Europe/Paris").read_bytes() if ZONES.exists() else b""},
    ],
)
def test_other_files_are_left_to_pendulum(tmp_path: Path, files: dict[str, str | bytes]) -> None:
    root = _etc(tmp_path, **files)
    assert named_by_system_files(root) is None
