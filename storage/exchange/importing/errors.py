"""Errors of `restday import`. Each message is one line a person can act on."""

from __future__ import annotations

from storage.errors import StorageError


class UnknownFormat(StorageError):
    """The file is not an export restday can read (Strong, Hevy, FitNotes or restday)."""


class BadExport(UnknownFormat):
    """The file looks like a restday export but cannot be imported: it is damaged, edited
    by hand into something restday never writes, or written by a newer restday."""


class ExportChanged(StorageError):
    """The export changed between the two passes an import reads it in."""
