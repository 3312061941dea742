"""`restday export`: the whole log as restday JSON (which `restday import` reads back
exactly) or as CSV, one row per set, for spreadsheets; to stdout or, atomically, a file."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from storage.exchange.formats import EXPORT_FORMATS
from tui.commands.shared import CommandError, add_db_option


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "export",
        help="write everything in the log as JSON (to import again) or CSV (spreadsheets)",
        description="Write the whole log: JSON holds everything (sets, workouts, recovery, "
        "symptoms, exercises, templates, settings) and 'restday import' reads it back "
        "exactly; CSV is one row per set, weights in your unit, for spreadsheets.",
    )
    add_db_option(parser)
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
    return parser


def run(args: argparse.Namespace) -> int:
    from storage.clock import clock_from_env
    from storage.exchange.export_file import read_export, write_export
    from storage.paths import resolve_log_path

    output = args.output
    fmt = args.format or ("csv" if output and output.casefold().endswith(".csv") else "json")
    log = resolve_log_path(args.db)
    if not log.exists():
        raise CommandError(f"no log at {log}: there is nothing to export")
    if output not in (None, "-"):
        target = Path(output).expanduser()
        write_export(log, fmt, target, clock_from_env())
        print(f"exported {log} as {fmt.upper()} to {target}", file=sys.stderr)
        return 0
    text = read_export(log, fmt, clock_from_env())
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `restday export | head`: the reader has what it wanted
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # as a shell reports a pipe closed early (128 + SIGPIPE)
    return 0
