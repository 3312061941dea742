"""`quick_turns()`: while a thread works through a long stretch of Python (the whole log
read at start-up, History's aggregate of it), the interpreter switches between threads
every half millisecond rather than every 5.

The UI thread gives the interpreter up whenever it waits (each turn of its event loop
looks for input; Textual passes a key through several of them) and must then wait a whole
switch interval to get it back from the thread that took it: at 5 ms, a key answered in
30 ms of the UI's own work reached the terminal in 150-600 ms while the log was read
(10-year log, `benchmarks/history_bench.py`'s `y`), at 0.5 ms in 130-250 ms.

`collector_paused()`: while the whole log is read, the cyclic collector is paused too: the
read makes objects that live as long as the app (frozen out of its sight after), and a
pass over the ones made so far, set off by whichever thread allocates (the UI's answering
a key), held every thread. (Not while History aggregates: the garbage it leaves would be
kept until the end, 2 MB more at the app's peak on a ten-year log.)
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

QUICK_SWITCH_S = 0.0005

_lock = threading.Lock()
_working = 0  # threads inside quick_turns()
_usual = sys.getswitchinterval()


@contextmanager
def quick_turns() -> Iterator[None]:
    """Switch threads every `QUICK_SWITCH_S` until the last thread inside leaves."""
    global _working, _usual
    with _lock:
        if _working == 0:
            _usual = sys.getswitchinterval()
            sys.setswitchinterval(QUICK_SWITCH_S)
        _working += 1
    try:
        yield
    finally:
        with _lock:
            _working -= 1
            if _working == 0:
                sys.setswitchinterval(_usual)


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector paused inside (as it was after: paused or not)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
