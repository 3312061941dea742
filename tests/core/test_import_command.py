"""`restday import`, as a lifter runs it: every layout's file into a log, the real samples,
--dry-run, --from, --unit and asking for it, a second import adding nothing, and errors as
one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from storage.log.repository import Repository
from tests.support.shared import SAMPLES as SHARED_SAMPLES
from tests.support.shared import needs_samples
from tui.commands.main import main

SAMPLES = Path(__file__).parent / "import_samples"


def run(*args: str) -> int:
    return main(["import", *map(str, args)])


def counts(log: Path) -> tuple[int, int]:
    with Repository(log) as repo:
        found = repo.counts()
    return found.workouts, found.sets


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.csv")))
def test_every_layout_imports(sample: str, tmp_path: Path, capsys) -> None:
    log = tmp_path / "log.json"
    assert run(SAMPLES / sample, "--db", log, "--unit", "kg") == 0
    out = capsys.readouterr().out
    assert "Imported" in out or "Nothing new to import" in out
    workouts, sets = counts(log)
    assert workouts >= 1 and sets >= 1
    assert run(SAMPLES / sample, "--db", log, "--unit", "kg") == 0
    assert "in the log already" in capsys.readouterr().out
    assert counts(log) == (workouts, sets)


@needs_samples
@pytest.mark.parametrize(
    ("sample", "unit", "workouts", "sets"),
    [
        ("strong-comma.csv", "lb", 310, 4562),
        ("hevy.csv", None, 37, 566),
        ("fitnotes.csv", None, 18, 436),
    ],
)
def test_the_real_exports(sample, unit, workouts, sets, tmp_path: Path, capsys) -> None:
    log = tmp_path / "log.json"
    args = [SHARED_SAMPLES / sample, "--db", log, *(["--unit", unit] if unit else [])]
    assert run(*args) == 0
    assert counts(log) == (workouts, sets)
    assert run(*args) == 0
    assert counts(log) == (workouts, sets)  # the same file again adds nothing


def test_a_dry_run_says_what_would_come_in_and_writes_nothing(tmp_path: Path, capsys) -> None:
    log = tmp_path / "log.json"
    assert run(SAMPLES / "strong-comma-12.csv", "--db", log, "--unit", "kg", "--dry-run") == 0
    out = " ".join(capsys.readouterr().out.split())  # as printed, wrapped to the terminal
    assert "Strong" in out and "1 workout, 4 sets" in out
    assert "Dry run: nothing was written." in out
    assert not log.exists() or counts(log) == (0, 0)


def test_skipped_rows_are_listed_with_their_line_and_reason(tmp_path: Path, capsys) -> None:
    export = tmp_path / "strong.csv"
    export.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE\n"
        '2024-01-02 18:00:00,"Push",1h,"Bench Press (Barbell)",1,100,5,0,0,,,8\n'
        '2024-01-02 18:00:00,"Push",1h,"Bench Press (Barbell)",2,100,five,0,0,,,\n'
        '2024-01-02 18:00:00,"Push",1h,"Plank",1,0,0,0,60,,,\n'
    )
    assert run(export, "--db", tmp_path / "log.json", "--unit", "kg") == 0
    out = capsys.readouterr().out
    assert "line 3:" in out and "five" in out
    assert "line 4: a timed or distance entry" in out
    assert counts(tmp_path / "log.json") == (1, 1)


def test_from_overrides_detection_and_unknown_files_are_refused(tmp_path: Path, capsys) -> None:
    export = tmp_path / "notes.csv"
    export.write_text("name,score\nann,3\n")
    assert run(export, "--db", tmp_path / "log.json") == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Strong, Hevy, FitNotes or restday" in error
    assert run(SAMPLES / "hevy-kg.csv", "--db", tmp_path / "log.json", "--from", "fitnotes") == 0
    out = capsys.readouterr().out
    assert "Skipped rows" in out  # Hevy's rows are not FitNotes rows: each says why


def test_without_a_unit_it_asks_or_says_how(tmp_path: Path, capsys, monkeypatch) -> None:
    export = SAMPLES / "strong-comma-12.csv"
    log = tmp_path / "log.json"
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert run(export, "--db", log) == 1
    assert "pass --unit kg or --unit lb" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(["stone", "lb"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert run(export, "--db", log) == 0
    assert "Type kg or lb." in capsys.readouterr().out
    with Repository(log) as repo:
        heaviest = max(s.weight_kg for s in repo.sets())
    assert heaviest == pytest.approx(150 * 0.45359237, abs=0.001)


def test_never_a_traceback_on_a_binary_file(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe" * 50)
    done = subprocess.run(
        [sys.executable, "-m", "tui", "import", str(export), "--db", str(tmp_path / "l.json")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert "not UTF-8 text" in done.stderr
