"""`storage.read.score_window`: what the model needs from a repository at a moment, read through
the day filters and the set index, converted to scoring's inputs."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from scoring import assess
from storage.demo import generate_demo, write_demo
from storage.log.repository import Repository
from storage.model.days import day_start
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import Recovery, Settings
from storage.read.score_window import WINDOW_DAYS, read_window, training_log

TZ = "Europe/Berlin"
END = date(2026, 3, 18)
NOW = datetime(2026, 3, 18, 8, 30, tzinfo=UTC)  # 09:30 in Berlin


@pytest.fixture(scope="module")
def demo_repo(tmp_path_factory):
    log = generate_demo(END, weeks=30, seed=3, tz=TZ, exercises=BUILTIN_BY_ID, now=NOW)
    repo = Repository(tmp_path_factory.mktemp("window") / "log.json", clock=lambda: NOW)
    repo.save_settings(Settings(timezone=TZ))
    write_demo(repo, log)
    yield repo
    repo.close()


def everything(repo: Repository):
    """The whole log as the model's input, read the slow way."""
    days = {w.day for w in repo.workouts()} | {r.day for r in repo.recoveries()}
    return training_log(
        repo.sets(),
        {e.id: e for e in repo.exercises()},
        repo.recoveries(),
        repo.symptoms(),
        day_starts={d: day_start(d, TZ, 4) for d in days | {END}},
    )


@pytest.mark.parametrize("days_ago", [0, 3, 40, 60])
def test_the_window_scores_like_the_whole_log(demo_repo, days_ago):
    moment = NOW - timedelta(days=days_ago)
    windowed = assess(read_window(demo_repo, moment), moment)
    assert windowed.readiness is not None
    assert windowed.as_json() == assess(everything(demo_repo), moment).as_json()


def test_the_window_defaults_to_the_repository_clock(demo_repo):
    assert read_window(demo_repo) == read_window(demo_repo, NOW)


def test_sets_are_read_by_workout_only(demo_repo, monkeypatch):
    calls = []
    read_sets = demo_repo.sets

    def spy(**kwargs):
        calls.append(kwargs)
        return read_sets(**kwargs)

    monkeypatch.setattr(demo_repo, "sets", spy)
    log = read_window(demo_repo, NOW)
    since = END - timedelta(days=WINDOW_DAYS - 1)
    assert len(calls) == len(demo_repo.workouts(since, END)) > 0
    assert all(set(kwargs) == {"workout"} for kwargs in calls)
    assert min(s.day for s in log.sets) >= since
    assert min(r.day for r in log.recoveries) >= since


def test_day_starts_follow_the_timezone_and_rollover(demo_repo):
    log = read_window(demo_repo, NOW)
    assert len(log.day_starts) == 14
    assert log.day_starts[END] == datetime(2026, 3, 18, 3, tzinfo=UTC)  # 04:00 CET
    assert max(log.day_starts) == END


def test_compound_exercises_are_lifts(demo_repo):
    log = read_window(demo_repo, NOW)
    assert log.exercises["bench-press"].lift
    assert not log.exercises["lateral-raise"].lift
    assert log.exercises["back-squat"].muscles == BUILTIN_BY_ID["back-squat"].muscles


@pytest.fixture
def repo(tmp_path):
    clock = datetime(2026, 3, 18, 18, tzinfo=UTC)
    with Repository(tmp_path / "log.json", clock=lambda: clock) as repo:
        repo.save_settings(Settings(timezone="UTC"))
        yield repo


def pull_up(repo: Repository, day: date):
    at = datetime.combine(day, time(18), UTC)
    workout = repo.start_workout("Pull", at=at)
    repo.log_set(workout, repo.exercise("pull-up"), 10, 5, rpe=8, bodyweight=True, at=at)


def test_a_bodyweight_set_lifts_the_bodyweight_too(repo):
    repo.save_recovery(Recovery(day=date(2026, 3, 16), bodyweight_kg=80.0))
    pull_up(repo, date(2026, 3, 17))
    (entry,) = read_window(repo).sets
    assert entry.load_kg == 90.0


def test_the_bodyweight_may_come_from_before_the_window(repo):
    repo.save_recovery(Recovery(day=date(2025, 12, 1), bodyweight_kg=75.0))
    pull_up(repo, date(2026, 3, 17))
    (entry,) = read_window(repo).sets
    assert entry.load_kg == 85.0


def test_without_any_bodyweight_the_load_is_unknown(repo):
    pull_up(repo, date(2026, 3, 17))
    (entry,) = read_window(repo).sets
    assert entry.load_kg is None
    assert assess(read_window(repo), repo.now()).peripheral is not None  # dose still counts


def test_an_empty_log_has_no_score(repo):
    result = assess(read_window(repo), repo.now())
    assert result.readiness is None
    assert result.log_first
