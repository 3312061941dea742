"""The demo log: deterministic, realistic, and with a fatigue episode the scoring can see."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta

import pytest

from scoring.e1rm import estimate
from storage.demo import DemoLog, generate_demo, write_demo
from storage.model import validation
from storage.model.days import day_of
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import Recovery, SetEntry, SymptomEntry, Template, Workout

END = date(2026, 3, 18)  # a Wednesday
MAIN_LIFTS = ("back-squat", "bench-press", "deadlift", "overhead-press", "barbell-row")
TRAINING_WEEKDAYS = {0, 1, 3, 4}  # Mon, Tue, Thu, Fri


@pytest.fixture(scope="module")
def log() -> DemoLog:
    return generate_demo(END, exercises=BUILTIN_BY_ID)


def _docs(log: DemoLog) -> list[dict]:
    return [r.to_doc() for r in log.records()]


def _working(log: DemoLog) -> list[SetEntry]:
    return [s for s in log.sets if not s.warmup]


def _session_e1rm(log: DemoLog) -> dict[str, dict[date, float]]:
    """Per main lift and day: the session's best e1RM (RPE-chart method only, so one
    lift's trend is compared within one method)."""
    best: dict[str, dict[date, float]] = defaultdict(dict)
    for s in _working(log):
        if s.exercise not in MAIN_LIFTS:
            continue
        result = estimate(s.weight_kg, s.reps, s.rpe)
        if result is None or result[1] != "rpe":
            continue
        days = best[s.exercise]
        days[s.day] = max(days.get(s.day, 0.0), result[0])
    return best


def _training_days(log: DemoLog) -> set[date]:
    return {w.day for w in log.workouts}


def _deload(log: DemoLog) -> list[Workout]:
    """The deload week: the four workouts after the (only) episode."""
    ((_, last),) = log.episodes
    return [w for w in log.workouts if w.day > last][:4]


# -- determinism and span ---------------------------------------------------------------------


def test_same_seed_gives_identical_records(log):
    again = generate_demo(END, exercises=BUILTIN_BY_ID)
    assert _docs(again) == _docs(log)
    assert again.episodes == log.episodes


def test_different_seed_gives_different_records(log):
    other = generate_demo(END, seed=2, exercises=BUILTIN_BY_ID)
    assert {r.id for r in other.records()}.isdisjoint({r.id for r in log.records()})
    values = [(s.weight_kg, s.reps, s.rpe) for s in log.sets]
    assert values != [(s.weight_kg, s.reps, s.rpe) for s in other.sets]


def test_ids_are_unique(log):
    ids = [r.id for r in log.records()]
    assert len(ids) == len(set(ids))


def test_ends_on_end_day_and_spans_12_weeks(log):
    days = [r.day for r in log.records()]
    assert max(days) == END
    first = END - timedelta(days=12 * 7 - 1)
    assert min(days) == first
    data_days = [r.day for r in (*log.workouts, *log.recovery, *log.symptoms)]
    assert min(data_days) <= first + timedelta(days=3)
    assert max(r.day for r in log.recovery) == END
    assert max(r.day for r in log.symptoms) == END


@pytest.mark.parametrize("weeks", [4, 30])
def test_weeks_sets_the_span(weeks):
    demo = generate_demo(END, weeks=weeks, exercises=BUILTIN_BY_ID)
    days = [r.day for r in demo.records()]
    assert max(days) == END
    assert min(days) == END - timedelta(days=weeks * 7 - 1)


def test_every_record_has_created_updated_and_day(log):
    for record in log.records():
        assert record.day is not None
        for moment in (record.created, record.updated):
            assert moment is not None
            assert moment.utcoffset() == timedelta(0)
        assert record.created <= record.updated


def test_every_record_passes_validation(log):
    for w in log.workouts:
        validation.check_workout(w)
    for s in log.sets:
        validation.check_set(s)
    for r in log.recovery:
        validation.check_recovery(r)
    for y in log.symptoms:
        validation.check_symptoms(y)
    for t in log.templates:
        validation.check_template(t)


# -- training -----------------------------------------------------------------------------------


def test_templates(log):
    names = [t.name for t in log.templates]
    assert names == ["Upper A", "Lower A", "Upper B", "Lower B"]
    by_id = {t.id: t for t in log.templates}
    for w in log.workouts:
        template = by_id[w.template]
        assert w.name == template.name
        done = {s.exercise for s in log.sets if s.workout == w.id}
        assert done == {item.exercise for item in template.items}


def test_exercise_ids_are_all_in_the_library(log):
    used = {s.exercise for s in log.sets}
    used |= {item.exercise for t in log.templates for item in t.items}
    assert used <= set(BUILTIN_BY_ID)
    assert set(MAIN_LIFTS) <= used


