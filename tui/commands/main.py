"""The `restday` command. Imports stay lazy: `restday log` must not pay for Textual."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

EXIT_ERROR = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """An error for the user: printed as one line, exit status 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # ~20 ms: only if asked

    try:
        return version("restday")
    except PackageNotFoundError:
        return "unknown"


class _VersionAction(argparse.Action):
    """`--version`, looked up only when given (it would slow every start-up)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version"
        )

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> NoReturn:
        print(f"restday {_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    db_help = "the log file to use (default: $RESTDAY_DB, else the user data directory)"
    parser = _Parser(
        prog="restday",
        description="A training log for lifters: log sets between sets, track recovery, "
        "and see whether to train, train lighter, or rest.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument("--db", metavar="PATH", help=db_help)
    parser.add_argument(
        "--demo", action="store_true", help="open a demo log, kept apart from your own"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser(
        "demo",
        help="write a realistic demo log ending today",
        description="Write a deterministic, realistic demo log ending today into a new file.",
    )
    demo.add_argument(
        "--db",
        metavar="PATH",
        required=True,
        help="the file to write (must not hold a log already)",
    )
    demo.add_argument(
        "--weeks",
        type=_positive_int,
        default=12,
        help="weeks of history (default 12; 520 is ten years)",
    )
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")

    log = commands.add_parser(
        "log",
        help="log a set into today's workout",
        description="Log sets into today's "
        "workout, starting one if none is open. ENTRY is [w] EXERCISE WEIGHT[kg|lb]xREPS"
        "[xSETS][@RPE], e.g. 'bench 100x5@8', 'squat 225lbx5x3', 'pullup bw x8', "
        "'dip bw+20x6', 'w bench 60x5' (warm-up).",
    )
    log.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    log.add_argument("entry", nargs="+", help="the set, e.g. 'bench 100x5@8'")

    status = commands.add_parser(
        "status",
        help="print today's readiness without opening the app",
        description="Print the home screen's summary: readiness, what to do, and why. "
        "Good in an SSH login banner.",
    )
    status.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    status.add_argument(
        "--at",
        metavar="YYYY-MM-DD",
        type=_day,
        help="the score as it stood that morning (default: now)",
    )
    status.add_argument("--json", action="store_true", help="print JSON, for scripts")

    locate = commands.add_parser("locate", help="print where the log, backups and config live")
    locate.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)

    from tui.commands.export import add_export_parser
    from tui.commands.import_file import add_import_parser

    add_import_parser(commands, db_help)
    add_export_parser(commands, db_help)
    return parser


def _day(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 5200:
        raise argparse.ArgumentTypeError(f"{value} is out of range: 1 to 5200")
    return value


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "demo":
            return cmd_demo(Path(args.db), args.weeks, args.seed)
        if args.command == "log":
            return cmd_log(args.db, " ".join(args.entry))
        if args.command == "locate":
            return cmd_locate(args.db)
        if args.command == "status":
            return cmd_status(args.db, args.at, as_json=args.json)
        if args.command == "import":
            from tui.commands.import_file import cmd_import

            return cmd_import(
                args.db, args.file, source=args.source, unit=args.unit, dry_run=args.dry_run
            )
        if args.command == "export":
            from tui.commands.export import cmd_export

            return cmd_export(args.db, args.format, args.output)
        return cmd_open(args.db, demo=args.demo)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # every error is one line, never a traceback
        print(f"restday: error: {_describe(exc)}", file=sys.stderr)
        return EXIT_ERROR


def _describe(exc: Exception) -> str:
    from storage.entry.set_line import EntryError
    from storage.errors import StorageError, ValidationError

    if isinstance(exc, CommandError | StorageError | ValidationError | EntryError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}"
    return f"unexpected {type(exc).__name__}: {exc}"


def _open_repository(db: str | None):
    from storage.log.repository import Repository
    from storage.paths import resolve_log_path

    return Repository(resolve_log_path(db))


def cmd_open(db: str | None, *, demo: bool = False) -> int:
    if demo:
        if db:
            raise CommandError("--demo opens the demo log; it cannot be combined with --db")
        from storage.paths import demo_log_path

        path = demo_log_path()
        if not path.exists():
            print(f"restday: writing a demo log to {path} ...", file=sys.stderr)
            cmd_demo(path, weeks=12, seed=1, quiet=True)
        db = str(path)
    from storage.paths import resolve_log_path
    from tui.app import RestdayApp

    # The app reads the log itself once its first frame is on screen (a ten-year log takes
    # a moment); if it cannot, it leaves and the error is our one line on stderr.
    app = RestdayApp(resolve_log_path(db))
    app.run()
    if app.open_error is not None:
        raise app.open_error
    return app.return_code or 0


def cmd_demo(path: Path, weeks: int, seed: int, *, quiet: bool = False) -> int:
    from storage.demo import generate_demo, write_demo
    from storage.log.repository import Repository
    from storage.model.exercise_library import BUILTIN_BY_ID

    if path.exists() and path.stat().st_size > 0:
        raise CommandError(
            f"{path} already exists; restday demo only writes a new file, so that it never "
            "overwrites a log (choose another --db path)"
        )
    repo = Repository(path)
    log = generate_demo(
        repo.today(),
        weeks=weeks,
        seed=seed,
        tz=repo.timezone,
        exercises=BUILTIN_BY_ID,
        now=repo.now(),
    )
    write_demo(repo, log)
    if not quiet:
        counts = repo.counts()
        print(
            f"wrote a {weeks}-week demo log to {repo.path}: {counts.workouts} workouts, "
            f"{counts.sets} sets, {counts.days} days"
        )
    return 0


def cmd_log(db: str | None, text: str) -> int:
    from scoring.e1rm import estimate
    from storage.entry.exercise_names import find_exercise
    from storage.entry.set_line import parse_set
    from tui.format.units import format_set, format_weight

    spec = parse_set(text)
    repo = _open_repository(db)
    if spec.exercise is None:
        raise CommandError(f"name the exercise first, e.g. 'bench {text.strip()}'")
    exercise = find_exercise(spec.exercise, repo.exercises())
    unit = repo.settings().unit
    with repo.transaction():
        workout = repo.todays_workout()
        entries = [
            repo.log_set(
                workout,
                exercise,
                spec.weight_kg(unit),
                spec.reps,
                rpe=spec.rpe,
                warmup=spec.warmup,
                bodyweight=spec.bodyweight,
            )
            for _ in range(spec.sets)
        ]
    from storage.log.recent_copy import write_recent

    write_recent(repo)  # `restday status` stays quick after a set logged from the shell
    for entry in entries:
        line = f"{exercise.name}  {format_set(entry, unit)}"
        e1rm = (
            None
            if entry.warmup or entry.bodyweight
            else estimate(entry.weight_kg, entry.reps, entry.rpe)
        )
        if e1rm is not None:
            line += f"  e1RM {format_weight(e1rm[0], unit)}"
        print(f"{line}  (set {entry.order} of today's workout)")
    return 0


def cmd_status(db: str | None, day, *, as_json: bool) -> int:
    from storage.paths import resolve_log_path
    from storage.read.readiness import read_readiness
    from tui.commands.status import morning_of, status_text

    path = resolve_log_path(db)
    if not path.exists():
        raise CommandError(f"no log at {path}: open restday and log something first")
    repo = _status_repository(path, day)
    if day is not None and day > repo.today():
        raise CommandError(f"{day} is in the future: --at takes a day up to today")
    moment = repo.now() if day is None else morning_of(repo, day)
    view = read_readiness(repo, moment)
    if as_json:
        import json

        print(json.dumps(view.assessment.as_json(), indent=2))
        return 0
    from rich.console import Console

    Console(highlight=False).print(status_text(view))
    return 0


def _status_repository(path: Path, day):
    """The log's recent copy when it is up to date and holds the days the score reads (a
    ten-year log need not be parsed); else the log itself, copied for next time."""
    from datetime import date, timedelta

    from storage.log.recent_copy import open_recent, write_recent
    from storage.log.repository import Repository
    from storage.read.score_window import WINDOW_DAYS

    first_day = (day or date.today()) - timedelta(days=WINDOW_DAYS + 1)
    recent = open_recent(path, first_day)
    if recent is not None:
        return recent
    repo = Repository(path)
    write_recent(repo)
    return repo


def cmd_locate(db: str | None) -> int:
    from storage.log.atomic_json import backup_paths, lock_path
    from storage.paths import config_dir, demo_log_path, keymap_path, resolve_log_path

    path = resolve_log_path(db).absolute()
    backups = backup_paths(path)
    rows = [
        ("log", str(path)),
        ("backups", f"{path}.bak-YYYY-MM-DD ({len(backups)} now, newest 7 kept)"),
        ("lock", str(lock_path(path))),
        ("config", str(config_dir())),
        ("keymap", str(keymap_path())),
        ("demo log", str(demo_log_path())),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
