"""`restday plan`: today's plan as text, for a login banner (scoring spec 7)."""

from __future__ import annotations

import argparse

from tui.commands.shared import CommandError, add_db_option


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "plan",
        help="print today's plan: each exercise's sets, reps, RPE and load for today",
        description="Print today's plan: the exercises of today's workout (or of the "
        "template next in rotation), planned and adjusted to today's readiness, with why.",
    )
    add_db_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from storage.clock import clock_from_env
    from storage.log.repository import Repository
    from storage.paths import resolve_log_path
    from storage.read.readiness import read_readiness
    from tui.format.plan import plan_text

    path = resolve_log_path(args.db)
    if not path.exists():
        raise CommandError(f"no log at {path}: open restday and log something first")
    repo = Repository(path, clock=clock_from_env(), read_only=True)
    console = Console(highlight=False)
    console.print(plan_text(read_readiness(repo, repo.now()), console), soft_wrap=True)
    return 0
