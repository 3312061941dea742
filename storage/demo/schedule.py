"""The demo log's days: their local clock, which days are training days, and where the fatigue
episodes fall, each followed by rest days, a deload week and a rebound.

Episodes start on a Monday about every 26 weeks; the last ends 3-5 weeks before the end day,
and none starts in the first four weeks (so logs shorter than about 10 weeks have none). In
an episode the lifter trains ten days in a row, the split's sessions in rotation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from storage.demo.program import ROTATION, WEEKDAY_SESSIONS

EPISODE_DAYS = 10  # consecutive training days
EPISODE_EVERY_DAYS = 26 * 7
REST_DAYS_AFTER_EPISODE = 4
DELOAD_DAYS = 7
REBOUND_UNTIL = 21  # days after the deload starts
MIN_HISTORY_DAYS = 28  # before the first episode


@dataclass
class Schedule:
    """Day `i` of the log is `first + i`; per day, its session and its phase."""

    first: date
    count: int
    offsets: list[timedelta]  # UTC offset at noon (DST changes happen at night)
    session: list[str]  # "" for a rest day, else the session's name
    phase: list[str]  # "normal", "episode", "rest", "deload" or "rebound"
    phase_pos: list[int]  # the day's place in its phase, from 0
    episode_starts: list[int]
    episodes: list[tuple[date, date]]  # (first, last) training day of each, oldest first

    def day(self, i: int) -> date:
        return self.first + timedelta(days=i)

    def at(self, i: int, seconds: float) -> datetime:
        """Day `i` at `seconds` after local midnight, as a UTC datetime."""
        d = self.first + timedelta(days=i)
        return datetime(d.year, d.month, d.day, tzinfo=UTC) + (
            timedelta(seconds=int(seconds)) - self.offsets[i]
        )


def schedule(end_day: date, weeks: int, tz: str) -> Schedule:
    """The `weeks` ending on `end_day`, whose workout has not happened yet."""
    count = weeks * 7
    first = end_day - timedelta(days=count - 1)
    session = [""] * count
    for i in range(count - 1):
        session[i] = WEEKDAY_SESSIONS.get((first + timedelta(days=i)).weekday(), "")
    days = Schedule(
        first=first,
        count=count,
        offsets=_noon_offsets(first, count, tz),
        session=session,
        phase=["normal"] * count,
        phase_pos=[0] * count,
        episode_starts=_episode_starts(first, end_day),
        episodes=[],
    )
    for start in days.episode_starts:
        _add_episode(days, start)
    return days


def _noon_offsets(first: date, count: int, tz: str) -> list[timedelta]:
    zone = ZoneInfo(tz)
    offsets = []
    for i in range(count):
        d = first + timedelta(days=i)
        offsets.append(datetime(d.year, d.month, d.day, 12, tzinfo=zone).utcoffset())
    return offsets


def _episode_starts(first: date, end_day: date) -> list[int]:
    last_start = end_day - timedelta(days=30)
    last_start -= timedelta(days=last_start.weekday())
    starts: list[int] = []
    start = (last_start - first).days
    while start >= MIN_HISTORY_DAYS:
        starts.append(start)
        start -= EPISODE_EVERY_DAYS
    starts.reverse()
    return starts


def _add_episode(days: Schedule, start: int) -> None:
    """The episode's training days, then its rest days, deload week and rebound."""
    for k in range(EPISODE_DAYS):
        days.session[start + k] = ROTATION[k % 4]
        days.phase[start + k], days.phase_pos[start + k] = "episode", k
    rest_from = start + EPISODE_DAYS
    for k in range(REST_DAYS_AFTER_EPISODE):
        days.session[rest_from + k] = ""
        days.phase[rest_from + k], days.phase_pos[rest_from + k] = "rest", k
    deload_from = rest_from + REST_DAYS_AFTER_EPISODE
    for k in range(REBOUND_UNTIL):
        if deload_from + k < days.count:
            phase = "deload" if k < DELOAD_DAYS else "rebound"
            days.phase[deload_from + k], days.phase_pos[deload_from + k] = phase, k
    days.episodes.append((days.day(start), days.day(start + EPISODE_DAYS - 1)))
