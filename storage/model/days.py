"""Training days. A training day starts at the rollover hour (default 4:00) in the user's
timezone, so a set at 00:30 belongs to the day before. Day arithmetic uses dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache


@cache
def machine_timezone() -> str:
    import pendulum

    return pendulum.local_timezone().name


@cache
def _zone(name: str):
    import pendulum

    return pendulum.timezone(name)


def is_valid_timezone(name: str) -> bool:
    try:
        _zone(name)
    except Exception:
        return False
    return True


def day_of(moment: datetime, tz: str, rollover_hour: int) -> date:
    """The training day a moment belongs to."""
    local = moment.astimezone(_zone(tz))
    if local.hour < rollover_hour:
        return local.date() - timedelta(days=1)
    return local.date()


def day_start(day: date, tz: str, rollover_hour: int) -> datetime:
    """The UTC moment a training day begins: the first moment `day_of` puts in it. If the
    rollover hour happens twice (clocks go back), that is its first time (fold 0); if it is
    skipped (clocks go forward), fold 0 gives the moment the clocks jump."""
    local = datetime(day.year, day.month, day.day, rollover_hour, tzinfo=_zone(tz))
    return local.astimezone(UTC)
