"""The app in a real terminal (tmux) on a log it must not write or must not read: one with
a record it cannot read opens read-only and says why; a FIFO named as the log ends the app
with one line at once, where it used to hang before the first frame."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from tests.support.logs import log_with_sets
from tests.support.terminal import (
    Terminal,
    isolated,
    log_set,
    quit_and_read,
    type_line,
    wait_until,
)


def test_a_log_with_a_bad_record_opens_read_only(tmp_path: Path) -> None:
    log = log_with_sets(tmp_path / "log.json")
    data = json.loads(log.read_bytes())
    data["sets"]["1"]["weight_kg"] = "abc"
    bad_id = data["sets"]["1"]["id"]
    log.write_bytes(json.dumps(data).encode())
    before = log.read_bytes()
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env=isolated(tmp_path)) as term:
        screen = term.wait_for("READ-ONLY")
        assert bad_id in screen and "weight_kg" in screen
        term.keys("w")
        term.wait_for("Bench Press")
        type_line(term, "100x5")
        assert "Traceback" not in term.wait_for("not logged")
    assert log.read_bytes() == before


def test_a_fifo_as_the_log_ends_the_app_with_one_line(tmp_path: Path) -> None:
    fifo = tmp_path / "log.json"
    os.mkfifo(fifo)
    command = [sys.executable, "-m", "tui", "--db", str(fifo)]
    with Terminal(command, env=isolated(tmp_path)) as term:
        screen = term.wait_for("[exited 1]")
        assert "it is a FIFO (named pipe), not a regular file" in screen.replace("\n", "")
        assert "Traceback" not in screen


def test_a_set_shown_as_saved_outlives_its_log_file_deleted(tmp_path: Path) -> None:
    """The log file is deleted (by hand, a sync tool) while the app is open with a workout in
    progress: the sets it showed as saved since the file was last rewritten were in the
    journal only, and the next set (in a new log) keeps that journal aside, not emptied."""
    log = log_with_sets(tmp_path / "log.json", sets=1)
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env=isolated(tmp_path)) as term:
        term.wait_for("workout in progress (w)")
        term.keys("w")
        term.wait_for("Enter repeats")
        log_set(term, "107.5x5", "107.5 kg x 5")
        wait_until(term, lambda s: "saving" not in s, "the set saved")
        log.unlink()
        term.wait_for("No workout in progress")  # the app follows the file: it is gone
        log_set(term, "squat 60x5", "60 kg x 5")
        quit_and_read(term, log)
    (kept,) = tmp_path.glob("log.json.journal.without-its-log-*")
    assert b"107.5" in kept.read_bytes()
