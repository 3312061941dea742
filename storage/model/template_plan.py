"""A template's plan made from sets that were done: what "save as template" keeps of a
workout (in progress, finished, or any in history)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from storage.model.records import SetEntry, TemplateItem

NOTHING_TO_PLAN = "no working sets (warm-ups are left out)"


def plan_of_sets(sets: Iterable[SetEntry]) -> list[TemplateItem]:
    """The exercises in the order first done, each with its working sets (not warm-ups),
    their most common reps (the first of equals) and their highest RPE."""
    working: dict[str, list[SetEntry]] = {}
    for entry in sets:
        if not entry.warmup:
            working.setdefault(entry.exercise, []).append(entry)
    items = []
    for exercise, done in working.items():
        rpes = [s.rpe for s in done if s.rpe is not None]
        items.append(
            TemplateItem(
                exercise=exercise,
                sets=min(len(done), 20),
                reps=Counter(s.reps for s in done).most_common(1)[0][0],
                rpe=max(rpes) if rpes else None,
            )
        )
    return items
