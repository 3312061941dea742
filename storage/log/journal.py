"""The log's journal (`<log>.journal`, mode 0600): the changes made since the log file was
last rewritten, one line each, appended and fsynced under the log's lock.

Saving a change costs one small append rather than a rewrite of the whole log, so a set
is on disk a few milliseconds after it is typed, whatever the size of the log. Every
reader and writer of the log applies the journal over the log file as it reads it
(`AtomicJSONStorage`); a writer folds it into the log file (one durable rewrite, then the
journal is emptied) when it is idle, when it grows past `fold_bytes`, and on close.

A line is `{"v": 1, "c": {table: {doc id: document, or null for a deleted one}}}`: the
whole documents a change left, so applying a line twice leaves what applying it once
does. A crash between the rewrite of the log file and the emptying of the journal is thus
harmless: the journal applied over the new log file changes nothing. A last line cut short
(a crash mid-append, which never acknowledged it) is ignored and cut off by the next
append; a bad line with good lines after it is damage, reported as such.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from storage.log.durable import sync_directory
from storage.regular_file import read_regular_file

VERSION = 1
FOLD_BYTES = 256 * 1024
FOLD_SHARE = 16
MOST_DOCS = 1000  # a change to more documents (an import) rewrites the log file instead

Tables = dict[str, dict[str, Any]]
Change = Mapping[str, Mapping[str, Any]]
_ABSENT = object()


def fold_bytes(log_size: int) -> int:
    """How long the journal of a log file of `log_size` bytes grows before it is folded: a
    share of the file, so that the rewrites a change costs stay a few times its line
    whatever the size of the log (`restday log` on a ten-year log writes kilobytes a set,
    not the 16 MB file)."""
    return max(FOLD_BYTES, log_size // FOLD_SHARE)


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


class JournalDamagedError(Exception):
    """A line that is not a change, with good lines after it (`line`: from 1)."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line} of the journal is damaged")
        self.line = line


@dataclass(frozen=True)
class Read:
    changes: list[dict[str, dict[str, Any]]]
    end: int
    """Where the good lines end (a cut-short last line, if any, starts here)."""
    newer: bool = False
    """A line written by a newer restday stopped the reading: the log is not ours to
    change (its changes from there on are not in `changes`)."""


def journal_size(path: Path) -> int:
    """The journal's size in bytes (0: there is none); part of the log's `disk_stamp`."""
    try:
        return os.stat(path).st_size
    except FileNotFoundError:
        return 0


def read_journal(path: Path, limit: int, offset: int = 0) -> Read:
    """The changes in the journal from byte `offset` (a line's start) on; only a regular
    file of at most `limit` bytes is read (`NotReadableFileError`)."""
    try:
        raw = read_regular_file(path, limit, offset)
    except FileNotFoundError:
        return Read([], 0)
    changes: list[dict[str, dict[str, Any]]] = []
    end = offset
    bad: int | None = None
    start = 0
    lines = [line + b"\n" for line in raw.split(b"\n")]
    lines[-1] = lines[-1][:-1]  # what follows the last newline: b"" or a cut-short line
    for number, line in enumerate(filter(None, lines), 1):
        change = _parse(line)
        if change is None and bad is None and _newer(line):
            return Read(changes, end, newer=True)
        if change is None:
            if bad is None:
                bad = number
        elif bad is not None:
            raise JournalDamagedError(bad)
        else:
            changes.append(change)
            end = offset + start + len(line)
        start += len(line)
    return Read(changes, end)


def _newer(line: bytes) -> bool:
    try:
        version = orjson.loads(line).get("v") if line.endswith(b"\n") else None
    except (orjson.JSONDecodeError, AttributeError):
        return False
    return isinstance(version, int) and version > VERSION


