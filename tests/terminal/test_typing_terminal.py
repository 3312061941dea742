"""Issue 14 in a real 80x24 terminal (tmux), at a person's pace (a key every 150 ms, looking
at nothing) and as a burst: on the workout screen, text that can begin a set or an exercise
name reaches the entry line and logs what was typed, whatever had the focus before (the set
table, a prompt, another screen); commands are Alt+letter, which tmux sends as Escape and
the letter, as a person without an Alt key types them."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.terminal import (
    Terminal,
    entry_line,
    isolated,
    leave_entry,
    open_log,
    start_empty_workout,
    type_slowly,
    wait_until,
    write_demo_log,
)


@pytest.fixture
def demo_log(tmp_path: Path) -> Path:
    return write_demo_log(tmp_path)


def stored(log: Path) -> list[tuple[str, float, int, float | None]]:
    with open_log(log) as repo:
        workout = repo.workouts()[-1]
        return [(s.exercise, s.weight_kg, s.reps, s.rpe) for s in repo.sets(workout=workout.id)]


@pytest.mark.parametrize("burst", [False, True], ids=["pace", "burst"])
def test_sets_and_names_typed_after_escape_are_logged_as_typed(
    demo_log: Path, tmp_path: Path, burst: bool
) -> None:
    def typed(text: str) -> None:
        if burst:
            term.keys("-l", "--", text)
        else:
            type_slowly(term, text)
        term.keys("Enter")

    command = [sys.executable, "-m", "tui", "--db", str(demo_log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        start_empty_workout(term)
        typed("bench 100x5")
        term.wait_for("100 kg x 5")
        typed("ohp 50x8")  # two exercises: "1" was once exercise 1
        term.wait_for("50 kg x 8")
        leave_entry(term)
        typed("120x5@8")
        term.wait_for("120 kg x 5 @8")
        leave_entry(term)
        typed("rdl 100x8")  # "r" was once Recovery
        screen = term.wait_for("Romanian Deadlift")
        assert "100 kg x 8" in screen and "Sleep" not in screen
        term.keys("C-q")
        term.wait_for("[exited 0]")
    assert stored(demo_log)[-2:] == [
        ("overhead-press", 120, 5, 8),
        ("romanian-deadlift", 100, 8, None),
    ]


def test_typing_after_a_prompt_and_another_screen_reaches_the_line(
    demo_log: Path, tmp_path: Path
) -> None:
    command = [sys.executable, "-m", "tui", "--db", str(demo_log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        start_empty_workout(term)
        type_slowly(term, "bench 100x5")
        term.keys("Enter")
        term.wait_for("100 kg x 5")
        # A set note: Alt+n (Escape n, as tmux sends it), the note, Enter, the next set.
        term.keys("M-n")
        term.wait_for("Note on this set")
        type_slowly(term, "easy")
        term.keys("Enter")
        type_slowly(term, "x6")
        term.keys("Enter")
        term.wait_for("100 kg x 6")
        # Home and back (Alt+h, Alt+w), then straight on typing.
        term.keys("M-h")
        term.wait_for("Guidance, not medical advice.")
        term.keys("M-w")
        term.wait_for("▸1 Bench Press")  # a key sent with Alt+w may still reach Home
        type_slowly(term, "+5x5")
        term.keys("Enter")
        term.wait_for("105 kg x 5")
        # Escape then the letter within the Escape wait (50 ms), as a terminal without an
        # Alt key sends Alt: Alt+u undoes.
        term.keys("Escape")
        time.sleep(0.01)
        term.keys("u")
        term.wait_for("Undone:")
        term.keys("C-q")
        term.wait_for("[exited 0]")
    sets = stored(demo_log)
    assert [(weight, reps) for _, weight, reps, _ in sets] == [(100, 5), (100, 6)]
    with open_log(demo_log) as repo:
        assert repo.sets(workout=repo.workouts()[-1].id)[0].notes == "easy"


def test_a_set_edited_in_lb_and_saved_unchanged_keeps_its_weight(
    demo_log: Path, tmp_path: Path
) -> None:
    env = isolated(tmp_path)
    for args in (["config", "unit", "lb"], ["log", "bench 100kgx5"]):
        restday = [sys.executable, "-m", "tui", args[0], "--db", str(demo_log), *args[1:]]
        subprocess.run(restday, check=True, capture_output=True, env={**os.environ, **env})
    with Terminal([sys.executable, "-m", "tui", "--db", str(demo_log)], env=env) as term:
        term.wait_for("Guidance, not medical advice.")
        term.keys("w")
        term.wait_for("220.5 lb x 5")
        term.keys("M-e")
        term.wait_for("Editing the set")
        term.keys("Enter")  # nothing changed
        term.wait_for("Set changed")
        term.keys("C-q")
        term.wait_for("[exited 0]")
    assert [(kg, reps) for _, kg, reps, _ in stored(demo_log)] == [(100.0, 5)]


def test_alt_digit_and_escape_then_a_digit_over_a_dialog(demo_log: Path, tmp_path: Path) -> None:
    """A terminal sends Alt+1 as Escape then 1, which Textual reads as "¡" (macOS's
    Option+1): it switches to exercise 1; over the finish dialog, Escape with the first
    digit of a set closes the dialog and the set is logged as typed."""
    with Terminal(
        [sys.executable, "-m", "tui", "--db", str(demo_log)], env=isolated(tmp_path)
    ) as term:
        start_empty_workout(term)
        for line in ("bench 100x5", "ohp 50x5"):
            type_slowly(term, line)
            term.keys("Enter")
            term.wait_for(line.split()[1].replace("x", " kg x "))
        term.keys("M-1")
        term.wait_for("▸1 Bench Press")
        term.keys("M-F")
        term.wait_for("whole session")
        term.keys("Escape")  # one more set after all, typed at once
        term.keys("-l", "--", "107.5x2")
        term.keys("Enter")
        term.wait_for("107.5 kg x 2")
        term.keys("C-q")
        term.wait_for("[exited 0]")
    assert [(kg, reps) for _, kg, reps, _ in stored(demo_log)] == [(100, 5), (50, 5), (107.5, 2)]
    with open_log(demo_log) as repo:
        assert repo.workouts()[-1].end is None


@pytest.mark.parametrize("typed", ["rdl 100x8", "100x8"])
def test_a_set_typed_on_the_start_screen_goes_to_the_line(
    demo_log: Path, tmp_path: Path, typed: str
) -> None:
    """Before a workout, the entry line takes what is typed too ("rdl 100x8" once jumped to
    Recovery on its "r"): a set with its exercise starts an empty workout and is logged; one
    without says which exercise is missing and stays to be fixed."""
    with Terminal(
        [sys.executable, "-m", "tui", "--db", str(demo_log)], env=isolated(tmp_path)
    ) as term:
        term.wait_for("Guidance, not medical advice.")
        term.keys("w")
        term.wait_for("Empty workout")
        type_slowly(term, typed)
        term.keys("Enter")
        if typed.startswith("rdl"):
            term.wait_for("100 kg x 8")
            wait_until(term, lambda s: "saving" not in s, "the set saved")
            assert stored(demo_log)[-1] == ("romanian-deadlift", 100, 8, None)
        else:
            screen = term.wait_for("No workout in progress")
            assert "Sleep" not in screen and entry_line(screen) == typed
        term.keys("C-q")
        term.wait_for("[exited 0]")


def test_a_set_sent_in_one_write_with_the_screen_key_goes_to_the_new_screen(
    demo_log: Path, tmp_path: Path
) -> None:
    """Alt+w and the set behind it in one write (typed ahead over SSH, or pasted): Textual
    ran Alt+w's binding only after "+5x5" had gone to Home."""
    command = [sys.executable, "-m", "tui", "--db", str(demo_log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        start_empty_workout(term)
        type_slowly(term, "bench 100x5")
        term.keys("Enter")
        term.wait_for("100 kg x 5")
        term.keys("M-h")
        term.wait_for("Guidance, not medical advice.")
        term.keys("-l", "--", "\x1bw+5x5\r")
        term.wait_for("105 kg x 5")
        term.keys("C-q")
        term.wait_for("[exited 0]")
    assert [(weight, reps) for _, weight, reps, _ in stored(demo_log)] == [(100, 5), (105, 5)]
