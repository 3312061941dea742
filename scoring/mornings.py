"""Each day's one score over a span of days (the history screen's calendar and trends): one
timeline over the span, each day read at its point (`Timeline.point`), as home's 14-day
history and `restday status --at` read them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from scoring.assessment import day_verdict
from scoring.inputs import TrainingLog
from scoring.readiness import band
from scoring.snapshot import evaluate, readiness_history
from scoring.timeline import Timeline


@dataclass(frozen=True, slots=True)
class MorningScore:
    readiness: float | None
    peripheral: float | None
    central: float | None
    capped_band: str | None = None  # the band home and `status` say, the caps applied

    @property
    def band(self) -> str | None:
        """The day's band as home and `restday status --at` say it (the readiness's own
        band when the caps were not worked out)."""
        if self.capped_band is not None or self.readiness is None:
            return self.capped_band
        return band(self.readiness)


def morning_scores(
    log: TrainingLog, days: Iterable[date], known: datetime
) -> Iterator[tuple[date, MorningScore]]:
    """Each day's score with what was logged by `known` (now), day by day (a caller on a
    thread may give way between two); `log` must hold the 61 days before the first (see
    `storage.read.score_window.read_span`)."""
    timeline = Timeline(log)
    scored: dict[date, float | None] = {}
    for day in sorted(days):
        snapshot = evaluate(timeline, timeline.point(day, known))
        history = readiness_history(timeline, snapshot, known, scored)
        yield (
            day,
            MorningScore(
                snapshot.readiness,
                snapshot.peripheral.score,
                snapshot.central.score,
                day_verdict(timeline, snapshot, history).band,
            ),
        )
