"""`AtomicJSONStorage`: a TinyDB storage that never leaves a broken file and shares the
file safely between processes.

- Writes go to a temp file in the same directory, are fsynced, `os.replace`d over the log,
  and the directory is fsynced: a crash leaves the old or the new file, both valid.
- The parsed log is kept in memory and re-read only when another process changed it. Each
  writer bumps a counter in the lock file beside the log, so a change is never missed.
- `locked()` holds an exclusive fcntl lock for a read-modify-write; `batch()` also defers
  the writes inside it to one write at the end.
- The file is serialised in chunks of documents; a write that says which documents it
  touched re-serialises only their chunks, so adding one set to a large log costs about
  one copy of the bytes plus the durable replace.
- The log, its backups and the lock file are created with mode 0600: this is health data.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import struct
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from storage.errors import (
    ConcurrentWriteError,
    CorruptLogError,
    ReadOnlyLogError,
    StorageError,
    WriteFailedError,
)
from storage.log import schema
from storage.log.durable import copy_durably, write_durably

CHUNK_SIZE = 1024
BACKUPS_KEPT = 7
MAX_LOG_BYTES = 2 * 1024**3
"""No log is this big (a century of daily training is under 200 MB): a file that is, is
not read (it would take all the memory there is)."""
_COUNTER = struct.Struct("<Q")
_UNREAD = object()

Tables = dict[str, dict[str, Any]]


def backup_paths(path: Path) -> list[Path]:
    """The log's backups, newest first."""
    return sorted(path.parent.glob(f"{path.name}.bak-*"), reverse=True)


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def disk_stamp(path: Path) -> tuple[int, ...] | None:
    """What identifies a version of the log on disk without reading it: its inode, mtime,
    size and the writers' counter in the lock file (None: there is no log)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    try:
        with open(lock_path(path), "rb") as lock:
            raw = lock.read(_COUNTER.size)
    except FileNotFoundError:
        raw = b""
    counter = _COUNTER.unpack(raw)[0] if len(raw) == _COUNTER.size else 0
    return (st.st_ino, st.st_mtime_ns, st.st_size, counter)


def read_log_bytes(path: Path) -> bytes:
    """The bytes of a log file (or a backup or copy of one): only a regular file of a
    plausible size is read. A FIFO would block the open and a device (/dev/zero) never
    ends, so the file is opened without blocking and looked at before it is read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise StorageError(f"cannot read the log {path}: {exc.strerror}") from None
    with open(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise StorageError(
                f"the log {path} is not a regular file (it is {_file_kind(st.st_mode)}): "
                "restday reads its log only from a file; --db or $RESTDAY_DB must name one"
            )
        if st.st_size > MAX_LOG_BYTES:
            raise StorageError(
                f"the log {path} is too big to be a restday log ({st.st_size / 1024**3:.1f} "
                f"GB; no log reaches {MAX_LOG_BYTES // 1024**3} GB): it was not read, and is "
                "left as it is"
            )
        try:
            return fh.read()
        except OSError as exc:
            raise StorageError(f"cannot read the log {path}: {exc.strerror}") from None


def _file_kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return "not a file"


def parse_log(raw: bytes, path: Path) -> Tables:
    """Parse the bytes of a log file; raise `CorruptLogError` (with a way out) if they are
    not a log."""
    if not raw.strip():
        raise CorruptLogError(_corrupt_message(path, "the file is empty"))
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise CorruptLogError(_corrupt_message(path, f"it is not valid JSON ({exc})")) from None
    if not isinstance(data, dict) or not all(
        isinstance(t, dict) and all(isinstance(doc, dict) for doc in t.values())
        for t in data.values()
    ):
        raise CorruptLogError(_corrupt_message(path, "it is JSON but not a restday log"))
    return data


def newest_good_backup(path: Path) -> Path | None:
    for backup in backup_paths(path):
        try:
            parse_log(backup.read_bytes(), backup)
        except (OSError, CorruptLogError):
            continue
        return backup
    return None


def _corrupt_message(path: Path, problem: str) -> str:
    message = f"the log {path} cannot be read: {problem}. It has been left exactly as it is."
    backup = newest_good_backup(path)
    if backup is not None:
        return (
            f"{message} The newest good backup is {backup}; to restore it, run: "
            f"cp '{backup}' '{path}'"
        )
    return (
        f"{message} There is no good backup; to start a new log, move it aside: "
        f"mv '{path}' '{path}.broken'"
    )


class AtomicJSONStorage(Storage):
    """A TinyDB storage: `TinyDB(path, storage=AtomicJSONStorage)`."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        create_dirs: bool = True,
        read_only: bool = False,
        backups: int = BACKUPS_KEPT,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.path = Path(path).expanduser().absolute()
        self._read_only = read_only
        self._read_only_reason = "it was opened read-only"
        self.problem: str | None = None
        """Why the log as last read is only read: records restday cannot read are in it
        (`schema`); they are left out of `read()`. Cleared once a read finds none."""
        self._create_dirs = create_dirs
        self._backups = backups
        self._today = today
        self._data: Tables | None = None
        self._stamp: object = _UNREAD
        self._chunks: dict[str, dict[int, bytes]] = {}
        self._lock_fd: int | None = None
        self._lock_depth = 0
        self._batch_depth = 0
        self._batch_touched: dict[str, set[int]] | None = {}
        self._batch_dirty = False
        self._temps_swept = False
        self.generation = 0
        """Bumped whenever the data was (re)loaded from disk rather than written by us."""
        self._frozen: Tables = {}
        self._thawed: set[str] | None = None  # tables changed since `frozen`; None: all

    @property
    def read_only(self) -> bool:
        return self._read_only or self.problem is not None

    @read_only.setter
    def read_only(self, value: bool) -> None:
        self._read_only = value

    @property
    def read_only_reason(self) -> str:
        return self.problem if self.problem is not None else self._read_only_reason

    @read_only_reason.setter
    def read_only_reason(self, reason: str) -> None:
        self._read_only_reason = reason

    # -- reading ---------------------------------------------------------------------------

    def read(self) -> Tables:
        self._refresh()
        assert self._data is not None
        return self._data

    def _disk_stamp(self) -> tuple[int, ...] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size, self._counter())

    @property
    def stamp(self) -> tuple[int, ...] | None:
        """The `disk_stamp` of the version of the log held in memory (None: no file)."""
        self._refresh()
        return None if self._stamp is _UNREAD else self._stamp  # type: ignore[return-value]

    def _counter(self) -> int:
        if self._lock_fd is None:
            try:
                self._open_lock_file()
            except OSError:
                return 0
        raw = os.pread(self._lock_fd, _COUNTER.size, 0)
        return _COUNTER.unpack(raw)[0] if len(raw) == _COUNTER.size else 0

    def _refresh(self) -> None:
        if self._batch_depth and self._data is not None:
            return
        stamp = self._disk_stamp()
        if self._data is not None and stamp == self._stamp:
            return
        problem = None
        if stamp is None:
            data: Tables = {}
        else:
            data = parse_log(read_log_bytes(self.path), self.path)
            if not schema.known_good(self.path, stamp):
                bad = schema.bad_records(data)
                if bad:
                    data, problem = schema.without(data, bad), schema.describe(self.path, bad)
                elif not self._read_only:
                    schema.remember_good(self.path, stamp)
        self.problem = problem
        self._data = data
        self._stamp = stamp
        self._chunks = {}
        self._thawed = None
        self.generation += 1

    def frozen(self) -> Tables:
        """The data as it stands now, in dicts that no later write changes: a new dict for
        each table changed since the last call, the same one as then for the others (and
        updaters replace a document rather than change it: `tables._TrackedTable`). What
        a reader on another thread may hold while this storage goes on writing."""
        data = self.read()
        thawed, frozen = self._thawed, self._frozen
        if thawed is None or thawed or frozen.keys() != data.keys():
            self._frozen = {
                name: frozen[name]
                if thawed is not None and name in frozen and name not in thawed
                else dict(table)
                for name, table in data.items()
            }
        self._thawed = set()
        return self._frozen

    def changed_on_disk(self) -> bool:
        """Whether the file changed since this process last read or wrote it."""
        return self._stamp is not _UNREAD and self._disk_stamp() != self._stamp

    # -- locking ---------------------------------------------------------------------------

    def _open_lock_file(self) -> None:
        lock = lock_path(self.path)
        if self.read_only:  # only reads the counter: no lock file is made for it
            self._lock_fd = os.open(lock, os.O_RDONLY | os.O_CLOEXEC)
            return
        if self._create_dirs:
            lock.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._lock_fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the exclusive lock shared by every process using this log (re-entrant)."""
        if self._lock_depth == 0:
            if self._lock_fd is None:
                try:
                    self._open_lock_file()
                except OSError as exc:
                    raise WriteFailedError(self._write_problem(exc)) from None
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX)
        self._lock_depth += 1
        try:
            yield
        finally:
            self._lock_depth -= 1
            if self._lock_depth == 0:
                fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Lock, bring the data up to date, and turn the writes inside into one write at the
        end. If the block fails, its changes are dropped and the data re-read from disk."""
        with self.locked():
            outer = self._batch_depth == 0
            if outer:
                self._refresh()
                self._batch_touched = {}
                self._batch_dirty = False
            self._batch_depth += 1
            try:
                yield
            except BaseException:
                if outer:
                    self._invalidate()
                raise
            finally:
                self._batch_depth -= 1
            if outer and self._batch_dirty:
                self._write_now(self._data, self._batch_touched)

    # -- writing ---------------------------------------------------------------------------

    def write(self, data: Tables, touched: Mapping[str, Iterable[int]] | None = None) -> None:
        """Write `data`. `touched` names the documents (table -> doc ids) that changed since
        the last write; without it every document is re-serialised."""
        if self.read_only:
            raise ReadOnlyLogError(f"the log {self.path} is read-only: {self.read_only_reason}")
        self._thaw(data, touched)
        if self._batch_depth:
            self._defer(data, touched)
            return
        with self.locked():
            if self._data is not None and data is not self._data:
                self._chunks = {}
            if self.changed_on_disk():
                self._invalidate()
                raise ConcurrentWriteError(
                    f"another process changed {self.path} since it was read here; "
                    "nothing was written, read again and retry"
                )
            self._write_now(data, touched)

    def _thaw(self, data: Tables, touched: Mapping[str, Iterable[int]] | None) -> None:
        if touched is None or data is not self._data:
            self._thawed = None
        elif self._thawed is not None:
            self._thawed.update(touched)

    def _defer(self, data: Tables, touched: Mapping[str, Iterable[int]] | None) -> None:
        self._batch_dirty = True
        if data is not self._data:
            self._data = data
            self._chunks = {}
        if touched is None or self._batch_touched is None:
            self._batch_touched = None
        else:
            for table, ids in touched.items():
                self._batch_touched.setdefault(table, set()).update(ids)

    def _write_now(self, data: Tables, touched: Mapping[str, Iterable[int]] | None) -> None:
        try:
            parts = self._serialise(data, touched)
            self._sweep_temps()
            self._backup_if_first_today()
            self._replace(parts)
            counter = self._counter() + 1
            os.pwrite(self._lock_fd, _COUNTER.pack(counter), 0)
        except OSError as exc:
            self._invalidate()
            raise WriteFailedError(self._write_problem(exc)) from None
        except BaseException:
            self._invalidate()
            raise
        self._data = data
        self._stamp = self._disk_stamp()
        schema.remember_good(self.path, self._stamp)  # what restday writes was checked

    def _write_problem(self, exc: OSError) -> str:
        return (
            f"could not save the log {self.path}: {exc.strerror or exc}"
            f"{f' ({exc.filename})' if exc.filename else ''}. The file on disk is unchanged."
        )

    def discard_changes(self) -> None:
        """Drop what is in memory; the next read loads the file again."""
        self._invalidate()

    def _invalidate(self) -> None:
        self._data = None
        self._stamp = _UNREAD
        self._thawed = None
        self._chunks = {}

    def _replace(self, parts: list[bytes]) -> None:
        if self._create_dirs:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_durably(self.path, parts)

    def _sweep_temps(self) -> None:
        """Remove temp files left by a writer that was killed mid-write (we hold the lock,
        so no live writer owns one)."""
        if self._temps_swept:
            return
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()
        self._temps_swept = True

    def _backup_if_first_today(self) -> None:
        if self._backups <= 0 or not self.path.exists():
            return
        backup = self.path.with_name(f"{self.path.name}.bak-{self._today().isoformat()}")
        if backup.exists():
            return
        copy_durably(self.path, backup)
        for old in backup_paths(self.path)[self._backups :]:
            with contextlib.suppress(OSError):
                old.unlink()

    # -- serialising -----------------------------------------------------------------------

    def _serialise(self, data: Tables, touched: Mapping[str, Iterable[int]] | None) -> list[bytes]:
        """The file's bytes as a list of parts, written one after another: joining them
        would copy the whole log several times over."""
        if touched is None or data is not self._data:
            self._chunks = {}
        parts = [b"{"]
        for name, table in data.items():
            cached = self._chunks.get(name)
            if cached is None:
                cached = self._chunks[name] = _serialise_table(table)
            elif name in touched:
                _update_chunks(cached, table, touched[name])
            if len(parts) > 1:
                parts.append(b",")
            parts.append(orjson.dumps(name) + b":{")
            chunks = [chunk for _, chunk in sorted(cached.items()) if chunk]
            for i, chunk in enumerate(chunks):
                if i:
                    parts.append(b",")
                parts.append(chunk)
            parts.append(b"}")
        parts.append(b"}")
        return parts

    def close(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None
            self._lock_depth = 0


def _chunk_of(doc_id: str) -> int:
    try:
        return int(doc_id) // CHUNK_SIZE
    except ValueError:
        return -1


def _serialise_chunk(docs: dict[str, Any]) -> bytes:
    return orjson.dumps(docs)[1:-1]


def _serialise_table(table: dict[str, Any]) -> dict[int, bytes]:
    grouped: dict[int, dict[str, Any]] = {}
    for doc_id, doc in table.items():
        grouped.setdefault(_chunk_of(doc_id), {})[doc_id] = doc
    return {index: _serialise_chunk(docs) for index, docs in grouped.items()}


def _update_chunks(chunks: dict[int, bytes], table: dict[str, Any], ids: Iterable[int]) -> None:
    for index in {int(i) // CHUNK_SIZE for i in ids}:
        start = index * CHUNK_SIZE
        docs = {}
        for n in range(start, start + CHUNK_SIZE):
            key = str(n)
            if key in table:
                docs[key] = table[key]
        chunks[index] = _serialise_chunk(docs)
