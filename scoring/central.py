"""The central score C (spec section 3): sleep, how the lifter feels, training load.

Where the spec leaves room:
- Last night's sleep is the recovery entry of the moment's day (sleep is logged the morning
  after); the two nights before are the entries of the two days before. A night without
  hours is dropped and the night weights (0.6, 0.2, 0.2) renormalised; no night, no factor.
- Motivation, mood and energy are each the newest rating of the last 24 h and of the day.
- Stress is the day's recovery entry's (1 very relaxed, 5 very stressed).
- C needs at least one of sleep hours, sleep quality, motivation, mood, energy or stress: the
  training-load factor alone (it comes from the same sets as P) makes no central score, so
  then R = P.
- Training load has data when the last 42 days hold a working set. Its daily loads run from
  the first training day of those 42 days to today (today's load: the sets done so far), and
  the EWMA is seeded with the first of them, so a break longer than the window starts the
  history afresh. ACWR counts once that series spans 28 days; monotony and strain take the
  last 7 days, today included (days before the series count as 0).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import fmean

from scoring.constants import SCORING
from scoring.factors import CENTRAL, Factor, clamp01, group_score
from scoring.load import acwr_ewma, monotony, strain
from scoring.timeline import Point, Timeline

SLEEP = "Sleep duration"
QUALITY = "Sleep quality"
MOTIVATION = "Motivation"
MOOD = "Mood"
ENERGY = "Energy"
STRESS = "Stress"
TRAINING_LOAD = "Training load"


@dataclass(frozen=True, slots=True)
class Central:
    """C and what it is made of, with the load measures it reads."""

    score: float | None
    factors: tuple[Factor, ...]
    acwr: float | None
    monotony: float | None
    strain: float | None
    streak: int


def central(timeline: Timeline, point: Point, has_training: bool) -> Central:
    """The central score of a day (spec 3)."""
    c = SCORING
    acwr = mono = strn = None
    today, moment = point.day, point.sets_until
    streak = consecutive_days(timeline, moment, today)
    load = Factor(TRAINING_LOAD, CENTRAL, c.central_weight_load, None)
    if has_training:
        acwr, mono, strn = _load_measures(timeline, moment, today)
        load = _load_factor(acwr, mono, streak)
    factors = (
        _sleep_factor(timeline, today),
        _quality_factor(timeline, today),
        *_feelings(timeline, point),
        _stress_factor(timeline, today),
        load,
    )
    score = group_score(factors) if any(f.present for f in factors[:-1]) else None
    return Central(score, factors, acwr, mono, strn, streak)


def consecutive_days(timeline: Timeline, moment: datetime, today: date) -> int:
    """The run of days with at least one working set, ending today or yesterday."""
    day = today if timeline.trained_on(today, moment) else today - timedelta(days=1)
    run = 0
    while timeline.trained_on(day, moment):
        run += 1
        day -= timedelta(days=1)
    return run


def _load_measures(
    timeline: Timeline, moment: datetime, today: date
) -> tuple[float | None, float | None, float | None]:
    c = SCORING
    first = timeline.first_training_day(today - timedelta(days=c.fatigue_window_days - 1), moment)
    if first is None:  # the only sets are from the small hours of the 42nd day back
        return None, None, None
    span = (today - first).days + 1
    loads = [timeline.day_load(first + timedelta(days=k), moment) for k in range(span)]
    acwr = acwr_ewma(loads)[-1] if span >= c.acwr_min_history_days else None
    week = ([0.0] * c.monotony_days + loads)[-c.monotony_days :]
    return acwr, monotony(week), strain(week)


def _load_factor(acwr: float | None, mono: float | None, streak: int) -> Factor:
    """The mean of the ACWR, monotony and consecutive-days items that have a value."""
    c = SCORING
    items = [clamp01(1 - (streak - c.streak_ok) / c.streak_span)]
    parts = []
    if acwr is not None:
        items.append(clamp01(1 - (acwr - c.acwr_ok) / c.acwr_span))
        parts.append(f"ACWR {acwr:.2f}")
    if mono is not None:
        items.append(clamp01(1 - (mono - c.monotony_ok) / c.monotony_span))
        parts.append(f"monotony {mono:.1f}")
    parts.append(f"{streak} day{'' if streak == 1 else 's'} in a row")
    return Factor(TRAINING_LOAD, CENTRAL, c.central_weight_load, fmean(items), ", ".join(parts))


def _sleep_factor(timeline: Timeline, today: date) -> Factor:
    """clamp((h_eff - 5) / 2, 0, 1), h_eff = 0.6 last night + 0.4 mean(two nights before)."""
    c = SCORING
    hours = []
    for k in range(len(c.sleep_night_weights)):
        entry = timeline.recovery.get(today - timedelta(days=k))
        hours.append(entry.sleep_hours if entry is not None else None)
    nights = [(w, h) for w, h in zip(c.sleep_night_weights, hours, strict=True) if h is not None]
    if not nights:
        return Factor(SLEEP, CENTRAL, c.central_weight_sleep, None)
    h_eff = sum(w * h for w, h in nights) / sum(w for w, _ in nights)
    score = clamp01((h_eff - c.sleep_floor_hours) / c.sleep_span_hours)
    last = hours[0]
    value = f"{last:.1f} h" if last is not None else f"{h_eff:.1f} h, earlier nights"
    return Factor(SLEEP, CENTRAL, c.central_weight_sleep, score, value)


def _scale(name: str, weight: float, value: int | None) -> Factor:
    """A 1-5 wellness item (5 best): (x - 1) / 4."""
    c = SCORING
    if value is None:
        return Factor(name, CENTRAL, weight, None)
    score = (value - c.scale_min) / (c.scale_max - c.scale_min)
    return Factor(name, CENTRAL, weight, score, f"{value}/5")


def _quality_factor(timeline: Timeline, today: date) -> Factor:
    entry = timeline.recovery.get(today)
    quality = entry.sleep_quality if entry is not None else None
    return _scale(QUALITY, SCORING.central_weight_quality, quality)


def _stress_factor(timeline: Timeline, today: date) -> Factor:
    """(5 - x) / 4: the more stressed, the lower (McLean et al. 2010, Hooper 1995)."""
    c = SCORING
    entry = timeline.recovery.get(today)
    stress = entry.stress if entry is not None else None
    if stress is None:
        return Factor(STRESS, CENTRAL, c.central_weight_stress, None)
    score = (c.scale_max - stress) / (c.scale_max - c.scale_min)
    return Factor(STRESS, CENTRAL, c.central_weight_stress, score, f"{stress}/5")


def _feelings(timeline: Timeline, point: Point) -> tuple[Factor, Factor, Factor]:
    c = SCORING
    found: dict[str, int] = {}
    for entry in timeline.recent_symptoms(point):
        for field in ("motivation", "mood", "energy"):
            value = getattr(entry, field)
            if value is not None:
                found.setdefault(field, value)
    return (
        _scale(MOTIVATION, c.central_weight_motivation, found.get("motivation")),
        _scale(MOOD, c.central_weight_mood, found.get("mood")),
        _scale(ENERGY, c.central_weight_energy, found.get("energy")),
    )
