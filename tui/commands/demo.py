"""`restday demo`: a deterministic, realistic demo log ending today, into a new file."""

from __future__ import annotations

import argparse
from pathlib import Path

from storage.model.words import counted
from tui.commands.shared import CommandError


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "demo",
        help="write a realistic demo log ending today",
        description="Write a deterministic, realistic demo log ending today into a new file.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        required=True,
        help="the file to write (must not hold a log already)",
    )
    parser.add_argument(
        "--weeks",
        type=_positive_int,
        default=12,
        help="weeks of history (default 12; 520 is ten years)",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    return parser


def run(args: argparse.Namespace) -> int:
    write_demo_log(Path(args.db), args.weeks, args.seed)
    return 0


def write_demo_log(path: Path, weeks: int, seed: int, *, quiet: bool = False) -> None:
    """Write the demo log to `path`, which must not hold a log already."""
    from storage.clock import clock_from_env
    from storage.demo import generate_demo, write_demo
    from storage.log.repository import Repository
    from storage.model.exercise_library import BUILTIN_BY_ID

    if path.exists() and path.stat().st_size > 0:
        raise CommandError(
            f"{path} already exists; restday demo only writes a new file, so that it never "
            "overwrites a log (choose another --db path)"
        )
    repo = Repository(path, clock=clock_from_env())
    log = generate_demo(
        repo.today(),
        weeks=weeks,
        seed=seed,
        tz=repo.timezone,
        exercises=BUILTIN_BY_ID,
        now=repo.now(),
    )
    write_demo(repo, log)
    from storage.log.recent_copy import write_recent

    write_recent(repo)  # as after any import: the app's first start scores it at once
    if not quiet:
        counts = repo.counts()
        print(
            f"wrote a {weeks}-week demo log to {repo.path}: {counted(counts.workouts, 'workout')}, "
            f"{counted(counts.sets, 'set')}, {counted(counts.days, 'day')}"
        )


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 5200:
        raise argparse.ArgumentTypeError(f"{value} is out of range: 1 to 5200")
    return value
