"""Canary for `tests/support/quick_idle.py`: Pilot's idle wait still reads the names it sets
(else screen tests quietly go back to four times slower)."""

from __future__ import annotations

import inspect

import textual._wait

from tests.support.quick_idle import SLICE_S


def test_the_idle_wait_sleeps_in_the_slice_the_suite_sets() -> None:
    source = inspect.getsource(textual._wait.wait_for_idle)
    assert "await sleep(SLEEP_GRANULARITY)" in source
    assert "cpu_elapsed < SLEEP_IDLE" in source
    assert textual._wait.SLEEP_GRANULARITY == SLICE_S
    assert textual._wait.SLEEP_IDLE == SLICE_S / 20
