"""What the app's parts tell each other: the messages the log's writer, the background
workers and the app post, in one place.

The writer (`tui.log_store`) posts from its own thread; `post_message` is thread-safe, and
each message is handled on the UI thread by whoever it was posted to (`@on(...)`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from storage.model.records import SetEntry
    from storage.read.history_index import HistoryIndex, SessionSummary
    from storage.read.readiness import ReadinessView


@dataclass
class LogOpened(Message, bubble=False):
    """The log has been read: `app.store.snapshot` holds it. Posted by the app to each
    screen; a screen that mounted before shows "reading your log…" until then."""


@dataclass
class LogChanged(Message, bubble=False):
    """A change was saved, or another process changed the log: `app.store.snapshot` holds
    the log now. While `app.store.pending` is 0 it holds everything the screens have
    shown; until then a screen's own changes on their way are newer than it."""


@dataclass
class SaveFailed(Message, bubble=False):
    """A change could not be saved. `kept`: it is kept and tried again every few seconds
    until it is saved (the disk is full, the log is read-only); otherwise it was refused
    for good and `problem` says why."""

    problem: str
    kept: bool


@dataclass
class SavesCaughtUp(Message, bubble=False):
    """Everything that was waiting after a failed save has now been saved."""


@dataclass
class SetSaved(Message, bubble=False):
    """A set as the log stored it: numbered and timed under the lock, which another
    writer may have reached first."""

    entry: SetEntry


@dataclass
class WorkoutFinished(Message, bubble=False):
    """A workout as the log holds it once its finish is saved: with every set logged to
    it, by any process."""

    summary: SessionSummary


@dataclass
class StoredOtherwise(Message, bubble=False):
    """A change was saved merged with another copy's changes: the log holds more than the
    screen that made it shows, so it shows the log as stored."""


@dataclass
class ScoreReady(Message, bubble=False):
    """Today's readiness, worked out in the background from the log stamped `stamp`;
    `shown`, if any, is set once it is on screen."""

    view: ReadinessView
    stamp: tuple[int, ...] | None
    shown: threading.Event | None = None


@dataclass
class HistoryBuilt(Message, bubble=False):
    """The log aggregated for the history screen, from the snapshot stamped `stamp`."""

    stamp: Any
    index: HistoryIndex
    names: dict[str, str]
    kinds: dict[str, str]
    unit: str


@dataclass
class MorningsScored(Message, bubble=False):
    """The score as it stood on each of these mornings (`scoring.mornings.MorningScore` by
    day); `generation` says which run of the scorer asked for them."""

    scores: dict[date, Any]
    generation: int
