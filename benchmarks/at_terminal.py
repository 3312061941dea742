"""What the terminal benchmarks share: a program run in a real 80x24 terminal (tmux), timed
as a person sees it, next to the bare Textual reference (`bare_app.py`).

- `open_timed`: the terminal opened on a command, with the time from the start until the
  first frame (the first non-empty screen) and until a given text is on screen;
- `time_key`: a key, from the moment it is sent until the screen changes (its text or its
  colours: a moved highlight counts, as in `../shared/tools/tty-drive`'s `time KEY`), or
  until a given text is on screen;
- `report`: medians, p95 and ratios of such times.

The screen is read with `tmux capture-pane` every few milliseconds; each read takes a few
milliseconds itself, so times carry a few ms of polling, alike for restday and the bare
app (measure them interleaved, in one run, and compare ratios).
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import p95  # noqa: E402

from tests.support.terminal import Terminal  # noqa: E402

SIZE = "80x24"
POLL_S = 0.002
BARE_APP = Path(__file__).with_name("bare_app.py")


def restday(log: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "tui", "--db", str(log), *args]


def bare(*args: str) -> list[str]:
    return [sys.executable, str(BARE_APP), *args]


def environment(directory: Path) -> dict[str, str]:
    """A run's own config and data directories (no user keymap or settings)."""
    return {"XDG_CONFIG_HOME": str(directory / "config"), "XDG_DATA_HOME": str(directory / "data")}


def write_demo(log: Path, weeks: int) -> Path:
    """`restday demo --weeks N` into `log`, as a user would write it."""
    started = time.perf_counter()
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "tui", "demo", "--db", str(log), "--weeks", str(weeks)]
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    print(
        f"demo log: {weeks} weeks, {log.stat().st_size / 1e6:.1f} MB, "
        f"written in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    return log


def wait_until(term: Terminal, shown: re.Pattern[str], timeout: float = 30) -> float:
    """Seconds until `shown` is found on the screen."""
    start = time.monotonic()
    while not shown.search(term.screen()):
        if time.monotonic() - start > timeout:
            raise RuntimeError(f"{shown.pattern!r} not on screen in {timeout} s:\n{term.screen()}")
        time.sleep(POLL_S)
    return time.monotonic() - start


def open_timed(
    command: Sequence[str], env: dict[str, str], shows: re.Pattern[str] | None = None
) -> tuple[Terminal, float, float | None]:
    """A terminal running `command`; ms from its start (the tmux session created, alike for
    every command) to the first non-empty screen, and to `shows` on screen."""
    start = time.monotonic()
    term = Terminal(command, size=SIZE, env=env)
    try:
        while not term.screen().strip():
            if time.monotonic() - start > 60:
                raise RuntimeError(f"{command} showed nothing in 60 s")
            time.sleep(POLL_S)
        first = (time.monotonic() - start) * 1000
        showing = None
        if shows is not None:
            wait_until(term, shows, timeout=60)
            showing = (time.monotonic() - start) * 1000
    except BaseException:
        term.close()
        raise
    return term, first, showing


def time_key(
    term: Terminal,
    key: str,
    *,
    shows: re.Pattern[str] | None = None,
    literal: bool = False,
    timeout: float = 10,
) -> float:
    """Ms from sending `key` (a tmux key name, or text with `literal`) until the screen
    changes, or, with `shows`, until `shows` is on it."""
    before = "" if shows is not None else term.screen(escapes=True)
    start = time.monotonic()
    term.keys(*(["-l", "--"] if literal else []), key)
    while True:
        if shows is not None:
            if shows.search(term.screen()):
                break
        elif term.screen(escapes=True) != before:
            break
        if time.monotonic() - start > timeout:
            raise RuntimeError(f"{key!r}: no change on screen in {timeout} s:\n{term.screen()}")
        time.sleep(POLL_S)
    return (time.monotonic() - start) * 1000


def line(name: str, values: list[float], reference: float | None = None, width: int = 40) -> str:
    """One line of a report: median, p95, max, and the median's ratio to `reference`."""
    if not values:
        return f"  {name:<{width}} (none)"
    ratio = f"  x{statistics.median(values) / reference:.2f}" if reference else ""
    return (
        f"  {name:<{width}} n={len(values):<3} median {statistics.median(values):6.0f}  "
        f"p95 {p95(values):6.0f}  max {max(values):6.0f} ms{ratio}"
    )


def verdict(what: str, value: float, limit: float, unit: str = "x") -> bool:
    """Print whether `value` is within `limit`; return it."""
    ok = value <= limit
    shown = f"{value:.2f}x" if unit == "x" else f"{value:.0f} {unit}"
    bound = f"{limit:g}x" if unit == "x" else f"{limit:g} {unit}"
    print(f"  {what}: {shown} (target <= {bound}): {'met' if ok else 'MISSED'}")
    return ok


def settle(term: Terminal, quiet_s: float = 0.15, timeout: float = 5) -> None:
    """Wait until the screen has not changed for `quiet_s` (untimed, between keys)."""
    last, since, start = term.screen(escapes=True), time.monotonic(), time.monotonic()
    while time.monotonic() - since < quiet_s and time.monotonic() - start < timeout:
        time.sleep(0.01)
        now = term.screen(escapes=True)
        if now != last:
            last, since = now, time.monotonic()
