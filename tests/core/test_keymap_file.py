"""The keymap is read only if it is a regular file of a sane size: a FIFO in its place hung
the app before its first frame, a link to /dev/zero read until memory ran out. Each is
reported (the app keeps its default keys) and nothing waits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

LOAD = """\
import sys
from pathlib import Path
from tui.keymap import load_keymap

keymap = load_keymap(Path(sys.argv[1]))
print(keymap.keys)
print(keymap.notice)
"""


def load_in_a_process(path: Path) -> tuple[str, str]:
    """What a real process makes of the keymap at `path`: its keys and its notice."""
    result = subprocess.run(
        [sys.executable, "-c", LOAD, str(path)],
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert result.returncode == 0, result.stderr
    keys, notice = result.stdout.splitlines()
    return keys, notice


def make_fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def make_zero(path: Path) -> Path:
    path.symlink_to("/dev/zero")
    return path


def make_huge(path: Path) -> Path:
    with open(path, "wb") as fh:
        fh.write(b"# " + b"x" * (1 << 20) + b'\n[keys]\nquit = "q"\n')
    return path


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (make_fifo, "a FIFO (named pipe), not a regular file"),
        (make_zero, "a character device, not a regular file"),
        (make_huge, "larger than 64 KB"),
    ],
)
def test_a_keymap_that_is_not_a_small_regular_file_is_reported_not_read(
    tmp_path: Path, make, problem: str
) -> None:
    path = make(tmp_path / "keymap.toml")
    try:
        keys, notice = load_in_a_process(path)
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading {path} hung")
    assert keys == "{}"
    assert str(path) in notice and problem in notice and "Using the default keys" in notice


def test_a_keymap_through_a_link_to_a_file_is_read(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "keymap.toml"
    real.parent.mkdir()
    real.write_text('[keys]\nquit = "ctrl+q"\n')
    link = tmp_path / "keymap.toml"
    link.symlink_to(real)
    assert load_in_a_process(link) == ("{'quit': 'ctrl+q'}", "None")
