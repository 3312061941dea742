"""A phone in portrait, in a real terminal (tmux) at 45x20: a set typed at a person's pace
is logged and its rest shows in big digits; the start screen and a workout fit, what does
not fit ends with '…', help lists the keys; resizing 80x24 -> 45x20 -> 80x24 keeps what
is being typed."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from tests.support.terminal import (
    Terminal,
    entry_line,
    isolated,
    open_log,
    type_slowly,
    wait_until,
    write_demo_log,
)


def _sets(log: Path) -> list[tuple[float, int, float | None]]:
    snapshot = open_log(log).snapshot()
    workout = snapshot.workouts()[-1]
    return [(s.weight_kg, s.reps, s.rpe) for s in snapshot.sets(workout=workout.id)]


@contextmanager
def _workout_on_a_phone(log: Path, tmp_path: Path) -> Iterator[tuple[Terminal, str]]:
    """restday on `log` at 45x20, moved from home to the workout's start screen: the
    terminal and that screen."""
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="45x20", env=isolated(tmp_path)) as term:
        term.wait_for("Guidance, not medical advice.")
        type_slowly(term, "w")
        yield term, term.wait_for("No workout in progress")


def test_a_set_and_its_rest_on_a_phone(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    with _workout_on_a_phone(log, tmp_path) as (term, _screen):
        term.keys("Enter")  # an empty workout
        term.wait_for("Started a workout")
        type_slowly(term, "bench 100x5@8")
        term.keys("Enter")
        screen = term.wait_for("100 kg x 5 @8")
        header = screen.splitlines()[0]
        assert "Bench Press" in screen and header.rstrip().endswith(("rest  3:00", "rest  2:59"))
        assert all(len(line) <= 45 for line in screen.splitlines())
        term.keys("M-t")  # Alt+t: on the workout screen a plain t types
        screen = term.wait_for("of 3:00 rest")
        assert "Resting after Bench Press" in screen and "█" in screen
        assert "Traceback" not in screen
        term.keys("q")
        term.wait_for("[exited 0]")
    assert _sets(log) == [(100, 5, 8)]


def test_the_start_screen_and_a_workout_fit_a_phone(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    with _workout_on_a_phone(log, tmp_path) as (term, screen):
        lines = screen.splitlines()
        assert "Workout: not started" in lines[0]
        assert "Full body" in screen and "…" in screen  # a template's exercises, cut
        assert "? Help" in lines[-1] and lines[-1].rstrip().endswith("^p Commands")
        hint = entry_line(screen)
        assert hint.startswith("bench 100x5 or a name") and hint.endswith("…")
        type_slowly(term, "bench 60x5")  # on the start screen: starts a workout
        term.keys("Enter")
        screen = term.wait_for("60 kg x 5")
        assert entry_line(screen).startswith("Enter repeats 60 kg x 5")
        assert entry_line(screen).endswith("…")
        type_slowly(term, "+2.5x5")  # in the workout
        term.keys("Enter")
        screen = term.wait_for("62.5 kg x 5")
        assert all(len(line) <= 45 for line in screen.splitlines())
        term.keys("F1")
        screen = term.wait_for("Everywhere")
        assert "Escape, ? or q closes this" in screen and "needs 80x24" not in screen
        term.keys("Escape")
        term.wait_for("62.5 kg x 5")
        term.keys("C-q")
        term.wait_for("[exited 0]")
    assert _sets(log) == [(60, 5, None), (62.5, 5, None)]


def test_resizing_keeps_what_is_being_typed(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        term.wait_for("Guidance, not medical advice.")
        type_slowly(term, "w")
        term.keys("Enter")
        term.wait_for("Started a workout")
        type_slowly(term, "bench 100x")
        wait_until(term, lambda s: entry_line(s) == "bench 100x", "typing")
        term.resize("45x20")
        wait_until(
            term,
            lambda s: entry_line(s) == "bench 100x" and "Pick an exercise" in s,
            "the compact layout with the line as typed",
        )
        type_slowly(term, "5@8")
        wait_until(term, lambda s: entry_line(s) == "bench 100x5@8", "typing on a phone")
        term.resize("80x24")
        wait_until(
            term,
            lambda s: entry_line(s) == "bench 100x5@8" and "No exercise yet" in s,
            "the full layout with the line as typed",
        )
        term.keys("Enter")
        term.wait_for("100 kg x 5 @8")
        term.keys("C-q")
        term.wait_for("[exited 0]")
    assert _sets(log) == [(100, 5, 8)]


def test_home_on_a_phone_keeps_the_verdicts_lines(tmp_path: Path) -> None:
    """A Reduce day in the demo's fatigue episode: at 80x24 and on a phone, the
    recommendation and the muscles to favour under it, each begun on a line of its own
    (on a phone the recommendation wrapped and pushed the muscles off); back at 80x24 the
    body map is there again."""
    log = write_demo_log(tmp_path, weeks=12)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    env = isolated(tmp_path, datetime(2026, 10, 24, 9, tzinfo=UTC))
    with Terminal(command, size="80x24", env=env) as term:
        screen = term.wait_for("14 days")
        favour = next(line for line in screen.splitlines() if " favour " in line)
        muscles = favour.split("favour ", 1)[1][:12]
        term.resize("45x20")
        screen = term.wait_for("workout yet (w)")
        assert f"favour {muscles}" in screen and "cut sets 30-50 %" in screen, screen
        assert "FRONT" not in screen
        term.resize("80x24")
        term.wait_for("FRONT")
