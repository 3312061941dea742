"""`RecentStorage`: the log read from its recent copy with the journal applied (a few
weeks, not years), for a change that only adds to the journal: `restday log` on a
ten-year log without parsing its 16 MB.

The copy (`recent_copy`) is taken only if restday wrote it as it is, of the log file as
it is now (inode, mtime, size), the log as it is now was checked (`schema.known_good`),
and the journal is not due to be folded; else `NotRecentError`, before anything is
written, and the caller reads the whole log instead. The same checks are made again
under the lock when a change is saved (`AtomicJSONStorage.batch` reads the log anew if
another writer changed it), so a fold by another process between them is seen.

It holds what `restday log` reads of a day (`holds`): the copy's days, and any later day
when the log file held no record after them (its records are all in the journal), as long
as the bodyweight before the copy's weeks still stands (the latest as of a day may be
older than the copy's first: it is the one the copy holds).

What it holds is part of the log, so it never writes the log file: a change it saves is
a line appended to the journal (whole documents by key, as any writer's), and the fold,
a rewrite, a whole write all raise `NotRecentError`; the journal is folded by the next
writer of the whole log. A new document's key is above every key of its table in the log
file when the copy was made (`key_floor`: the copy records them) and in the journal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from storage.errors import StorageError
from storage.log import journal, schema
from storage.log.atomic_json import AtomicJSONStorage, Tables
from storage.log.recent_copy import read_copy
from storage.model.records import Recovery


class NotRecentError(StorageError):
    """The recent copy is not of the log as it is now, or does not hold what a change
    reads: nothing was written; read the whole log instead."""


class RecentStorage(AtomicJSONStorage):
    """A TinyDB storage over the log's recent copy and journal: `Repository(path,
    storage=RecentStorage)`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._top: dict[str, int] = {}
        self._days: tuple[date, date] | None = None
        self._weighed: int | None = None

    def _read_file(self, stamp: tuple[int, ...] | None) -> Tables:
        if stamp is None:
            raise NotRecentError(f"there is no log at {self.path}")
        if stamp[4] > journal.fold_bytes(stamp[2]):
            raise NotRecentError("the log's journal is due to be folded into it")
        copy = read_copy(self.path)
        if copy is None:
            raise NotRecentError("the log has no recent copy as restday wrote it")
        tables, meta = copy
        try:
            top = {str(name): int(key) for name, key in meta["top"].items()}
            since, until = date.fromisoformat(meta["since"]), date.fromisoformat(meta["until"])
            latest = meta["latest"]
            if latest is None or date.fromisoformat(latest) <= until:
                # The file held no record after the copy's last day: a later day's are
                # all in the journal.
                until = date.max
            file = meta["file"]
            weighed = meta["weighed"]
        except (KeyError, TypeError, ValueError, AttributeError):
            raise NotRecentError("the recent copy records not what restday log reads") from None
        if file != list(stamp[:3]):
            raise NotRecentError("the recent copy is of another version of the log")
        self._top, self._days, self._weighed = top, (since, until), weighed
        return tables

    def _checked(self, data: Tables, stamp: tuple[int, ...] | None) -> Tables:
        # Only a version of the log that was checked whole is read in part.
        if not schema.known_good(self.path, stamp):
            raise NotRecentError("the log as it is now was not checked")
        self.problem = None
        return data

    def key_floor(self, table: str) -> int:
        return self._top.get(table, 0)

    def holds(self, day: date) -> bool:
        """Also the bodyweight as of `day`: the copy holds the one before its weeks, and
        while that stands, the latest as of any day since is in the copy or the journal."""
        if self._days is None or not self._days[0] <= day <= self._days[1]:
            return False
        if self._weighed is None:
            return True
        weighed = self.read().get(Recovery.TABLE, {}).get(str(self._weighed), {})
        return weighed.get("bodyweight_kg") is not None

    def _rewrite(self, data: Tables, touched: Mapping[str, Iterable[int]] | None) -> None:
        raise NotRecentError("a change to more than the journal takes the whole log")

    def write_whole(self, parts: Iterable[bytes]) -> None:
        raise NotRecentError("a whole write takes the whole log")

    def fold(self) -> None:
        """Never: the file is made of the whole log, by its next writer."""