def test_only_exercises_given_are_used():
    subset = {k: v for k, v in BUILTIN_BY_ID.items() if k in MAIN_LIFTS or k == "leg-press"}
    demo = generate_demo(END, exercises=subset)
    assert {s.exercise for s in demo.sets} == set(subset)


def test_four_training_days_a_week_outside_the_episode(log):
    training = _training_days(log)
    first = END - timedelta(days=12 * 7 - 1)
    monday = first + timedelta(days=(7 - first.weekday()) % 7)
    ((start, last),) = log.episodes
    checked = 0
    while monday + timedelta(days=6) < END:  # full weeks, before the end day
        week = {monday + timedelta(days=k) for k in range(7)}
        # the episode, and the rest days right after it
        if not any(start <= d <= last + timedelta(days=4) for d in week):
            days = week & training
            assert len(days) == 4, monday
            assert {d.weekday() for d in days} == TRAINING_WEEKDAYS
            checked += 1
        monday += timedelta(days=7)
    assert checked >= 8


def test_one_workout_a_day_in_the_evening(log):
    days = [w.day for w in log.workouts]
    assert len(days) == len(set(days))
    for w in log.workouts:
        assert w.end is not None and w.start < w.end
        assert 45 <= w.duration_minutes <= 150
        assert 0 <= w.session_rpe <= 10
    assert any(w.notes for w in log.workouts)


def test_sets_are_timed_in_order(log):
    sets_by_workout: dict[str, list[SetEntry]] = defaultdict(list)
    for s in log.sets:
        sets_by_workout[s.workout].append(s)
    for w in log.workouts:
        entries = sets_by_workout[w.id]
        assert [s.order for s in entries] == list(range(1, len(entries) + 1))
        assert entries[0].rest_s is None
        for before, after in zip(entries, entries[1:], strict=False):
            assert after.timestamp > before.timestamp
            assert after.rest_s == (after.timestamp - before.timestamp).total_seconds()
            assert after.rest_s <= 600
        assert w.start <= entries[0].timestamp and entries[-1].timestamp <= w.end
        assert all(s.day == w.day and s.created == s.timestamp for s in entries)


def test_most_working_sets_have_rpe(log):
    working = _working(log)
    share = sum(s.rpe is not None for s in working) / len(working)
    assert 0.8 < share < 0.95


def test_main_lifts_are_realistic(log):
    deload = _deload(log)
    for s in _working(log):
        if s.exercise in MAIN_LIFTS:
            assert (s.weight_kg / 2.5).is_integer()
            assert s.weight_kg >= 20
            assert s.rpe is None or 6 <= s.rpe <= 10
    for w in log.workouts:
        for lift in MAIN_LIFTS:
            n = sum(1 for s in log.sets if s.workout == w.id and s.exercise == lift)
            working = [
                s for s in log.sets if s.workout == w.id and s.exercise == lift and not s.warmup
            ]
            if n:
                assert (2 if w in deload else 3) <= len(working) <= 5


def test_accessories_are_three_sets_of_8_to_12(log):
    deload_ids = {w.id for w in _deload(log)}
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for s in _working(log):
        if s.exercise in MAIN_LIFTS:
            continue
        assert 8 <= s.reps <= 12, s
        counts[s.workout, s.exercise] += 1
    for (workout, _), n in counts.items():
        assert n == (2 if workout in deload_ids else 3)


def test_warm_ups_come_first_without_rpe(log):
    sets_by_key: dict[tuple[str, str], list[SetEntry]] = defaultdict(list)
    for s in log.sets:
        sets_by_key[s.workout, s.exercise].append(s)
    main_sessions = 0
    for (_, exercise), entries in sets_by_key.items():
        warmups = [s for s in entries if s.warmup]
        if exercise not in MAIN_LIFTS:
            assert not warmups
            continue
        main_sessions += 1
        assert len(warmups) >= 2
        assert all(s.rpe is None for s in warmups)
        working = [s for s in entries if not s.warmup]
        assert max(s.order for s in warmups) < min(s.order for s in working)
        assert max(s.weight_kg for s in warmups) < min(s.weight_kg for s in working)
        weights = [s.weight_kg for s in warmups]
        assert weights == sorted(set(weights))
    assert main_sessions > 40


def test_main_lifts_progress_outside_the_episode(log):
    e1rm = _session_e1rm(log)
    ((start, _),) = log.episodes
    for lift in MAIN_LIFTS:
        series = [v for _, v in sorted(e1rm[lift].items())]
        assert series[-1] > series[0], lift
    for lift in ("back-squat", "bench-press", "deadlift"):
        before = [v for d, v in sorted(e1rm[lift].items()) if d < start]
        assert sum(before[-3:]) > sum(before[:3]), lift


