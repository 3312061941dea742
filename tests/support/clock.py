"""A clock for tests: it stands still until the test moves it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

# When the tests run restday, unless a test says otherwise: the demo's last day, a Tuesday
# (its Lower A day), in the evening, with that day's session not trained yet.
TUESDAY_EVENING = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float = 0, **delta: float) -> datetime:
        """`advance(30)` or `advance(minutes=5)`."""
        self.now += timedelta(seconds=seconds, **delta)
        return self.now
