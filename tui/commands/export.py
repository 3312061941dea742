"""`restday export`: the whole log as restday JSON (which `restday import` reads back
exactly) or as CSV, one row per set, for spreadsheets; to stdout or, atomically, a file."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

EXPORT_FORMATS = ("json", "csv")


def add_export_parser(commands, db_help: str = "the log file to export") -> None:
    parser = commands.add_parser(
        "export",
        help="write everything in the log as JSON (to import again) or CSV (spreadsheets)",
        description="Write the whole log: JSON holds everything (sets, workouts, recovery, "
        "symptoms, exercises, templates, settings) and 'restday import' reads it back "
        "exactly; CSV is one row per set, weights in your unit, for spreadsheets.",
    )
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    parser.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        help="json or csv (default: csv if FILE ends in .csv, else json)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the file to write (replaced whole, never half-written); default: stdout",
    )


def cmd_export(db: str | None, fmt: str | None, output: str | None) -> int:
    from storage.paths import resolve_log_path
    from tui.commands.main import CommandError

    fmt = fmt or ("csv" if output and output.casefold().endswith(".csv") else "json")
    if fmt not in EXPORT_FORMATS:
        raise CommandError(f"unknown export format {fmt!r}: json or csv")
    log = resolve_log_path(db)
    if not log.exists():
        raise CommandError(f"no log at {log}: there is nothing to export")
    target = None if output in (None, "-") else Path(output).expanduser()
    if target is not None:
        _refuse_log_files(target, log)

    from storage.exchange.export import export_csv, export_json
    from storage.log.repository import Repository

    with Repository(log, read_only=True) as repo:
        text = export_json(repo) if fmt == "json" else export_csv(repo)
    if target is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:  # `restday export | head`: the reader has what it wanted
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 141  # as a shell reports a pipe closed early (128 + SIGPIPE)
        return 0
    from storage.log.durable import write_durably

    write_durably(target, [text.encode("utf-8")])
    print(f"exported {log} as {fmt.upper()} to {target}", file=sys.stderr)
    return 0


def _refuse_log_files(target: Path, log: Path) -> None:
    """Never write over the log, its lock, its backups or its recent copy."""
    from storage.log.atomic_json import lock_path
    from storage.log.recent_copy import recent_path
    from tui.commands.main import CommandError

    if target.is_dir():
        raise CommandError(
            f"{target} is a directory: give a file name, e.g. {target / 'restday-export.json'}"
        )
    log_real = log.resolve()
    target_real = target.resolve()
    if target_real == log_real or (target.exists() and _same_file(target, log)):
        raise CommandError(
            f"{target} is the log itself: export to another file, e.g. restday-export.json"
        )
    name = target_real.name
    if target_real.parent == log_real.parent and (
        name.startswith(f"{log_real.name}.bak-")
        or name == lock_path(log_real).name
        or name == recent_path(log_real).name
    ):
        raise CommandError(
            f"{target} belongs to the log (its backup, lock or recent copy): export to another file"
        )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
