"""What to do today (spec section 4): the band after its caps, the recommendation, "skip
today" and preferred muscles, and the deload suggestion.

Caps only lower the band, and the recommendation always begins with the band's words:
- "Rest day": R <= 33; under 5 h of sleep on each of the last two nights with C < 50; a
  broad decline (declining lifts, at least two, covering 3 or more primary muscles within
  10 days) until a day without working sets was taken since its latest declining session,
  then "Reduce" until the lifts are trained again; lingering soreness (>= 6 in the same
  muscle on each of the last 3 days) in 3 or more muscles.
- At most "Reduce": a declining lift with C < 50; a deload week; a run of 10 or more
  training days in which a lift's e1RM fell (its latest session in the run under its first).
- A single lift's decline never makes a rest day.

Where the spec leaves room:
- A primary muscle of a lift is one it trains directly (coefficient 1.0).
- The last 3 days of soreness are the day scored and the two before, each day's highest
  rating of the muscle counting.
- "Deload week" counts R < 55 over today and the 6 mornings before (days without a score
  do not count), or three or more lifts with a declining session within 14 days.
- The muscles to prefer on a Reduce day are all those with P_m >= 67.
"""

from __future__ import annotations

from datetime import date, timedelta

from scoring.constants import SCORING
from scoring.peripheral import Peripheral
from scoring.readiness import REDUCE, REST, TRAIN, band
from scoring.snapshot import Snapshot
from scoring.timeline import DAY, MUSCLE_ORDER, Timeline
from scoring.trends import Decline

RECOMMENDATIONS = {
    TRAIN: "Train as planned",
    REDUCE: "Reduce: cut sets 30-50 %, keep RPE at 8 or below",
    REST: "Rest day: no lifting today",
}
DELOAD = "Reduce: deload week, half the sets at RPE 6-7"


def rest_reasons(timeline: Timeline, now: Snapshot) -> list[str]:
    """Why today is capped at "Rest day" whatever R says (empty: no cap)."""
    c = SCORING
    reasons = []
    central_score = now.central.score
    nights = [timeline.recovery.get(now.day - timedelta(days=k)) for k in (0, 1)]
    short = all(
        n is not None and n.sleep_hours is not None and n.sleep_hours < c.short_sleep_hours
        for n in nights
    )
    if short and central_score is not None and central_score < c.short_sleep_central_below:
        reasons.append(f"under {c.short_sleep_hours:g} h of sleep two nights running")
    broad = broad_decline(timeline, now)
    if broad is not None and not _rested_since(timeline, now, broad):
        reasons.append(broad[1])
    sore = lingering_soreness(timeline, now)
    if len(sore) >= c.lingering_soreness_muscles:
        named = ", ".join(m.replace("_", " ") for m in sore[:3])
        reasons.append(f"soreness {c.lingering_soreness_from:g}+ for 3 days: {named}")
    return reasons


def reduce_reasons(timeline: Timeline, now: Snapshot, deload_due: str | None) -> list[str]:
    """Why today can be no better than "Reduce"."""
    c = SCORING
    reasons = []
    broad = broad_decline(timeline, now)
    if broad is not None and _rested_since(timeline, now, broad):
        reasons.append(broad[1])
    central_score = now.central.score
    if central_score is not None and central_score < c.decline_cap_central_below:
        reasons.extend(d.text for d in now.declines if d.active)
    if deload_due is not None:
        reasons.append(f"deload week: {deload_due}")
    reasons.extend(_falling_streak(timeline, now))
    return reasons


def broad_decline(timeline: Timeline, now: Snapshot) -> tuple[date, str] | None:
    """The newest declining session's day and the reason, when declining lifts cover 3 or
    more primary muscles within 10 days."""
    c = SCORING
    active = [d for d in now.declines if d.active]
    muscles = {
        m
        for d in active
        for m, coefficient in timeline.log.exercises[d.exercise].muscles.items()
        if coefficient >= 1.0
    }
    if len(active) < c.broad_decline_lifts or len(muscles) < c.broad_decline_muscles:
        return None
    return active[0].day, f"{len(active)} lifts declining ({len(muscles)} muscle groups)"


