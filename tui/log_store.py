"""The app's door to the log: reads on the UI thread, saves on one background thread.

A key press never waits for the disk: the screen shows the change at once and hands the
save to `save()`. The repository is not thread-safe, so every call into it, read or save,
holds one lock; saves run in order on a single thread. A save that fails stays queued in
the repository and is retried (`retry()`), so nothing typed is lost.

The store can also be given the log's path: then the log is parsed on the save thread
(`open()`, which the app calls once its first frame is on screen), saves queue behind
that, and `ready` says whether it is done. The app posts `LogReady` to its screens then.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from textual.message import Message

from storage.log.repository import Repository

T = TypeVar("T")


class LogReady(Message, bubble=False):
    """Posted by the app to its screens once the log has been read (`app.store.ready`).

    A screen that mounts before then shows "loading" and loads in `on_log_ready`; one that
    mounts after finds `app.store.ready` true. Loading should not mind running twice."""


class LogStore:
    def __init__(self, repo: Repository | str | os.PathLike[str]) -> None:
        self._lock = threading.RLock()
        self._saver = ThreadPoolExecutor(max_workers=1, thread_name_prefix="restday-save")
        self._opened: Future[Repository] | None = None
        self.repo: Repository | None = None
        if isinstance(repo, Repository):
            self.repo = repo
            self.path = repo.path
            self._opened = Future()
            self._opened.set_result(repo)
        else:
            self.path = Path(repo).expanduser().absolute()

    @property
    def ready(self) -> bool:
        """Whether the log has been read; until then `read()` waits for it."""
        return self.repo is not None

    @property
    def error(self) -> BaseException | None:
        """Why the log could not be opened (e.g. `CorruptLogError`), once that is known."""
        opened = self._opened
        return opened.exception() if opened is not None and opened.done() else None

    def open(self) -> Future[Repository]:
        """Start reading the log on the save thread (once); the future holds the repository
        or the error. Saves queue behind it."""
        if self._opened is None:
            self._opened = self._saver.submit(self._open)
        return self._opened

    def _open(self) -> Repository:
        repo = Repository(self.path)
        with self._lock:
            self.repo = repo
        return repo

    def _repo(self) -> Repository:
        if self.repo is None:
            return self.open().result()  # raises the open error
        return self.repo

    def read(self, query: Callable[[Repository], T]) -> T:
        """Run `query` now; before the log is ready this waits for it to be read."""
        repo = self._repo()
        with self._lock:
            return query(repo)

    def save(self, change: Callable[[Repository], T]) -> Future[T]:
        """Run `change` on the save thread; the future holds its result or its error."""

        self.open()  # a save waits for the log to be read: it runs on the same thread

        def run() -> T:
            repo = self._repo()
            with self._lock:
                return change(repo)

        return self._saver.submit(run)

    def after_saves(self, query: Callable[[Repository], T]) -> Future[T]:
        """Run `query` on the save thread once every save queued so far has run, so that
        it reads what the user has just logged; the UI thread does not wait for it."""
        return self.save(query)

    def retry(self) -> Future[None]:
        return self.save(lambda repo: repo.flush())

    @property
    def pending(self) -> int:
        with self._lock:
            return 0 if self.repo is None else self.repo.pending

    def close(self) -> None:
        """Finish queued saves, try once more to save what is pending, release the log."""
        self._saver.shutdown(wait=True)
        with self._lock:
            if self.repo is None:  # never opened, or it could not be read: nothing to save
                return
            try:
                self.repo.flush()
                from storage.log.recent_copy import write_recent

                write_recent(self.repo)  # for `restday status` in the next login banner
            finally:
                self.repo.close()
