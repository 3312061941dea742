"""`restday log ENTRY`: sets into today's workout from the shell, starting one if none is
open. ENTRY is any line the workout screen's entry line takes (`storage.entry.set_line`),
or several: each argument that is a set is a line of its own (`set_lines`); the relative
forms start from the set before them. It must start quickly: it
never loads Textual or Rich."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path
from zoneinfo import ZoneInfo

from tui.commands.shared import CommandError, add_db_option, open_repository

# How to make an exercise restday does not know: there is no command for it.
CREATE_EXERCISE = "create it in the app: restday, w (workout), ctrl+n (new exercise)"


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "log",
        help="log a set into today's workout",
        description="Log sets into today's workout, starting one if none is open. ENTRY is "
        "what the workout screen's entry line takes: [w] [EXERCISE] WEIGHT[kg|lb]xREPS"
        "[xSETS][@RPE], e.g. 'bench 100x5@8', 'squat 225lbx5x3', 'pullup bw x8', "
        "'dip bw+20x6', 'pullup bw-20x8' (assisted), 'plank 60s', 'plank 1:30', "
        "'carry 40kg 30m', 'run 5km 25:00'; a mark first gives the set's type: 'w bench "
        "60x5' (warm-up), 'd' (drop set), 'f' (to failure), 'a' (AMRAP); without an "
        "exercise, the exercise of today's last set: '100x5', '+2.5x5' (its weight plus "
        "2.5), 'x6' (its weight again), '+10s', '+5m' (held longer, gone further), "
        "'' (that set again). Each argument that is a set is logged in turn, each relative "
        "one from the set before it: restday log bench 100x5@8 +2.5x5 x6. An entry starting "
        "with - goes after --: restday log -- -5x8.",
    )
    add_db_option(parser)
    parser.add_argument(
        "--reopen",
        action="store_true",
        help="once today's workout is finished, add to it (it stays finished) instead of "
        "starting a new one",
    )
    parser.add_argument(
        "entry", nargs="+", help="the set, e.g. 'bench 100x5@8', or sets: bench 100x5 +2.5x5"
    )
    return parser


def command_for(entry: str, db: Path) -> str:
    """The shell command that logs `entry` (a set, as `storage.entry.set_line.typed_set`
    writes it) into the log at `db`: what restday prints for a set it could not save."""
    return shlex.join(["restday", "log", "--db", str(db), entry])


def set_lines(words: list[str]) -> list[str]:
    """The lines of sets ENTRY's arguments hold, in order: each argument that is a whole
    line of sets (`100x5@8`, `+2.5x5`, `x6`) is one, with the words before it (a name,
    `w`); words after the last go with it (`@8`); with no such argument, all are one."""
    from storage.entry.set_line import is_set_line

    lines: list[str] = []
    words_before: list[str] = []
    for word in words:
        words_before.append(word)
        if is_set_line(word):
            lines.append(" ".join(words_before))
            words_before = []
    if words_before:
        if lines:
            words_before.insert(0, lines.pop())
        lines.append(" ".join(words_before))
    return lines


def run(args: argparse.Namespace) -> int:
    from storage.log.recent_copy import write_recent
    from tui.format.e1rm import e1rm_said
    from tui.format.units import format_set

    saved = _from_recent(args)
    if saved is None:
        repo = open_repository(args.db)
        saved = _log_sets(repo, args)
        if not repo.journalled:  # the file was rewritten: `restday status` needs a new copy
            write_recent(repo)  # (else the copy follows the journal's lines: `recent_copy`)
    entries, unit, bodyweights, notices = saved
    for notice in notices:
        print(notice)
    for exercise, entry in entries:
        line = f"{exercise.name}  {format_set(entry, unit)}"
        if said := e1rm_said(entry, bodyweights.on(entry.day), unit):
            line += f"  {said}"
        print(f"{line}  (set {entry.order} of today's workout)")
    return 0


def _from_recent(args: argparse.Namespace):
    """The sets logged from the log's recent copy and journal, without parsing the whole
    log (`storage.log.recent_storage`); None if the copy does not hold what logging them
    reads, nothing having been written. --reopen can meet a workout reopened on any day:
    it reads the whole log."""
    from storage.errors import StorageError
    from storage.log.recent_storage import NotRecentError, RecentStorage

    if args.reopen:
        return None
    try:
        repo = open_repository(args.db, storage=RecentStorage)
    except StorageError:  # the whole log's reader says what is wrong, if anything is
        return None
    try:
        return _log_sets(repo, args)
    except NotRecentError:
        return None
    finally:
        repo.close()


def _log_sets(repo, args: argparse.Namespace):
    """Log ENTRY's sets in one change: the sets with their exercises, the unit, the
    bodyweights and the notices to print (all read before the change is saved)."""
    from storage.entry.exercise_names import UnknownExercise, resolve_for_set
    from storage.entry.set_line import LastSet, parse_workout_entry
    from storage.log.recent_storage import NotRecentError

    unit = repo.settings().unit
    notices = []
    with repo.transaction():
        if not repo.holds(repo.today()):
            raise NotRecentError("the log as read holds no record of today")
        workout = repo.open_workout()
        finished = None if workout is not None else repo.last_finished(repo.today())
        sets = repo.sets(workout=workout.id) if workout is not None else []
        if finished is not None and args.reopen:
            sets = repo.sets(workout=finished.id)
        last = LastSet.of(sets[-1]) if sets else None
        exercise = repo.exercise(sets[-1].exercise) if sets else None
        no_last = "today's workout has no set yet to start from"
        if finished is not None and not args.reopen:
            no_last = "today's workout is finished (add --reopen to add to it)"
        planned = []  # every line read before any is logged: one that is wrong logs none
        for text in set_lines(args.entry):
            spec = parse_workout_entry(
                text,
                last,
                unit,
                no_last=f"{no_last}: name the exercise and give the weight, e.g. 'bench 100x5'",
            )
            if spec.exercise is not None:
                try:
                    resolved = resolve_for_set(spec.exercise, repo.exercises(), spec.kind)
                except UnknownExercise as exc:
                    raise CommandError(f"{exc}; {CREATE_EXERCISE}") from None
                exercise = resolved.exercise
                if note := resolved.note():
                    notices.append(note)
            elif exercise is None:
                raise CommandError(f"name the exercise first, e.g. {named(text)!r}: {no_last}")
            fields = spec.entry_fields(unit)
            planned.append((exercise, spec, fields))
            last = LastSet(**fields)

        if finished is not None and args.reopen:
            workout = repo.reopen_workout(finished)
            notices.append(
                f"Added to today's finished workout{_named(finished)}; it stays finished."
            )
        elif workout is None:
            workout = repo.start_workout()
            if finished is not None:
                notices.append(
                    f"Started a new workout: today's workout{_named(finished)} was finished "
                    f"at {finished.end.astimezone(ZoneInfo(repo.timezone)):%H:%M} "
                    "(--reopen adds to it instead)."
                )
            elif args.reopen:
                notices.append("No workout was finished today to reopen: started one.")
        entries = [
            (exercise, repo.log_set(workout, exercise, **fields))
            for exercise, spec, fields in planned
            for _ in range(spec.sets)
        ]
        if finished is not None and args.reopen:
            end = max(finished.end, entries[-1][1].timestamp)
            repo.finish_workout(workout, finished.session_rpe, at=end)
        bodyweights = repo.bodyweights()
    return entries, unit, bodyweights, notices


def named(text: str) -> str:
    """`text` (a set with no exercise) with one named, after its set-type mark if it has
    one: 'w bench 60x5'."""
    from storage.entry.set_line import MARKS

    words = text.split()
    if words and words[0].lower() in MARKS:
        return " ".join([words[0], "bench", *words[1:]])
    return " ".join(["bench", *words])


def _named(workout) -> str:
    from storage.model.text import printable

    return f" ({printable(workout.name)})" if workout.name else ""