# -- recovery and symptoms ------------------------------------------------------------------------


def test_recovery_on_nearly_every_day(log):
    days = [r.day for r in log.recovery]
    assert len(days) == len(set(days))
    assert len(days) >= 0.9 * 12 * 7
    for r in log.recovery:
        assert r.sleep_hours is not None and r.sleep_quality is not None
        assert r.water_cups is not None and r.protein_g and r.carbs_g and r.stress
        assert 79 <= r.bodyweight_kg <= 85
    normal = [r.sleep_hours for r in log.recovery if not _near_episode(log, r.day)]
    assert min(normal) >= 6.5 and max(normal) <= 8.5


def test_symptoms_on_most_days_with_soreness_from_recent_training(log):
    assert len({y.day for y in log.symptoms}) >= 0.75 * 12 * 7
    trained: dict[date, set[str]] = defaultdict(set)
    for s in log.sets:
        trained[s.day] |= set(BUILTIN_BY_ID[s.exercise].muscles)
    for y in log.symptoms:
        recent = trained[y.day - timedelta(days=1)] | trained[y.day - timedelta(days=2)]
        assert set(y.soreness) <= recent
        assert all(0 <= v <= 10 for v in y.soreness.values())
    assert sum(bool(y.soreness) for y in log.symptoms) > len(log.symptoms) / 2


def test_mornings_are_morning(log):
    for r in (*log.recovery, *log.symptoms):
        moment = r.timestamp if isinstance(r, SymptomEntry) else r.created
        assert 6 <= moment.hour <= 9  # UTC here


@pytest.mark.parametrize("tz", ["America/New_York", "Asia/Tokyo", "Europe/Berlin"])
def test_days_are_local_days(tz):
    demo = generate_demo(END, weeks=30, tz=tz, exercises=BUILTIN_BY_ID)
    for w in demo.workouts:
        assert day_of(w.start, tz, 4) == w.day
        local = w.start.astimezone(_zone(tz))
        assert 17 <= local.hour <= 18
    for s in demo.sets[::7]:
        assert day_of(s.timestamp, tz, 4) == s.day
    for y in demo.symptoms:
        assert day_of(y.timestamp, tz, 4) == y.day
        assert 6 <= y.timestamp.astimezone(_zone(tz)).hour <= 8
    for r in demo.recovery:
        assert day_of(r.created, tz, 4) == r.day


def _zone(tz: str):
    from zoneinfo import ZoneInfo

    return ZoneInfo(tz)


# -- the fatigue episode ---------------------------------------------------------------------------


def _near_episode(log: DemoLog, day: date) -> bool:
    return any(a - timedelta(days=1) <= day <= b + timedelta(days=14) for a, b in log.episodes)


def test_one_episode_ending_3_to_5_weeks_before_the_end(log):
    ((start, last),) = log.episodes
    assert 21 <= (END - last).days <= 35
    assert (last - start).days + 1 >= 9


def test_episode_is_consecutive_training_days(log):
    ((start, last),) = log.episodes
    training = _training_days(log)
    run = [start + timedelta(days=k) for k in range((last - start).days + 1)]
    assert len(run) >= 9
    assert all(d in training for d in run)


def test_main_lifts_decline_across_the_episode(log):
    ((start, last),) = log.episodes
    e1rm = _session_e1rm(log)
    drops = {}
    for lift in MAIN_LIFTS:
        inside = [v for d, v in sorted(e1rm[lift].items()) if start <= d <= last]
        assert len(inside) >= 2, lift
        assert all(b < a for a, b in zip(inside, inside[1:], strict=False)), (lift, inside)
        drops[lift] = 1 - inside[-1] / inside[0]
    assert max(drops.values()) >= 0.10, drops
    assert all(d >= 0.03 for d in drops.values()), drops


def test_deload_then_rebound(log):
    ((start, last),) = log.episodes
    e1rm = _session_e1rm(log)
    deload = _deload(log)
    assert [w.day.weekday() for w in deload] == [0, 1, 3, 4]
    assert (deload[0].day - last).days <= 7
    deload_ids = {w.id for w in deload}
    deload_sets = [s for s in _working(log) if s.workout in deload_ids]
    assert all(s.rpe is None or s.rpe <= 7 for s in deload_sets)
    assert all(w.session_rpe <= 6 for w in deload)
    for lift in MAIN_LIFTS:
        before = [(d, v) for d, v in sorted(e1rm[lift].items()) if d < start]
        reference = before[-1][1]
        lift_sets = [s for s in deload_sets if s.exercise == lift]
        assert lift_sets
        assert max(s.weight_kg for s in lift_sets) <= 0.65 * reference
        normal_sets = [
            s
            for s in _working(log)
            if s.exercise == lift and s.day == before[-1][0] and s.workout not in deload_ids
        ]
        per_session = len(lift_sets) / len({s.workout for s in lift_sets})
        assert per_session < len(normal_sets)
        low = min(v for d, v in e1rm[lift].items() if start <= d <= last)
        after = [v for d, v in e1rm[lift].items() if d > deload[-1].day]
        assert after, lift
        assert max(after) > low * 1.05
        assert max(after) >= 0.97 * reference


