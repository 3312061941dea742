"""The app's door to the log: the log as last saved, to read at once, and one writer that
saves changes in order on a thread of its own.

A key press never waits for the disk. Screens read `snapshot`, the log as the newest save
left it (`storage.log.snapshot`): no lock, no disk. A change goes to `save()`, which hands
it to the writer and returns at once; the screen has shown the change already. The writer
(`run`, on a thread worker the app starts) applies the changes one at a time in the order
they came, each under the log's lock. After each it publishes the new snapshot and posts
`LogChanged` to the app, and, if asked, a message made from the log as saved (`SetSaved`)
to whoever asked. A slow fsync delays only the changes queued behind it.

Saving a change costs one small fsynced append to the log's journal
(`storage.log.journal`); `SetSaved` comes once it is on disk. Once no change has come for
`FOLD_AFTER_IDLE_S`, the writer folds the journal into the log file (a rewrite of the
whole file: 16 MB on a ten-year log, so not between sets, whose rests are shorter), and on
close; the repository folds it sooner when it grows past `journal.fold_bytes`.

A change the log refuses for now (a full disk, a log another process holds locked or
cannot be read) is kept with every change after it, in order, and tried again every
`RETRY_EVERY_S` seconds until it is saved: the app shows `SaveFailed` until `SavesCaughtUp`.
A log that can never be written (read-only: a newer restday's) refuses a change for good.
`close()` tries once more; what it could not save is `unsaved`, each change as the text
that logs it again where it has one (`save(..., entry=...)`): the app prints it on leaving.

Given the log's path, the store reads it on the writer once the app asks (`open()`, after
its first frame); the app tells its screens `LogOpened`, or leaves with the error.
"""

from __future__ import annotations

import contextlib
import gc
import os
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual.message import Message
from textual.message_pump import MessagePump

from storage.errors import ReadOnlyLogError, StorageError
from storage.model.records import utc_now
from tui.messages import LogChanged, LogOpened, SaveFailed, SavesCaughtUp
from tui.taking_turns import collector_paused, quick_turns

if TYPE_CHECKING:  # the writer imports them once the app's first frame is on screen
    from storage.log.repository import Repository
    from storage.log.snapshot import LogSnapshot

T = TypeVar("T")
Change = Callable[["Repository"], Any]
Reply = Callable[["Repository"], Message | None]
FirstLook = Callable[["LogSnapshot", tuple[int, ...]], object]

RETRY_EVERY_S = 5
FOLLOW_EVERY_S = 0.5  # how often the writer looks for another process's changes
FOLD_AFTER_IDLE_S = 600.0


@dataclass(eq=False)
class _Job:
    """A change (None: nothing to change, only to be done after what came before), the
    future its first try settles, who wants to hear of it once it is saved, and the
    entry that makes it again (None: it has none)."""

    change: Change | None
    future: Future = field(default_factory=Future)
    reply_to: MessagePump | None = None
    reply: Reply | None = None
    entry: str | None = None


_OPEN = object()
_FOLLOW = object()
_RETRY = object()
_CLOSE = object()


