"""The log as one commit left it: `Repository.snapshot()`.

A snapshot holds tables that no later write changes (`AtomicJSONStorage.frozen`), so any
thread may read it, at any time, without the log's lock and without touching the disk: the
app reads what it shows from the newest one while a save is still syncing to disk. What was
not yet saved when it was taken (changes queued behind a failed write) is not in it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from scoring.bodyweights import Bodyweights
from storage.log.reader import DocIds, LogReader, Tables
from storage.model.records import Recovery


class LogSnapshot(LogReader):
    # The bodyweights last read from a snapshot, with the recovery table they come from:
    # the next snapshots share that table until a write touches it, and so share them.
    _bodyweights_of: ClassVar[tuple[object, Bodyweights] | None] = None

    def __init__(
        self,
        path: Path,
        tables: Tables,
        stamp: tuple[int, ...] | None,
        *,
        clock: Callable[[], datetime],
        read_only_reason: str | None = None,
        indexes: Mapping[tuple[str, str], dict[Any, DocIds]] | None = None,
    ) -> None:
        """`indexes`: (table, field) -> doc ids by the field's value, as of `tables`
        (never changed after: `LogReader._index`), for lookups not to build them again."""
        super().__init__(clock)
        self._indexes.update((key, (0, index)) for key, index in (indexes or {}).items())
        self.path = path
        self.stamp = stamp
        """Which version of the log on disk it is (`atomic_json.disk_stamp`)."""
        self.read_only_reason = read_only_reason
        """Why the log cannot be changed, if it cannot."""
        self._frozen = tables

    def _tables(self) -> Tables:
        return self._frozen

    def bodyweights(self) -> Bodyweights:
        table = self._frozen.get(Recovery.TABLE)
        read = LogSnapshot._bodyweights_of
        if table is None or read is None or read[0] is not table:
            read = LogSnapshot._bodyweights_of = (table, super().bodyweights())
        return read[1]
