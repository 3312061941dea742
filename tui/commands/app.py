"""`restday` with no command: the app, on the log or, with `--demo`, on the demo log (written
first if there is none)."""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import os
import sys
from pathlib import Path

from tui.commands.demo import write_demo_log
from tui.commands.shared import DB_HELP, CommandError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help=DB_HELP)
    parser.add_argument(
        "--demo", action="store_true", help="open a demo log, kept apart from your own"
    )


def use_demo_log(args: argparse.Namespace) -> None:
    """With `--demo`, the app or the command given works on the demo log (written first if
    there is none), never on the user's own."""
    if not args.demo:
        return
    if getattr(args, "db", None):
        raise CommandError("--demo opens the demo log; it cannot be combined with --db")
    from storage.paths import demo_log_path

    path = demo_log_path()
    if not path.exists():
        print(f"restday: writing a demo log to {path} ...", file=sys.stderr)
        write_demo_log(path, weeks=12, seed=1, quiet=True)
    args.db = str(path)


M_ARENA_MAX = -8  # glibc's mallopt parameter (malloc.h)


def one_malloc_arena() -> None:
    """Have glibc's malloc serve every thread from one arena. By default each thread that
    allocates gets an arena of its own: memory the log's reader or writer thread frees
    stays in that arena, out of reach of the UI thread, and the app's peak memory on a
    ten-year log was 4 to 8 MB higher. The threads hold the GIL while they allocate, so one
    arena costs no waiting. Elsewhere (no glibc) nothing changes."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).mallopt(M_ARENA_MAX, 1)


ESCAPE_WAIT_MS = 50


def quick_escape() -> None:
    """Escape alone answers after 50 ms, not Textual's 100: a lone Escape is told from the
    start of a key's escape sequence by waiting for what follows, and a terminal (over SSH
    too) sends a key's sequence in one write; 50 ms is Neovim's `ttimeoutlen`. `ESCDELAY`
    set by the user wins. Before Textual is imported: it reads it then."""
    os.environ.setdefault("ESCDELAY", str(ESCAPE_WAIT_MS))


def run(args: argparse.Namespace) -> int:
    one_malloc_arena()  # before any thread starts
    quick_escape()
    # Importing the app makes some 60,000 objects (Textual's classes, tables, styles) that
    # live as long as it: the cyclic collector's passes over them while they are made
    # (about 10 ms of the first frame) are left out, and they are frozen out of its sight
    # afterwards (as many again until the score is on screen).
    gc.disable()
    try:
        db = args.db
        from storage.clock import clock_from_env
        from storage.paths import resolve_log_path
        from tui.app import RestdayApp
        from tui.textual_workarounds import (
            answer_escape_in_time,
            keep_writing_when_the_terminal_goes,
        )

        keep_writing_when_the_terminal_goes()  # an SSH connection dropped: it still leaves
        answer_escape_in_time()
        # The app reads the log itself once its first frame is on screen (a ten-year log
        # takes a moment); if it cannot, it leaves and the error is our one line on stderr.
        app = RestdayApp(resolve_log_path(db), clock=clock_from_env())
    finally:
        gc.freeze()
        gc.enable()
    app.run()
    if app.open_error is not None:
        raise app.open_error
    if app.store.unsaved:
        # After a hang-up there is no terminal left to tell: the exit status still says so.
        with contextlib.suppress(OSError):
            report = unsaved_report(app.store.unsaved, app.store.problem, app.store.path)
            print(report, file=sys.stderr)
        return 1
    return app.return_code or 0


def unsaved_report(unsaved: list[str | None], problem: str | None, db: Path) -> str:
    """What restday says on leaving with changes it could not save: why, then each set as
    the command that logs it again."""
    from tui.commands.log import command_for

    count = "1 change was" if len(unsaved) == 1 else f"{len(unsaved)} changes were"
    lines = [f"restday: {count} NOT saved: {problem or 'restday closed before saving it'}"]
    sets = [entry for entry in unsaved if entry is not None]
    if sets:
        lines.append("restday: to log the sets again, run:")
        lines += [command_for(entry, db) for entry in sets]
    if others := len(unsaved) - len(sets):
        lines.append(
            f"restday: {others} other change{'s' if others > 1 else ''} (edits, notes, "
            "recovery, symptoms) cannot be printed as commands: enter them again in restday."
        )
    return "\n".join(lines)
