"""The symptom screen's day, as plain state (no Textual): today's entries, the newest one
before today, what was trained lately, the entry being edited, and the entries deleted
that `u` brings back.

The entry being edited starts as a draft: a copy of the newest entry with a new id and no
note, so an unchanged day is logged with Enter alone. Its first change logs it as new, at
that moment; later changes replace it, until another draft is started.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from storage.errors import ValidationError
from storage.log.reader import LogReader
from storage.model.days import day_of
from storage.model.records import SymptomEntry, new_id
from storage.model.symptom_scales import MOST_SORE, SCALE_BY_FIELD, SCALES
from storage.model.validation import check_symptoms
from tui.format.muscles import MUSCLE_LABELS

TRAINED_DAYS = 3  # muscles trained today and the two days before are marked
COUNTS_FOR = timedelta(hours=24)  # how long an entry counts for the score
TEN_WITHIN_S = 1.0  # "1" then "0" this quickly sets 10


def day_name(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def is_empty(entry: SymptomEntry) -> bool:
    return (
        all(getattr(entry, scale.field) is None for scale in SCALES)
        and not entry.soreness
        and not entry.notes
    )


def new_draft(base: SymptomEntry | None, now: datetime) -> SymptomEntry:
    """A new entry starting from `base`: its values, a new id, this moment, no note."""
    if base is None:
        return SymptomEntry(timestamp=now)
    return replace(base, id=new_id(), created=None, updated=None, day=None, timestamp=now, notes="")


class SymptomDay:
    def __init__(self) -> None:
        self.entry: SymptomEntry | None = None  # the entry being edited; None until read
        self.in_log = False  # `entry` has been saved: changes replace it
        self.based_on: SymptomEntry | None = None  # what a new entry was copied from
        self.today = date.min
        self.todays: list[SymptomEntry] = []  # today's entries, oldest first
        self.previous: SymptomEntry | None = None  # the newest entry before today
        self.trained: dict[str, date] = {}  # muscle -> the day it was last trained
        self.timezone = "UTC"  # the log's, for days and times
        self.zone = UTC
        self.rollover_hour = 4
        self.deleted: list[SymptomEntry] = []  # what `u` brings back, last first
        self._last_digit: tuple[str, int, float] | None = None  # (field or muscle, digit, when)

    def read(self, log: LogReader, now: datetime) -> None:
        """Today's entries, the one before and what was trained; a new draft."""
        self.today = log.today()
        self.timezone = log.timezone
        self.rollover_hour = log.settings().rollover_hour
        self.todays = log.symptoms(self.today, self.today)
        earlier = log.symptoms(until=self.today - timedelta(days=1))
        self.previous = earlier[-1] if earlier else None
        self.read_trained(log)
        self.zone = ZoneInfo(self.timezone)
        self.deleted = []
        self.start_new(self.newest(), now)

    def follow(self, log: LogReader, now: datetime) -> bool:
        """Take in the log as another process left it: today's entries, the one before,
        what was trained; the entry being edited as stored (gone: a new draft), a draft
        from the newest entry (a draft is unchanged: its first change saves it). True if
        anything changed."""
        before = (self.todays, self.previous, self.trained, self.entry)
        self.todays = log.symptoms(self.today, self.today)
        earlier = log.symptoms(until=self.today - timedelta(days=1))
        self.previous = earlier[-1] if earlier else None
        self.read_trained(log)
        if self.in_log:
            stored = next((e for e in self.todays if e.id == self.entry.id), None)
            if stored is None:
                self.start_new(self.newest(), now)
            else:
                self.entry = stored
        elif self.newest() != self.based_on:
            self.start_new(self.newest(), now)
        return (self.todays, self.previous, self.trained, self.entry) != before

    def read_trained(self, log: LogReader) -> bool:
        """What was trained lately, as `log` has it; True if that changed."""
        trained = log.muscles_trained(self.today - timedelta(days=TRAINED_DAYS - 1), self.today)
        changed, self.trained = trained != self.trained, trained
        return changed

    # -- days and times --------------------------------------------------------------------

    def day_of(self, moment: datetime) -> date:
        return day_of(moment, self.timezone, self.rollover_hour)

    def clock_time(self, moment: datetime) -> str:
        return moment.astimezone(self.zone).strftime("%H:%M")

    def when(self, entry: SymptomEntry) -> str:
        """'today 07:12', 'yesterday 08:37' or 'Sun 22 Nov 08:36'."""
        day = self.day_of(entry.timestamp)
        if day == self.today:
            name = "today"
        elif day == self.today - timedelta(days=1):
            name = "yesterday"
        else:
            name = day_name(day)
        return f"{name} {self.clock_time(entry.timestamp)}"

    def newest(self) -> SymptomEntry | None:
        entries = [*self.todays, *([self.previous] if self.previous else [])]
        return max(entries, key=lambda e: e.timestamp, default=None)

    def counting(self, now: datetime) -> SymptomEntry | None:
        """The entry that counts for the score at `now`: the newest, if within 24 h."""
        newest = self.newest()
        if newest is None or now - newest.timestamp > COUNTS_FOR:
            return None
        return newest

    # -- the entry being edited ------------------------------------------------------------

    def start_new(self, base: SymptomEntry | None, now: datetime) -> None:
        """A draft from `base` (an entry, or None for an empty one) to edit."""
        self.based_on = base
        self.in_log = False
        self.entry = new_draft(base, now.replace(microsecond=0))

    def edit(self, entry: SymptomEntry) -> None:
        """Edit one of today's entries: changes replace it."""
        self.entry, self.in_log, self.based_on = entry, True, None

    def commit(self, entry: SymptomEntry, now: datetime) -> bool:
        """Make `entry` the one edited, to be saved: its first change logs it as new, at
        `now`; later ones replace it. True for the first. Raises ValidationError, changing
        nothing."""
        check_symptoms(entry)
        first = not self.in_log
        if first:
            now = now.replace(microsecond=0)
            entry = replace(entry, timestamp=now, created=now)
        entry = replace(entry, day=self.day_of(entry.timestamp))
        self.entry, self.in_log = entry, True
        self._put(entry)
        return first

    def digit(self, target: str, digit: int, now: float) -> int:
        """The value a digit key pressed at `now` (seconds, monotonic) sets `target` (a
        scale's field or a muscle) to: the digit, or 10 for "1" then "0" within a second."""
        last, self._last_digit = self._last_digit, (target, digit, now)
        if digit == 0 and last and last[:2] == (target, 1) and now - last[2] <= TEN_WITHIN_S:
            self._last_digit = None
            return MOST_SORE
        return digit

    def stepped(self, muscle: str, step: int) -> int:
        """`muscle`'s soreness moved by `step` (not rated counts as 0), kept within 0-10."""
        return min(max(self.entry.soreness.get(muscle, 0) + step, 0), MOST_SORE)

    def with_value(self, target: str, value: int | None) -> tuple[SymptomEntry, str]:
        """The entry with a scale (by field) or a muscle's soreness set to `value` (None
        clears it), and what changed in words. Raises ValidationError for a value out of
        the scale's range."""
        scale = SCALE_BY_FIELD.get(target)
        if scale is not None:
            if value is not None and not scale.low <= value <= scale.high:
                raise ValidationError(f"{scale.accepted}: press {scale.low}-{scale.high}")
            entry = replace(self.entry, **{target: value})
            label = target
        else:
            soreness = dict(self.entry.soreness)
            if value is None:
                soreness.pop(target, None)
            else:
                soreness[target] = value
            entry = replace(self.entry, soreness=soreness)
            label = MUSCLE_LABELS[target]
        return entry, f"{label} {'cleared' if value is None else value}"

    # -- today's entries -------------------------------------------------------------------

    def _put(self, entry: SymptomEntry) -> None:
        """Show `entry` in today's list (in place, if there) if it is today's."""
        others = [e for e in self.todays if e.id != entry.id]
        if entry.day == self.today:
            others.append(entry)
        self.todays = sorted(others, key=lambda e: e.timestamp)

    def delete(self, entry: SymptomEntry, now: datetime) -> None:
        """Take one of today's entries off the list, for `u` to bring back; editing it (or
        a draft), start a new draft from the newest left."""
        self.todays = [e for e in self.todays if e.id != entry.id]
        self.deleted.append(entry)
        if not self.in_log or self.entry.id == entry.id:
            self.start_new(self.newest(), now)

    def restore(self, now: datetime) -> SymptomEntry:
        """Bring back the entry deleted last; a draft starts again from the newest."""
        entry = self.deleted.pop()
        self._put(entry)
        if not self.in_log:
            self.start_new(self.newest(), now)
        return entry
