"""The history screen's mornings scored a stretch at a time (`MorningScorer`): a stretch
stops at the next day once the screen is left or a key is answered, and its other days
are scored first when the scoring goes on."""

from __future__ import annotations

from datetime import date, timedelta

from tui.screens.history.mornings import STRETCH_DAYS, MorningScorer

LAST = date(2026, 12, 6)


class Started:
    def __init__(self) -> None:
        self.calls: list[tuple[list[date], int]] = []

    def __call__(self, days: list[date], generation: int) -> None:
        self.calls.append((days, generation))


def test_a_stretch_stopped_early_is_finished_first_when_the_scoring_goes_on() -> None:
    started = Started()
    scorer = MorningScorer(started)
    scorer.start(LAST - timedelta(days=2 * STRETCH_DAYS - 1), LAST)
    days, generation = started.calls[-1]
    assert len(days) == STRETCH_DAYS and days[-1] == LAST
    assert not scorer.stopping
    scorer.pause()  # a session opened over the screen
    assert scorer.stopping
    scorer.finished({day: "scored" for day in days[:10]}, generation)
    assert len(started.calls) == 1  # none while paused
    scorer.resume()
    rest, _ = started.calls[-1]
    assert rest == days[10:]
    scorer.finished({day: "scored" for day in rest}, generation)
    older, _ = started.calls[-1]
    assert older[-1] == days[0] - timedelta(days=1)
    assert set(scorer.scores) == set(days)


def test_a_key_answered_stops_the_stretch_until_the_keys_are_quiet() -> None:
    started = Started()
    scorer = MorningScorer(started)
    scorer.start(LAST - timedelta(days=STRETCH_DAYS - 1), LAST)
    days, generation = started.calls[-1]
    scorer.hold()
    assert scorer.stopping
    scorer.finished({days[0]: "scored"}, generation)
    assert len(started.calls) == 1
    scorer.release()
    assert started.calls[-1][0] == days[1:]