def _parse(line: bytes) -> dict[str, dict[str, Any]] | None:
    if not line.endswith(b"\n"):
        return None
    try:
        entry = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(entry, dict) or entry.get("v") != VERSION:
        return None
    change = entry.get("c")
    if not isinstance(change, dict) or not all(
        isinstance(docs, dict) and all(d is None or isinstance(d, dict) for d in docs.values())
        for docs in change.values()
    ):
        return None
    return change


def apply(tables: Tables, change: Mapping[str, Mapping[str, Any]]) -> None:
    """Apply one change to the tables (a deleted document: null)."""
    for name, docs in change.items():
        table = tables.setdefault(name, {})
        for key, doc in docs.items():
            if doc is None:
                table.pop(key, None)
            else:
                table[key] = doc


def replaced_record(tables: Tables, changes: list[dict[str, dict[str, Any]]]) -> str | None:
    """Where the changes, applied in turn over `tables` (a log file as read), would put a record
    in place of another one (a document under a key that holds a record of another id), as
    'record KEY of its TABLE table'; None if they never do. Saved over this file, they never do:
    a key holds one record until it is deleted. They do when another file was put in its place
    (another machine's log synced or copied over it, a checkout), whose records under the same
    keys are others. The first changes may already be folded into the file (a writer killed
    before it emptied the journal, changes appended since): they only repeat the file, even
    where a key was reused after a delete, and are passed over (`_folded`)."""
    held: dict[tuple[str, str], Any] = {}  # each key's record id as the changes go: _ABSENT
    for change in changes[_folded(tables, changes) :]:
        for name, docs in change.items():
            for key, doc in docs.items():
                if (name, key) not in held:
                    stored = tables.get(name, {}).get(key)
                    held[name, key] = _ABSENT if stored is None else stored.get("id")
                if doc is None:
                    held[name, key] = _ABSENT
                elif held[name, key] not in (_ABSENT, doc.get("id")):
                    return f"record {key} of its {name} table"
                else:
                    held[name, key] = doc.get("id")
    return None


def _folded(tables: Tables, changes: list[dict[str, dict[str, Any]]]) -> int:
    """How many of the first changes the file holds already: the most after which every key
    they touched holds in `tables` what they left there (a fold of the journal as it was
    then); 0 if none."""
    differing: set[tuple[str, str]] = set()
    folded = 0
    for count, change in enumerate(changes, 1):
        for name, docs in change.items():
            stored = tables.get(name, {})
            for key, doc in docs.items():
                if stored.get(key) == doc:
                    differing.discard((name, key))
                else:
                    differing.add((name, key))
        if not differing:
            folded = count
    return folded


def append(path: Path, change: Change, end: int) -> int:
    """Append a change durably after the good lines (which end at `end`; whatever follows
    is a cut-short line, dropped); the new end. On failure (a full disk) the journal is
    cut back to `end` and the error raised. The caller holds the log's lock."""
    line = orjson.dumps({"v": VERSION, "c": change}) + b"\n"
    created = not path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        try:
            if os.fstat(fd).st_size != end:
                os.ftruncate(fd, end)
            os.lseek(fd, end, os.SEEK_SET)
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, end)
            raise
    finally:
        os.close(fd)
    if created:  # the new file's name must be on disk too (as in `write_durably`)
        with contextlib.suppress(OSError):
            sync_directory(path.parent)
    return end + len(line)


def keep_aside(path: Path) -> Path | None:
    """Move a journal whose log file is gone (deleted or moved away while it held changes:
    they are in no other file) to a name of its own beside it, `<journal>.without-its-log-N`,
    so that the new log's writes neither empty it nor apply it; where it went (None: there
    was no journal with changes)."""
    if not journal_size(path):
        return None
    number = 1
    while (aside := path.with_name(f"{path.name}.without-its-log-{number}")).exists():
        number += 1
    os.rename(path, aside)
    with contextlib.suppress(OSError):
        sync_directory(path.parent)
    return aside


def clear(path: Path) -> None:
    """Empty the journal (its changes are in the log file now)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return
    try:
        os.ftruncate(fd, 0)
        os.fsync(fd)
    finally:
        os.close(fd)
