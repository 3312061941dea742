"""The peripheral score P (muscle level, spec section 2): carried fatigue and P_m per
muscle, then P from local muscle fatigue, weakness and fuel.

Where the spec leaves room:
- Windows are in hours back from the moment: F sums the sets of the last 42 days (older
  ones carry under 2^-21 of their dose); "trained in the last 7 days" means a working set
  of the last 7 * 24 h with a coefficient for the muscle, and the 28-day dose share is the
  muscle's share of sum(multiplier * coefficient) over the last 28 * 24 h (no decay).
- s_dose has data whenever the last 42 days hold a working set (F = 0 then means fully
  recovered); with no training logged there is no local fatigue factor at all. With
  training logged but no muscle trained in 7 days, P_local is 100.
- Soreness and weakness are the newest ratings of the last 24 h; a muscle an entry does not
  rate has no soreness data (the worked example scores glutes on dose alone).
- s_perf of a muscle is the mean over the exercises that train it directly and have a trend
  (`scoring.trends`) whose latest session is within 7 days.
- A declining lift (spec 4) caps the P_m of the muscles it trains directly at 50.
- Fuel uses the three whole days before today (today's intake is still adding up), each
  item the mean of the days it was logged; carbs and protein need a bodyweight (the latest
  logged); an item without data is dropped and the fuel weights renormalised.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from math import exp2
from statistics import fmean

from scoring.constants import SCORING
from scoring.factors import PERIPHERAL, Factor, clamp01, group_score
from scoring.timeline import DAY, MUSCLE_ORDER, Point, Timeline
from scoring.trends import Decline, Trend

LOCAL_FATIGUE = "Local muscle fatigue"
WEAKNESS = "Weakness"
FUEL = "Fuel"


@dataclass(frozen=True, slots=True)
class Peripheral:
    """P and what it is made of. `muscles` is P_m, `fatigue` F_m and `soreness` the
    latest rating per muscle."""

    score: float | None
    factors: tuple[Factor, ...]
    muscles: dict[str, float]
    fatigue: dict[str, float]
    soreness: dict[str, int]
    has_training: bool


def peripheral(
    timeline: Timeline, point: Point, trends: Mapping[str, Trend], declining: Iterable[Decline]
) -> Peripheral:
    """The peripheral score of a day (spec 2.1-2.3)."""
    c = SCORING
    fatigue, shares, trained, has_training = _dose(timeline, point)
    soreness = _soreness(timeline, point)
    perf = _performance(timeline, trends)
    names = [m for m in MUSCLE_ORDER if has_training or m in soreness]
    muscles = {}
    for muscle in names:  # P_m over the parts with data (spec 2.2)
        parts = []
        if has_training:
            s_dose = 1 - min(1.0, fatigue.get(muscle, 0.0) / c.dose_capacity)
            parts.append((c.muscle_weight_dose, s_dose))
        if muscle in soreness:
            parts.append((c.muscle_weight_sore, 1 - soreness[muscle] / c.soreness_max))
        if muscle in perf:
            parts.append((c.muscle_weight_perf, perf[muscle]))
        muscles[muscle] = 100 * sum(w * s for w, s in parts) / sum(w for w, _ in parts)
    for decline in declining:
        for muscle, coefficient in timeline.log.exercises[decline.exercise].muscles.items():
            if coefficient >= 1.0 and muscle in muscles:
                muscles[muscle] = min(muscles[muscle], c.decline_muscle_cap)
    local = tuple(m for m in MUSCLE_ORDER if m in trained)
    factors = (
        _local_factor(muscles, shares, local, has_training),
        _weakness_factor(timeline, point),
        _fuel_factor(timeline, point.day),
    )
    return Peripheral(group_score(factors), factors, muscles, fatigue, soreness, has_training)


def _dose(
    timeline: Timeline, point: Point
) -> tuple[dict[str, float], dict[str, float], set[str], bool]:
    """F_m at the point, the 28-day dose per muscle, the muscles trained in 7 days, and
    whether the last 42 days hold any working set."""
    c = SCORING
    start = point.at - timedelta(days=c.fatigue_window_days)
    window = timeline.sets_between(start, point.sets_until)
    now = point.at.timestamp()
    day = DAY.total_seconds()
    share_age, trained_age = c.dose_share_days, c.trained_days
    fatigue: dict[str, float] = {}
    doses: dict[str, float] = {}
    trained: set[str] = set()
    for s in window:
        age = (now - s.seconds) / day
        shared, recent = age < share_age, age < trained_age
        for muscle, dose, half_life in s.doses:
            fatigue[muscle] = fatigue.get(muscle, 0.0) + dose * exp2(-age / half_life)
            if shared:
                doses[muscle] = doses.get(muscle, 0.0) + dose
                if recent and dose > 0:
                    trained.add(muscle)
    return fatigue, doses, trained, bool(window)


def _soreness(timeline: Timeline, point: Point) -> dict[str, int]:
    soreness: dict[str, int] = {}
    for entry in timeline.recent_symptoms(point):
        for muscle, value in entry.soreness.items():
            soreness.setdefault(muscle, value)
    return soreness


def _performance(timeline: Timeline, trends: Mapping[str, Trend]) -> dict[str, float]:
    """s_perf per muscle: clamp(1 + delta / 0.10, 0, 1), averaged over the exercises with
    a trend that train the muscle directly."""
    scores: dict[str, list[float]] = {}
    for exercise, trend in trends.items():
        s = clamp01(1 + trend.delta / SCORING.perf_full_drop)
        for muscle, coefficient in timeline.log.exercises[exercise].muscles.items():
            if coefficient >= 1.0:
                scores.setdefault(muscle, []).append(s)
    return {muscle: fmean(values) for muscle, values in scores.items()}


def _local_factor(
    muscles: Mapping[str, float],
    shares: Mapping[str, float],
    local: tuple[str, ...],
    has_training: bool,
) -> Factor:
    c = SCORING
    weight = c.peripheral_weight_local
    if not has_training:
        return Factor(LOCAL_FATIGUE, PERIPHERAL, weight, None)
    if not local:
        return Factor(LOCAL_FATIGUE, PERIPHERAL, weight, 1.0, "nothing trained in 7 days")
    total = sum(shares[m] for m in local)
    p_local = sum(shares[m] * muscles[m] for m in local) / total
    worst = sorted(local, key=lambda m: muscles[m])[: c.named_muscles]
    value = ", ".join(m.replace("_", " ") for m in worst)
    return Factor(LOCAL_FATIGUE, PERIPHERAL, weight, p_local / 100, value)


def _weakness_factor(timeline: Timeline, point: Point) -> Factor:
    c = SCORING
    for entry in timeline.recent_symptoms(point):
        if entry.weakness is not None:
            score = 1 - entry.weakness / c.weakness_max
            return Factor(
                WEAKNESS, PERIPHERAL, c.peripheral_weight_weakness, score, f"{entry.weakness}/10"
            )
    return Factor(WEAKNESS, PERIPHERAL, c.peripheral_weight_weakness, None)


def _fuel_factor(timeline: Timeline, today: date) -> Factor:
    """s_fuel = 0.35 s_carb + 0.35 s_water + 0.30 s_prot on 3-day means (spec 2.3)."""
    c = SCORING
    days = [today - timedelta(days=k) for k in range(1, c.fuel_days + 1)]
    entries = [timeline.recovery[d] for d in days if d in timeline.recovery]

    def mean(field: str) -> float | None:
        values = [getattr(e, field) for e in entries if getattr(e, field) is not None]
        return fmean(values) if values else None

    carbs, water, protein = mean("carbs_g"), mean("water_cups"), mean("protein_g")
    bodyweight = timeline.bodyweight(today)
    items: list[tuple[float, float, str]] = []
    if carbs is not None and bodyweight:
        per_kg = carbs / bodyweight
        s = min(1.0, per_kg / c.carbs_g_per_kg)
        items.append((c.fuel_weight_carbs, s, f"carbs {per_kg:.1f} g/kg"))
    if water is not None:
        s = min(1.0, water / c.water_cups)
        items.append((c.fuel_weight_water, s, f"water {water:.0f} cups"))
    if protein is not None and bodyweight:
        per_kg = protein / bodyweight
        s = min(1.0, per_kg / c.protein_g_per_kg)
        items.append((c.fuel_weight_protein, s, f"protein {per_kg:.1f} g/kg"))
    if not items:
        return Factor(FUEL, PERIPHERAL, c.peripheral_weight_fuel, None)
    score = sum(w * s for w, s, _ in items) / sum(w for w, _, _ in items)
    value = ", ".join(text for _, _, text in items)
    return Factor(FUEL, PERIPHERAL, c.peripheral_weight_fuel, score, value)