def _rested_since(timeline: Timeline, now: Snapshot, broad: tuple[date, str]) -> bool:
    """Whether a day without working sets came between the latest declining session and
    the day scored."""
    day = broad[0] + DAY
    while day < now.day:
        if not timeline.trained_on(day, now.moment):
            return True
        day += DAY
    return False


def lingering_soreness(timeline: Timeline, now: Snapshot) -> list[str]:
    """Muscles rated sore >= 6 on each of the last 3 days (the day scored included)."""
    c = SCORING
    first = timeline.day_start(now.day - timedelta(days=c.lingering_soreness_days - 1))
    high: dict[str, set[date]] = {}
    for entry in timeline.symptoms_between(first, now.point.symptoms_until):
        day = timeline.day_of(entry.moment)
        for muscle, value in entry.soreness.items():
            if value >= c.lingering_soreness_from:
                high.setdefault(muscle, set()).add(day)
    return [m for m in MUSCLE_ORDER if len(high.get(m, ())) >= c.lingering_soreness_days]


def _falling_streak(timeline: Timeline, now: Snapshot) -> list[str]:
    """A long run of training days with a lift's e1RM falling across it."""
    streak = now.central.streak
    if streak < SCORING.streak_cap_days:
        return []
    start = now.day - timedelta(days=streak)
    for exercise in timeline.sessions:
        sessions = timeline.sessions_of(exercise, now.moment, start)
        if len(sessions) < 2 or not timeline.is_lift(exercise):
            continue
        method = sessions[-1].method(now.moment)
        if method is None:
            continue
        first = next((b for s in sessions if (b := s.best(method, now.moment))), None)
        latest = sessions[-1].best(method, now.moment)
        if first is not None and latest is not None and latest < first:
            name = timeline.names.get(exercise, exercise)
            return [f"{streak} training days in a row with {name} e1RM falling"]
    return []


def decide(
    r: float | None, rest: list[str], reduce: list[str], deload_due: str | None
) -> tuple[str | None, str | None]:
    """The band and the recommendation: R's band, lowered by the caps (None, None without
    a score)."""
    if r is None:
        return None, None
    level = band(r)
    if rest:
        return REST, f"{REST}: {rest[0]}"
    if level == TRAIN and reduce:
        level = REDUCE
    if level == REDUCE and deload_due is not None:
        return REDUCE, DELOAD
    return level, RECOMMENDATIONS[level]


def skip_muscles(timeline: Timeline, now: Snapshot) -> tuple[str, ...]:
    """Muscles to leave out today: soreness >= 8, P_m < 34, or lingering soreness."""
    c = SCORING
    p = now.peripheral
    lingering = set(lingering_soreness(timeline, now))
    return tuple(
        m
        for m in MUSCLE_ORDER
        if p.soreness.get(m, 0) >= c.skip_soreness_from
        or p.muscles.get(m, 100.0) < c.skip_score_below
        or m in lingering
    )


def prefer_muscles(p: Peripheral) -> tuple[str, ...]:
    """Muscles recovered enough to favour on a Reduce day: P_m >= 67."""
    return tuple(m for m in MUSCLE_ORDER if p.muscles.get(m, 0.0) >= SCORING.prefer_muscle_from)


def deload(
    history: tuple[tuple[date, float | None], ...], found: tuple[Decline, ...]
) -> str | None:
    """Why a deload week is due, or None."""
    c = SCORING
    window = [r for _, r in history[-c.deload_window_days :] if r is not None]
    low = sum(r < c.deload_readiness_below for r in window)
    if low >= c.deload_low_days:
        return (
            f"readiness under {c.deload_readiness_below:g} on {low} of the last "
            f"{c.deload_window_days} days"
        )
    lifts = list(dict.fromkeys(d.name for d in found))
    if len(lifts) < c.deload_declined_lifts:
        return None
    named = f"{', '.join(lifts[:2])} and others" if len(lifts) > 2 else " and ".join(lifts)
    return f"{len(lifts)} lifts declined within {c.decline_window_days} days: {named}"
