"""`restday log` takes every line the workout screen's entry line takes, in a real process:
relative forms start from today's last set, a finished workout gets sets only with
--reopen, and a name says which exercises it matched and how to make one that is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage.log.repository import Repository
from storage.model.records import Exercise, Settings
from tests.support.clock import FakeClock

NOW = datetime(2026, 3, 10, 18, 0, tzinfo=UTC)


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return tmp_path / "log.json"


def restday_log(log: Path, *entry: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "log", "--db", str(log), *entry],
        capture_output=True,
        text=True,
        env={**os.environ, "RESTDAY_NOW": NOW.isoformat(), "TZ": "UTC"},
        timeout=120,
    )


def logged(log: Path) -> list[tuple[str, float, int, float | None, bool]]:
    with Repository(log, clock=FakeClock(NOW)) as repo:
        return [
            (s.exercise, s.weight_kg, s.reps, s.rpe, s.warmup)
            for w in repo.workouts()
            for s in repo.sets(workout=w.id)
        ]


def test_every_form_of_the_entry_line(log: Path) -> None:
    for entry in ("bench 100x5@8", "+2.5x5", "x6", "w 60x5", "100x5x3", "-5x8@9"):
        result = restday_log(log, "--", entry)  # "--": "-5x8" is no option
        assert result.returncode == 0, result.stderr
    assert logged(log) == [
        ("bench-press", 100.0, 5, 8.0, False),
        ("bench-press", 102.5, 5, None, False),
        ("bench-press", 102.5, 6, None, False),
        ("bench-press", 60.0, 5, None, True),
        ("bench-press", 100.0, 5, None, False),
        ("bench-press", 100.0, 5, None, False),
        ("bench-press", 100.0, 5, None, False),
        ("bench-press", 95.0, 8, 9.0, False),
    ]


def test_each_argument_that_is_a_set_is_logged_as_its_own_set_in_order(log: Path) -> None:
    """`restday log bench 100x5@8 +2.5x5 x6`: three sets, each relative one from the set
    before it; a name or a set spread over several arguments is still read as one line."""
    result = restday_log(log, "bench", "100x5@8", "+2.5x5", "x6")
    assert result.returncode == 0, result.stderr
    assert restday_log(log, "+2.5x5", "x6").returncode == 0
    assert restday_log(log, "leg", "curl", "40", "x", "10", "@8").returncode == 0
    assert restday_log(log, "w", "60x5", "squat 100x5").returncode == 0
    assert logged(log) == [
        ("bench-press", 100.0, 5, 8.0, False),
        ("bench-press", 102.5, 5, None, False),
        ("bench-press", 102.5, 6, None, False),
        ("bench-press", 105.0, 5, None, False),
        ("bench-press", 105.0, 6, None, False),
        ("lying-leg-curl", 40.0, 10, 8.0, False),
        ("lying-leg-curl", 60.0, 5, None, True),
        ("back-squat", 100.0, 5, None, False),
    ]
    assert result.stdout.count("of today's workout") == 3


def test_a_bad_argument_logs_none_of_the_sets(log: Path) -> None:
    restday_log(log, "bench 100x5")
    result = restday_log(log, "+2.5x5", "x6", "105x")
    assert result.returncode == 1 and "105x" in result.stderr
    assert len(logged(log)) == 1


@pytest.mark.parametrize("entry", ["+2.5x5", "x6"])
def test_a_relative_form_with_no_set_today_says_so(log: Path, entry: str) -> None:
    result = restday_log(log, entry)
    assert result.returncode == 1
    assert "today's workout has no set yet" in result.stderr
    assert "e.g. 'bench 100x5'" in result.stderr
    assert not log.exists()


def finish_todays_workout(log: Path) -> None:
    with Repository(log, clock=FakeClock(NOW)) as repo:
        workout = repo.open_workout()
        repo.finish_workout(repo.workout(workout.id), 7, "heavy day")


def test_after_a_finished_workout_a_set_starts_a_new_one_and_says_so(log: Path) -> None:
    restday_log(log, "bench 100x5@8")
    finish_todays_workout(log)
    result = restday_log(log, "bench 90x8")
    assert result.returncode == 0
    assert "Started a new workout" in result.stdout and "--reopen" in result.stdout
    with Repository(log, clock=FakeClock(NOW)) as repo:
        assert len(repo.workouts()) == 2
    relative = restday_log(log, "x6")  # the new workout's bench set
    assert relative.returncode == 0 and "90 kg x 6" in relative.stdout


def test_reopen_adds_to_todays_finished_workout_keeping_it_finished(log: Path) -> None:
    restday_log(log, "bench 100x5@8")
    finish_todays_workout(log)
    result = restday_log(log, "--reopen", "+2.5x5")
    assert result.returncode == 0, result.stderr
    assert "finished workout" in result.stdout and "102.5 kg x 5" in result.stdout
    with Repository(log, clock=FakeClock(NOW)) as repo:
        (workout,) = repo.workouts()
        assert workout.end is not None
        assert (workout.session_rpe, workout.notes) == (7, "heavy day")
        assert [s.weight_kg for s in repo.sets(workout=workout.id)] == [100.0, 102.5]


def test_relative_form_after_a_finished_workout_points_at_reopen(log: Path) -> None:
    restday_log(log, "bench 100x5@8")
    finish_todays_workout(log)
    result = restday_log(log, "x6")
    assert result.returncode == 1
    assert "finished (add --reopen to add to it)" in result.stderr


def test_a_name_says_which_others_it_matched(log: Path) -> None:
    result = restday_log(log, "leg curl 40x10")
    assert result.returncode == 0
    assert "Lying Leg Curl  40 kg x 10" in result.stdout
    assert "also matches Seated Leg Curl" in result.stdout
    exact = restday_log(log, "Seated Leg Curl 30x12")
    assert "also matches" not in exact.stdout


def test_no_exercise_matches_says_how_to_create_it(log: Path) -> None:
    result = restday_log(log, "zercher squat thing 60x5")
    assert result.returncode == 1
    assert "no exercise matches" in result.stderr
    assert "create it in the app" in result.stderr and "ctrl+n" in result.stderr


def test_a_custom_exercise_logged_by_its_name(log: Path) -> None:
    with Repository(log, clock=FakeClock(NOW)) as repo:
        repo.save_settings(Settings(timezone="UTC"))
        repo.add_exercise(Exercise(name="Zercher Squat", muscles={"quads": 1.0}))
    result = restday_log(log, "zercher 60x5")
    assert result.returncode == 0 and "Zercher Squat  60 kg x 5" in result.stdout


def test_reopen_with_nothing_finished_today_says_it_started_one(log: Path) -> None:
    result = restday_log(log, "--reopen", "bench 100x5")
    assert result.returncode == 0
    assert "No workout was finished today to reopen: started one." in result.stdout
