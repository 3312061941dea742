"""Durable file writes: every file restday writes (the log, its backups, its recent copy, an
export) is written here, so that a reader sees the old file or the whole new one, and a
crash loses neither.

The bytes go to a temp file beside the target, created with mode 0600 (this is health
data), are fsynced, `os.replace`d over the target, and the directory is fsynced. On any
failure the temp file is removed and the target is left as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

COPY_CHUNK = 1 << 20


def write_durably(path: Path, parts: Iterable[bytes]) -> None:
    """Replace `path` with `parts`, written one after another (a large file need not be
    joined into one more copy of its bytes first)."""
    directory = path.parent
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        try:
            for part in parts:
                view = memoryview(part)
                while view:
                    view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    # The file is replaced: the write has happened. Syncing the directory only makes the
    # rename durable sooner; if it fails (some file systems refuse it), reporting the
    # write as failed would be false and a retry would apply the change twice.
    with contextlib.suppress(OSError):
        sync_directory(directory)


def copy_durably(source: Path, path: Path) -> None:
    """Replace `path` with a copy of `source`, read a chunk at a time."""
    with open(source, "rb") as src:
        write_durably(path, iter(lambda: src.read(COPY_CHUNK), b""))


def sync_directory(directory: Path) -> None:
    """Make the names in `directory` durable (a file created or renamed in it)."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
