"""Supersets and circuits in the workout in progress (`tui.screens.workout.supersets`),
without a screen: a set moves to the next exercise of its group, back to the first after
the last while sets are left, the rest timer starts only after the group's last, the sets
carry the group's id; a template's `&` lines and a key group exercises."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storage.errors import ValidationError
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import Template, TemplateItem
from storage.model.supersets import group_runs, template_groups
from tests.support.clock import FakeClock
from tui.screens.workout.session import TypedSets, WorkoutSession

BENCH = BUILTIN_BY_ID["bench-press"]
ROW = BUILTIN_BY_ID["barbell-row"]
SQUAT = BUILTIN_BY_ID["back-squat"]
CURL = BUILTIN_BY_ID["barbell-curl"]
SUPERSET = Template(
    name="Push pull",
    items=[
        TemplateItem(exercise=BENCH.id, sets=2, reps=5, rest_s=120),
        TemplateItem(exercise=ROW.id, sets=2, reps=8, rest_s=90, with_above=True),
        TemplateItem(exercise=SQUAT.id, sets=3, reps=5),
    ],
)


@pytest.fixture
def repo(repo: Repository) -> Repository:
    repo.save_template(SUPERSET)
    return repo


def started(repo: Repository, clock: FakeClock, template: str | None) -> WorkoutSession:
    session = WorkoutSession()
    session.load(repo.snapshot())
    session.start(template, clock(), clock().date())(repo)
    return session


def log(session: WorkoutSession, text: str, repo: Repository, clock: FakeClock):
    """Type one set as the screen does, save it, and move on as the screen does: the set
    placed, and the exercise now current."""
    clock.advance(60)
    line = session.read_line(text)
    assert isinstance(line, TypedSets), line
    placed, save = session.log_set(line.exercise, line.spec, clock())
    save(repo)
    following = session.supersets.next_after(session, placed.entry)
    if following is not None:
        session.go_to(following)
    return placed, session.current.id


def test_template_groups_are_runs_of_lines_joined_to_the_one_above() -> None:
    items = [
        TemplateItem(exercise="a", sets=1, reps=1, with_above=True),  # first: nothing above
        TemplateItem(exercise="b", sets=1, reps=1, with_above=True),
        TemplateItem(exercise="c", sets=1, reps=1, with_above=True),
        TemplateItem(exercise="d", sets=1, reps=1),
        TemplateItem(exercise="e", sets=1, reps=1),
        TemplateItem(exercise="f", sets=1, reps=1, with_above=True),
    ]
    groups = template_groups(items)
    assert groups == {"a": "1", "b": "1", "c": "1", "e": "2", "f": "2"}
    assert group_runs(list("abcdef"), groups) == [
        ("a", "┌"),
        ("b", "│"),
        ("c", "└"),
        ("d", " "),
        ("e", "┌"),
        ("f", "└"),
    ]
    assert group_runs(["a", "d"], groups) == [("a", " "), ("d", " ")]  # a group of one: none


def test_a_superset_alternates_and_rests_after_its_last_exercise(
    repo: Repository, clock: FakeClock
) -> None:
    session = started(repo, clock, SUPERSET.id)
    assert session.current.id == BENCH.id
    bench, now = log(session, "bench 100x5", repo, clock)
    assert (bench.rest, now) == (None, ROW.id)  # no rest timer between: on to the row
    row, now = log(session, "row 80x8", repo, clock)
    assert (row.rest.duration_s, now) == (90, BENCH.id)  # the rest after the last, round again
    assert log(session, "100x5", repo, clock)[1] == ROW.id
    last, now = log(session, "80x8", repo, clock)
    assert (last.rest.duration_s, now) == (90, ROW.id)  # both done: it stays
    stored = repo.sets(workout=session.workout.id)
    assert [s.group for s in stored] == ["1"] * 4
    assert repo.rest_period() is not None and repo.rest_period().after_set == last.entry.id
    squat, now = log(session, "squat 140x5", repo, clock)
    assert (squat.entry.group, now) == (None, SQUAT.id)


def test_the_log_holds_no_rest_timer_after_a_set_mid_round(
    repo: Repository, clock: FakeClock
) -> None:
    session = started(repo, clock, SUPERSET.id)
    log(session, "bench 100x5", repo, clock)
    assert repo.rest_period() is None


def test_warm_ups_stay_on_their_exercise(repo: Repository, clock: FakeClock) -> None:
    session = started(repo, clock, SUPERSET.id)
    warmup, now = log(session, "w 60x5", repo, clock)
    assert now == BENCH.id and warmup.rest is not None


def grouped(session: WorkoutSession, exercise, repo: Repository) -> bool | None:
    """Alt+G as the screen does it: the exercise grouped with the one above (True) or
    taken out (False), saved; None if there is none above."""
    result = session.group_with_above(exercise)
    if result is None:
        return None
    is_grouped, save = result
    save(repo)
    return is_grouped


def reloaded(repo: Repository) -> WorkoutSession:
    """The workout as another copy of restday (or this one restarted) reads it."""
    again = WorkoutSession()
    again.load(repo.snapshot())
    return again


def test_a_key_groups_the_exercise_with_the_one_above(repo: Repository, clock: FakeClock) -> None:
    session = started(repo, clock, None)
    log(session, "squat 100x5", repo, clock)
    log(session, "barbell curl 30x10", repo, clock)
    assert grouped(session, CURL, repo) is True
    assert session.supersets.members(session, CURL.id) == [SQUAT.id, CURL.id]
    _, now = log(session, "barbell curl 30x10", repo, clock)
    assert now == SQUAT.id  # no target: round and round, until the lifter moves on
    _, now = log(session, "100x5", repo, clock)
    assert now == CURL.id
    first = session.supersets.members(session, SQUAT.id)
    assert first == [SQUAT.id, CURL.id]
    assert grouped(session, SQUAT, repo) is None  # the first: none above
    assert grouped(session, CURL, repo) is False  # out again
    assert session.supersets.members(session, CURL.id) == []
    again = reloaded(repo)
    assert again.supersets.members(again, CURL.id) == []  # out in the log too


def test_a_group_made_with_the_key_is_in_the_log_before_its_sets(
    repo: Repository, clock: FakeClock
) -> None:
    session = started(repo, clock, None)
    log(session, "squat 100x5", repo, clock)
    session.go_to(CURL)  # gone to, no set yet
    assert grouped(session, CURL, repo) is True
    again = reloaded(repo)
    assert again.order == [SQUAT.id, CURL.id]
    assert again.supersets.members(again, SQUAT.id) == [SQUAT.id, CURL.id]
    _, now = log(again, "squat 100x5", repo, clock)
    assert now == CURL.id  # logging moves through the group
    curl, now = log(again, "barbell curl 30x10", repo, clock)
    assert (now, curl.entry.group) == (SQUAT.id, SQUAT.id)  # named after its first


def test_a_group_of_exercises_with_no_sets_is_kept_in_their_order(
    repo: Repository, clock: FakeClock
) -> None:
    session = started(repo, clock, None)
    log(session, "squat 100x5", repo, clock)
    session.go_to(BENCH)
    session.go_to(CURL)
    assert grouped(session, CURL, repo) is True
    again = reloaded(repo)
    assert again.order == [SQUAT.id, BENCH.id, CURL.id]
    assert again.supersets.members(again, CURL.id) == [BENCH.id, CURL.id]


def test_an_exercise_taken_out_stays_out_though_its_sets_carry_the_group(
    repo: Repository, clock: FakeClock
) -> None:
    session = started(repo, clock, SUPERSET.id)
    log(session, "bench 100x5", repo, clock)
    log(session, "row 80x8", repo, clock)
    assert grouped(session, ROW, repo) is False
    again = reloaded(repo)
    assert again.supersets.members(again, ROW.id) == []
    assert again.supersets.members(again, BENCH.id) == []


def test_groups_made_in_two_copies_at_once_are_both_kept(
    repo: Repository, clock: FakeClock
) -> None:
    session = started(repo, clock, None)
    for line in ("squat 100x5", "barbell curl 30x10", "bench 100x5", "row 80x8"):
        log(session, line, repo, clock)
    other = reloaded(repo)  # another copy, read before this one's change
    assert grouped(session, CURL, repo) is True
    assert grouped(other, ROW, repo) is True  # made to the workout as stored: merged
    again = reloaded(repo)
    assert again.supersets.members(again, SQUAT.id) == [SQUAT.id, CURL.id]
    assert again.supersets.members(again, ROW.id) == [BENCH.id, ROW.id]


def test_a_group_in_the_log_is_printable_text(repo: Repository, clock: FakeClock) -> None:
    session = started(repo, clock, None)
    log(session, "squat 100x5", repo, clock)
    workout = session.workout
    with pytest.raises(ValidationError, match="printable"):
        repo.update_workout(workout, replace(workout, groups={SQUAT.id: "\x1b[2J"}))


def test_what_follows_a_set_is_the_rest_timer_log_set_starts(
    repo: Repository, clock: FakeClock
) -> None:
    repo.save_settings(replace(repo.settings(), rest_overrides={SQUAT.id: 150}))
    session = started(repo, clock, SUPERSET.id)
    bench = session.rest_after(BENCH)
    assert (bench.rest_s, bench.next_exercise, bench.ends_round) == (0, ROW, False)
    row = session.rest_after(ROW)
    assert (row.rest_s, row.next_exercise, row.ends_round) == (90, None, True)
    squat = session.rest_after(SQUAT)
    assert (squat.rest_s, squat.next_exercise, squat.ends_round) == (150, None, False)
    for exercise, line in ((BENCH, "bench 100x5"), (ROW, "row 80x8"), (SQUAT, "squat 100x5")):
        expected = session.rest_after(exercise).rest_s
        placed, _ = log(session, line, repo, clock)
        assert (placed.rest.duration_s if placed.rest else 0) == expected
