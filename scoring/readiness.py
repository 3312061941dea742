"""Readiness R from P and C, its band, and what each factor cost (spec section 4).

- R = 0.6 min(P, C) + 0.4 max(P, C); with only one of them, R is that one (no central
  inputs at all: R = P).
- The band is read from R rounded to a whole number, so the band and the number shown
  agree: >= 67 "Train as planned", <= 33 "Rest day", between "Reduce".
- A factor's points are its deficit inside its group times the group's share of R (0.6
  for the lower group, 0.4 for the other, 1 when it is the only one; on a tie P takes
  0.6): they add up to 100 - R.
- Confidence is the lower of the two groups' weight present / total weight (a group
  without a score has 0), so no central inputs or no peripheral data is low confidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scoring.constants import SCORING
from scoring.factors import Factor, confidence, deficit

TRAIN = "Train as planned"
REDUCE = "Reduce"
REST = "Rest day"
BANDS = (TRAIN, REDUCE, REST)


@dataclass(frozen=True, slots=True)
class Contribution:
    """Points of readiness a factor cost (positive; all of them add up to 100 - R), with
    its raw value, e.g. Contribution("Motivation", "2/5", 10.0)."""

    factor: str
    value: str
    points: float
    group: str


def readiness(p: float | None, c: float | None) -> float | None:
    """R = 0.6 min(P, C) + 0.4 max(P, C); the one present if only one is."""
    if p is None or c is None:
        return p if c is None else c
    weak = SCORING.weaker_side_weight
    return weak * min(p, c) + (1 - weak) * max(p, c)


def band(r: float) -> str:
    rounded = int(r + 0.5)
    if rounded >= SCORING.train_from:
        return TRAIN
    if rounded <= SCORING.rest_up_to:
        return REST
    return REDUCE


def contributions(
    p: float | None,
    c: float | None,
    p_factors: Sequence[Factor],
    c_factors: Sequence[Factor],
) -> tuple[Contribution, ...]:
    """Every present factor's share of R's loss, largest first."""
    weak = SCORING.weaker_side_weight
    if p is None or c is None:
        p_share = c_share = 1.0
    else:
        p_share = weak if p <= c else 1 - weak
        c_share = 1 - p_share
    found = []
    for score, factors, share in ((p, p_factors, p_share), (c, c_factors, c_share)):
        if score is None:
            continue
        for factor in factors:
            if factor.present:
                points = deficit(factor, factors) * share
                found.append(Contribution(factor.name, factor.value, points, factor.group))
    return tuple(sorted(found, key=lambda x: -x.points))


def overall_confidence(
    p: float | None, c: float | None, p_factors: Sequence[Factor], c_factors: Sequence[Factor]
) -> float:
    return min(
        confidence(p_factors) if p is not None else 0.0,
        confidence(c_factors) if c is not None else 0.0,
    )
