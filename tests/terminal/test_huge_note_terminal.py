"""A note of any length from an import (real processes, a real 80x24 terminal): the import
cuts it and says so, and the session holding it opens at once."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from storage.model.validation import MAX_NOTE_CHARS
from tests.support.clock import TUESDAY_EVENING
from tests.support.terminal import Terminal, isolated, open_log, type_slowly


def test_a_session_with_a_huge_imported_note_opens_at_once(tmp_path: Path) -> None:
    """`restday import` takes a Strong export whose set note is 10 MB (nothing limits a
    note's length); opening that session in History then freezes the app for ~2.7 s
    (the note is measured whole to be cut to its column). The import cuts the note to
    `MAX_NOTE_CHARS` and names its line; the session opens within a second."""
    log, export = tmp_path / "log.json", tmp_path / "strong.csv"
    header = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    note = "N" * 10_000_000
    row = f'2026-11-23 18:00:00,"Push",1h,"Bench Press (Barbell)",1,100,5,0,0,"{note}",,'
    export.write_text(header + "Notes,Workout Notes,RPE\n" + row + "\n")
    env = isolated(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "tui", "import", "--db", str(log), "--unit", "kg", str(export)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    summary = " ".join(done.stdout.split())
    assert f"cut to {MAX_NOTE_CHARS:,} characters" in summary and "line 2" in summary, summary
    with open_log(log, TUESDAY_EVENING) as repo:
        (entry,) = repo.sets()
    assert entry.notes == "N" * MAX_NOTE_CHARS
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env=env) as term:
        term.wait_for("Guidance, not medical advice.")
        type_slowly(term, "y")  # history
        term.wait_for("Tab: next view")
        term.keys("Tab")  # the sessions
        term.wait_for("Push")
        time.sleep(0.5)
        pressed = time.monotonic()
        term.keys("Enter")
        term.wait_for("Monday 23 November 2026", timeout=15)
        took = time.monotonic() - pressed
        assert took < 1.0, f"the session took {took:.1f} s to open"
