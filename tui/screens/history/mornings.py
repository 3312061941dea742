"""The score as it stood each morning, worked out for the history screen in the background.

Ten years of mornings take a couple of seconds to score, so they are scored a stretch at a
time, newest first; a view that needs other days (an older year of the calendar, a trend
over all time) asks for them and they go to the front of the queue. Each stretch is read on
the store's thread (after the saves queued so far) and scored on a worker thread; the
scores reach the screen through `on_scored`, on the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from datetime import date, timedelta

from textual.app import App

from tui.ui_thread import UiThread

STRETCH_DAYS = 120


class MorningScorer:
    def __init__(self, app: App, on_scored: Callable[[dict[date, object]], None]) -> None:
        self.app = app
        self.on_scored = on_scored
        self.scores: dict[date, object] = {}  # scoring.mornings.MorningScore by day
        self._queue: list[list[date]] = []
        self._busy = False
        self._paused = False
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

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def done(self) -> bool:
        return not self._queue and not self._busy

    def _next(self) -> None:
        if self._busy or self._paused or not self._queue:
            return
        days = self._queue.pop(0)
        days = [d for d in days if d not in self.scores or d in self._stale]
        if not days:
            self._next()
            return
        self._busy = True
        ui = UiThread()
        generation = self._generation
        from storage.read.score_window import read_span

        try:
            read = self.app.store.after_saves(lambda repo: read_span(repo, days[0], days[-1]))
        except RuntimeError:  # the store has closed: the app is leaving
            self._queue.clear()
            return
        read.add_done_callback(lambda f: self._score(f, days, generation, ui))

    def _score(self, read: Future, days: list[date], generation: int, ui: UiThread) -> None:
        """On the store's thread: hand the scoring to a thread of its own, so that saves
        never wait for it."""

        def score() -> None:
            from scoring.mornings import morning_scores

            scores = {} if read.exception() else morning_scores(read.result(), days)
            ui.call(self._finished, scores, generation)

        threading.Thread(target=score, name="restday-mornings", daemon=True).start()

    def _finished(self, scores: dict[date, object], generation: int) -> None:
        self._busy = False
        self._paused = False
        if generation == self._generation:
            self.scores.update(scores)
            self._stale.difference_update(scores)
            if scores:
                self.on_scored(scores)
        self._next()
