"""What to do today (spec section 4): the band after its overrides, the recommendation,
"skip today" and preferred muscles, and the deload suggestion.

Where the spec leaves room:
- Overrides to "Rest day" look at each lift's latest session within 7 days: 10 % or more
  under its 21-day best; or two drops in a row of 3 % or more (`trends.drops_in_a_row`)
  while C < 50; and under 5 h of sleep last night and the night before.
- The issue adds: a run of 10 or more training days in which a lift's e1RM fell (its latest
  session in the run under its first, same method) is never "Train as planned"; it is
  capped at "Reduce".
- "Deload week" counts R < 55 over today and the 6 mornings before (days without a score
  do not count), or two or more lifts with a decline flag within 14 days.
- The muscles to prefer on a Reduce day are all those with P_m >= 67.
"""

from __future__ import annotations

from datetime import date, timedelta

from scoring.constants import SCORING
from scoring.peripheral import Peripheral
from scoring.readiness import REDUCE, REST, TRAIN, band
from scoring.snapshot import Snapshot
from scoring.timeline import MUSCLE_ORDER, Timeline
from scoring.trends import Decline, drops_in_a_row, percent

RECOMMENDATIONS = {
    TRAIN: "Train as planned",
    REDUCE: "Reduce: cut sets 30-50 %, keep RPE at 8 or below",
    REST: "Rest day: no lifting today",
}


def rest_reasons(timeline: Timeline, now: Snapshot) -> list[str]:
    """Why today must be a rest day whatever R says (empty: no override)."""
    c = SCORING
    reasons = []
    central_score = now.central.score
    for exercise, trend in now.trends.items():
        if not timeline.is_lift(exercise):
            continue
        name = timeline.names.get(exercise, exercise)
        if trend.delta <= -c.override_drop:
            reasons.append(
                f"{name} e1RM {percent(trend.delta)} vs {c.perf_reference_days}-day best"
            )
        elif central_score is not None and central_score < c.override_consecutive_central:
            latest = timeline.sessions_of(exercise, now.moment, trend.day)[0]
            if drops_in_a_row(timeline, latest, now.moment):
                drop = 100 * c.override_consecutive_drop
                reasons.append(f"{name} e1RM down {drop:g} % or more two sessions in a row")
    nights = [timeline.recovery.get(now.day - timedelta(days=k)) for k in (0, 1)]
    if all(
        n is not None and n.sleep_hours is not None and n.sleep_hours < c.override_short_sleep_hours
        for n in nights
    ):
        reasons.append(f"under {c.override_short_sleep_hours:g} h of sleep two nights running")
    return reasons


def cap_reasons(timeline: Timeline, now: Snapshot) -> list[str]:
    """Why today can be no better than Reduce: a long run of training days with a lift's
    e1RM falling across it."""
    streak = now.central.streak
    if streak < SCORING.streak_cap_days:
        return []
    trained_today = timeline.trained_on(now.day, now.moment)
    end = now.day if trained_today else now.day - timedelta(days=1)
    start = end - timedelta(days=streak - 1)
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


def decide(r: float | None, rest: list[str], cap: list[str]) -> tuple[str | None, str | None]:
    """The band and the recommendation: R's band, capped at Reduce, overridden by a rest
    day (None, None without a score)."""
    if r is None:
        return None, None
    level = band(r)
    if cap and level == TRAIN:
        level = REDUCE
    if rest:
        return REST, f"{REST}: {rest[0]}"
    return level, RECOMMENDATIONS[level]


def skip_muscles(p: Peripheral) -> tuple[str, ...]:
    """Muscles to leave out today: soreness >= 8 or P_m < 34."""
    c = SCORING
    return tuple(
        m
        for m in MUSCLE_ORDER
        if p.soreness.get(m, 0) >= c.skip_soreness_from
        or p.muscles.get(m, 100.0) < c.skip_score_below
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
    named = " and ".join(lifts[:2]) if len(lifts) == 2 else f"{', '.join(lifts[:2])} and others"
    return f"{len(lifts)} lifts declined within {c.decline_window_days} days: {named}"
