"""Training-load measures over a list of daily loads (spec section 1).

Pure functions of numbers. A daily load here is the day's effort-weighted hard sets (the sum
of the effort multipliers of its working sets, `effort_multiplier`), 0 on a rest day; the
functions themselves work with any load unit (session-RPE loads included).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from math import fsum, sqrt

from scoring.constants import SCORING
from scoring.e1rm import epley, epley_reserve


def effort_multiplier(rpe: float | None, warmup: bool = False) -> float:
    """A set's effort multiplier by RIR = 10 - RPE (spec 2.1): RIR 0 -> 1.5, 1 -> 1.25,
    2-3 -> 1.0, 4 -> 0.75, 5 or more (or a warm-up) -> 0; no RPE -> 1.0 (an estimate).
    A half-step RIR takes the bin of the whole number below it."""
    c = SCORING
    if warmup:
        return 0.0
    if rpe is None:
        return c.effort_missing_rpe
    rir = c.rts_max_rpe - rpe  # RIR = 10 - RPE (Zourdos et al. 2016)
    for below, multiplier in c.effort_by_rir:
        if rir < below:
            return multiplier
    return 0.0


def set_efforts(
    sets: Sequence[tuple[Hashable, float | None, int, float | None, bool]],
) -> list[float]:
    """The effort multiplier of each working set, given as (group, load, reps, RPE, drop), a
    group being one exercise on one day. A set with an RPE takes `effort_multiplier`; a set
    without one takes at most its 1.0, from its reps in reserve against the group's best set
    without RPE (Epley, as if that one went to failure): an unmarked ramp-up set 5 or more
    reps short is a warm-up (0). Exports from Strong and FitNotes mark no warm-ups. A drop
    set is a hard set of its exercise (issue 16): lighter by design, it is never read as a
    ramp-up, nor taken for the group's best."""
    c = SCORING
    best: dict[Hashable, float] = {}
    for group, load, reps, rpe, drop in sets:
        if rpe is None and load and 1 <= reps <= c.epley_max_reps and not drop:
            best[group] = max(best.get(group, 0.0), epley(load, reps))
    efforts = []
    for group, load, reps, rpe, drop in sets:
        effort = effort_multiplier(rpe)
        if rpe is None and load and 1 <= reps <= c.epley_max_reps and not drop:
            reserve = epley_reserve(load, reps, best[group])
            effort = min(effort, effort_multiplier(c.rts_max_rpe - reserve))
        efforts.append(effort)
    return efforts


def volume_load(sets: Iterable[tuple[float, int]]) -> float:
    """Volume load: the sum of load * reps over (load, reps) pairs."""
    return fsum(load * reps for load, reps in sets)


def session_load(session_rpe: float, minutes: float) -> float:
    """Session RPE load (Foster et al. 2001, JSCR 15(1):109): the session's RPE (0-10, asked
    when the workout is finished) * its duration in minutes, in arbitrary units."""
    return session_rpe * minutes


def ewma(daily_loads: Sequence[float], n: int) -> list[float]:
    """Exponentially weighted moving average, one value per day (Williams et al. 2017,
    BJSM 51(3):209): EWMA_t = lam * load_t + (1 - lam) * EWMA_(t-1), lam = 2 / (n + 1),
    seeded with the first day's load."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    lam = 2 / (n + 1)
    out: list[float] = []
    for load in daily_loads:
        out.append(load if not out else lam * load + (1 - lam) * out[-1])
    return out


def acwr_ewma(daily_loads: Sequence[float]) -> list[float | None]:
    """Acute:chronic workload ratio per day, EWMA with N = 7 (acute) and 28 (chronic)
    (Williams et al. 2017); None on a day whose chronic load is 0. The ratio means little
    before 28 days of history (the model does not show it then) and is a weak injury
    predictor (Impellizzeri et al. 2020)."""
    acute = ewma(daily_loads, SCORING.acwr_acute_days)
    chronic = ewma(daily_loads, SCORING.acwr_chronic_days)
    return [a / c if c > 0 else None for a, c in zip(acute, chronic, strict=True)]


def _week(daily_loads: Sequence[float]) -> Sequence[float]:
    days = SCORING.monotony_days
    if len(daily_loads) != days:
        raise ValueError(f"monotony and strain take {days} daily loads, got {len(daily_loads)}")
    return daily_loads


def monotony(daily_loads: Sequence[float]) -> float | None:
    """Foster's training monotony (Foster 1998, MSSE 30(7):1164): over 7 consecutive days,
    rest days as 0, mean / population SD. None when the SD is 0 (every day the same load):
    the ratio has no value then."""
    week = _week(daily_loads)
    if max(week) == min(week):
        return None
    mean = fsum(week) / len(week)
    sd = sqrt(fsum((x - mean) ** 2 for x in week) / len(week))
    return mean / sd if sd > 0 else None


def strain(daily_loads: Sequence[float]) -> float | None:
    """Foster's training strain: the 7 days' total load * monotony; None with no monotony."""
    value = monotony(daily_loads)
    return None if value is None else sum(_week(daily_loads)) * value
