"""Pilot waits for the app to be idle (every `press`, every `pause()`) by sleeping in slices
until one passes with next to no CPU used: textual/_wait.py `wait_for_idle`, 20 ms slices,
idle below 1 ms of CPU, twice a key. Most of a screen test's time went there. 5 ms slices,
idle below a twentieth of one as before, keep the rule and wait a quarter as long.
Private names of Textual: `tests/screens/test_quick_idle.py` fails if they change."""

from __future__ import annotations

import textual._wait

SLICE_S = 0.005


def use_quick_idle() -> None:
    textual._wait.SLEEP_GRANULARITY = SLICE_S
    textual._wait.SLEEP_IDLE = SLICE_S / 20
