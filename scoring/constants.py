"""Every constant of the scoring model, in one table (the spec: scoring-model.md).

The model is tuned here and nowhere else: code in `scoring/` reads `SCORING`, and a test or
an experiment that wants other values builds its own table with `dataclasses.replace`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class ScoringConstants:
    """The scoring model's constants, grouped by the spec's sections."""

    # -- 1. Established measures ---------------------------------------------------------

    # Tuchscherer's RPE chart ("Beginning RTS", 2015) as one sequence of percentages of
    # 1RM. A cell depends only on reps + RIR, so pct(reps, RPE) is
    # rts_percent_sequence[2 * (reps - 1) + 2 * (10 - RPE)]: reps 1 at RPE 10 is 100 %; one
    # more rep moves two places down the sequence, half a point less RPE one place.
    rts_percent_sequence: tuple[float, ...] = (
        100.0, 97.8, 95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3, 85.0,
        83.7, 82.4, 81.1, 79.9, 78.6, 77.4, 76.2, 75.1, 73.9, 72.3,
        70.7, 69.4, 68.0, 66.7, 65.3, 64.0, 62.6, 61.3, 59.9, 58.6,
    )  # fmt: skip
    # The chart covers reps 1-12 and RPE 6.5-10 in half steps; outside it, no estimate.
    rts_min_reps: int = 1
    rts_max_reps: int = 12
    rts_min_rpe: float = 6.5
    rts_max_rpe: float = 10.0
    # Brzycki (1993) is defined for 1-10 reps only.
    brzycki_max_reps: int = 10
    # "Which e1RM a set gets": Epley is the fallback up to this many reps.
    epley_max_reps: int = 12


SCORING: Final = ScoringConstants()
