"""An earlier day's workout reopened, in real 80x24 terminals (tmux) typed at a person's
pace: it starts no rest timer, finishing it leaves none running, and a second copy of the
app follows (the rest timer and the workout are in the log)."""

from __future__ import annotations

import re
import sys
import time
from datetime import timedelta
from pathlib import Path

from storage.model.exercise_library import BUILTIN_BY_ID
from tests.support.clock import TUESDAY_EVENING
from tests.support.terminal import Terminal, isolated, open_log, type_slowly

BENCH = BUILTIN_BY_ID["bench-press"]


def sundays_finished_workout(log: Path) -> None:
    then = TUESDAY_EVENING - timedelta(days=2, hours=1)
    with open_log(log, then) as repo:
        workout = repo.start_workout("Push")
        repo.log_set(workout, BENCH, 100, 5, rpe=8, at=then + timedelta(minutes=5))
        repo.finish_workout(workout, 6, "ok", at=then + timedelta(minutes=50))


def reopen_sunday(term: Terminal) -> None:
    term.wait_for("Guidance, not medical advice.")
    type_slowly(term, "y")  # history
    term.wait_for("Tab: next view")
    term.keys("Tab")  # the sessions
    term.wait_for("Push")
    term.keys("Enter")
    term.wait_for("o: reopen")
    type_slowly(term, "o")
    term.wait_for("Reopened the workout of Sun 22 Nov")


def rest_shown(screen: str) -> bool:
    """Whether the header (the top line) shows a rest timer."""
    return re.search(r"\brest\b", screen.splitlines()[0]) is not None


def test_reopening_an_earlier_days_workout_starts_no_rest_timer(tmp_path: Path) -> None:
    """Sunday's workout reopened on Tuesday: the header's rest timer counted from Sunday's
    last set ("rest over +2932:01"), and it still ran once the workout was finished again.
    A past day's workout starts no rest timer (README), and finishing stops it."""
    log = tmp_path / "log.json"
    sundays_finished_workout(log)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env=isolated(tmp_path)) as term:
        reopen_sunday(term)
        assert not rest_shown(term.screen())
        type_slowly(term, "bench 100x5@8\r")
        term.wait_for("100 kg x 5")
        time.sleep(1)
        assert not rest_shown(term.screen()), term.screen()
        term.keys("M-F")  # Alt+Shift+F: finish
        term.wait_for("Session RPE 6: Enter keeps it and its notes")
        term.keys("Enter")
        screen = term.wait_for("Workout finished")
        assert not rest_shown(screen), screen


def test_finishing_todays_workout_stops_the_timer_in_another_copy(tmp_path: Path) -> None:
    """A logs a set today (its rest timer runs in both copies); B finishes the workout:
    the timer stops in A too, within a second or two (the log holds no rest any more)."""
    log = tmp_path / "log.json"
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    env = isolated(tmp_path)
    with Terminal(command, env=env) as a, Terminal(command, env=env) as b:
        a.wait_for("Guidance, not medical advice.")
        b.wait_for("Guidance, not medical advice.")
        type_slowly(a, "w")
        a.wait_for("Empty workout")
        a.keys("Enter")
        type_slowly(a, "bench 100x5@8\r")
        a.wait_for("100 kg x 5")
        assert rest_shown(a.screen())
        type_slowly(b, "w")
        b.wait_for("100 kg x 5")
        deadline = time.monotonic() + 5
        while not rest_shown(b.screen()) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert rest_shown(b.screen()), b.screen()
        b.keys("M-F")
        b.wait_for("How hard was the whole session?")
        type_slowly(b, "7")
        b.wait_for("Enter to finish")
        b.keys("Enter")
        b.wait_for("Workout finished")
        assert not rest_shown(b.screen()), b.screen()
        deadline = time.monotonic() + 3
        while rest_shown(a.screen()) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not rest_shown(a.screen()), a.screen()


def test_the_reopened_message_leaves_when_another_copy_finishes_the_workout(
    tmp_path: Path,
) -> None:
    """A reopens Sunday's workout; B, on the workout screen, finishes it. A follows (its
    workout screen says "not started") but still said "Reopened the workout of Sun 22 Nov:
    type a set ... alt+shift+f finishes it", which is no longer true: a set typed now
    starts today's workout."""
    log = tmp_path / "log.json"
    sundays_finished_workout(log)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    env = isolated(tmp_path)
    with Terminal(command, env=env) as a, Terminal(command, env=env) as b:
        b.wait_for("Guidance, not medical advice.")
        type_slowly(b, "w")
        b.wait_for("Empty workout")
        reopen_sunday(a)
        b.wait_for("(reopened)")
        b.keys("M-F")  # Alt+Shift+F: finish
        b.wait_for("Session RPE 6: Enter keeps it and its notes")
        b.keys("Enter")
        b.wait_for("Workout finished")
        screen = a.wait_for("Workout: not started")
        time.sleep(1)
        assert "Reopened the workout" not in a.screen(), screen
