"""`AtomicJSONStorage`: a TinyDB storage that never leaves a broken file and shares the
file safely between processes.

- Writes go to a temp file in the same directory, are fsynced, `os.replace`d over the log,
  and the directory is fsynced: a crash leaves the old or the new file, both valid.
- The parsed log is kept in memory and re-read only when another process changed it. Each
  writer bumps a counter in the lock file beside the log, so a change is never missed.
- `locked()` holds an exclusive fcntl lock for a read-modify-write; `batch()` also defers
  the writes inside it to one write at the end. A writer waits for the lock while other
  writers go on writing, but gives up (`LockHeldError`) when it has been held for
  `LOCK_WAIT_S` with no write, naming the process that holds it (the holder writes its
  pid after the counter).
- A write that says which documents it touched is appended to the log's journal
  (`journal.py`): one small fsynced line, whatever the size of the log. Every read
  applies the journal over the file; a writer folds it into the file (the durable
  replace above, then empties it) when idle (`fold`), past `journal.fold_bytes`, and
  on close.
- The file is serialised in chunks of documents; a rewrite re-serialises only the chunks
  of the documents touched since the last one.
- The log, its backups and the lock file are created with mode 0600: this is health data.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shlex
import struct
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from storage.errors import (
    ConcurrentWriteError,
    CorruptLogError,
    LockHeldError,
    ReadOnlyLogError,
    StorageError,
    WriteFailedError,
)
from storage.log import journal, low_peak_json, schema
from storage.log.durable import copy_durably, write_durably
from storage.model.text import printable
from storage.paths import make_private_dirs, real_path
from storage.regular_file import NotReadableFileError, open_regular_file, read_regular_file

CHUNK_SIZE = 1024
BACKUPS_KEPT = 7
LOCK_WAIT_S = 3.0  # a write takes well under a second, even of a 100-year log
LOCK_POLL_S = 0.01
MAX_LOG_BYTES = 2 * 1024**3
"""No log is this big (a century of daily training is under 200 MB): a file that is, is
not read (it would take all the memory there is)."""
_COUNTER = struct.Struct("<Q")
_HOLDER = struct.Struct("<Q")  # the pid of the process holding the lock, after the counter
READ_TRIES = 5  # reads of the file and the journal that another writer changed meanwhile
LOCK_FILE_BYTES = 4096  # the counter and the holder's pid: 16 bytes
_UNREAD = object()

Tables = dict[str, dict[str, Any]]


def backup_path(path: Path, day: date) -> Path:
    """Where the backup restday makes on `day` (before that day's first write) goes."""
    return path.with_name(f"{path.name}.bak-{day.isoformat()}")


def backup_paths(path: Path, today: date | None = None) -> list[Path]:
    """restday's own backups of the log (regular files named exactly as `backup_path`
    names them), newest date first; with `today`, none dated after it (a wrong clock's).
    Other files beside the log, a user's own copies among them, are not backups."""
    prefix = f"{path.name}.bak-"
    dated: list[tuple[date, Path]] = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            if not entry.name.startswith(prefix) or not entry.is_file(follow_symlinks=False):
                continue
            day = _iso_date(entry.name[len(prefix) :])
            if day is not None and (today is None or day <= today):
                dated.append((day, path.parent / entry.name))
    return [backup for _, backup in sorted(dated, reverse=True)]


def _iso_date(text: str) -> date | None:
    """The date `text` spells exactly as YYYY-MM-DD, else None."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day if day.isoformat() == text else None


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def disk_stamp(path: Path) -> tuple[int, ...] | None:
    """What identifies a version of the log on disk without reading it: its inode, mtime,
    size, the writers' counter in the lock file and the journal's size (None: there is no
    log)."""
    path = real_path(path)
    try:
        raw = read_regular_file(lock_path(path), LOCK_FILE_BYTES)[: _COUNTER.size]
    except OSError:  # none yet, or not a file: a writer says so when it takes the lock
        raw = b""
    counter = _COUNTER.unpack(raw)[0] if len(raw) == _COUNTER.size else 0
    return _stamp_of(path, counter)


def _stamp_of(path: Path, counter: int) -> tuple[int, ...] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    size = journal.journal_size(journal.journal_path(path))
    return (st.st_ino, st.st_mtime_ns, st.st_size, counter, size)


def read_log_bytes(path: Path) -> bytes:
    """The bytes of a log file (or a copy of one): only a regular file of a plausible size
    is read (`read_regular_file`: a FIFO would block, /dev/zero never ends)."""
    try:
        return read_regular_file(path, MAX_LOG_BYTES)
    except NotReadableFileError as exc:
        raise StorageError(
            f"the log {path} cannot be read: {exc}. restday reads its log only from a "
            "regular file of a log's size; it has been left as it is"
        ) from None
    except OSError as exc:
        raise StorageError(f"cannot read the log {path}: {exc.strerror}") from None


def parse_log(raw: bytes, path: Path, today: date | None = None) -> Tables:
    """Parse the bytes of a log file; raise `CorruptLogError` (with a way out: the newest
    good backup up to `today`, by default the machine's date) if they are not a log."""
    if not raw.strip():
        raise CorruptLogError(_corrupt_message(path, "the file is empty", today))
    return _log_of(low_peak_json.loads, raw, path, today)


def read_log(path: Path, today: date | None = None) -> Tables:
    """`parse_log` of the log file at `path` (`read_log_bytes`), its bytes let go once
    decoded: a ten-year log's bytes and its text are 16 MB each (issue 17)."""
    raw = read_log_bytes(path)
    text = low_peak_json.standard_text(raw) if raw.strip() else None
    if text is None:
        return parse_log(raw, path, today)
    del raw
    return _log_of(low_peak_json.loads_text, text, path, today)


def _log_of(
    parse: Callable[[Any], Any], source: bytes | str, path: Path, today: date | None
) -> Tables:
    try:
        data = parse(source)
    except orjson.JSONDecodeError as exc:
        problem = f"it is not valid JSON ({exc})"
        raise CorruptLogError(_corrupt_message(path, problem, today)) from None
    if not isinstance(data, dict) or not all(
        isinstance(t, dict) and all(isinstance(doc, dict) for doc in t.values())
        for t in data.values()
    ):
        problem = "it is JSON but not a restday log"
        raise CorruptLogError(_corrupt_message(path, problem, today))
    return data


def newest_good_backup(path: Path, today: date) -> Path | None:
    """The newest of restday's backups of the log dated up to `today` that is a log."""
    for backup in backup_paths(path, today):
        try:
            parse_log(backup.read_bytes(), backup, today)
        except (OSError, CorruptLogError):
            continue
        return backup
    return None


def _corrupt_message(path: Path, problem: str, today: date | None) -> str:
    message = f"the log {path} cannot be read: {problem}. It has been left exactly as it is."
    backup = newest_good_backup(path, date.today() if today is None else today)
    # Changes saved since the log was last written whole: they belong to that log, not to
    # an older backup, so they go aside with it (kept, for whoever mends the log).
    journalled = journal.journal_size(journal.journal_path(path)) > 0
    aside = journal.journal_path(path)
    keep = f" && {shlex.join(['mv', str(aside), f'{aside}.broken'])}" if journalled else ""
    if backup is not None:
        return (
            f"{message} The newest good backup is {backup}; to restore it, run: "
            f"{shlex.join(['cp', str(backup), str(path)])}{keep}"
        )
    return (
        f"{message} There is no good backup; to start a new log, move it aside: "
        f"{shlex.join(['mv', str(path), f'{path}.broken'])}{keep}"
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
        self.path = real_path(path)
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
        self._journal = journal.journal_path(self.path)
        self._journal_end = 0  # where the journal's good lines end, as last read or written
        self._unfolded: dict[str, set[int]] | None = {}  # touched since the file's rewrite
        self._appended = False  # this storage added to the journal since its last fold

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
        return _stamp_of(self.path, self._counter())

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
        for attempt in range(READ_TRIES):
            stamp = self._disk_stamp()
            if self._data is not None and stamp == self._stamp:
                return
            # Only the journal grew (another process saved a change): read its new lines.
            grew = (
                self._data is not None
                and isinstance(self._stamp, tuple)
                and stamp is not None
                and stamp[:3] == self._stamp[:3]
                and stamp[4] > self._stamp[4]
                and stamp[4] >= self._journal_end
            )
            data = None if grew else self._read_file(stamp)
            read = self._read_journal(self._journal_end if grew else 0, stamp)
            # A lockless reader: a writer that folded meanwhile could pair an old file
            # with an emptied journal. Read again until both are of one version.
            if self._disk_stamp() == stamp or attempt == READ_TRIES - 1:
                break
        self._check_journal_is_of(self._data if data is None else data, read)
        if data is None:
            # New dicts for the tables that change: a reader may be going through the old.
            assert self._data is not None
            data, copied = dict(self._data), set()
            for change in read.changes:
                for name in change.keys() - copied:
                    data[name] = dict(data.get(name, {}))
                    copied.add(name)
                journal.apply(data, change)
                self._touch({name: map(int, docs) for name, docs in change.items()})
            self._data = data
        else:
            for change in read.changes:
                journal.apply(data, change)
            self._data = self._checked(data, stamp)
            self._chunks = {}
            self._thawed = None
            self._unfolded = {}
        self._journal_end = read.end
        self._stamp = stamp
        self.generation += 1

    def _checked(self, data: Tables, stamp: tuple[int, ...] | None) -> Tables:
        """`data` read whole from disk, without the records restday cannot read, which
        `problem` names (`schema`); checked only if this version was not checked before.
        (Changes read from the journal alone were checked by the restday that saved them.)"""
        self.problem = None
        if stamp is None or schema.known_good(self.path, stamp):
            return data
        bad = schema.bad_records(data, self._latest_today(stamp))
        if bad:
            self.problem = schema.describe(bad)
            return schema.without(data, bad)
        if not self._read_only:
            schema.remember_good(self.path, stamp)
        return data

    def _latest_today(self, stamp: tuple[int, ...]) -> date:
        """The day the log's dates are checked against (none after the end of the next
        year): today, or the day the file was last written if that is later, so that a
        clock set back does not make a good log unreadable."""
        try:
            written = date.fromtimestamp(stamp[1] / 1e9)
        except (OverflowError, OSError, ValueError):
            return self._today()
        return max(self._today(), written)

    def _read_file(self, stamp: tuple[int, ...] | None) -> Tables:
        if stamp is None:
            return {}
        return read_log(self.path, self._today())

    def _read_journal(self, offset: int, stamp: tuple[int, ...] | None) -> journal.Read:
        if stamp is None:  # a journal without its log (moved away) belongs to no log
            return journal.Read([], 0)
        try:
            read = journal.read_journal(self._journal, MAX_LOG_BYTES, offset)
        except OSError as exc:
            raise StorageError(
                f"cannot read the log's journal {self._journal}: {exc.strerror or exc}"
            ) from None
        except journal.JournalDamagedError as exc:
            raise CorruptLogError(
                f"the log's journal {self._journal} (the changes saved since the log was last "
                f"rewritten) cannot be read: {exc}. It has been left exactly as it is. To "
                f"open the log without them, move it aside: "
                f"{shlex.join(['mv', str(self._journal), f'{self._journal}.broken'])}"
            ) from None
        if read.newer:
            self.read_only = True
            self.read_only_reason = (
                f"its journal {self._journal} holds changes saved by a newer restday; "
                "upgrade restday to read and change it"
            )
        return read

    def _check_journal_is_of(self, tables: Tables | None, read: journal.Read) -> None:
        """`CorruptLogError` if the journal's changes would put records in place of others
        in `tables` (the log as read before them): it was saved over another file."""
        replaced = None if tables is None else journal.replaced_record(tables, read.changes)
        if replaced is None:
            return
        aside = shlex.join(["mv", str(self._journal), f"{self._journal}.broken"])
        raise CorruptLogError(
            f"the log's journal {self._journal} holds changes saved over another log file "
            f"than {self.path} (it would put another record in place of {replaced}): the file was "
            "replaced (copied or synced over, checked out) since. Both have been left "
            f"exactly as they are. To open the log as the file is, move the journal aside: "
            f"{aside}"
        )

    def _touch(self, touched: Mapping[str, Iterable[int]]) -> None:
        """Note documents changed since the file was rewritten (their chunks are stale)."""
        if self._thawed is not None:
            self._thawed.update(touched)
        self._unfolded_add(touched)

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
            self._lock_fd = open_regular_file(lock, os.O_RDONLY)
            return
        if self._create_dirs:
            make_private_dirs(lock.parent)
        self._lock_fd = open_regular_file(lock, os.O_RDWR | os.O_CREAT)

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the exclusive lock shared by every process using this log (re-entrant)."""
        if self._lock_depth == 0:
            if self._lock_fd is None:
                try:
                    self._open_lock_file()
                except OSError as exc:
                    raise WriteFailedError(self._write_problem(exc)) from None
            self._take_lock()
        self._lock_depth += 1
        try:
            yield
        finally:
            self._lock_depth -= 1
            if self._lock_depth == 0:
                fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    def _take_lock(self) -> None:
        """Take the lock, waiting while other writers make progress (the counter moves);
        `LockHeldError` once it has been held `LOCK_WAIT_S` with no write done."""
        deadline = time.monotonic() + LOCK_WAIT_S
        seen = self._counter()
        while True:
            try:
                fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if (counter := self._counter()) != seen:
                    seen, deadline = counter, time.monotonic() + LOCK_WAIT_S
                elif time.monotonic() >= deadline:
                    raise LockHeldError(self._lock_problem()) from None
                time.sleep(LOCK_POLL_S)
        if not self.read_only:  # so that a writer kept waiting can say who holds it
            with contextlib.suppress(OSError):
                os.pwrite(self._lock_fd, _HOLDER.pack(os.getpid()), _COUNTER.size)

    def _lock_problem(self) -> str:
        pid = _lock_holder(self._lock_fd)
        holder = "another process" if pid is None else f"another process (pid {pid}"
        if pid is not None:
            command = _command_of(pid)
            holder += f": {command})" if command else ")"
        stop = f"kill {pid}" if pid is not None else "end it"
        return (
            f"the log {self.path} is locked by {holder}, still after {LOCK_WAIT_S:g} s; "
            "nothing was written. If that is a copy of restday stopped with Ctrl-Z, bring it "
            f"back with fg, or end it ({stop}), and try again."
        )

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
                self._fold_if_long()

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
            self._fold_if_long()

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
            self._batch_touched = None
        if touched is None or self._batch_touched is None:
            self._batch_touched = None
        else:
            for table, ids in touched.items():
                self._batch_touched.setdefault(table, set()).update(ids)

    def _write_now(self, data: Tables, touched: Mapping[str, Iterable[int]] | None) -> None:
        """Save `data`: the documents `touched` as a line appended to the journal if it can
        be (the data is what was read or written here, changed in those documents), else
        the whole file rewritten."""
        # The day's backup is a safety net: a disk too full for a copy of the whole log may
        # still hold the change's line, which matters more. The next change tries again.
        with contextlib.suppress(OSError):
            self._backup_if_first_today()
        try:
            if (
                touched is not None
                and data is self._data
                and isinstance(self._stamp, tuple)  # the file is there, as read or written
                and all(name in data for name in touched)
                and sum(len(ids) for ids in touched.values()) <= journal.MOST_DOCS
            ):
                change = {
                    name: {str(i): data[name].get(str(i)) for i in ids}
                    for name, ids in touched.items()
                }
                self._journal_end = journal.append(self._journal, change, self._journal_end)
                self._bump_counter()
                self._unfolded_add(touched)
                self._appended = True
            else:
                self._fold_on_disk()
                self._rewrite(data, touched)
        except OSError as exc:
            self._invalidate()
            raise WriteFailedError(self._write_problem(exc)) from None
        except BaseException:
            self._invalidate()
            raise
        self._data = data
        self._stamp = self._disk_stamp()
        schema.remember_good(self.path, self._stamp)  # what restday writes was checked

    def _unfolded_add(self, touched: Mapping[str, Iterable[int]]) -> None:
        if self._unfolded is not None:
            for name, ids in touched.items():
                self._unfolded.setdefault(name, set()).update(ids)

    def _rewrite(self, data: Tables, touched: Mapping[str, Iterable[int]] | None) -> None:
        """Replace the file with `data` (which holds the journal's changes) and empty the
        journal."""
        if touched is not None and self._unfolded is not None:
            self._unfolded_add(touched)
            touched = self._unfolded
        else:
            touched = None
        parts = self._serialise(data, touched)
        self._sweep_temps()
        self._replace(parts)
        self._replaced()

    def _fold_on_disk(self) -> None:
        """Fold the journal into the file as they are on disk, before a rewrite that holds
        more than the journal's changes (a big change, an import). A writer killed between
        that rewrite and emptying the journal would leave lines that, read over the new
        file, take back what it changed under their keys: an imported set under the key of
        a set they deleted was deleted, or the log refused as another file's."""
        if not self.path.exists() or not journal.journal_size(self._journal):
            return
        write_durably(self.path, [orjson.dumps(self._file_with_journal(self._today()))])
        journal.clear(self._journal)

    def _replaced(self) -> None:
        """The file is replaced by one holding the journal's changes: the write has
        happened. Empty the journal (one that can't be emptied now only repeats what the
        file holds: applying it again changes nothing, and the next append cuts it back)
        and tell the other writers."""
        if journal.journal_size(self._journal):
            with contextlib.suppress(OSError):
                journal.clear(self._journal)
        self._journal_end = 0
        self._unfolded = {}
        self._appended = False
        self._bump_counter()

    def _bump_counter(self) -> None:
        os.pwrite(self._lock_fd, _COUNTER.pack(self._counter() + 1), 0)

    def key_floor(self, table: str) -> int:
        """A key that a new document of `table` must be above, whatever the data read here
        shows (0: it shows every document of the log; `RecentStorage` shows only some)."""
        return 0

    def holds(self, day: date) -> bool:
        """Whether the data read here holds every record of `day` (the whole log does)."""
        return True

    @property
    def journalled(self) -> bool:
        """Whether changes saved here or read from disk wait in the journal to be folded."""
        return self._journal_end > 0

    def fold(self) -> None:
        """Rewrite the file with the journal's changes and empty the journal (a writer does
        this when idle, and on close). `WriteFailedError` if the disk refuses: the changes
        stay safe in the journal."""
        if self.read_only:
            return
        with self.locked():
            self._refresh()
            if not self._journal_end:
                return
            assert self._data is not None
            try:
                self._rewrite(self._data, {})
            except OSError as exc:
                self._invalidate()
                raise WriteFailedError(self._write_problem(exc)) from None
            self._stamp = self._disk_stamp()
            schema.remember_good(self.path, self._stamp)

    def _fold_if_long(self) -> None:
        size = self._stamp[2] if isinstance(self._stamp, tuple) else 0
        if self._journal_end > journal.fold_bytes(size):
            with contextlib.suppress(StorageError):  # saved in the journal all the same
                self.fold()

    def write_whole(self, parts: Iterable[bytes]) -> None:
        """Replace the log with `parts`: a whole log file, made under the lock from the data
        read here, its journal applied (`bulk_write`, which streams an import too big to
        hold). The day's first backup, the durable replace, the journal emptied and the
        writers' counter are as for any rewrite; if
        `parts` raises, the temp file goes and the log is left as it was. The data in
        memory is dropped either way: the next read loads the file."""
        if self.read_only:
            raise ReadOnlyLogError(f"the log {self.path} is read-only: {self.read_only_reason}")
        with self.locked():
            try:
                self._sweep_temps()
                self._backup_if_first_today()
                self.fold()  # as `_fold_on_disk` does, from the log read here
                self._replace(parts)  # made from a read that applied the journal
                self._replaced()
            except OSError as exc:
                raise WriteFailedError(self._write_problem(exc)) from None
            finally:
                self._invalidate()

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
        self._unfolded = {}

    def _replace(self, parts: Iterable[bytes]) -> None:
        if self._create_dirs:
            make_private_dirs(self.path.parent)
        if not self.path.exists():  # a journal left by a log deleted or moved away
            journal.keep_aside(self._journal)
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
        """Copy the log before the day's first write, and keep the newest `backups` of
        restday's own backups up to today (one dated later, by a wrong clock, is left)."""
        if self._backups <= 0 or not self.path.exists():
            return
        today = self._today()
        backup = backup_path(self.path, today)
        if backup.exists():
            return
        if journal.journal_size(self._journal):
            # Changes wait in the journal (`restday log` leaves them there for days): the
            # backup is of the log, not of the file alone, which a restore puts back
            # with the journal set aside.
            write_durably(backup, [orjson.dumps(self._file_with_journal(today))])
        else:
            copy_durably(self.path, backup)
        for old in backup_paths(self.path, today)[self._backups :]:
            with contextlib.suppress(OSError):
                old.unlink()

    def _file_with_journal(self, today: date) -> Tables:
        """The log on disk read afresh: the file with the journal's changes applied
        (`OSError` if it can't be read: no backup, nor fold, is made of it then)."""
        try:
            tables = read_log(self.path, today)
            read = journal.read_journal(self._journal, MAX_LOG_BYTES)
        except (StorageError, journal.JournalDamagedError) as exc:
            raise OSError(f"cannot read the log with its journal: {exc}") from None
        for change in read.changes:
            journal.apply(tables, change)
        return tables

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
        # What this storage journalled is folded before it goes (another process's lines
        # are that one's to fold: folding them here would change the file under it).
        if self._appended:
            with contextlib.suppress(StorageError):  # saved in the journal all the same
                self.fold()
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None
            self._lock_depth = 0


def _lock_holder(fd: int) -> int | None:
    """The pid of the process holding the lock on `fd`'s file: the kernel's word where it
    gives one (/proc/locks), else the pid the last restday to take it wrote there."""
    st = os.fstat(fd)
    device = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    try:
        with open("/proc/locks") as locks:
            for line in locks:
                fields = line.split()
                if len(fields) > 5 and fields[1] == "FLOCK" and fields[5] == device:
                    return int(fields[4])
    except (OSError, ValueError):
        pass
    raw = os.pread(fd, _HOLDER.size, _COUNTER.size)
    return _HOLDER.unpack(raw)[0] or None if len(raw) == _HOLDER.size else None


def _command_of(pid: int, limit: int = 80) -> str:
    """The command line of process `pid`, paths by their last part, as printable text cut
    to `limit` ('' if unknown): 'python3 -m tui log --db log.json bench 100x5'."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            raw = fh.read(4096)
    except OSError:
        return ""
    args = raw.rstrip(b"\0").decode(errors="replace").split("\0")
    text = " ".join(os.path.basename(arg) if arg.startswith("/") else arg for arg in args)
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
