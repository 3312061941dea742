"""`restday log ENTRY`: sets into today's workout from the shell, starting one if none is
open. It must start quickly: it never loads Textual or Rich."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

from tui.commands.shared import CommandError, add_db_option, open_repository


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "log",
        help="log a set into today's workout",
        description="Log sets into today's "
        "workout, starting one if none is open. ENTRY is [w] EXERCISE WEIGHT[kg|lb]xREPS"
        "[xSETS][@RPE], e.g. 'bench 100x5@8', 'squat 225lbx5x3', 'pullup bw x8', "
        "'dip bw+20x6', 'w bench 60x5' (warm-up).",
    )
    add_db_option(parser)
    parser.add_argument("entry", nargs="+", help="the set, e.g. 'bench 100x5@8'")
    return parser


def command_for(entry: str, db: Path) -> str:
    """The shell command that logs `entry` (a set, as `storage.entry.set_line.typed_set`
    writes it) into the log at `db`: what restday prints for a set it could not save."""
    return shlex.join(["restday", "log", "--db", str(db), entry])


def run(args: argparse.Namespace) -> int:
    from scoring.e1rm import estimate
    from storage.entry.exercise_names import find_exercise
    from storage.entry.set_line import parse_set
    from tui.format.units import format_set, format_weight

    text = " ".join(args.entry)
    spec = parse_set(text)
    repo = open_repository(args.db)
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
