"""Text from a file or a keyboard is text: no escape sequence or other control character
in a name or a note reaches the terminal, through any command, and none enters the log."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.log.repository import Repository
from storage.model.records import Exercise, Workout
from storage.model.text import printable
from tests.support.clock import TUESDAY_EVENING
from tests.support.terminal import isolated

TITLE = "\x1b]0;pwned\x07"  # sets the window title
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4v\x07"  # writes `rm -rf ~/` into the clipboard
CLEAR = "\x1b[2J"
C1_CSI = "\x9b31m"
MARKUP = "[/b][$x][link=x]y[/link]"
CRAFTED = TITLE + CLIPBOARD + CLEAR + C1_CSI
# what a terminal must never be sent: ESC and the one-byte CSI (in UTF-8)
RAW = (b"\x1b", "\x9b".encode(), b"\x07")
STRONG_HEADER = [
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
]


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        env={**os.environ, **isolated(tmp_path)},
        timeout=120,
    )


def assert_clean(done: subprocess.CompletedProcess[bytes]) -> str:
    for stream in (done.stdout, done.stderr):
        for raw in RAW:
            assert raw not in stream, stream
    return done.stdout.decode()


def crafted_csv(path: Path) -> Path:
    """Four sessions of a crafted exercise, the last 15 % weaker (a lift going backwards, so
    `restday status` names it), with crafted workout names and notes."""
    rows = [STRONG_HEADER]
    sessions = (("2026-11-10", 100), ("2026-11-14", 100), ("2026-11-17", 100), ("2026-11-23", 85))
    for day, load in sessions:
        rows.append(
            [
                f"{day} 18:00:00",
                f"Push {CRAFTED}{MARKUP}",
                "30m",
                f"Evil {CRAFTED}Squat {MARKUP}",
                "1",
                str(load),
                "5",
                "0",
                "0",
                f"note {CRAFTED}{MARKUP}",
                f"workout note {CLIPBOARD}",
                "8",
            ]
        )
    with path.open("w", newline="") as file:
        csv.writer(file).writerows(rows)
    return path


def assert_log_clean(log: Path) -> None:
    text = log.read_text()
    for escaped in ("\\u001b", "\\u0007", "\\u009b", "\x1b", "\x07", "\x9b"):
        assert escaped not in text


def test_import_log_and_status_send_no_escape_to_the_terminal(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    source = crafted_csv(tmp_path / "crafted.csv")
    summary = assert_clean(run(tmp_path, "import", "--db", str(log), "--unit", "kg", str(source)))
    assert f"Evil Squat {MARKUP}" in summary  # the name, as text, markup and all
    assert_log_clean(log)
    logged = assert_clean(run(tmp_path, "log", "--db", str(log), "evil 100x5"))
    assert logged.startswith(f"Evil Squat {MARKUP}  100 kg x 5")
    status = assert_clean(run(tmp_path, "status", "--db", str(log)))
    assert f"Evil Squat {MARKUP}" in status
    with Repository(log, clock=lambda: TUESDAY_EVENING) as repo:
        (workout, *_) = repo.workouts()
        assert workout.name == f"Push {MARKUP}"
        assert workout.notes == "workout note "
        assert repo.sets()[0].notes == f"note {MARKUP}"


def test_a_restday_export_brings_in_no_control_character(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    with Repository(tmp_path / "source.json", clock=lambda: TUESDAY_EVENING) as repo:
        squat = repo.add_exercise(Exercise(name="Evil", muscles={"quads": 1.0}, aliases=("evil",)))
        workout = repo.start_workout("Push", at=TUESDAY_EVENING)
        repo.log_set(workout, squat, 100, 5)
    export = tmp_path / "export.json"
    assert run(tmp_path, "export", "--db", str(tmp_path / "source.json"), "-o", str(export))
    document = json.loads(export.read_text())
    document["exercises"][0]["name"] = f"Evil {CRAFTED}{MARKUP}"
    document["exercises"][0]["aliases"] = [f"ev{TITLE}il"]
    document["workouts"][0]["name"] = f"Push {CLIPBOARD}\u202e"
    document["workouts"][0]["notes"] = f"line one\r\nline two{C1_CSI}"
    export.write_text(json.dumps(document))
    summary = assert_clean(run(tmp_path, "import", "--db", str(log), str(export)))
    assert "1 workout" in summary
    assert_log_clean(log)
    with Repository(log, clock=lambda: TUESDAY_EVENING) as repo:
        (workout,) = repo.workouts()
        assert (workout.name, workout.notes) == ("Push ", "line one line two")
        (evil,) = [e for e in repo.exercises() if not e.builtin]
        assert (evil.name, evil.aliases) == (f"Evil {MARKUP}", ("evil",))


def test_text_an_older_log_holds_is_printed_without_its_escapes(tmp_path: Path) -> None:
    """A log written before restday cleaned text (or edited by hand) may hold escapes:
    they are dropped as it is read, so no command prints them."""
    log = tmp_path / "log.json"
    with Repository(log, clock=lambda: TUESDAY_EVENING) as repo:
        repo.add_exercise(Exercise(name="EVILNAME Lift", muscles={"quads": 1.0}))
    text = log.read_text().replace("EVILNAME", json.dumps(CRAFTED)[1:-1])
    log.write_text(text)
    assert "\\u001b" in log.read_text()
    logged = assert_clean(run(tmp_path, "log", "--db", str(log), "lift 100x5"))
    assert logged.startswith(" Lift  100 kg x 5")


def test_an_error_quoting_what_was_typed_sends_no_escape(tmp_path: Path) -> None:
    done = run(tmp_path, "log", "--db", str(tmp_path / "log.json"), f"{TITLE}nosuch 100x5")
    assert done.returncode == 1
    assert_clean(done)


def test_a_crafted_workout_name_typed_is_stored_printable(tmp_path: Path) -> None:
    with Repository(tmp_path / "log.json", clock=lambda: TUESDAY_EVENING) as repo:
        workout = repo.start_workout(f"Push{TITLE}", at=TUESDAY_EVENING)
        assert workout.name == "Push"
        assert repo.save_workout(Workout(start=TUESDAY_EVENING, notes=CLIPBOARD)).notes == ""
    assert_log_clean(tmp_path / "log.json")


CONTROLS = {"Cc"}
BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@given(st.text())
def test_printable_text_holds_no_control_character(text: str) -> None:
    shown = printable(text)
    assert not any(unicodedata.category(c) in CONTROLS or c in BIDI for c in shown)
    assert printable(shown) == shown


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs"))).filter(str.isprintable))
def test_printable_text_is_kept_as_it_is(text: str) -> None:
    assert printable(text) == text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (f"Push {TITLE}{CLIPBOARD}A", "Push A"),
        (f"note {CLEAR}{C1_CSI}ok", "note ok"),
        ("two\r\nlines\tand a tab", "two lines and a tab"),
        ("evil\u202eoverride", "eviloverride"),
        ("café 👨\u200d👩 [b]", "café 👨\u200d👩 [b]"),
        ("bell\x07 del\x7f nul\x00", "bell del nul"),
    ],
)
def test_printable_examples(text: str, kept: str) -> None:
    assert printable(text) == kept
