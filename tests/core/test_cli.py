"""The `restday` command: every error is one line and a non-zero exit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from storage.log.repository import Repository
from tui.commands.main import main


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return tmp_path / "log.json"


def test_log_prints_the_set_and_stores_it(log: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["log", "--db", str(log), "bench 100x5@8"]) == 0
    out = capsys.readouterr().out
    assert "Bench Press  100 kg x 5 @8  e1RM 123.3 kg  (set 1 of today's workout)" in out
    with Repository(log) as repo:
        (entry,) = repo.sets()
        assert (entry.exercise, entry.weight_kg, entry.reps, entry.rpe) == (
            "bench-press",
            100,
            5,
            8,
        )
        assert repo.open_workout() is not None


def test_log_loads_neither_textual_nor_rich(log: Path) -> None:
    """`restday log` runs between sets: it starts without the UI libraries (each command
    imports what it needs when it runs)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tui", "log", "--db", str(log), "bench 100x5"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    loaded = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "tui.commands.log" in loaded
    assert sorted(m for m in loaded if m.split(".")[0] in ("textual", "rich")) == []


def test_log_several_sets_in_pounds_into_one_workout(log: Path, capsys) -> None:
    assert main(["log", "--db", str(log), "squat 225lbx5x3"]) == 0
    assert main(["log", "--db", str(log), "w", "bench", "60x5"]) == 0
    out = [line for line in capsys.readouterr().out.splitlines() if "  (set " in line]
    assert [line.split("  (")[1] for line in out] == [
        f"set {n} of today's workout)" for n in (1, 2, 3, 4)
    ]
    assert out[3].startswith("Bench Press  warm-up 60 kg x 5")
    with Repository(log) as repo:
        sets = repo.sets()
        assert len(repo.workouts()) == 1
        assert [round(s.weight_kg, 3) for s in sets[:3]] == [102.058] * 3
        assert sets[3].warmup


def test_bodyweight_sets(log: Path, capsys) -> None:
    assert main(["log", "--db", str(log), "dip bw+20x6"]) == 0
    assert main(["log", "--db", str(log), "pullup bw x8"]) == 0
    out = capsys.readouterr().out
    assert "Dip  bw+20 kg x 6" in out and "Pull-Up  bw x 8" in out


def test_env_var_chooses_the_log(log: Path) -> None:
    result = run("log", "bench 100x5", env={"RESTDAY_DB": str(log)})
    assert result.returncode == 0, result.stderr
    assert log.exists()


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("bench 100y5", "expected"),
        ("100x5", "name the exercise"),
        ("xyzzy 100x5", "no exercise matches 'xyzzy'"),
        ("bench 100x5@11", "RPE"),
        ("bench 100x0", "reps"),
    ],
)
def test_bad_entries_get_one_clear_line(log: Path, entry: str, message: str) -> None:
    result = run("log", "--db", str(log), entry)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("restday: error: ")
    assert message in lines[0]
    assert "Traceback" not in result.stderr
    assert not log.exists()


def test_ambiguous_exercise_lists_candidates(log: Path) -> None:
    result = run("log", "--db", str(log), "curl 20x10")
    assert result.returncode == 1
    assert "could be" in result.stderr or "closest" in result.stderr


def test_corrupt_log_is_one_line_and_untouched(log: Path) -> None:
    log.write_text('{"sets": {"1": ')
    before = log.read_bytes()
    result = run("log", "--db", str(log), "bench 100x5")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert str(log) in result.stderr and "cannot be read" in result.stderr
    assert log.read_bytes() == before


def test_usage_errors_are_one_line() -> None:
    result = run("frobnicate")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "invalid choice" in result.stderr


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("restday ")
    help_text = run("--help").stdout
    for command in ("demo", "log", "locate", "--db", "--demo"):
        assert command in help_text


def test_locate_names_every_place(log: Path) -> None:
    result = run("locate", "--db", str(log))
    assert result.returncode == 0
    for label in ("log", "backups", "lock", "journal", "config", "keymap", "demo log"):
        assert any(line.startswith(label) for line in result.stdout.splitlines())
    assert str(log) in result.stdout


def test_demo_writes_a_new_log_and_refuses_an_existing_one(log: Path) -> None:
    result = run("demo", "--db", str(log), "--weeks", "4", "--seed", "3")
    assert result.returncode == 0, result.stderr
    assert "workouts" in result.stdout
    data = json.loads(log.read_bytes())
    assert data["sets"] and data["workouts"] and data["recovery"] and data["symptoms"]
    before = log.read_bytes()
    again = run("demo", "--db", str(log))
    assert again.returncode == 1 and "already exists" in again.stderr
    assert log.read_bytes() == before


def test_demo_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for path in (first, second):
        assert main(["demo", "--db", str(path), "--weeks", "3", "--seed", "7"]) == 0
    assert json.loads(first.read_bytes()) == json.loads(second.read_bytes())


def test_bad_weeks_is_a_usage_error(log: Path) -> None:
    result = run("demo", "--db", str(log), "--weeks", "lots")
    assert result.returncode == 2 and "not a whole number" in result.stderr


def test_demo_with_a_command_works_on_the_demo_log_never_the_users(tmp_path: Path) -> None:
    """`restday --demo log ...` (and export, config) once wrote to the user's own log."""
    from tests.support.terminal import isolated

    env = {**os.environ, **isolated(tmp_path)}
    env.pop("RESTDAY_DB", None)
    own = tmp_path / "data" / "restday" / "log.json"
    logged = run("--demo", "log", "bench 100x5", env=env)
    assert logged.returncode == 0, logged.stderr
    assert not own.exists()
    located = run("--demo", "locate", env=env).stdout
    (demo,) = [line.split()[-1] for line in located.splitlines() if line.startswith("log ")]
    with Repository(demo) as repo:
        assert (repo.sets()[-1].weight_kg, repo.sets()[-1].reps) == (100, 5)
    refused = run("--demo", "log", "--db", str(tmp_path / "x.json"), "bench 100x5", env=env)
    assert refused.returncode == 1 and "cannot be combined with --db" in refused.stderr
