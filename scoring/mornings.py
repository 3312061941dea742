"""Each day's one score over a span of days (the history screen's calendar and trends): one
timeline over the span, each day read at its point (`Timeline.point`), as home's 14-day
history and `restday status --at` read them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from scoring.inputs import TrainingLog
from scoring.readiness import band
from scoring.snapshot import evaluate
from scoring.timeline import Timeline


@dataclass(frozen=True, slots=True)
class MorningScore:
    readiness: float | None
    peripheral: float | None
    central: float | None

    @property
    def band(self) -> str | None:
        """The band of the readiness alone (no overrides: those need the day's whole
        assessment)."""
        return None if self.readiness is None else band(self.readiness)


def morning_scores(
    log: TrainingLog, days: Iterable[date], known: datetime
) -> dict[date, MorningScore]:
    """Each day's score with what was logged by `known` (now); `log` must hold the 61 days
    before the first (see `storage.read.score_window.read_span`)."""
    timeline = Timeline(log)
    scores = {}
    for day in days:
        snapshot = evaluate(timeline, timeline.point(day, known))
        scores[day] = MorningScore(
            snapshot.readiness, snapshot.peripheral.score, snapshot.central.score
        )
    return scores
