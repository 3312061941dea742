"""Everything on disk: the training log, its storage and its records.

Never imports textual or rich (a test checks).
"""

from storage.atomic import AtomicJSONStorage
from storage.errors import (
    ConcurrentWriteError,
    CorruptLogError,
    ReadOnlyLogError,
    StorageError,
    ValidationError,
    WriteFailedError,
)

__all__ = [
    "AtomicJSONStorage",
    "ConcurrentWriteError",
    "CorruptLogError",
    "ReadOnlyLogError",
    "StorageError",
    "ValidationError",
    "WriteFailedError",
]
