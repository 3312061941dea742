"""The simulated lifter: strength that grows over the years and falls through a fatigue episode,
the fatigue felt each day, and a bodyweight around 82 kg."""

from __future__ import annotations

import math
from typing import NamedTuple

from storage.demo.arithmetic import clamp
from storage.demo.chance import Chance
from storage.demo.schedule import EPISODE_DAYS, Schedule

BODYWEIGHT_KG = 82.0
EPISODE_DROP_PER_DAY = 0.017  # of e1RM, per day into the episode
PROGRESS_GAIN = 0.45  # a lifter's e1RM rises by up to 45 % over years ...
PROGRESS_DAYS = 600.0  # ... approaching it with this time constant


class Form(NamedTuple):
    """A training day's strength: `level` relative to the end of the log, times a day's
    `noise`; `strain` is the extra soreness from grinding through fatigue."""

    level: float
    noise: float
    strain: float


class Strength:
    """Strength grows towards PROGRESS_GAIN with diminishing returns, so that a log of any
    length ends near the same strength (a 10-year log starts much weaker)."""

    def __init__(self, days: int):
        self.end = _progress(days - 1)

    def form(self, i: int, phase: str, k: int, chance: Chance) -> Form:
        """Day `i`'s form, `k` days into its phase."""
        level = _progress(i) / self.end
        strain = 0.0
        if phase == "episode":
            level *= 1 - EPISODE_DROP_PER_DAY * k
            noise = 1.0
            strain = 0.7 * k / (EPISODE_DAYS - 1)
        else:
            noise = 1 + clamp(chance.gauss(0, 0.006), -0.015, 0.015)
            if phase == "rebound":
                level *= 1.01
        return Form(level, noise, strain)


def _progress(i: int) -> float:
    return 1 + PROGRESS_GAIN * (1 - math.exp(-i / PROGRESS_DAYS))


def fatigue(days: Schedule) -> list[float]:
    """Fatigue felt each day, 0 (fresh) to 1 (overreached)."""
    felt = [0.0] * days.count
    for i in range(days.count):
        p, k = days.phase[i], days.phase_pos[i]
        if p == "episode":
            felt[i] = 0.15 + 0.85 * k / (EPISODE_DAYS - 1)
        elif p == "rest":
            felt[i] = 0.8 - 0.12 * (k + 1)
        elif p == "deload":
            felt[i] = max(0.0, 0.3 - 0.05 * k)
    return felt


def bodyweights(days: int, chance: Chance) -> list[float]:
    """Each day's bodyweight: a yearly swing and a slow drift around BODYWEIGHT_KG."""
    weights = [BODYWEIGHT_KG] * days
    drift = 0.0
    season = chance.random() * 2 * math.pi
    for i in range(days):
        drift = 0.9 * drift + chance.gauss(0, 0.25)
        weights[i] = round(
            BODYWEIGHT_KG + 1.2 * math.sin(2 * math.pi * i / 365 + season) + drift, 1
        )
    return weights
