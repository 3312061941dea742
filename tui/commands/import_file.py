"""`restday import FILE`: another app's export (Strong, Hevy, FitNotes) or restday's own,
into the log, in one save; `--dry-run` says what would come in and writes nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from storage.exchange.formats import IMPORT_FORMATS
from storage.model.words import counted
from tui.commands.shared import CommandError, add_db_option, open_repository

PROGRESS_FROM_ROWS = 2000  # a file this big shows a progress bar (on a terminal)
PROGRESS_FROM_BYTES = 200_000


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "import",
        help="bring in a Strong, Hevy or FitNotes export, or a restday export (JSON or CSV)",
        description="Bring the workouts of another app's export into the log. The format "
        "is told from the file's first line unless --from says. Importing the same file "
        "again adds nothing.",
    )
    parser.add_argument("file", metavar="FILE", help="the export: a .csv file or restday JSON")
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
    from storage.exchange.importing.source import check_export_file, read_head

    path, dry_run = Path(args.file), args.dry_run
    size = check_export_file(path)
    source = args.source or detect(_utf8(path, read_head))
    repo = open_repository(args.db)
    if source == "restday":
        return _import_restday(repo, _utf8(path, _read_text), dry_run=dry_run)
    fresh = not repo.counts().sets
    settings = repo.settings()  # now: after the import they would be read from the whole log
    plan, written = _utf8(
        path, lambda path: _import_csv(repo, path, source, size, args.unit, dry_run)
    )
    _print_summary(plan, args.file)
    if dry_run:
        print("Dry run: nothing was written.")
        return 0
    if not plan.set_count:
        print("Nothing new to import.")
        return 0
    if written < plan.set_count:
        raise CommandError("some workouts reached the log from elsewhere meanwhile")
    done = f"{counted(written, 'set')} in {counted(plan.workout_count, 'workout')}"
    print(f"Imported {done} into {repo.path}.")
    _match_unit(repo, settings, plan.file_unit, fresh=fresh)
    return 0


def _match_unit(repo, settings, file_unit: str | None, *, fresh: bool) -> None:
    """Weights shown in the file's unit: set so when the log held no sets before (a
    Strong user's lb history shows as lb), suggested otherwise. `settings`: as read
    before the import."""
    from dataclasses import replace

    if file_unit is None or file_unit == settings.unit:
        return
    if fresh:
        repo.update_settings(settings, replace(settings, unit=file_unit))
        print(
            f"Weights are shown in {file_unit} from now on, as in the file "
            f"('restday config unit {settings.unit}' to change it back)."
        )
    else:
        print(
            f"The file's weights are in {file_unit}; restday shows {settings.unit} "
            f"('restday config unit {file_unit}' to change it)."
        )


def _import_csv(repo, path: Path, source: str, size: int, unit: str | None, dry_run: bool):
    """Read the export twice as it streams (`source.scan`, then its rows into records),
    writing the records as they come (`Repository.import_stream`): the file is never held
    whole, nor are the records. The log's recent copy is left for the next `status` to
    make: making it now would read the whole log back."""
    from storage.exchange.importing.plan import ImportPlan, plan_records
    from storage.exchange.importing.source import open_rows, scan
    from storage.model.records import SetEntry

    with _Progress("Reading the file", shown=size >= PROGRESS_FROM_BYTES):
        found = scan(path, source)
    unit = unit or _ask_unit(str(path), found.needs_unit)
    plan = ImportPlan(source=found.variant, unit=unit or "kg")
    settings = repo.settings()
    with (
        open_rows(path, source, plan.skipped.append) as stream,
        _Progress("Importing rows", found.rows, shown=found.rows >= PROGRESS_FROM_ROWS) as progress,
    ):
        records = plan_records(
            plan,
            stream.format,
            stream.rows,
            ends=found.ends,
            exercises=repo.exercises(),
            timezone=repo.timezone,
            rollover_hour=settings.rollover_hour,
            now=repo.now(),
            exists=lambda workout_id: repo.workout(workout_id) is not None,
            in_progress=lambda day: any(w.in_progress for w in repo.workouts(since=day, until=day)),
            progress=progress.update,
        )
        written = 0
        if dry_run:
            for _record in records:
                pass
        else:
            written = repo.import_stream(records).get(SetEntry.TABLE, 0)
    return plan, written


def _utf8(path: Path, read):
    """What `read(path)` gives, or a one-line error for a file that is not UTF-8 text."""
    try:
        return read(path)
    except UnicodeDecodeError as exc:
        raise CommandError(
            f"{path} is not UTF-8 text ({exc.reason}): export it again as CSV"
        ) from None


def _read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")


def _ask_unit(file: str, needed: bool) -> str | None:
    """The unit for weights the file gives none for: asked on a terminal, else an error."""
    if not needed:
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
    head = f"[bold]{escape(file)}[/]: {escape(plan.source)}"
    if plan.workout_count:
        head += (
            f" · {counted(plan.workout_count, 'workout')}, {counted(plan.set_count, 'set')}, "
            f"{plan.first_day:%-d %b %Y} to {plan.last_day:%-d %b %Y}"
        )
    console.print(head)
    if plan.already:
        are = "is" if plan.already == 1 else "are"
        console.print(
            f"{counted(plan.already, 'workout')} {are} in the log already (imported before): kept"
        )
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
        console.print(f"{what}: {counted(count, 'set')}")
    for rows, title in (
        (plan.changed, f"Changed rows ({len(plan.changed)}), imported changed:"),
        (plan.skipped, f"Skipped rows ({len(plan.skipped)}), not imported:"),
    ):
        if not rows:
            continue
        console.print(title)
        for reason, count, lines in rows.by_reason():
            where = "line" if count == 1 else f"{count} rows, lines"
            shown = ", ".join(map(str, lines))
            if count > len(lines):
                shown += f" and {count - len(lines)} more"
            console.print(f"  {where} {shown}: {escape(reason)}")
        if rows.unlisted:
            console.print(f"  {counted(rows.unlisted, 'more row')}, for other reasons")


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
    """A bar on stderr while a big file is read (only on a terminal); without a `total`,
    one that only says it is busy."""

    def __init__(self, what: str, total: int | None = None, *, shown: bool) -> None:
        self.what = what
        self.total = total
        self.shown = shown
        self._bar = None

    def __enter__(self) -> _Progress:
        if self.shown and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self._bar = Progress(console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task(self.what, total=self.total)
        return self

    def update(self, done: int) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=done)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
