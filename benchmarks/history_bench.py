"""History as a person sees it: every history key on a ten-year log, timed at a real 80x24
terminal (tmux) from the key to the screen changing, interleaved with the same measurement
of a bare Textual app, in one run.

Each of `--runs` runs opens restday on the demo log (`restday demo --weeks 520`) and the
bare app (`bare_app.py keys`: a ContentSwitcher of views, one a DataTable of as many rows
as the log has workouts) side by side, waits for restday's home screen, then times, one
key of restday and one of the bare app in turn:
- `y`: until the history screen is on screen (its tabs);
- `--rounds` rounds of every view and key: Tab to each view until the view's own text is
  on screen (calendar, sessions, progress, trends); in the calendar the arrows, PgUp/PgDn,
  `[`/`]`, `v` twice, Enter (the day) and Escape; in the sessions Down three times, Enter
  and Escape; in the progress view Down three times; in the trends `]`, `[` and the arrows.
  Other keys: until the screen's text or colours change. The first round holds the first
  visit to each view.
The bare app's keys, as many and Escape as often as restday's: Tab to its next view (until
its text shows), Down in its table, Enter on a session (a screen) and Escape back.
Between keys the screens are left to settle (untimed).

    .venv/bin/python benchmarks/history_bench.py [--weeks 520] [--runs 2] [--rounds 3]

Targets (issue 17): every history key, first visits included, within 150 ms; the p95 of
restday's keys within 2x the bare app's p95.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

from at_terminal import (
    bare,
    environment,
    line,
    open_timed,
    restday,
    settle,
    time_key,
    verdict,
    wait_until,
    write_demo,
)
from timing import p95

from storage.log.repository import Repository

KEY_MS = 150.0
P95_X = 2.0
HOME = re.compile(r"Peripheral \S+\s+\d+")
ESCAPE_GAP_S = 0.3  # Escape and the next key together read as Alt+key

Step = tuple[str, str, re.Pattern[str] | None]  # (what, tmux key, text it shows)
CALENDAR_SHOWS = re.compile(r"Enter: the day")
ROUND: list[Step] = [
    *[
        ("calendar keys", key, None)
        for key in ("Left", "Up", "Right", "Down", "PPage", "NPage", "[", "]", "v", "v")
    ],
    ("calendar keys", "Enter", None),
    ("calendar keys", "Escape", None),
    ("Tab: sessions", "Tab", re.compile(r"sessions, newest first")),
    *[("sessions keys", "Down", None)] * 3,
    ("sessions keys", "Enter", None),
    ("sessions keys", "Escape", None),
    ("Tab: progress", "Tab", re.compile(r"PR\s+best")),
    *[("progress keys", "Down", None)] * 3,
    ("Tab: trends", "Tab", re.compile(r"span")),
    *[("trends keys", key, None) for key in ("]", "]", "[", "[", "Right", "Left")],
    ("Tab: calendar", "Tab", CALENDAR_SHOWS),
]
# As many keys as a round of restday's, Escape as often (Textual waits for a lone Escape).
BARE_CYCLE: list[Step] = [
    ("Tab: a view", "Tab", re.compile(r"date\s+workout")),
    *[("Down in the table", "Down", None)] * 3,
    ("Enter: a session", "Enter", re.compile(r"session detail")),
    ("Escape: back", "Escape", re.compile(r"date\s+workout")),
    *[("Down in the table", "Down", None)] * 6,
    ("Tab: a view", "Tab", re.compile(r"progress view")),
    ("Tab: a view", "Tab", re.compile(r"trends view")),
    ("Tab: a view", "Tab", re.compile(r"a set: 100x5@8")),
]

Results = dict[str, list[float]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=520)
    parser.add_argument("--runs", type=int, default=2, help="fresh apps (first visits)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of keys per run")
    args = parser.parse_args()

    first: Results = {}
    later: Results = {}
    reference: Results = {}
    slowest: list[tuple[float, str]] = []  # (ms, the key and where it was pressed)
    with tempfile.TemporaryDirectory(prefix="restday-history-") as tmp:
        directory = Path(tmp)
        log = write_demo(directory / "log.json", args.weeks)
        with Repository(log) as repo:
            workouts = repo.counts().workouts
        env = environment(directory)
        bare_step = 0

        def bare_key() -> None:
            nonlocal bare_step
            what, key, shows = BARE_CYCLE[bare_step % len(BARE_CYCLE)]
            bare_step += 1
            settle(reference_term)
            reference.setdefault(what, []).append(time_key(reference_term, key, shows=shows))
            if key == "Escape":
                time.sleep(ESCAPE_GAP_S)

        for run in range(args.runs):
            bare_step = 0  # a fresh bare app: its cycle from the start
            reference_term, _, _ = open_timed(bare("keys", str(workouts)), env)
            term, _, _ = open_timed(restday(log), env, HOME)
            try:
                settle(term)
                first.setdefault("y: history", []).append(
                    time_key(term, "y", shows=re.compile("Tab: next view"))
                )
                bare_key()
                wait_until(term, CALENDAR_SHOWS)
                for n in range(args.rounds):
                    into = first if n == 0 else later
                    for what, key, shows in ROUND:
                        settle(term)
                        ms = time_key(term, key, shows=shows)
                        into.setdefault(what, []).append(ms)
                        slowest.append((ms, f"{key} ({what}, round {n + 1})"))
                        if key == "Escape":
                            time.sleep(ESCAPE_GAP_S)
                        bare_key()
            finally:
                term.close()
                reference_term.close()
            print(f"run {run + 1}/{args.runs} done", flush=True)

    every = [ms for values in (*first.values(), *later.values()) for ms in values]
    bare_every = [ms for values in reference.values() for ms in values]
    bare_p95 = p95(bare_every)
    print(
        f"\nhistory keys at the terminal (80x24 tmux), {args.weeks}-week log, {args.runs} runs; "
        f"ratio of each median to the bare app's p95 ({bare_p95:.0f} ms):"
    )
    print("restday, first round (first visit to each view):")
    for name, values in first.items():
        print(line(name, values, bare_p95))
    print("restday, later rounds:")
    for name, values in later.items():
        print(line(name, values, bare_p95))
    print(f"bare Textual app (ContentSwitcher, a DataTable of {workouts} rows):")
    for name, values in reference.items():
        print(line(name, values, bare_p95))
    print(line("restday, every key", every, bare_p95))
    slow = ", ".join(f"{key} {ms:.0f}" for ms, key in sorted(slowest, reverse=True)[:5])
    print(f"  restday's slowest keys after `y` (ms): {slow}")
    print(line("bare app, every key", bare_every, bare_p95))
    print("targets:")
    ok = verdict("slowest history key", max(every), KEY_MS, "ms")
    ok &= verdict("restday p95 / bare p95", p95(every) / bare_p95, P95_X)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
