"""TinyDB tables for the log: every change happens under the storage's lock, on data
brought up to date first, and tells the storage which documents it touched."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from storage.log.atomic_json import AtomicJSONStorage


class _TrackedTable(MutableMapping[int, Any]):
    """The int-keyed view of a stored table that TinyDB's updaters expect, recording each
    document they touch. Reading a document counts as touching it: updaters change
    documents in place, so each gets a copy of its own, put in the table in place of the
    original, which a frozen version of the table (`AtomicJSONStorage.frozen`) may hold."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        self.touched: set[int] = set()

    def __getitem__(self, doc_id: int) -> Any:
        key = str(doc_id)
        doc = self.raw[key] = dict(self.raw[key])
        self.touched.add(doc_id)
        return doc

    def __setitem__(self, doc_id: int, doc: Any) -> None:
        self.raw[str(doc_id)] = doc
        self.touched.add(doc_id)

    def __delitem__(self, doc_id: int) -> None:
        del self.raw[str(doc_id)]
        self.touched.add(doc_id)

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self.raw

    def __iter__(self) -> Iterator[int]:
        return (int(key) for key in list(self.raw))

    def __len__(self) -> int:
        return len(self.raw)


class LogTable(Table):
    """A TinyDB table whose writes are safe with several processes on one file."""

    _storage: AtomicJSONStorage

    def __init__(
        self, storage: AtomicJSONStorage, name: str, *, persist_empty: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(storage, name, **kwargs)
        self._generation = storage.generation
        if persist_empty:
            # Stock TinyDB clears the table here, wiping an existing one (tinydb#636): only
            # store a missing table.
            with storage.locked():
                if name not in storage.read():
                    self._update_table(lambda table: None)

    def _sync(self) -> None:
        """Forget what this table cached (next id, query results) if the data was reloaded."""
        self._storage.read()
        if self._storage.generation != self._generation:
            self._generation = self._storage.generation
            self._next_id = None
            self.clear_cache()

    def _get_next_id(self) -> int:
        next_id = super()._get_next_id()
        floor = self._storage.key_floor(self.name)
        if next_id <= floor:  # keys the data read here leaves out are taken
            next_id = floor + 1
            self._next_id = next_id + 1
        return next_id

    def insert(self, document: Mapping) -> int:
        with self._storage.locked():
            self._sync()
            return super().insert(document)

    def insert_multiple(self, documents: Iterable[Mapping]) -> list[int]:
        with self._storage.locked():
            self._sync()
            return super().insert_multiple(documents)

    def search(self, cond: Any) -> list:
        self._sync()
        return super().search(cond)

    def _update_table(self, updater: Callable[[dict[int, Mapping]], None]) -> None:
        with self._storage.locked():
            self._sync()
            tables = self._storage.read()
            view = _TrackedTable(tables.setdefault(self.name, {}))
            try:
                updater(view)  # type: ignore[arg-type]
            except BaseException:
                if view.touched:
                    # Documents may have changed before the failure: re-read from disk.
                    self._storage.discard_changes()
                raise
            self._storage.write(tables, touched={self.name: view.touched})
            self.clear_cache()


class LogDB(TinyDB):
    """TinyDB on an `AtomicJSONStorage`, with `LogTable`s."""

    table_class = LogTable
    default_storage_class = AtomicJSONStorage
