"""Long work on a background thread gives way while the app answers a person's key.

The interpreter runs one thread at a time: while the whole log was read on a thread (a
ten-year log is 0.3 s of Python), a key pressed meanwhile shared the interpreter with the
read and reached the screen in about twice its own time (History's `y`: 140-180 ms against
85 ms once the log is read). The app `hold()`s when a key comes and `release()`s once the
screen shows its answer; the long work calls `give_way()` between small pieces, which
waits while the key is answered, never more than `MOST_S` after the hold: a hold that is
never released costs the work that long, once.
"""

from __future__ import annotations

import threading
import time

MOST_S = 0.2

_free = threading.Event()
_free.set()
_until = 0.0  # the latest moment a hold keeps the work waiting (time.monotonic)


def hold() -> None:
    """A key is being answered: the work waits at its next `give_way()`."""
    global _until
    _until = time.monotonic() + MOST_S
    _free.clear()


def release() -> None:
    """The key's answer is on screen: the work goes on."""
    _free.set()


def give_way() -> None:
    """Wait while a key is answered (see `hold`); at once otherwise."""
    if not _free.is_set():
        wait = _until - time.monotonic()
        if wait > 0:
            _free.wait(wait)
