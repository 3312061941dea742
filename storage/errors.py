"""Errors the storage layer raises. Each message is one line a person can act on."""

from __future__ import annotations


class StorageError(Exception):
    """Base class: anything that stops the log from being read or written."""


class CorruptLogError(StorageError):
    """The log file exists but cannot be parsed. It is never overwritten."""


class ReadOnlyLogError(StorageError):
    """The log was written by a newer restday (or opened read-only): writes are refused."""


class WriteFailedError(StorageError):
    """A write did not reach the disk (disk full, read-only file system, permissions).
    The file on disk is untouched."""


class LockHeldError(StorageError):
    """Another process held the log's lock for longer than a writer waits for it (a copy of
    restday stopped with Ctrl-Z mid-write, say). Nothing was written."""


class ConcurrentWriteError(StorageError):
    """Another process changed the log between this process's read and its write, outside
    a locked update; writing would lose that process's change, so nothing was written."""


class ValidationError(ValueError):
    """A value outside what the log accepts; the message says what is accepted."""
