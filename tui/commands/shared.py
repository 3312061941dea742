"""What the commands share: the error a command reports to the user, the one line any error
is described in, the `--db` option, and opening the log it names."""

from __future__ import annotations

import argparse

DB_HELP = "the log file to use (default: $RESTDAY_DB, else the user data directory)"


class CommandError(Exception):
    """An error for the user: printed as one line, exit status 1."""


class UsageError(CommandError):
    """A command given what it cannot take (an option's value): one line, exit status 2."""


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """A command's `--db`; given before the command instead, that one is kept."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=DB_HELP)


def describe_error(exc: Exception) -> str:
    """The error as one line for the user: never a traceback."""
    from storage.entry.set_line import EntryError
    from storage.errors import StorageError, ValidationError
    from storage.model.text import printable

    # a message may quote what a file or a command line held: never a control character
    if isinstance(exc, CommandError | StorageError | ValidationError | EntryError):
        return printable(str(exc))
    if isinstance(exc, OSError):
        return printable(f"{exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}")
    return printable(f"unexpected {type(exc).__name__}: {exc}")


def open_repository(db: str | None, **options):
    """The log `--db` names (else $RESTDAY_DB, else the user's own); `options` go to
    `Repository` (`storage=RecentStorage`: from its recent copy)."""
    from storage.clock import clock_from_env
    from storage.log.repository import Repository
    from storage.paths import resolve_log_path

    return Repository(resolve_log_path(db), clock=clock_from_env(), **options)
