"""`restday import FILE`: another app's export (Strong, Hevy, FitNotes) or restday's own,
into the log, in one save; `--dry-run` says what would come in and writes nothing."""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from storage.exchange.formats import IMPORT_FORMATS
from tui.commands.shared import CommandError, add_db_option, open_repository

PROGRESS_FROM_ROWS = 2000  # a file this big shows a progress bar (on a terminal)
MAX_LINES_SHOWN = 40  # line numbers listed for one reason a row was skipped


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "import",
        help="bring in a Strong, Hevy or FitNotes export, or a restday export",
        description="Bring the workouts of another app's export into the log. The format "
        "is told from the file's first line unless --from says. Importing the same file "
        "again adds nothing.",
    )
    parser.add_argument("file", metavar="FILE", help="the export: a .csv file, or restday JSON")
    add_db_option(parser)
    parser.add_argument("--from", dest="source", choices=IMPORT_FORMATS, help="the file's format")
    parser.add_argument(
        "--unit",
        choices=("kg", "lb"),
        help="the unit of the file's weights, where the file does not say",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="say what would come in; write nothing"
    )
    return parser


def run(args: argparse.Namespace) -> int:
    from storage.exchange.importing.detect import detect

    file, dry_run = args.file, args.dry_run
    text = _read_text(Path(file))
    source = args.source or detect(text)
    repo = open_repository(args.db)
    if source == "restday":
        return _import_restday(repo, text, dry_run=dry_run)
    parsed = _reader(source)(text)
    unit = args.unit or _ask_unit(file, parsed)
    from storage.exchange.importing.plan import plan_import, write_plan

    settings = repo.settings()
    with _Progress(len(parsed.rows), "Reading rows") as progress:
        plan = plan_import(
            parsed,
            exercises=repo.exercises(),
            unit=unit,
            timezone=repo.timezone,
            rollover_hour=settings.rollover_hour,
            now=repo.now(),
            exists=lambda workout_id: repo.workout(workout_id) is not None,
            progress=progress.update,
        )
    del text, parsed  # the plan holds what is written: the file's text and rows can go
    _print_summary(plan, file)
    if dry_run:
        print("Dry run: nothing was written.")
        return 0
    if not plan.sets:
        print("Nothing new to import.")
        return 0
    with _Progress(len(plan.sets), "Writing the log", counted=False):
        written = write_plan(repo, plan)
    from storage.log.recent_copy import write_recent

    write_recent(repo)
    if written < len(plan.sets):
        raise CommandError("some workouts reached the log from elsewhere meanwhile")
    print(f"Imported {written} sets in {len(plan.workouts)} workouts into {repo.path}.")
    return 0


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CommandError(
            f"{path} is not UTF-8 text (byte {exc.start}): export it again as CSV"
        ) from None


def _reader(source: str):
    if source == "strong":
        from storage.exchange.importing.strong import read_strong

        return read_strong
    if source == "hevy":
        from storage.exchange.importing.hevy import read_hevy

        return read_hevy
    from storage.exchange.importing.fitnotes import read_fitnotes

    return read_fitnotes


def _ask_unit(file: str, parsed) -> str | None:
    """The unit for weights the file gives none for: asked on a terminal, else an error."""
    from storage.exchange.importing.plan import needs_unit

    if not needs_unit(parsed):
        return None
    question = f"{file} does not say whether its weights are kg or lb"
    if not sys.stdin.isatty():
        raise CommandError(f"{question}: pass --unit kg or --unit lb")
    while True:
        try:
            answer = input(f"{question}. Which is it? [kg/lb] ").strip().casefold()
        except EOFError:
            raise CommandError(f"{question}: pass --unit kg or --unit lb") from None
        if answer in ("kg", "lb", "lbs"):
            return answer[:2]
        print("Type kg or lb.")


def _print_summary(plan, file: str) -> None:
    from rich.console import Console
    from rich.markup import escape as markup_escape

    from storage.exchange.importing.names import describe_muscles
    from storage.model.text import printable

    def escape(text: str) -> str:  # what the file says, as text
        return markup_escape(printable(text))

    console = Console(highlight=False)
    sets = len(plan.sets)
    head = f"[bold]{escape(file)}[/]: {escape(plan.source)}"
    if plan.workouts:
        head += (
            f" · {len(plan.workouts)} workouts, {sets} sets, "
            f"{plan.first_day:%-d %b %Y} to {plan.last_day:%-d %b %Y}"
        )
    console.print(head)
    if plan.already:
        console.print(f"{plan.already} workouts are in the log already (imported before): kept")
    renamed = sorted((name, ours) for name, ours in plan.mapped.items() if name != ours)
    if renamed:
        console.print(f"Names matched to restday's exercises ({len(renamed)}):")
        for name, ours in renamed:
            console.print(f"  {escape(name)} → {escape(ours)}")
    if plan.new_exercises:
        console.print(f"New exercises ({len(plan.new_exercises)}), muscles guessed: check them")
        for exercise in sorted(plan.new_exercises, key=lambda e: e.name.casefold()):
            console.print(
                f"  {escape(exercise.name)}: {escape(describe_muscles(exercise.muscles))}"
            )
    for what, count in sorted(plan.adjustments.items()):
        console.print(f"{what}: {count} sets")
    if plan.skipped:
        console.print(f"Skipped rows ({len(plan.skipped)}), not imported:")
        by_reason: dict[str, list[int]] = defaultdict(list)
        for skipped in plan.skipped:
            by_reason[skipped.reason].append(skipped.line)
        for reason, lines in by_reason.items():
            where = "line" if len(lines) == 1 else f"{len(lines)} rows, lines"
            shown = ", ".join(map(str, lines[:MAX_LINES_SHOWN]))
            if len(lines) > MAX_LINES_SHOWN:
                shown += f" and {len(lines) - MAX_LINES_SHOWN} more"
            console.print(f"  {where} {shown}: {escape(reason)}")


def _import_restday(repo, text: str, *, dry_run: bool) -> int:
    from storage.exchange.importing.restday_json import import_restday_export
    from storage.model.text import printable

    summary = import_restday_export(repo, text, dry_run=dry_run)
    for line in str(summary).splitlines():  # it names exercises from the file
        print(printable(line))
    if dry_run:
        print("Dry run: nothing was written.")
    else:
        from storage.log.recent_copy import write_recent

        write_recent(repo)
    return 0


class _Progress:
    """A bar on stderr while a big file is read, or written (only on a terminal)."""

    def __init__(self, rows: int, what: str, *, counted: bool = True) -> None:
        self.rows = rows
        self.what = what
        self.counted = counted  # else a bar that only says it is busy
        self._bar = None

    def __enter__(self) -> _Progress:
        if self.rows >= PROGRESS_FROM_ROWS and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self._bar = Progress(console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task(self.what, total=self.rows if self.counted else None)
        return self

    def update(self, done: int) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=done)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