def test_sleep_short_in_the_episode_and_under_5_h_at_its_end(log):
    ((start, last),) = log.episodes
    sleep = {r.day: r.sleep_hours for r in log.recovery}
    inside = [start + timedelta(days=k) for k in range((last - start).days + 1)]
    assert all(d in sleep for d in inside)
    assert sleep[last] < 5 and sleep[last - timedelta(days=1)] < 5
    assert all(5 <= sleep[d] <= 6 for d in inside[:-2])
    # nowhere else two nights running under 5 h
    short = sorted(d for d, h in sleep.items() if h < 5)
    assert short == [last - timedelta(days=1), last]


def test_soreness_rises_and_mood_sinks_in_the_episode(log):
    ((start, last),) = log.episodes
    by_day = {y.day: y for y in log.symptoms}
    early = [by_day[start + timedelta(days=k)] for k in range(1, 4)]
    late = [by_day[last - timedelta(days=k)] for k in range(3)]

    def mean(values):
        values = list(values)
        return sum(values) / len(values)

    def worst(y: SymptomEntry) -> int:
        return max(y.soreness.values(), default=0)

    assert mean(worst(y) for y in late) >= mean(worst(y) for y in early) + 1.5
    assert all(worst(y) >= 7 for y in late)
    for item in ("motivation", "mood", "energy"):
        assert mean(getattr(y, item) for y in late) < mean(getattr(y, item) for y in early)
        assert mean(getattr(y, item) for y in late) <= 2
    assert mean(y.weakness for y in late) > mean(y.weakness for y in early) + 2


def test_long_logs_repeat_the_episode_every_26_weeks():
    demo = generate_demo(END, weeks=104, exercises=BUILTIN_BY_ID)
    starts = [a for a, _ in demo.episodes]
    assert len(starts) == 4
    assert all((b - a).days == 26 * 7 for a, b in zip(starts, starts[1:], strict=False))
    assert 21 <= (END - demo.episodes[-1][1]).days <= 35
    training = _training_days(demo)
    for a, b in demo.episodes:
        assert all(a + timedelta(days=k) in training for k in range((b - a).days + 1))


def test_short_logs_have_no_episode():
    demo = generate_demo(END, weeks=4, exercises=BUILTIN_BY_ID)
    assert demo.episodes == []
    assert max(r.sleep_hours for r in demo.recovery) <= 8.5
    assert min(r.sleep_hours for r in demo.recovery) >= 6.5


# -- writing ---------------------------------------------------------------------------------------


class _FakeRepo:
    def __init__(self) -> None:
        self.calls: list[list] = []

    def import_records(self, records):
        records = list(records)
        self.calls.append(records)
        return len(records)


def test_write_demo_imports_everything_in_one_call(log):
    repo = _FakeRepo()
    write_demo(repo, log)
    assert len(repo.calls) == 1
    (records,) = repo.calls
    total = sum(len(x) for x in (log.workouts, log.sets, log.recovery, log.symptoms, log.templates))
    assert len(records) == total
    kinds = {type(r) for r in records}
    assert kinds == {Workout, SetEntry, Recovery, SymptomEntry, Template}


def test_write_demo_into_a_repository(tmp_path, log):
    from storage.log.repository import Repository

    with Repository(tmp_path / "log.json") as repo:
        write_demo(repo, log)
        counts = repo.counts()
        assert counts.workouts == len(log.workouts)
        assert counts.sets == len(log.sets)
        assert counts.days == 12 * 7
    with Repository(tmp_path / "log.json") as repo:
        assert repo.workouts() == sorted(log.workouts, key=lambda w: w.start)
        assert repo.recovery(END) == log.recovery[-1]
        assert {t.name for t in repo.templates()} == {t.name for t in log.templates}


def test_timestamps_are_utc(log):
    assert all(w.start.tzinfo is UTC for w in log.workouts)


def test_nothing_is_dated_after_now():
    now = datetime.combine(END, time(5, 30), tzinfo=UTC)
    early = generate_demo(END, exercises=BUILTIN_BY_ID, now=now)
    assert all(r.created <= now for r in early.records())
    full = generate_demo(END, exercises=BUILTIN_BY_ID)
    assert any(r.created > now for r in full.records())
