"""The scanner the recovery and symptom lines share (`recovery_line`, `symptom_line`).

Both are a list of items separated by spaces, in any order, each a key and its value; the
space between them may be left out (``q4``, ``bw81.2``). Keys are case-insensitive, a key
may be given once, and ``n`` or ``note`` takes the rest of the line as a note.
`LineItems` walks a line item by item, `ItemValue` reads an item's value. Errors are
`WellnessEntryError`, one line naming the bad item and saying what is accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storage.entry.set_line import EntryError, quote

MAX_LENGTH = 500
_SPACE = re.compile(r"\s*")
_WORD = re.compile(r"[A-Za-z][A-Za-z_]*")
_TOKEN = re.compile(r"\S+")
_WHOLE = re.compile(r"[0-9]+")
_SIGNED_WHOLE = re.compile(r"[+-]?[0-9]+")
_NOTE_KEYS = ("n", "note")


class WellnessEntryError(EntryError):
    """A recovery or symptom line that can't be logged; ``str(e)`` is one line."""


class LineItems:
    """Walks a line item by item. `next()` gives where the next item starts, its key word
    (a match, or None) and the key in lower case; a note takes the rest of the line into
    `notes` and ends the walk. The caller moves `pos` past the value it reads."""

    def __init__(self, text: str, example: str) -> None:
        """Refuses a line that is empty or too long, the message ending in `example`."""
        text = text.strip()
        if not text:
            raise WellnessEntryError(f"nothing to log: {example}")
        if len(text) > MAX_LENGTH:
            raise WellnessEntryError(
                f"entry too long ({len(text)} characters, at most {MAX_LENGTH}): {example}"
            )
        self.text = text
        self.pos = 0
        self.notes: str | None = None
        self._seen: set[str] = set()

    def next(self) -> tuple[int, re.Match[str] | None, str] | None:
        text = self.text
        pos = self.pos = _SPACE.match(text, self.pos).end()
        if pos == len(text):
            return None
        word = _WORD.match(text, pos)
        key = word.group().lower() if word else ""
        if key in _NOTE_KEYS:
            note = text[word.end() :].strip()
            if not note:
                raise WellnessEntryError(
                    f"{key} needs text: the rest of the line is the note, e.g. n slept badly"
                )
            self.notes = note
            return None
        return pos, word, key

    def token_at(self, pos: int) -> str:
        """What is typed at `pos`, up to the next space."""
        return _TOKEN.match(self.text, pos).group()

    def value_after(self, end: int) -> re.Match[str] | None:
        """The value typed after `end` (spaces skipped): up to the next space."""
        return _TOKEN.match(self.text, _SPACE.match(self.text, end).end())

    def word_after(self, end: int) -> re.Match[str] | None:
        """The word typed after `end` (spaces skipped), if a word is next."""
        return _WORD.match(self.text, _SPACE.match(self.text, end).end())

    def once(self, name: str, label: str, token: str) -> None:
        """Refuse an item given twice."""
        if name in self._seen:
            raise WellnessEntryError(
                f"{label} given twice (again in {quote(token)}): give each item once"
            )
        self._seen.add(name)


@dataclass(frozen=True)
class ItemValue:
    """One item's value as typed, read into a number; refused with a message naming the
    item and saying what its key accepts."""

    key: str
    raw: str  # the value
    token: str  # the item: its key and value as typed
    accepted: str  # what the key accepts, e.g. "stress is a whole number 1-5, e.g. st2"

    def read(self, *patterns: re.Pattern[str]) -> re.Match[str]:
        """The first of `patterns` the value matches in full; refused if none does."""
        for pattern in patterns:
            if m := pattern.fullmatch(self.raw):
                return m
        raise WellnessEntryError(f"can't read {quote(self.token)}: {self.accepted}")

    def out_of_range(self, what: str | None = None) -> WellnessEntryError:
        """The error for a value read but out of range; `what` (default `accepted`) says
        what the range is."""
        shown = quote(self.raw, 20)[1:-1]
        return WellnessEntryError(f"{self.key} {shown} is out of range: {what or self.accepted}")

    def within(self, number: float, low: float, high: float) -> float:
        """`number` (read from the value) if it is from `low` to `high`."""
        if not low <= number <= high:
            raise self.out_of_range()
        return number

    def whole(self, low: int, high: int, what: str | None = None, signed: bool = False) -> int:
        """The value as a whole number from `low` to `high`; `what` as in `out_of_range`."""
        self.read(_SIGNED_WHOLE if signed else _WHOLE)
        digits = self.raw.lstrip("+-").lstrip("0")
        # More than 6 digits is out of every range; int() of a huge string is slow or refused.
        if len(digits) > 6 or not low <= int(self.raw) <= high:
            raise self.out_of_range(what)
        return int(self.raw)
