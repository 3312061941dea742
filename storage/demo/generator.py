"""The demo log generated from one seed: the program, the days, the lifter's workouts and
mornings, assembled into a `DemoLog`, and the log written into a repository in one write."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from storage.demo.chance import Chance
from storage.demo.lifter import bodyweights, fatigue
from storage.demo.mornings import mornings
from storage.demo.program import resolve, template_records
from storage.demo.schedule import schedule
from storage.demo.sessions import train
from storage.model.records import (
    Exercise,
    Record,
    Recovery,
    SetEntry,
    SymptomEntry,
    Template,
    Workout,
)


@dataclass
class DemoLog:
    """A generated log: records in time order, plus where its fatigue episodes are."""

    workouts: list[Workout] = field(default_factory=list)
    sets: list[SetEntry] = field(default_factory=list)
    recovery: list[Recovery] = field(default_factory=list)
    symptoms: list[SymptomEntry] = field(default_factory=list)
    templates: list[Template] = field(default_factory=list)
    # (first, last) training day of each fatigue episode, oldest first.
    episodes: list[tuple[date, date]] = field(default_factory=list)

    def records(self) -> Iterator[Record]:
        yield from self.templates
        yield from self.workouts
        yield from self.sets
        yield from self.recovery
        yield from self.symptoms


class _Importer(Protocol):
    def import_records(self, records: Iterable[Record]) -> int: ...


def write_demo(repo: _Importer, log: DemoLog) -> None:
    """Write the whole demo log into `repo` in one write."""
    repo.import_records(list(log.records()))


def generate_demo(
    end_day: date,
    *,
    weeks: int = 12,
    seed: int = 1,
    tz: str = "UTC",
    exercises: Mapping[str, Exercise],
    now: datetime | None = None,
) -> DemoLog:
    """A `weeks`-long demo log whose last day is `end_day`, deterministic for a seed.
    With `now`, nothing is dated after it."""
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    chance = Chance(seed)
    days = schedule(end_day, weeks, tz)
    program = resolve(exercises)
    templates = template_records(program, chance, days.at(0, 7 * 3600), days.first)
    bodyweight = bodyweights(days.count, chance)
    training = train(days, program, templates, bodyweight, chance)
    recovery, symptoms = mornings(days, fatigue(days), bodyweight, training.trained, chance)
    if now is not None:  # the end day's morning entries may still lie ahead
        recovery = [r for r in recovery if r.created <= now]
        symptoms = [s for s in symptoms if s.timestamp <= now]
    return DemoLog(
        workouts=training.workouts,
        sets=training.sets,
        recovery=recovery,
        symptoms=symptoms,
        templates=list(templates.values()),
        episodes=days.episodes,
    )
