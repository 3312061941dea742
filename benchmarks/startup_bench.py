"""Start-up as a person sees it: restday's first frame and its readiness number on screen,
against a bare Textual app's first frame, in a real 80x24 terminal (tmux), in one run.

Runs, interleaved and `--runs` times each, every run a fresh process in a fresh terminal:
- the bare Textual app (`bare_app.py frame`: a Header, a DataTable, a Footer);
- restday on a demo log of `--weeks` weeks (`restday demo --weeks 520`: ten years);
- restday on a one-week demo log (informational).

First frame: from creating the terminal until its screen is not empty. Readiness: until
the home screen shows the morning's score ("Peripheral ... 81").

    .venv/bin/python benchmarks/startup_bench.py [--runs 5] [--weeks 520]

Targets (issue 17), on the ten-year log: the first frame within 1.3x of the bare app's
first frame, the readiness number within 1.6x of it.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import statistics
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from at_terminal import ROOT, bare, environment, line, open_timed, restday, verdict, write_demo

from storage.clock import NOW_ENV

FIRST_FRAME_X = 1.3
READINESS_X = 1.6
READINESS = re.compile(r"Peripheral \S+\s+\d+")


def compiled() -> None:
    """Byte-compile restday's packages, as installing it does. Textual's are (pip did it):
    with PYTHONDONTWRITEBYTECODE set, as in this machine's tmux, restday's would otherwise
    be compiled again at every start: a sixth of its first frame."""
    for package in ("tui", "storage", "scoring"):
        compileall.compile_dir(ROOT / package, quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--weeks", type=int, default=520)
    args = parser.parse_args()
    compiled()
    # One moment for writing the demo logs and for opening them: a tmux server started
    # from a test's shell hands its RESTDAY_NOW (another day) to every terminal it opens.
    os.environ[NOW_ENV] = datetime.now(UTC).replace(microsecond=0).isoformat()

    with tempfile.TemporaryDirectory(prefix="restday-startup-") as tmp:
        directory = Path(tmp)
        long_log = write_demo(directory / "long" / "log.json", args.weeks)
        week_log = write_demo(directory / "week" / "log.json", 1)
        env = environment(directory) | {NOW_ENV: os.environ[NOW_ENV]}
        cases = {
            "bare Textual app": (bare("frame"), None),
            f"restday, {args.weeks}-week log": (restday(long_log), READINESS),
            "restday, 1-week log (info)": (restday(week_log), READINESS),
        }
        first: dict[str, list[float]] = {name: [] for name in cases}
        ready: dict[str, list[float]] = {name: [] for name in cases}
        for run in range(args.runs):
            for name, (command, shows) in cases.items():  # interleaved: drift hits all alike
                term, frame_ms, shows_ms = open_timed(command, env, shows)
                term.close()
                first[name].append(frame_ms)
                if shows_ms is not None:
                    ready[name].append(shows_ms)
            print(f"run {run + 1}/{args.runs} done", flush=True)

    bare_ms = statistics.median(first["bare Textual app"])
    print(f"\nstart-up at the terminal (80x24 tmux), {args.runs} runs, ratio to the bare app:")
    print("first frame (first non-empty screen):")
    for name, values in first.items():
        print(line(name, values, bare_ms))
    print("the readiness number on screen:")
    for name, values in ready.items():
        if values:
            print(line(name, values, bare_ms))
    long_name = f"restday, {args.weeks}-week log"
    print(f"targets ({args.weeks}-week log, medians):")
    ok = verdict(
        "first frame / bare first frame",
        statistics.median(first[long_name]) / bare_ms,
        FIRST_FRAME_X,
    )
    ok &= verdict(
        "readiness on screen / bare first frame",
        statistics.median(ready[long_name]) / bare_ms,
        READINESS_X,
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
