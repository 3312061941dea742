"""Reading a file restday was pointed at, only if it is a regular file of a sane size: a
FIFO would hang the read until something writes to it, and a device such as /dev/zero
would be read until memory runs out."""

from __future__ import annotations

import os
import stat
from pathlib import Path

READ_CHUNK = 1 << 20
"""What is read at a time past the size the file had when opened (it may be growing)."""


class NotReadableFileError(OSError):
    """The path is not a regular file, or is larger than its reader accepts."""


def open_regular_file(path: Path, flags: int, mode: int = 0o600) -> int:
    """A descriptor of `path` opened with `flags` (never blocking on the open), if it is a
    regular file; else `NotReadableFileError` saying what it is, nothing left open."""
    fd = os.open(path, flags | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC, mode)
    kind = os.fstat(fd).st_mode
    if not stat.S_ISREG(kind):
        os.close(fd)
        raise NotReadableFileError(f"{path} is {_kind(kind)}, not a regular file")
    os.set_blocking(fd, True)
    return fd


def read_regular_file(path: Path, limit: int, offset: int = 0) -> bytes:
    """The bytes of `path` from `offset` on, a regular file of at most `limit` bytes
    (following symlinks). `FileNotFoundError` if there is none, `NotReadableFileError`
    saying why if it is not one restday reads; the open never blocks, whatever `path` is."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotReadableFileError(f"it is {_kind(st.st_mode)}, not a regular file")
        if st.st_size > limit:  # said before reading: a log's limit is large
            raise NotReadableFileError(f"it is larger than {_size(limit)}")
        os.lseek(fd, offset, os.SEEK_SET)
        chunks: list[bytes] = []
        size = offset
        # A buffer of the file's size, not of the limit: `os.read` allocates what is asked.
        want = max(st.st_size - offset, 0) + 1
        while size <= limit:
            chunk = os.read(fd, min(want, limit + 1 - size))
            want = READ_CHUNK
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)
        raise NotReadableFileError(f"it is larger than {_size(limit)}")
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _size(limit: int) -> str:
    for unit, size in (("GB", 1024**3), ("MB", 1024**2)):
        if limit >= size:
            return f"{limit / size:g} {unit}"
    return f"{limit // 1024} KB"