class LogStore:
    def __init__(
        self,
        log: Repository | str | os.PathLike[str],
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.clock = clock
        self._jobs: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._kept: list[_Job] = []  # refused for now: tried again, in order
        self._kept_by_repo: list[_Job] = []  # in the repository's pending changes
        self._done: list[_Job] = []  # saved, not answered yet
        self._failing = False
        self._last_change = time.monotonic()
        self._waiting = 0  # changes handed over and not saved yet
        self._count = threading.Lock()
        self._post: Callable[[Message], object] = lambda _message: None
        self._first_look: FirstLook | None = None
        self._running = False
        self._stopped = threading.Event()
        self.problem: str | None = None
        """Why the last try to save failed, while changes wait (after `close()`: why they
        were not saved)."""
        self.unsaved: list[str | None] = []
        """After `close()`: the changes it could not save, in order, each as the entry that
        makes it again (None for a change that has none)."""
        self.error: BaseException | None = None
        """Why the log could not be read (e.g. `CorruptLogError`), once that is known."""
        self.repo: Repository | None = None
        """The log, for the writer's thread only."""
        self.snapshot: LogSnapshot | None = None
        """The log as the newest save left it (None until it has been read)."""
        self.recent: LogSnapshot | None = None
        """While the whole log is being read: its recent weeks, from their copy, as the
        first look got them (`open`); None once the whole log is read, or without one."""
        if isinstance(log, str | os.PathLike):
            self.path = Path(log).expanduser().absolute()
        else:
            self.repo = log
            self.path = log.path
            self.snapshot = log.snapshot()

    @property
    def ready(self) -> bool:
        """Whether the log has been read: `snapshot` holds it."""
        return self.snapshot is not None

    @property
    def pending(self) -> int:
        """Changes handed to `save()` and not saved yet."""
        return self._waiting

    # -- the UI thread's side --------------------------------------------------------------

    def open(self, first_look: FirstLook | None = None) -> None:
        """Read the log on the writer now, ahead of any change (the app calls this once its
        first frame is on screen). With `first_look`, the writer first hands it the log's
        recent weeks from their copy, if it is current (`storage.log.recent_copy`), with
        the stamp of the log they are of: a ten-year log takes a while longer to read."""
        self._first_look = first_look
        self._jobs.put(_OPEN)

    def save(
        self,
        change: Callable[[Repository], T],
        *,
        reply_to: MessagePump | None = None,
        reply: Reply | None = None,
        entry: str | None = None,
    ) -> Future[T]:
        """Hand `change` to the writer and return at once. Once it is saved, `reply` makes
        a message from the log as saved, posted to `reply_to`; a change refused for good is
        reported to `reply_to` (else to the app) as `SaveFailed`. The future settles with
        its first try. `entry` is what a user types to make the change again (a set:
        `storage.entry.set_line.typed_set`), should it never be saved."""
        job = _Job(change, reply_to=reply_to, reply=reply, entry=entry)
        with self._count:
            self._waiting += 1
        self._jobs.put(job)
        return job.future

    def follow(self) -> None:
        """Look for another process's changes now (rather than within `FOLLOW_EVERY_S`):
        a `LogChanged` follows if there were any."""
        self._jobs.put(_FOLLOW)

    def flushed(self) -> Future[None]:
        """Settles once every change handed over so far has been tried."""
        job = _Job(None)
        self._jobs.put(job)
        return job.future

    def close(self) -> None:
        """Save what is waiting (one last try: a held lock keeps it `LOCK_WAIT_S` at
        most), copy the recent weeks for `restday status`, release the log. What could not
        be saved is then in `unsaved`, and why in `problem`."""
        if self._running:
            self._jobs.put(_CLOSE)
            self._stopped.wait()
        else:
            self._finish()

    # -- the writer's side -----------------------------------------------------------------

    def run(self, post: Callable[[Message], object]) -> None:
        """The writer: apply what comes, in order, until `close()`. `post` sends a message
        to the app from this thread."""
        self._post = post
        self._running = True
        try:
            while (job := self._next()) is not _CLOSE:
                try:
                    self._do(job)
                except Exception as error:  # noqa: BLE001 - a bug: say so, go on writing
                    if isinstance(job, _Job):
                        _settle(job.future, error=error)
                    self._post(SaveFailed(f"unexpected {type(error).__name__}: {error}", False))
        finally:
            self._finish()
            self._drain()
            self._stopped.set()

    def _drain(self) -> None:
        """The writer has stopped: whoever waits for a change queued after it, hears so,
        and the change is told among the unsaved."""
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            if isinstance(job, _Job):
                _settle(job.future, error=RuntimeError("the log's writer has stopped"))
                if job.change is not None:
                    self.unsaved.append(job.entry)

    def _next(self) -> object:
        try:
            return self._jobs.get(timeout=RETRY_EVERY_S if self._failing else FOLLOW_EVERY_S)
        except queue.Empty:
            return _RETRY if self._failing else _FOLLOW

    def _do(self, job: object) -> None:
        if job is _RETRY:
            self._retry()
            return
        if job is _FOLLOW:
            self._follow()
            return
        repo = self._open()
        if job is _OPEN:
            return
        assert isinstance(job, _Job)
        self._last_change = time.monotonic()
        if repo is None:
            assert self.error is not None
            job.future.set_exception(self.error)
            return
        if job.change is None:
            job.future.set_result(None)
        elif self._kept:
            self._kept.append(job)  # behind a change refused for now: in its turn
            self._retry()
        elif self._try(job):
            self._saved()

    def _follow(self) -> None:
        """Another process's changes, if any: published as a new snapshot. A log that can't
        be read now (being replaced, mangled) is looked at again next time; the screens keep
        the last snapshot, and a change to save says what is wrong."""
        if self.repo is None:
            return
        try:
            changed = self.repo.refresh()
        except StorageError:
            return
        if changed:
            self._publish()
        if self.repo.journalled and time.monotonic() - self._last_change >= FOLD_AFTER_IDLE_S:
            self._fold()

    def _fold(self) -> None:
        """Fold the journal into the log file while nothing is being typed. The log holds
        the same after it: the new snapshot is taken quietly (its stamp is new)."""
        assert self.repo is not None
        try:
            self.repo.fold()
            self.snapshot = self.repo.snapshot()
        except StorageError:
            self._last_change = time.monotonic()  # the changes are safe in the journal

    def _open(self) -> Repository | None:
        if self.repo is None and self.error is None:
            try:
                self._look_first()
            finally:  # a first look that failed (a bug) is told after the log is read
                self._read_log()
        return self.repo

    def _read_log(self) -> None:
        from storage.log.repository import Repository

        try:
            # The keys typed meanwhile are answered as they come.
            with quick_turns(), collector_paused():
                self.repo = Repository(self.path, clock=self.clock)
                self.snapshot = self.repo.snapshot()
            self.recent = None
            # The log's documents live as long as the app: out of the cyclic collector's
            # sight, its full passes (tens of ms on a ten-year log, in whichever key they
            # fall) stay short.
            gc.freeze()
        except BaseException as error:  # noqa: BLE001 - the app says why and leaves
            self.error = error
        self._post(LogOpened())

    def _look_first(self) -> None:
        look, self._first_look = self._first_look, None
        if look is None:
            return
        from storage.log.recent_copy import read_recent

        try:
            recent = read_recent(self.path, clock=self.clock)
        except StorageError:
            return  # no copy to read: the whole log is read next
        if recent is not None:
            self.recent = recent[0]
            look(*recent)

    def _try(self, job: _Job) -> bool:
        """Apply one change; False if it is kept to be tried again."""
        from storage.log.repository import SaveFailedError

        assert self.repo is not None and job.change is not None
        try:
            result = job.change(self.repo)
        except SaveFailedError as error:
            self._kept_by_repo.append(job)  # saved with the next change that is saved
            self._fail(job, error)
            return False
        except ReadOnlyLogError as error:  # never to be saved: refused for good, below
            return self._refuse(job, error)
        except StorageError as error:
            self._kept.append(job)
            self._fail(job, error)
            return False
        except Exception as error:  # noqa: BLE001 - refused for good: the screen says why
            return self._refuse(job, error)
        _settle(job.future, result=result)
        self._done.append(job)
        return True

    def _refuse(self, job: _Job, error: Exception) -> bool:
        self._count_saved(1)
        _settle(job.future, error=error)
        self._publish()  # the log as the refusal found it: what the screen shows next
        refused = SaveFailed(str(error), kept=False)
        if job.reply_to is not None:
            _post_to(job.reply_to, refused)
        else:
            self._post(refused)
        return True

    def _fail(self, job: _Job, error: StorageError) -> None:
        _settle(job.future, error=error)
        self._failing = True
        self.problem = str(error)
        self._post(SaveFailed(str(error), kept=True))

    def _retry(self) -> None:
        assert self.repo is not None
        kept, self._kept = self._kept, []
        for index, job in enumerate(kept):
            if not self._try(job):
                self._kept.extend(kept[index + 1 :])
                break
        else:
            if self.repo.pending:
                try:
                    self.repo.flush()
                except StorageError as error:
                    self.problem = str(error)
                    self._post(SaveFailed(str(error), kept=True))
        self._saved()

    def _saved(self) -> None:
        """Publish the log as saved, then answer every change that is now in it: those
        just saved and, with nothing refused left, every one that was waiting."""
        assert self.repo is not None
        done, self._done = self._done, []
        caught_up = False
        if not self._kept and not self.repo.pending:
            done += self._kept_by_repo
            self._kept_by_repo = []
            caught_up, self._failing = self._failing, False
            self.problem = None
        # Counted before LogChanged is posted: a screen that hears of the log as saved
        # knows then whether anything of its own is still on its way.
        changed = self._new_snapshot()
        self._count_saved(len(done))
        if changed:
            self._post(LogChanged())
        for job in done:
            if job.reply is not None and job.reply_to is not None:
                message = job.reply(self.repo)
                if message is not None:
                    _post_to(job.reply_to, message)
        if caught_up:
            self._post(SavesCaughtUp())
            for refused in self.repo.take_refused():  # after it: the last word on them
                self._post(SaveFailed(str(refused), kept=False))

    def _count_saved(self, count: int) -> None:
        with self._count:
            self._waiting -= count

    def _publish(self) -> None:
        """Make the log as saved the one screens read, and tell the app if it changed."""
        if self._new_snapshot():
            self._post(LogChanged())

    def _new_snapshot(self) -> bool:
        """Make the log as saved the one screens read; whether it changed."""
        assert self.repo is not None
        try:
            snapshot = self.repo.snapshot()
        except StorageError:
            return False  # the log cannot be read for now: screens keep the last one read
        if self.snapshot is not None and snapshot.stamp == self.snapshot.stamp:
            return False
        self.snapshot = snapshot
        return True

    def _finish(self) -> None:
        if self.repo is None:  # never read, or it could not be: nothing to save
            return
        from storage.log.recent_copy import write_recent

        try:
            if self._kept or self.repo.pending:
                self._retry()
            if not self._kept and not self.repo.pending:
                write_recent(self.repo)  # for `restday status` in the next login banner
        except Exception as error:  # noqa: BLE001 - a bug: what is unsaved is still told
            self.problem = f"unexpected {type(error).__name__}: {error}"
        finally:
            self.repo.close()
            if self._kept or self.repo.pending:
                self.unsaved = [job.entry for job in self._kept_by_repo + self._kept]


def _settle(future: Future, *, result: object = None, error: BaseException | None = None) -> None:
    if future.done():  # settled by its first try: a retry only saves it
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


def _post_to(node: MessagePump, message: Message) -> None:
    with contextlib.suppress(RuntimeError):  # the app's loop has closed
        node.post_message(message)
