"""History on a 10-year log: each view opening, and each key answering, from the key to the
first frame that shows the answer, against a bare Textual app doing the same kind of thing,
in one run.

Builds a 10-year demo log (520 weeks) in a temp dir and opens restday on it headless at
80x24, on the home screen. Then, timed from the key to the first frame showing its answer
(a frame rendered into the bytes a terminal would get; the benchmark only polls, it never
makes the app draw):
- `y`: the history screen on screen (its views empty until the log is aggregated, which
  happens off the UI thread), then, informational, until the calendar shows the log
  aggregated and until every morning's score is worked out;
- rounds of every view and key: Tab to each view (calendar, sessions, progress, trends);
  in the calendar the arrows (day, week), PgUp/PgDn (month), `[`/`]` (year), `v`
  (shade by readiness or volume), Enter (the day's detail) and Escape; in the sessions a
  move down the table, Enter (the session's sets) and Escape; in the progress view a move
  down its sessions; in the trends the span and chart keys. The first round runs while the
  mornings are still being scored on a thread (keys must not wait for it), the others once
  it is done.

The reference: a bare Textual app with the same shape (a ContentSwitcher of a 54x8 text
grid, a DataTable of as many rows as the log has workouts, and two text views), timed the
same way for Tab and for a move in the table.

    .venv/bin/python benchmarks/history_bench.py [--weeks 520] [--rounds 10]

Target (issue): every view opens, and every key answers, in under 150 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screens import FakeClock, Frames, build_log  # noqa: E402
from textual import events  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.binding import Binding  # noqa: E402
from textual.containers import Vertical  # noqa: E402
from textual.widgets import ContentSwitcher, DataTable, Static  # noqa: E402
from timing import p95, summary  # noqa: E402

from storage.log.repository import Repository  # noqa: E402
from tui.app import RestdayApp  # noqa: E402
from tui.screens.history.screen import HistoryScreen  # noqa: E402

SIZE = (80, 24)
TARGET_MS = 150.0
ANY = re.compile(r".")
KEYS = {
    "tab": "\t",
    "shift+tab": "",
    "up": "",
    "down": "",
    "left": "",
    "right": "",
    "pageup": "",
    "pagedown": "",
    "enter": "\r",
    "escape": "\x1b",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
}
OPEN = "y: the history screen"
BUILT = "y: the log aggregated (info)"
SCORED = "y: every morning scored (info)"
VIEW = "Tab: a view"
CALENDAR = "calendar keys"
SESSIONS = "sessions keys"
PROGRESS = "progress keys"
TRENDS = "trends keys"
WHILE_SCORING = " (mornings scored meanwhile)"

Results = dict[str, list[float]]


async def press(
    app: App,
    frames: Frames,
    key: str,
    pattern: re.Pattern[str] = ANY,
    answered: Callable[[], bool] = lambda: True,
) -> float:
    """Send `key`; milliseconds until the first frame matching `pattern` that was composed
    once `answered()` held (the key had been handled). Only polls: never makes the app
    draw."""
    frames.clear()
    frames.probe = answered
    start = time.perf_counter()
    app._driver.send_message(events.Key(key, KEYS.get(key, key)))
    seen = 0
    while True:
        for i in range(seen, len(frames.times)):
            if frames.states[i] and pattern.search(frames.plain(frames.texts[i])):
                return (frames.times[i] - start) * 1000
        seen = len(frames.times)
        if time.perf_counter() - start > 5:
            raise RuntimeError(f"{key}: {pattern.pattern!r} never reached the screen")
        await asyncio.sleep(0.0005)


def changed(value: Callable[[], object]) -> Callable[[], bool]:
    """Whether `value()` differs from what it is now."""
    before = value()
    return lambda: value() != before


async def until(condition, timeout_s: float = 60.0) -> float:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout_s:
            raise RuntimeError("timed out")
        await asyncio.sleep(0.001)
    return (time.perf_counter() - started) * 1000


async def bench_restday(path: Path, clock: FakeClock, rounds: int) -> Results:
    app = RestdayApp(
        Repository(path, clock=clock), clock=clock, keymap_file=path.with_name("no-keymap.toml")
    )
    results: Results = {}

    def add(name: str, ms: float) -> None:
        results.setdefault(name, []).append(ms)

    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: app.store.ready)
        await pilot.pause()
        frames = Frames(app)
        frames.install()
        started = time.perf_counter()
        add(OPEN, await press(app, frames, "y", re.compile("Tab: next view")))
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        await until(lambda: screen.index is not None)
        add(BUILT, (time.perf_counter() - started) * 1000)
        for n in range(rounds + 1):
            suffix = WHILE_SCORING if n == 0 else ""
            for name, values in (await one_round(app, frames, screen)).items():
                results.setdefault(name + suffix, []).extend(values)
            if n == 0:
                await until(lambda: screen.scorer.done)
                add(SCORED, (time.perf_counter() - started) * 1000)
                await pilot.pause()
    return results


async def one_round(app: App, frames: Frames, screen: HistoryScreen) -> Results:
    """Every view and its keys, once; back on the calendar at the end."""
    from tui.widgets.history.year_calendar import YearCalendar

    times: Results = {}

    def add(name: str, ms: float) -> None:
        times.setdefault(name, []).append(ms)

    calendar = screen.query_one(YearCalendar)
    assert screen.view == "calendar"
    for key in (
        "left",
        "up",
        "right",
        "down",
        "pageup",
        "pagedown",
        "left_square_bracket",
        "right_square_bracket",
    ):
        moved = changed(lambda: calendar.cursor)
        add(CALENDAR, await press(app, frames, key, re.compile(r"\d{4}  "), moved))
    for _ in range(2):
        add(CALENDAR, await press(app, frames, "v", ANY, changed(lambda: screen.shade_by)))
    add(CALENDAR, await press(app, frames, "enter", re.compile("That morning")))
    add(CALENDAR, await press(app, frames, "escape", ANY, lambda: app.screen is screen))
    add(VIEW, await press(app, frames, "tab", re.compile("sessions, newest first")))
    table = screen.query_one("#session-table", DataTable)  # each view is made on its first visit
    for _ in range(3):
        moved = changed(lambda: table.cursor_row)
        add(SESSIONS, await press(app, frames, "down", ANY, moved))
    add(SESSIONS, await press(app, frames, "enter", re.compile("d: the day")))
    add(SESSIONS, await press(app, frames, "escape", re.compile("sessions, newest first")))
    add(VIEW, await press(app, frames, "tab", ANY, lambda: screen.view == "progress"))
    sessions = screen.query_one("#progress").query_one(DataTable)  # its sessions, newest first
    for _ in range(3):
        moved = changed(lambda: sessions.cursor_row)
        add(PROGRESS, await press(app, frames, "down", ANY, moved))
    add(VIEW, await press(app, frames, "tab", ANY, lambda: screen.view == "trends"))
    for key in (
        "right_square_bracket",
        "right_square_bracket",
        "left_square_bracket",
        "left_square_bracket",
        "down",
        "up",
    ):
        add(TRENDS, await press(app, frames, key))
    add(VIEW, await press(app, frames, "tab", re.compile("v: (readiness|volume)")))
    return times


# -- the reference: a bare Textual app ---------------------------------------------------


class BareApp(App):
    """A ContentSwitcher of a text grid, a table and two texts; Tab cycles them."""

    BINDINGS = [Binding("tab", "next", "Next", priority=True)]

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="grid"):
            yield Static("\n".join("░▒▓█ " * 11 for _ in range(8)), id="grid")
            with Vertical(id="table"):
                yield Static("sessions, newest first")
                yield DataTable(cursor_type="row")
            yield Static("progress", id="progress")
            yield Static("trends", id="trends")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("date", "workout", "min", "sets", "volume", "load", "ready")
        table.add_rows(
            (f"Mon {n}", "Lower A", "60", "25", "12345", "480", "71") for n in range(self.rows)
        )

    def action_next(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        order = ["grid", "table", "progress", "trends"]
        switcher.current = order[(order.index(switcher.current) + 1) % len(order)]
        if switcher.current == "table":
            self.query_one(DataTable).focus()


async def bench_reference(rows: int, rounds: int) -> Results:
    app = BareApp(rows)
    results: Results = {VIEW: [], SESSIONS: []}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        frames = Frames(app)
        frames.install()
        for _ in range(rounds):
            results[VIEW].append(await press(app, frames, "tab", re.compile("sessions, newest")))
            for _ in range(3):
                results[SESSIONS].append(await press(app, frames, "down"))
            for pattern in ("progress", "trends", "░▒▓█"):
                results[VIEW].append(await press(app, frames, "tab", re.compile(pattern)))
    return results


# -- report ------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=520, help="log length (default 520)")
    parser.add_argument("--rounds", type=int, default=10, help="rounds of keys (default 10)")
    args = parser.parse_args()

    clock = FakeClock(datetime.now(UTC).replace(hour=14, minute=0, second=0, microsecond=0))
    with tempfile.TemporaryDirectory(prefix="restday-history-") as tmp:
        path = build_log(Path(tmp), args.weeks, clock)
        with Repository(path) as repo:
            workouts = repo.counts().workouts
        restday = asyncio.run(bench_restday(path, clock, args.rounds))
    reference = asyncio.run(bench_reference(workouts, args.rounds))

    print(f"\nHistory, key to the answer on screen, {SIZE[0]}x{SIZE[1]}:")
    print("restday (10-year log)" if args.weeks == 520 else f"restday ({args.weeks}-week log)")
    for name, values in restday.items():
        print(summary(name, values, width=46, decimals=1))
    print(f"reference (bare Textual app: a ContentSwitcher, a DataTable of {workouts} rows)")
    for name, values in reference.items():
        print(summary(name, values, width=46, decimals=1))

    measured = [ms for name, values in restday.items() if "(info)" not in name for ms in values]
    worst = max(measured)
    ok = worst < TARGET_MS
    print(
        f"\nevery view and key under {TARGET_MS:g} ms: {'yes' if ok else 'NO'} "
        f"(slowest {worst:.1f} ms, p95 {p95(measured):.1f} ms over {len(measured)} keys; "
        f"reference p95 {p95([ms for v in reference.values() for ms in v]):.1f} ms)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
