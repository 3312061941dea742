"""Adding many records to the log without holding them (an import of millions of rows).

The new documents are serialised as they come, each into a spool for its table: an unnamed
temp file beside the log (0600, gone with the process however it ends, so a killed import
leaves nothing behind). Then, under the log's lock, the log is read as it stands and the new
file written in one streamed pass, in TinyDB's layout (`{"table": {"doc_id": {...}}}`): each
table's stored documents, then its new ones numbered on from its highest doc id. The write
is `AtomicJSONStorage.write_whole`'s: the day's first backup, a temp file fsynced and renamed
over the log, the writers' counter bumped. Anything that fails before the rename (a disk
full while spooling or writing, a record refused) leaves the log as it was.

A document whose id the log holds already is left out: the caller checks as they come,
against the log as read then; if another process wrote the log meanwhile, each spooled
document is checked again under the lock.
"""

from __future__ import annotations

import contextlib
import itertools
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

import orjson

from storage.errors import WriteFailedError
from storage.log.atomic_json import AtomicJSONStorage

PART_BYTES = 1 << 20  # the new file is written in parts of about this size
STORED_CHUNK = 1024  # stored documents serialised at a time

Doc = tuple[str, str, dict[str, Any]]  # (table, record id, document)


class _Spool:
    """One table's new documents, a line each: the record id and the document as JSON
    (orjson writes neither tabs nor line breaks outside strings). Buffered here rather than
    by the file object, whose close would retry a write the disk refused."""

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file  # unbuffered
        self.buffer = bytearray()
        self.written = 0

    def add(self, record_id: str, doc: dict[str, Any]) -> None:
        self.buffer += orjson.dumps(record_id) + b"\t" + orjson.dumps(doc) + b"\n"
        if len(self.buffer) >= PART_BYTES:
            self.flush()

    def flush(self) -> None:
        view = memoryview(self.buffer)
        while view:
            view = view[self.file.write(view) :]
        view.release()
        self.buffer.clear()

    def lines(self) -> Iterator[tuple[bytes, bytes]]:
        self.file.seek(0)
        with open(self.file.fileno(), "rb", closefd=False) as lines:
            for line in lines:
                record_id, _, doc = line.rstrip(b"\n").partition(b"\t")
                yield record_id, doc


def insert_streamed(
    storage: AtomicJSONStorage, docs: Iterable[Doc], since: object
) -> dict[str, int]:
    """Add `docs` to the log in one write, all or nothing. `since` is the stamp of the log
    the caller left out known ids against. Returns how many documents of each table were
    written (none at all: nothing is written)."""
    spools: dict[str, _Spool] = {}
    with contextlib.ExitStack() as files:
        try:
            for table, record_id, doc in docs:
                spool = spools.get(table)
                if spool is None:
                    spool = spools[table] = _Spool(
                        files.enter_context(
                            tempfile.TemporaryFile(dir=storage.path.parent, buffering=0)
                        )
                    )
                spool.add(record_id, doc)
            for spool in spools.values():
                spool.flush()
        except OSError as exc:
            raise WriteFailedError(
                f"could not import into the log {storage.path}: {exc.strerror or exc}. "
                "The file on disk is unchanged."
            ) from None
        if not spools:
            return {}
        with storage.locked():
            tables = storage.read()
            recheck = storage.stamp != since
            storage.write_whole(_file(tables, spools, recheck=recheck))
        return {name: spool.written for name, spool in spools.items() if spool.written}


def _file(tables: dict[str, dict[str, Any]], spools: dict[str, _Spool], *, recheck: bool):
    """The new log file's bytes, in parts of about `PART_BYTES`."""
    out = bytearray(b"{")
    names = [*tables, *(name for name in spools if name not in tables)]
    for n, name in enumerate(names):
        if n:
            out += b","
        out += orjson.dumps(name) + b":{"
        table = tables.get(name, {})
        first = True
        items = iter(table.items())
        while chunk := dict(itertools.islice(items, STORED_CHUNK)):
            out += (b"" if first else b",") + orjson.dumps(chunk)[1:-1]
            first = False
            if len(out) >= PART_BYTES:
                yield bytes(out)
                out.clear()
        spool = spools.get(name)
        if spool is not None:
            known = {doc.get("id") for doc in table.values()} if recheck else set()
            doc_id = max((int(key) for key in table if key.isdigit()), default=0)
            for record_id, doc in spool.lines():
                if known and orjson.loads(record_id) in known:
                    continue
                doc_id += 1
                spool.written += 1
                out += b'%s"%d":%s' % (b"" if first else b",", doc_id, doc)
                first = False
                if len(out) >= PART_BYTES:
                    yield bytes(out)
                    out.clear()
        out += b"}"
    out += b"}"
    yield bytes(out)
