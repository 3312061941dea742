"""The score as it stood each morning, for the history screen: which mornings to score
next, and the scores found.

Ten years of mornings take a couple of seconds to score, so they are scored a stretch at a
time, newest first; a view that needs other days (an older year of the calendar, a trend
over all time) asks for them and they go to the front of the queue. This is plain state:
the screen scores each stretch on a worker (`score(days, generation)`) and hands the scores
back (`finished`), and pauses the scoring while it is not on show.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta

STRETCH_DAYS = 120


class MorningScorer:
    def __init__(self, score: Callable[[list[date], int], None]) -> None:
        """`score(days, generation)` starts scoring `days` in the background; the scores
        come back through `finished(scores, generation)`, all of them or those scored
        before the scoring stopped (`stopping`)."""
        self._score = score
        self.scores: dict[date, object] = {}  # scoring.mornings.MorningScore by day
        self._queue: list[list[date]] = []
        self._busy = False
        self._scoring: list[date] = []  # the stretch being scored
        self._paused = False
        self._held = False  # keys are being answered
        self._stale: set[date] = set()  # scored before the log changed
        self._generation = 0

    def start(self, first: date, last: date) -> None:
        """Score every morning from `first` to `last`, newest first. Scores already found
        stay on show until the new ones replace them (the log has changed)."""
        self._generation += 1
        self._queue = []
        day = last
        while day >= first:
            begin = max(first, day - timedelta(days=STRETCH_DAYS - 1))
            self._queue.append([begin + timedelta(days=k) for k in range((day - begin).days + 1)])
            day = begin - timedelta(days=1)
        self._stale = set(self.scores)
        self._next()

    def want(self, days: Iterable[date]) -> None:
        """Score these days next, unless they are scored already."""
        missing = sorted(d for d in days if d not in self.scores or d in self._stale)
        if missing:
            self._queue.insert(0, missing)
            self._next()

    def pause(self) -> None:
        """Score no more stretches until `resume` (the screen is not on show: the keys of
        the one that is should not share the interpreter with the scoring)."""
        self._paused = True

    def resume(self) -> None:
        self._paused = False
        self._next()

    def hold(self) -> None:
        """Start no stretch until `release`: a key is being answered, and a stretch scored
        meanwhile would take turns with it for the interpreter."""
        self._held = True

    def release(self) -> None:
        self._held = False
        self._next()

    @property
    def held(self) -> bool:
        return self._held

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def stopping(self) -> bool:
        """Whether the stretch being scored should stop at the next day (the screen is
        not on show, or a key is being answered): its other days are scored later."""
        return self._paused or self._held

    @property
    def done(self) -> bool:
        return not self._queue and not self._busy

    def finished(self, scores: dict[date, object], generation: int) -> dict[date, object]:
        """A stretch has been scored: keep its scores (unless the log changed meanwhile)
        and start the next one. Returns the scores that are new on show."""
        self._busy = False
        found: dict[date, object] = {}
        if generation == self._generation:
            self.scores.update(scores)
            self._stale.difference_update(scores)
            found = scores
            rest = [day for day in self._scoring if day not in scores]
            if rest:  # stopped early
                self._queue.insert(0, rest)
        self._next()
        return found

    def _next(self) -> None:
        if self._busy or self._paused or self._held or not self._queue:
            return
        days = self._queue.pop(0)
        days = [d for d in days if d not in self.scores or d in self._stale]
        if not days:
            self._next()
            return
        self._busy = True
        self._scoring = days
        self._score(days, self._generation)
