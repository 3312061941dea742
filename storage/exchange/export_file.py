"""`restday export`'s output: the log read as an export, and written to a file whole or not
at all, never over the log or a file that belongs to it (its backups, lock and recent
copy). What the target names decides how: a new or regular file (or a symlink to one,
written where it really is) is replaced whole; a character device or FIFO (`/dev/null`,
`/dev/stdout`, a named pipe) is written to as a stream and stays what it is; anything else
(a directory, a socket, a block device) is refused."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from storage.clock import Clock
from storage.errors import StorageError
from storage.exchange.export import export_csv, export_json
from storage.log.atomic_json import lock_path
from storage.log.durable import write_durably
from storage.log.journal import journal_path
from storage.log.recent_copy import recent_path
from storage.log.repository import Repository
from storage.model.records import utc_now
from storage.paths import real_path


class ExportTargetError(StorageError):
    """The file named for the export cannot take it: a directory, or the log's own."""


def read_export(log: Path, fmt: str, clock: Clock = utc_now) -> str:
    """The log at `log` as an export in `fmt`, one of `EXPORT_FORMATS`, made at `clock()`;
    the log is only read."""
    with Repository(log, clock=clock, read_only=True) as repo:
        if repo.problem is not None:  # an export holds everything or is not made
            raise StorageError(f"the log {log} cannot be exported whole: {repo.problem}")
        return export_json(repo) if fmt == "json" else export_csv(repo)


def write_export(log: Path, fmt: str, target: Path, clock: Clock = utc_now) -> None:
    """Write the export to `target`: a file is replaced whole (never half-written), a
    device or FIFO written as a stream; refused before the log is read if `target` is
    neither, or one of the log's files."""
    stream = _is_stream(target)
    _refuse_log_files(target, log)
    data = read_export(log, fmt, clock).encode("utf-8")
    if stream:
        _write_stream(target, data)
    else:
        write_durably(real_path(target), [data])


def _is_stream(target: Path) -> bool:
    """Whether `target` (followed through symlinks) is a character device or FIFO; False
    for a regular file or none; `ExportTargetError` for anything else."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return False  # a new file (or a symlink to one): made where it really is
    except OSError as exc:
        raise ExportTargetError(f"cannot write to {target}: {exc.strerror or exc}") from None
    if stat.S_ISREG(mode):
        return False
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return True
    if stat.S_ISDIR(mode):
        raise ExportTargetError(
            f"{target} is a directory: give a file name, e.g. {target / 'restday-export.json'}"
        )
    kind = "a socket" if stat.S_ISSOCK(mode) else "a block device"
    raise ExportTargetError(
        f"{target} is {kind}, not a file: give a file name, e.g. restday-export.json"
    )


def _write_stream(target: Path, data: bytes) -> None:
    """Write `data` to a device or FIFO as it is, without replacing it."""
    fd = os.open(target, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _refuse_log_files(target: Path, log: Path) -> None:
    """Never write over the log, its lock, its backups or its recent copy."""
    log_real = log.resolve()
    target_real = target.resolve()
    if target_real == log_real or (target.exists() and _same_file(target, log)):
        raise ExportTargetError(
            f"{target} is the log itself: export to another file, e.g. restday-export.json"
        )
    name = target_real.name
    if target_real.parent == log_real.parent and (
        name.startswith(f"{log_real.name}.bak-")
        or name == lock_path(log_real).name
        or name == journal_path(log_real).name
        or name == recent_path(log_real).name
    ):
        raise ExportTargetError(
            f"{target} belongs to the log (its backup, lock, journal or recent copy): "
            "export to another file"
        )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
