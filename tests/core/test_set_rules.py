"""Where a new set goes in its workout (`storage.model.set_rules.place_set`): its number,
the rest before it and the rest timer after it, the same for the screen and the log."""

from __future__ import annotations

from datetime import timedelta

from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import SetEntry, Settings
from storage.model.set_rules import place_set
from tests.support.clock import TUESDAY_EVENING

BENCH = BUILTIN_BY_ID["bench-press"]
T0 = TUESDAY_EVENING


def new_set(seconds: float = 0, **fields) -> SetEntry:
    return SetEntry(
        workout="w",
        exercise=BENCH.id,
        weight_kg=100,
        reps=5,
        timestamp=T0 + timedelta(seconds=seconds),
        **fields,
    )


def test_the_first_set_is_number_one_with_no_rest_before_it() -> None:
    placed = place_set(new_set(), [], BENCH, Settings())
    assert (placed.entry.order, placed.entry.rest_s) == (1, None)


def test_a_set_follows_the_last_one_done() -> None:
    earlier = [new_set(0, order=1), new_set(95, order=4)]
    placed = place_set(new_set(185.4), earlier, BENCH, Settings())
    assert (placed.entry.order, placed.entry.rest_s) == (5, 90)


def test_a_set_timed_before_the_last_one_has_no_rest() -> None:
    placed = place_set(new_set(-60), [new_set(0, order=1)], BENCH, Settings())
    assert (placed.entry.order, placed.entry.rest_s) == (2, None)


def test_a_set_is_numbered_after_every_earlier_one_whatever_their_times() -> None:
    """Two writers: a set timed 18:00:05 waited for the lock while the other logged one at
    18:00:06, so set 3 is the earlier in time. The next is 4, not 3 again (two processes
    logging at once numbered two sets alike)."""
    earlier = [new_set(0, order=1), new_set(5, order=3), new_set(6, order=2)]
    placed = place_set(new_set(10), earlier, BENCH, Settings())
    assert (placed.entry.order, placed.entry.rest_s) == (4, 4)


def test_the_rest_timer_starts_at_the_set() -> None:
    entry = new_set(30)
    rest = place_set(entry, [], BENCH, Settings()).rest
    assert rest is not None
    assert (rest.started, rest.duration_s) == (entry.timestamp, BENCH.default_rest_s)
    assert (rest.after_set, rest.exercise) == (entry.id, BENCH.id)


def test_the_rest_comes_from_the_settings_rule() -> None:
    settings = Settings(warmup_rest_s=45, rest_overrides={BENCH.id: 150})
    assert place_set(new_set(), [], BENCH, settings).rest.duration_s == 150
    assert place_set(new_set(), [], BENCH, settings, template_rest_s=200).rest.duration_s == 200
    warmup = new_set(warmup=True)
    assert place_set(warmup, [], BENCH, settings, template_rest_s=200).rest.duration_s == 45


def test_no_rest_means_no_timer() -> None:
    settings = Settings(rest_overrides={BENCH.id: 0})
    assert place_set(new_set(), [], BENCH, settings).rest is None
