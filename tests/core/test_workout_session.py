"""Today's workout as the workout screen holds it (`tui.screens.workout.session`), without a
screen: what a typed line does, the numbering of sets, edits, deletes, undo and the
template made from today. Each change's save is applied to a real log to check that the
log and the session agree."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from storage.entry.exercise_names import AmbiguousExercise, UnknownExercise
from storage.entry.set_line import EntryError
from storage.errors import ValidationError
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import SetEntry, Settings, Template, TemplateItem
from storage.model.template_plan import plan_of_sets
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tui.screens.workout.session import (
    ExerciseName,
    ExerciseNumber,
    TypedSets,
    WorkoutSession,
)

NOW = TUESDAY_EVENING
BENCH = BUILTIN_BY_ID["bench-press"]
ROW = BUILTIN_BY_ID["barbell-row"]
SQUAT = BUILTIN_BY_ID["back-squat"]
UPPER = Template(
    name="Bench and row",
    items=[
        TemplateItem(exercise=BENCH.id, sets=3, reps=5, rpe=8, rest_s=180),
        TemplateItem(exercise=ROW.id, sets=3, reps=8),
    ],
)


@pytest.fixture
def repo(repo: Repository) -> Repository:
    repo.save_template(UPPER)
    return repo


def loaded(repo: Repository) -> WorkoutSession:
    session = WorkoutSession()
    session.load(repo.snapshot())
    return session


def started(repo: Repository, clock: FakeClock, template: str | None = None) -> WorkoutSession:
    session = loaded(repo)
    session.start(template, clock(), clock().date())(repo)
    return session


def typed(session: WorkoutSession, text: str, repo: Repository, at: datetime) -> list[SetEntry]:
    """Type a line of sets as the screen does, each saved to `repo`."""
    line = session.read_line(text)
    assert isinstance(line, TypedSets), line
    entries = []
    for _ in range(line.spec.sets):
        placed, save = session.log_set(line.exercise, line.spec, at)
        save(repo)
        entries.append(placed.entry)
    return entries


def logged(entries: list[SetEntry]) -> list[tuple]:
    """(exercise, kg, reps, rpe, warm-up, bodyweight) of each set: what a lifter typed."""
    return [(s.exercise, s.weight_kg, s.reps, s.rpe, s.warmup, s.bodyweight) for s in entries]


def placed(entries: list[SetEntry]) -> list[tuple]:
    return [(s.id, s.order, s.rest_s, s.day) for s in entries]


# -- starting and resuming ------------------------------------------------------------------


def test_nothing_in_progress_until_a_start(repo: Repository, clock: FakeClock) -> None:
    session = loaded(repo)
    assert session.workout is None and session.order == [] and session.current is None
    assert [t.name for t in session.templates] == ["Bench and row", "Full body", "Upper", "Lower"]
    session.start(None, clock(), clock().date())(repo)
    assert session.workout.name == "" and session.template is None
    assert repo.open_workout().id == session.workout.id


def test_a_template_gives_the_order_and_the_targets(repo: Repository, clock: FakeClock) -> None:
    session = started(repo, clock, UPPER.id)
    assert session.workout.name == "Bench and row" and session.order == [BENCH.id, ROW.id]
    assert session.current == BENCH
    assert session.target(BENCH.id).rest_s == 180 and session.target(SQUAT.id) is None


def test_a_workout_in_progress_is_resumed_at_its_last_exercise(
    repo: Repository, clock: FakeClock
) -> None:
    session = started(repo, clock, UPPER.id)
    typed(session, "squat 140x5", repo, clock())
    typed(session, "row 80x8", repo, clock())
    again = loaded(repo)
    assert again.workout.id == session.workout.id and again.template.id == UPPER.id
    assert again.order == [BENCH.id, ROW.id, SQUAT.id]  # the template's, then the others
    assert again.current == ROW and logged(again.sets) == logged(session.sets)


# -- typing sets ----------------------------------------------------------------------------


def test_a_set_is_numbered_timed_and_starts_the_rest(repo: Repository, clock: FakeClock) -> None:
    session = started(repo, clock, UPPER.id)
    line = session.read_line("100x5@8")
    assert line == TypedSets(BENCH, line.spec) and line.spec.rpe == 8
    first, save = session.log_set(BENCH, line.spec, clock())
    save(repo)
    assert (first.entry.order, first.entry.rest_s) == (1, None)
    assert (first.rest.duration_s, first.rest.after_set) == (180, first.entry.id)  # template
    second, save = session.log_set(BENCH, line.spec, clock.advance(150))
    save(repo)
    assert (second.entry.order, second.entry.rest_s) == (2, 150)
    assert placed(session.sets) == placed(repo.sets())  # the log numbered them the same


def test_repeats_and_relative_forms_start_from_the_last_set(
    repo: Repository, clock: FakeClock
) -> None:
    session = started(repo, clock)
    for line in ("bench 100x5@8", "", "+2.5x5", "x4", "-5x6@9", "w 60x5", "x5x2"):
        typed(session, line, repo, clock())
    assert logged(session.sets) == [
        (BENCH.id, 100, 5, 8, False, False),
        (BENCH.id, 100, 5, 8, False, False),
        (BENCH.id, 102.5, 5, None, False, False),
        (BENCH.id, 102.5, 4, None, False, False),
        (BENCH.id, 97.5, 6, 9, False, False),
        (BENCH.id, 60, 5, None, True, False),
        (BENCH.id, 60, 5, None, False, False),
        (BENCH.id, 60, 5, None, False, False),
    ]
    assert [s.order for s in session.sets] == list(range(1, 9))
    assert logged(session.sets) == logged(repo.sets())


def test_bodyweight_sets_and_the_users_unit(repo: Repository, clock: FakeClock) -> None:
    repo.save_settings(Settings(timezone="UTC", unit="lb"))
    session = started(repo, clock)
    typed(session, "dip bw+20x6", repo, clock())
    typed(session, "+5x6", repo, clock())
    dips = [(s.bodyweight, round(s.weight_kg, 2), s.reps) for s in session.sets]
    assert dips == [(True, 9.07, 6), (True, 11.34, 6)]  # 20 lb, 25 lb


def test_nothing_to_repeat_or_start_from(repo: Repository, clock: FakeClock) -> None:
    session = started(repo, clock)
    with pytest.raises(EntryError, match="name the exercise first"):
        session.read_line("100x5")
    session.go_to(BENCH)
    for line in ("", "+2.5x5", "x6"):
        with pytest.raises(EntryError):
            session.read_line(line)


@pytest.mark.parametrize("line", ["²", "³x5"])
def test_digits_int_refuses_are_an_entry_error_not_a_crash(
    repo: Repository, clock: FakeClock, line: str
) -> None:
    """ "²" is a key of its own on AZERTY keyboards: str.isdigit() takes it, int() not."""
    session = started(repo, clock, UPPER.id)
    with pytest.raises(EntryError):
        session.read_line(line)


def test_a_bad_set_is_refused_before_it_is_logged(repo: Repository, clock: FakeClock) -> None:
    session = started(repo, clock)
    line = session.read_line("w bench 60x5@8")
    with pytest.raises(ValidationError, match="warm-up set has no RPE"):
        session.log_set(line.exercise, line.spec, clock())
    assert session.sets == [] and session.undo_stack == []


# -- changing exercise ----------------------------------------------------------------------


def test_a_name_a_number_or_a_step_switches(repo: Repository, clock: FakeClock) -> None:
    session = started(repo, clock, UPPER.id)
    assert session.read_line("squat") == ExerciseName("squat")
    session.go_to(session.resolve("squat").exercise)
    assert session.current == SQUAT and session.order == [BENCH.id, ROW.id, SQUAT.id]
    assert session.read_line("#2") == ExerciseNumber(2)
    with pytest.raises(EntryError, match="no exercise 4 today"):
        session.read_line("#4")  # today has three
    with pytest.raises(EntryError, match="expected WEIGHTxREPS"):
        session.read_line("2")  # a bare number is not a command
    assert session.numbered(2) == ROW and session.numbered(4) is None
    assert session.step(1) == BENCH and session.step(-1) == ROW  # round, from squat
    with pytest.raises(AmbiguousExercise):
        session.resolve("curl")
    with pytest.raises(UnknownExercise):
        session.resolve("zzzz")


def test_a_name_before_a_set_logs_it_there(repo: Repository, clock: FakeClock) -> None:
    session = started(repo, clock, UPPER.id)
    typed(session, "row 80x8", repo, clock())
    assert session.current == ROW and session.working_sets(ROW.id) == 1


# -- edit, delete, note, undo ---------------------------------------------------------------


def test_an_edit_changes_one_set_from_its_own_values(repo: Repository, clock: FakeClock) -> None:
    session = started(repo, clock)
    first, _ = typed(session, "bench 100x5x2@8", repo, clock())
    assert session.begin_edit(first) == "100kgx5@8"
    session.finish_edit("+2.5x5")(repo)
    assert session.editing is None
    assert [(s.weight_kg, s.rpe) for s in session.sets] == [(102.5, None), (100, 8)]
    assert [(s.weight_kg, s.rpe) for s in repo.sets()] == [(102.5, None), (100, 8)]
    undo = session.undo()
    assert undo.what == "edit"
    undo.in_log(repo)
    assert [s.weight_kg for s in session.sets] == [100, 100] == [s.weight_kg for s in repo.sets()]


def test_an_edit_stays_one_set_of_its_exercise(repo: Repository, clock: FakeClock) -> None:
    session = started(repo, clock)
    (entry,) = typed(session, "bench 100x5", repo, clock())
    session.begin_edit(entry)
    for text in ("row 100x5", "100x5x3"):
        with pytest.raises(EntryError, match="an edit changes this one set"):
            session.finish_edit(text)
    assert session.editing == entry  # still editing, to fix the text


def test_delete_and_undo_put_the_set_back_in_its_place(repo: Repository, clock: FakeClock) -> None:
    session = started(repo, clock)
    entries = [
        typed(session, f"bench 100x{reps}", repo, clock.advance(60))[0] for reps in (5, 4, 3)
    ]
    session.delete(entries[1])(repo)
    assert [s.reps for s in session.sets] == [5, 3] == [s.reps for s in repo.sets()]
    session.undo().in_log(repo)
    assert [s.reps for s in session.sets] == [5, 4, 3] == [s.reps for s in repo.sets()]


def test_undo_takes_back_notes_and_sets_in_turn(repo: Repository, clock: FakeClock) -> None:
    session = started(repo, clock)
    (entry,) = typed(session, "bench 100x5", repo, clock())
    session.note_set(entry, "easy")(repo)
    session.note_workout(session.workout, "good day")(repo)
    assert session.sets[0].notes == "easy" and session.workout.notes == "good day"
    whats = []
    while (undo := session.undo()) is not None:
        undo.in_log(repo)
        whats.append(undo.what)
    assert whats == ["workout note", "note", "Bench Press 100 kg x 5"]
    assert session.sets == [] and repo.sets() == []
    assert session.workout.notes == "" and repo.open_workout().notes == ""


# -- finishing and the template from today --------------------------------------------------


def test_the_template_from_today(repo: Repository, clock: FakeClock) -> None:
    session = started(repo, clock)
    for line in ("w squat 60x5", "squat 140x5@8", "x5@9", "x3@9.5", "bench 100x8", "x8@7", "x6"):
        typed(session, line, repo, clock())
    assert plan_of_sets(session.sets) == [
        TemplateItem(exercise=SQUAT.id, sets=3, reps=5, rpe=9.5),
        TemplateItem(exercise=BENCH.id, sets=3, reps=8, rpe=7),
    ]
    session.save_template("Mine", session.sets)(repo)
    assert [t.name for t in session.templates][:3] == ["Bench and row", "Mine", "Full body"]
    assert [t.name for t in repo.templates()] == ["Bench and row", "Mine"]


def test_finishing_leaves_nothing_in_progress(repo: Repository, clock: FakeClock) -> None:
    session = started(repo, clock, UPPER.id)
    typed(session, "100x5@8", repo, clock())
    assert session.working_sets() == 1
    session.finish(session.workout, 8, "solid", clock.advance(minutes=50))(repo)
    assert session.workout is None and session.sets == [] and session.undo_stack == []
    assert session.current is None and session.order == []
    assert repo.open_workout() is None
    (workout,) = repo.workouts()
    assert (workout.session_rpe, workout.notes, workout.duration_minutes) == (8, "solid", 50)


def test_a_reopened_workout_of_an_earlier_day_keeps_to_its_day(
    repo: Repository, clock: FakeClock
) -> None:
    """Sets added to a workout of two days ago are timed a minute after its last set, and
    finishing it again ends it when it ended, not now."""
    session = started(repo, clock)
    typed(session, "bench 100x5@8", repo, clock())
    session.finish(session.workout, 7, "solid", clock.advance(minutes=50))(repo)
    (finished,) = repo.workouts()
    clock.advance(days=2)
    later = loaded(repo)
    later.reopen(finished, repo.snapshot())(repo)
    assert later.earlier_day and later.current == BENCH
    moment = later.set_time(clock())
    assert moment == later.sets[-1].timestamp + timedelta(minutes=1)
    line = later.read_line("x3")
    _placed, save = later.log_set(line.exercise, line.spec, moment)
    save(repo)
    end = later.finish_time(clock())
    assert end == finished.end  # its last set is still before the end it had
    later.finish(later.workout, 7, "solid", end)(repo)
    (workout,) = repo.workouts()
    assert (workout.end, workout.session_rpe, workout.notes) == (finished.end, 7, "solid")
    assert [(s.reps, s.day) for s in repo.sets(workout=workout.id)] == [
        (5, finished.day),
        (3, finished.day),
    ]


# -- the log has the last word on numbering -------------------------------------------------


def test_a_set_the_log_numbered_otherwise_is_taken_back(repo: Repository, clock: FakeClock) -> None:
    session = started(repo, clock)
    typed(session, "bench 100x5", repo, clock())
    line = session.read_line("x5")
    mine, save = session.log_set(BENCH, line.spec, clock.advance(90))
    assert (mine.entry.order, mine.entry.rest_s) == (2, 90)
    # Another terminal logged a set into the workout first, at the same moment.
    theirs = repo.log_set(repo.open_workout(), ROW, 80, 8, at=clock())
    session.begin_edit(session.sets[-1])
    stored = save(repo)
    assert (theirs.order, stored.order, stored.rest_s) == (2, 3, 0)
    session.take_stored(stored)
    assert (session.sets[-1].order, session.sets[-1].rest_s) == (3, 0)
    assert session.editing.order == 3  # an edit saves the number the log gave
    assert placed(session.sets) == placed([s for s in repo.sets() if s.id != theirs.id])
    line = session.read_line("x5")
    assert session.log_set(BENCH, line.spec, clock())[0].entry.order == 4


def test_a_set_stored_after_it_was_deleted_here_stays_deleted(
    repo: Repository, clock: FakeClock
) -> None:
    session = started(repo, clock)
    (entry,) = typed(session, "bench 100x5", repo, clock())
    session.delete(entry)
    session.take_stored(repo.set_entry(entry.id))
    assert session.sets == []


# -- following another process's changes -----------------------------------------------------


def test_following_with_sets_of_ours_on_their_way_adds_only_the_log_s_new_ones(
    repo: Repository, clock: FakeClock
) -> None:
    session = started(repo, clock)
    first, second = typed(session, "bench 100x5", repo, clock()) + typed(
        session, "x5", repo, clock.advance(60)
    )
    session.delete(second)  # not saved yet: the log still holds it
    line = session.read_line("x3")
    mine, _ = session.log_set(BENCH, line.spec, clock.advance(60))  # not saved yet
    theirs = repo.log_set(repo.open_workout(), ROW, 80, 8, at=clock())
    assert session.follow(repo.snapshot(), ours_on_the_way=True)
    assert [s.id for s in session.sets] == [first.id, mine.entry.id, theirs.id]
    assert session.order == [BENCH.id, ROW.id] and session.current == BENCH
    assert not session.follow(repo.snapshot(), ours_on_the_way=True)  # nothing new


def test_following_with_nothing_of_ours_on_its_way_takes_the_log(
    repo: Repository, clock: FakeClock
) -> None:
    session = started(repo, clock)
    (entry,) = typed(session, "bench 100x5", repo, clock())
    session.go_to(SQUAT)  # gone to, no set yet: stays numbered
    repo.update_set(entry, replace(entry, weight_kg=97.5))
    assert session.follow(repo.snapshot(), ours_on_the_way=False)
    assert [s.weight_kg for s in session.sets] == [97.5]
    assert session.order == [BENCH.id, SQUAT.id] and session.current == SQUAT
    repo.finish_workout(repo.open_workout(), 7)
    assert session.follow(repo.snapshot(), ours_on_the_way=False)
    assert session.workout is None and session.current is None and session.order == []


def test_the_log_holding_our_saved_sets_as_shown_is_nothing_new_to_show(
    repo: Repository, clock: FakeClock
) -> None:
    """Our own saves coming back (the log gives each record its created/updated times)
    change nothing on screen: following them redraws nothing."""
    session = started(repo, clock)
    typed(session, "bench 100x5", repo, clock())
    typed(session, "x5", repo, clock.advance(60))
    shown = list(session.sets)
    assert not session.follow(repo.snapshot(), ours_on_the_way=False)
    assert [s.id for s in session.sets] == [s.id for s in shown]
    assert all(s.created is not None for s in session.sets)  # the log's records, taken
    repo.update_set(session.sets[-1], replace(session.sets[-1], notes="grindy"))
    assert session.follow(repo.snapshot(), ours_on_the_way=False)  # another copy's note


# -- an exercise's past ---------------------------------------------------------------------


def test_an_exercises_history_is_read_once_from_the_log(repo: Repository, clock: FakeClock) -> None:
    yesterday = repo.start_workout("Upper", at=NOW - timedelta(days=1))
    repo.log_set(yesterday, BENCH, 95, 5, rpe=8.5, at=NOW - timedelta(days=1))
    session = started(repo, clock)
    typed(session, "bench 100x5", repo, clock())
    history = session.history(BENCH.id, repo.snapshot())
    assert [(s.weight_kg, s.reps) for s in history.last_sets] == [(95, 5)]  # not today's
    assert session.history(BENCH.id, repo.snapshot()) is history


def test_an_exercises_history_is_kept_while_the_log_changes_only_the_workout_in_progress(
    repo: Repository, clock: FakeClock
) -> None:
    """A set of the workout in progress, saved (the log gives it its created/updated times),
    changes nothing the history holds: it is not read again from the whole log."""
    yesterday = repo.start_workout("Upper", at=NOW - timedelta(days=1))
    repo.log_set(yesterday, BENCH, 95, 5, rpe=8.5, at=NOW - timedelta(days=1))
    session = started(repo, clock)
    history = session.history(BENCH.id, repo.snapshot())
    typed(session, "bench 100x5", repo, clock())
    session.follow(repo.snapshot(), ours_on_the_way=False)  # the saved set's times
    assert session.history(BENCH.id, repo.snapshot()) is history
    repo.finish_workout(repo.open_workout(), 7)  # another workout next: read again
    session.follow(repo.snapshot(), ours_on_the_way=False)
    assert session.history(BENCH.id, repo.snapshot()) is not history
