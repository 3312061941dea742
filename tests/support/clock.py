"""A clock for tests: it stands still until the test moves it."""

from __future__ import annotations

from datetime import datetime, timedelta


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float = 0, **delta: float) -> datetime:
        """`advance(30)` or `advance(minutes=5)`."""
        self.now += timedelta(seconds=seconds, **delta)
        return self.now
