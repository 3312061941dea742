"""The recovery screen's days, as plain state (no Textual): the days it has read from the
log, each with the latest bodyweight before it, its own changes to them (shown before
their background save has run), the day on show, and what `u` undoes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from storage.log.reader import LogReader
from storage.log.repository import Repository
from storage.model.records import Recovery, Settings
from storage.model.recovery_targets import Target, recovery_targets
from storage.model.validation import check_recovery


@dataclass(frozen=True)
class Undo:
    """A change made on the screen, to undo: the day, its entry before (None: none) and
    after."""

    day: date
    before: Recovery | None
    after: Recovery

    def in_log(self, repo: Repository) -> None:
        """Take the change back in the log: its own fields only, so what another copy of
        restday logged on the day meanwhile stays (`Repository.undo_recovery`)."""
        repo.undo_recovery(self.day, self.after, self.before)


class RecoveryDays:
    def __init__(self) -> None:
        self.settings = Settings()
        self.today: date | None = None
        self.day: date | None = None  # on show; None until the log is read
        self.entries: dict[date, Recovery | None] = {}
        # The latest bodyweight logged before each day read: (that day, kg).
        self.earlier_bodyweights: dict[date, tuple[date, float] | None] = {}
        self.undo_stack: list[Undo] = []

    def read(self, log: LogReader) -> None:
        """Start again from `log` as saved, on the day on show (today at first)."""
        self.settings, self.today = log.settings(), log.today()
        self.entries.clear()
        self.earlier_bodyweights.clear()
        self.show(self.day or self.today, log)

    def show(self, day: date, log: LogReader) -> None:
        """Put `day` on show, reading it from `log` unless it has been read already."""
        self.day = day
        if day not in self.entries:
            self.entries[day] = log.recovery(day)
            self.earlier_bodyweights[day] = log.latest_bodyweight(day - timedelta(days=1))

    @property
    def unit(self) -> str:
        return self.settings.unit

    @property
    def entry(self) -> Recovery | None:
        """The day's entry; None while nothing is logged on it."""
        return self.entries.get(self.day)

    @property
    def entry_or_empty(self) -> Recovery:
        return self.entry or Recovery(day=self.day)

    @property
    def earlier_bodyweight(self) -> tuple[date, float] | None:
        """The latest bodyweight logged before the day: (that day, kg)."""
        return self.earlier_bodyweights.get(self.day)

    def bodyweight(self) -> float | None:
        """The day's bodyweight, or the latest logged before it (kg)."""
        entry, earlier = self.entry, self.earlier_bodyweight
        if entry is not None and entry.bodyweight_kg is not None:
            return entry.bodyweight_kg
        return None if earlier is None else earlier[1]

    def targets(self) -> dict[str, Target]:
        return recovery_targets(self.settings, self.bodyweight())

    def change(self, edit: Callable[[Recovery], Recovery]) -> Recovery:
        """Apply `edit` to the day on show and keep it to undo. Raises ValidationError,
        before anything changes, if the result is not a valid day."""
        day, before = self.day, self.entry
        after = edit(before or Recovery(day=day))
        check_recovery(after)
        self.entries[day] = after
        self.undo_stack.append(Undo(day, before, after))
        return after

    def undo(self) -> Undo:
        """Put back the day the last change changed (the caller shows it and saves it)."""
        undo = self.undo_stack.pop()
        self.entries[undo.day] = undo.before
        return undo
