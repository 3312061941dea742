"""Weighted factors and the group scores made of them (spec section 4, "Missing data").

A group (the peripheral score P, the central score C) is 100 * sum(w * s) / (weight
present) over its factors that have data; a factor without data is dropped and the others'
weights renormalised. A factor's deficit inside its group, 100 * w * (1 - s) / (weight
present), is what it costs the group, so a group's deficits add up to 100 - its score.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

PERIPHERAL = "peripheral"
CENTRAL = "central"


@dataclass(frozen=True, slots=True)
class Factor:
    """One input of a group score: `score` 0-1 (None: no data) and the raw `value` the
    home screen shows next to its name, e.g. "2/5" or "6.0 h"."""

    name: str
    group: str
    weight: float
    score: float | None
    value: str = ""

    @property
    def present(self) -> bool:
        return self.score is not None


def present_weight(factors: Sequence[Factor]) -> float:
    return sum(f.weight for f in factors if f.present)


def group_score(factors: Sequence[Factor]) -> float | None:
    """100 * sum(w * s) / (weight present), or None when no factor has data."""
    weight = present_weight(factors)
    if weight == 0:
        return None
    return 100 * sum(f.weight * f.score for f in factors if f.present) / weight


def deficit(factor: Factor, factors: Sequence[Factor]) -> float:
    """What `factor` costs its group: 100 * w * (1 - s) / (weight present)."""
    if not factor.present:
        return 0.0
    return 100 * factor.weight * (1 - factor.score) / present_weight(factors)


def confidence(factors: Sequence[Factor]) -> float:
    """Weight present / total weight of a group."""
    total = sum(f.weight for f in factors)
    return present_weight(factors) / total if total else 0.0


def clamp01(value: float) -> float:
    return 0.0 if value < 0 else 1.0 if value > 1 else value
