"""Estimated one-rep max (e1RM) from a set: Epley, Brzycki and Tuchscherer's RPE chart.

Pure functions of numbers (no I/O, stdlib only), exact to the published formulas; see
section 1 of the scoring spec. Weights are in any one unit; the result is in the same unit.
"""

from __future__ import annotations

from scoring.constants import SCORING

RPE_METHOD = "rpe"
EPLEY_METHOD = "epley"


def epley(weight: float, reps: int) -> float:
    """Epley's e1RM, w * (1 + r/30).

    Convention: a single (r == 1) is its own 1RM, so epley(w, 1) == w, not w * 31/30; the
    formula applies from r >= 2. Fewer than one rep is not a set: ValueError.
    """
    if reps < 1:
        raise ValueError(f"reps must be at least 1, got {reps}")
    if reps == 1:
        return float(weight)
    return weight * (1 + reps / 30)


def epley_reserve(weight: float, reps: int, best_e1rm: float) -> float:
    """Reps in reserve of `reps` at `weight` for a lifter whose e1RM is `best_e1rm`: the reps
    Epley says that e1RM could do at the weight, 30 * (e1RM / w - 1), minus those done."""
    return 30 * (best_e1rm / weight - 1) - reps


def brzycki(weight: float, reps: int) -> float | None:
    """Brzycki's e1RM, w * 36 / (37 - r), defined for 1 <= r <= 10 only (else None)."""
    if not 1 <= reps <= SCORING.brzycki_max_reps:
        return None
    return weight * 36 / (37 - reps)


def rpe_percent(reps: int, rpe: float) -> float | None:
    """The RPE chart's percentage of 1RM for `reps` at `rpe`, e.g. rpe_percent(5, 8) == 81.1.

    None outside the chart: reps not 1-12, RPE not 6.5-10, or RPE not on a half step.
    """
    c = SCORING
    if isinstance(reps, bool):
        return None
    if isinstance(reps, float):
        if not reps.is_integer():
            return None
        reps = int(reps)
    if not c.rts_min_reps <= reps <= c.rts_max_reps:
        return None
    if not c.rts_min_rpe <= rpe <= c.rts_max_rpe:
        return None
    half_steps = 2 * (c.rts_max_rpe - rpe)  # 2 * RIR
    if not float(half_steps).is_integer():
        return None
    index = 2 * (reps - c.rts_min_reps) + int(half_steps)
    return c.rts_percent_sequence[index]


def rpe_chart(weight: float, reps: int, rpe: float) -> float | None:
    """The RPE chart's e1RM, weight / (pct / 100); None outside the chart."""
    pct = rpe_percent(reps, rpe)
    if pct is None:
        return None
    return weight / (pct / 100)


def estimate(weight: float, reps: int, rpe: float | None = None) -> tuple[float, str] | None:
    """The e1RM a set gets, and the method that gave it ("rpe" or "epley").

    The RPE chart when the set has an RPE inside the chart; else Epley for 1-12 reps; else
    None. Compare one exercise's trend only within one method.
    """
    if rpe is not None:
        value = rpe_chart(weight, reps, rpe)
        if value is not None:
            return value, RPE_METHOD
    if 1 <= reps <= SCORING.epley_max_reps:
        return epley(weight, reps), EPLEY_METHOD
    return None
