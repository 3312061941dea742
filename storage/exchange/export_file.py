"""`restday export`'s output: the log read as an export, and written to a file whole or not
at all, never over the log or a file that belongs to it (its backups, lock and recent
copy)."""

from __future__ import annotations

import os
from pathlib import Path

from storage.errors import StorageError
from storage.exchange.export import export_csv, export_json
from storage.log.atomic_json import lock_path
from storage.log.durable import write_durably
from storage.log.recent_copy import recent_path
from storage.log.repository import Repository


class ExportTargetError(StorageError):
    """The file named for the export cannot take it: a directory, or the log's own."""


def read_export(log: Path, fmt: str) -> str:
    """The log at `log` as an export in `fmt`, one of `EXPORT_FORMATS`; the log is only
    read."""
    with Repository(log, read_only=True) as repo:
        if repo.problem is not None:  # an export holds everything or is not made
            raise StorageError(f"the log {log} cannot be exported whole: {repo.problem}")
        return export_json(repo) if fmt == "json" else export_csv(repo)


def write_export(log: Path, fmt: str, target: Path) -> None:
    """Write the export to `target`, replaced whole (never half-written); refused before
    the log is read if `target` is a directory or one of the log's files."""
    _refuse_log_files(target, log)
    write_durably(target, [read_export(log, fmt).encode("utf-8")])


def _refuse_log_files(target: Path, log: Path) -> None:
    """Never write over the log, its lock, its backups or its recent copy."""
    if target.is_dir():
        raise ExportTargetError(
            f"{target} is a directory: give a file name, e.g. {target / 'restday-export.json'}"
        )
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
        or name == recent_path(log_real).name
    ):
        raise ExportTargetError(
            f"{target} belongs to the log (its backup, lock or recent copy): export to another file"
        )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
