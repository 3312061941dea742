"""Peak memory of restday after visiting every screen on a long log, against the bare
Textual app after visiting each of its views, both in a real 80x24 terminal (tmux).

restday opens on the demo log (`restday demo --weeks N`, by default 520: ten years) and
goes to every screen with its keys, left to settle after each: settings, templates,
history and each of its views, help, the workout, recovery and symptoms screens, home.
The bare app (`bare_app.py keys`, with a table of as many rows as the log has workouts)
goes through each of its views with Tab. Each process's peak resident memory is then read
from the kernel (`VmHWM` in /proc/PID/status).

    .venv/bin/python benchmarks/memory_bench.py [--weeks 520] [--runs 2]

Target (issue 17): restday's peak under 2x the bare app's plus the size of the log file.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from at_terminal import bare, environment, open_timed, restday, settle, write_demo

from storage.clock import NOW_ENV
from storage.log.repository import Repository
from tests.support.terminal import Terminal

TIMES_BARE = 2.0
HOME = re.compile(r"Peripheral \S+\s+\d+")
ESCAPE_GAP_S = 0.3  # Escape and the next key together read as Alt+key
# Every screen, by its key (tmux names; Alt: the screens' lines take letters as text).
VISITS = [
    ("settings", ","),
    ("home", "M-h"),
    ("templates", "l"),
    ("home", "M-h"),
    ("history", "M-y"),
    *[("history: next view", "Tab")] * 4,
    ("home", "M-h"),
    ("help", "?"),
    ("home", "Escape"),
    ("workout", "M-w"),
    ("recovery", "M-r"),
    ("symptoms", "M-s"),
    ("home", "M-h"),
]
BARE_VISITS = [("next view", "Tab")] * 4


def child_pid(term: Terminal, marker: bytes) -> int:
    """The Python process in the terminal whose command line holds `marker` (the pane runs
    a shell, which runs `env`, which runs it)."""
    shell = int(term._tmux("display-message", "-p", "-t", term.name, "#{pane_pid}").strip())
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        pending = [str(shell)]
        while pending:
            pid = pending.pop()
            pending += Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            if command[0] == sys.executable.encode() and marker in b" ".join(command):
                return int(pid)
        time.sleep(0.05)
    raise RuntimeError(f"no process of {marker!r} in the terminal")


def peak_mb(pid: int) -> float:
    """The process's peak resident memory (VmHWM), in MB."""
    for row in Path(f"/proc/{pid}/status").read_text().splitlines():
        if row.startswith("VmHWM:"):
            return int(row.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {pid}")


def visit(term: Terminal, visits: list[tuple[str, str]]) -> list[str]:
    """Press each key, letting the screen settle after it; the top line each one left."""
    seen = []
    for _what, key in visits:
        term.keys(key)
        if key == "Escape":
            time.sleep(ESCAPE_GAP_S)
        settle(term, quiet_s=1.0, timeout=15)
        seen.append(term.screen().splitlines()[0].strip() if term.screen().strip() else "")
    return seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=520)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    peaks: dict[str, list[float]] = {"restday": [], "bare": []}
    with tempfile.TemporaryDirectory(prefix="restday-memory-") as tmp:
        directory = Path(tmp)
        log = write_demo(directory / "log.json", args.weeks)
        with Repository(log) as repo:
            workouts = repo.counts().workouts
        # the clock of the log's last day (a tmux server may hold another RESTDAY_NOW)
        env = {**environment(directory), NOW_ENV: datetime.now(UTC).isoformat()}
        for run in range(args.runs):
            reference, _, _ = open_timed(bare("keys", str(workouts)), env)
            try:
                settle(reference)
                visit(reference, BARE_VISITS)
                peaks["bare"].append(peak_mb(child_pid(reference, b"bare_app.py")))
            finally:
                reference.close()
            term, _, _ = open_timed(restday(log), env, HOME)
            try:
                settle(term)
                seen = visit(term, VISITS)
                peaks["restday"].append(peak_mb(child_pid(term, b"tui")))
            finally:
                term.close()
            if run == 0:
                print("screens visited (their top lines):")
                for (what, key), top in zip(VISITS, seen, strict=True):
                    print(f"  {key:<7} {what:<20} {top[:48]}")
            print(f"run {run + 1}/{args.runs} done", flush=True)
        log_mb = log.stat().st_size / 1024**2
    restday_mb = statistics.median(peaks["restday"])
    bare_mb = statistics.median(peaks["bare"])
    limit = TIMES_BARE * bare_mb + log_mb
    print(f"\npeak memory (VmHWM) after every screen, {args.weeks}-week log, {args.runs} runs:")
    print(f"  restday   median {restday_mb:6.1f} MB  (runs: {peaks['restday']})")
    print(f"  bare app  median {bare_mb:6.1f} MB  (runs: {peaks['bare']})")
    print(f"  log file         {log_mb:6.1f} MB")
    ok = restday_mb <= limit
    print(
        f"  target: under {TIMES_BARE:g}x the bare app's + the log file = {limit:.1f} MB: "
        f"{restday_mb:.1f} MB, {'met' if ok else 'MISSED'} "
        f"({restday_mb / limit:.2f} of the bound)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
