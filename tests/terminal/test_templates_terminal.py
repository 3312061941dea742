"""Templates in a real 80x24 terminal (tmux), typed at a person's pace: a template made
from today's workout, a line of it changed on the templates screen, a workout started
from it."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.support.terminal import (
    Terminal,
    entry_line,
    isolated,
    leave_entry,
    open_log,
    type_slowly,
    wait_until,
)


def test_make_a_template_change_a_line_start_from_it(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        term.wait_for("Home")
        term.keys("w")
        screen = term.wait_for("Empty workout")
        assert "Full body" in screen  # a fresh log's starters

        term.keys("Enter")
        term.wait_for("Type a set")
        type_slowly(term, "bench 100x5@8\r")
        term.wait_for("100 kg x 5 @8")
        type_slowly(term, "row 80x8\r")
        term.wait_for("80 kg x 8")
        term.keys("M-T")  # Alt+Shift+T: on the workout screen letters type
        term.wait_for("Template name")
        type_slowly(term, "Mine\r")
        term.wait_for("made into the template 'Mine'")

        # The templates screen: Mine first; change its bench line.
        term.keys("M-l")
        term.wait_for("Templates · 4")
        term.keys("Enter")
        term.wait_for("1. Bench Press 1x5@8")
        leave_entry(term)
        term.keys("M-e")  # Alt+E: on the templates screens letters type
        wait_until(term, lambda s: entry_line(s) == "Bench Press 1x5@8", "the line to change")
        term.keys(*["BSpace"] * 5)
        type_slowly(term, "3x5@8 rest 2:30 102.5\r")
        screen = term.wait_for("1. Bench Press 3x5@8 rest 2:30 102.5kg")
        assert "2. Barbell Row 1x8" in screen
        leave_entry(term)
        leave_entry(term)
        term.wait_for("Templates · 4")

        # Finish today's, then start a workout from Mine.
        term.keys("M-w")
        term.wait_for("Workout ·")
        term.keys("M-F")
        term.wait_for("Finish today's workout")
        type_slowly(term, "7\r")
        term.wait_for("Workout finished")
        term.wait_for("Mine")
        term.keys("Down", "Enter")  # Mine, first of the templates
        term.wait_for("plan 3x5@8 102.5 kg · rest 2:30")
        type_slowly(term, "102.5x5@8\r")
        term.wait_for("102.5 kg x 5 @8")

    with open_log(log) as repo:
        (template,) = repo.templates()
        assert template.name == "Mine"
        assert [
            (i.exercise, i.sets, i.reps, i.rpe, i.rest_s, i.weight_kg) for i in template.items
        ] == [
            ("bench-press", 3, 5, 8, 150, 102.5),
            ("barbell-row", 1, 8, None, None, None),
        ]
        first, second = repo.workouts()
        assert first.end is not None and second.template == template.id
        assert [(s.weight_kg, s.reps) for s in repo.sets(workout=second.id)] == [(102.5, 5)]
