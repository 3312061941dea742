"""The `restday` command: the parser, built from the commands (a module each in this
package, with its `add_parser` and `run`), and the dispatch to them. Every error ends as
one line on stderr. Imports stay lazy: `restday log` must not pay for Textual."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from tui.commands import app, config, demo, export, import_file, locate, log, plan, status
from tui.commands.shared import UsageError, describe_error

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

# In the order `restday --help` lists them.
COMMANDS = (demo, log, status, plan, locate, import_file, export, config)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        from storage.model.text import printable

        message = printable(message)  # it may quote what was typed
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
    parser = _Parser(
        prog="restday",
        description="A training log for lifters: log sets between sets, track recovery, "
        "and see whether to train, train lighter, or rest.",
    )
    parser.add_argument("--version", action=_VersionAction)
    app.add_arguments(parser)
    parser.set_defaults(run=app.run)  # no command: open the app
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        command.add_parser(commands).set_defaults(run=command.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from storage.clock import check_environment
    from storage.errors import ValidationError

    try:
        check_environment()
    except ValidationError as exc:  # a $TZ or $RESTDAY_NOW no command can run with
        print(f"restday: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        app.use_demo_log(args)
        return args.run(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except UsageError as exc:
        print(f"restday: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # every error is one line, never a traceback
        print(f"restday: error: {describe_error(exc)}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
