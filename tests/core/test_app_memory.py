"""What the app holds beyond the log: its threads share one malloc arena (glibc), so that
memory the log's reader or writer thread frees is memory the UI thread can use again; its
screens import no library for a small part of it (pendulum and dateutil hold 2.5 MB)."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from tests.support.fresh_interpreter import printed_by

GLIBC = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's malloc")

THREAD_ALLOCATES = """
import ctypes, sys, threading
from tui.commands.app import one_malloc_arena
if sys.argv[1] == "one":
    one_malloc_arena()
kept = []
thread = threading.Thread(target=lambda: kept.append(bytearray(100_000)))
thread.start()
thread.join()
ctypes.CDLL(None).malloc_stats()  # one "Arena N:" line an arena, on stderr
"""


def arenas(setting: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", THREAD_ALLOCATES, setting],
        capture_output=True,
        text=True,
        check=True,
    )
    return sum(line.startswith("Arena ") for line in done.stderr.splitlines())


@GLIBC
def test_a_thread_allocates_from_the_one_arena_of_the_app() -> None:
    assert arenas("default") == 2  # glibc's default: the thread has an arena of its own
    assert arenas("one") == 1


def test_no_screen_tells_times_with_pendulum() -> None:
    """Every screen's module, history's day and symptoms' day included, finds a timezone
    with zoneinfo (pendulum's zones are ZoneInfo too)."""
    script = (
        "import pkgutil, importlib, sys, tui.screens\n"
        "for m in pkgutil.walk_packages(tui.screens.__path__, 'tui.screens.'):\n"
        "    importlib.import_module(m.name)\n"
        "print('pendulum' in sys.modules)"
    )
    assert printed_by(script) == "False"
