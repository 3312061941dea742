"""`restday status`: the home screen's summary without opening the app, as text for a
terminal (or an SSH login banner), or as JSON for scripts."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tui.commands.shared import CommandError, UsageError, add_db_option

if TYPE_CHECKING:
    from storage.clock import Clock
    from storage.log.reader import LogReader


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "status",
        help="print today's readiness without opening the app",
        description="Print the home screen's summary: readiness, what to do, and why. "
        "Good in an SSH login banner.",
    )
    add_db_option(parser)
    parser.add_argument(
        "--at",
        metavar="YYYY-MM-DD",
        type=_day,
        help="the score as it stood that morning (default: now)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON, for scripts")
    return parser


def run(args: argparse.Namespace) -> int:
    from storage.paths import resolve_log_path
    from storage.read.readiness import read_readiness

    day = args.at
    path = resolve_log_path(args.db)
    if not path.exists():
        raise CommandError(f"no log at {path}: open restday and log something first")
    from storage.clock import clock_from_env

    repo, problem = _status_log(path, day, clock_from_env())
    if day is not None and day > repo.today():
        raise UsageError(f"{day} is in the future: --at takes a day up to today")
    if problem is not None:
        print(f"restday: warning: {path} is read-only: {problem}", file=sys.stderr)
    moment = repo.now() if day is None else morning_of(repo, day)
    view = read_readiness(repo, moment)
    if args.json:
        import json

        from storage.model.units import shown_load
        from storage.read.today_plan import stop_floors

        result = view.assessment.as_json()
        if view.plan is not None:
            floors = stop_floors(repo, view.plan, moment)
            result["plan"] = view.plan.as_json(lambda kg: shown_load(kg, view.unit), floors)
        if view.tomorrow is not None:
            result["tomorrow"] = view.tomorrow.as_json()
        print(json.dumps(result, indent=2))
        return 0
    from rich.console import Console

    from tui.format.status import status_text

    Console(highlight=False).print(status_text(view))
    return 0


def morning_of(repo: LogReader, day: date) -> datetime:
    """The moment to ask for a day's one score (spec 6) with all that was logged for it:
    the day's last moment, or now for today."""
    from storage.model.days import day_start

    settings = repo.settings()
    start = day_start(day + timedelta(days=1), repo.timezone, settings.rollover_hour)
    return min(repo.now(), start - timedelta(microseconds=1))


def _status_log(path: Path, day: date | None, clock: Clock) -> tuple[LogReader, str | None]:
    """The log's recent copy when it is up to date and holds the days the score reads (a
    ten-year log need not be parsed); else the log itself, copied for next time. With it,
    why the log is only read, if records in it cannot be read (`Repository.problem`)."""
    from storage.log.recent_copy import open_recent_window, write_recent
    from storage.log.repository import Repository

    recent = open_recent_window(path, day or clock().astimezone().date(), clock=clock)
    if recent is not None:
        return recent, None
    repo = Repository(path, clock=clock)
    write_recent(repo)
    return repo, repo.problem


def _day(text: str) -> date:
    from storage.model.validation import EARLIEST_DAY

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from None
    if day < EARLIEST_DAY:
        raise argparse.ArgumentTypeError(
            f"{day} is too long ago: the log holds days from {EARLIEST_DAY} on"
        )
    return day
