"""Enter to the set on screen, as a person sees it: restday on a ten-year log against a bare
Textual app (an Input over a DataTable that appends a row on Enter), in a real 80x24
terminal (tmux), interleaved in one run.

restday starts "Lower A" on the demo log (`restday demo --weeks 520`); for each of `--sets`
sets (`40.5x5@8`, a new weight each) the text is typed and shown on the entry line
(untimed), then Enter is timed until the set's row is on screen. Two cases, alternating:
- paced: Enter after a pause; the set's own save starts on the log's writer while its row
  is drawn;
- typed ahead: the set typed (no pause) right after the previous set's row showed, Enter as
  soon as the text shows, while that set's save may still be in flight (not checked).
The bare app gets the same texts and keys, set by set in turn with restday.
The in-app breakdown (Enter to the frame composed, per save) is keypress_inapp_bench.py.

    .venv/bin/python benchmarks/keypress_bench.py [--sets 20] [--weeks 520]

Target (issue 17): restday's p95 from Enter to the set on screen within 1.5x of the bare
app's p95.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
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

P95_X = 1.5
HOME = re.compile(r"Peripheral \S+\s+\d+")
PACED = "paced (own save in flight)"
AHEAD = "typed ahead (previous save in flight)"


def row(text: str) -> re.Pattern[str]:
    weight, _, rest = text.partition("x")
    reps, _, rpe = rest.partition("@")
    return re.compile(rf"\b{re.escape(weight)} kg x {reps} @{rpe}\b")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=20)
    parser.add_argument("--weeks", type=int, default=520)
    args = parser.parse_args()

    results: dict[str, dict[str, list[float]]] = {"restday": {}, "bare": {}}
    with tempfile.TemporaryDirectory(prefix="restday-keypress-") as tmp:
        directory = Path(tmp)
        log = write_demo(directory / "log.json", args.weeks)
        env = environment(directory)
        reference, _, _ = open_timed(bare("keys", "0"), env, re.compile("a set: 100x5@8"))
        term, _, _ = open_timed(restday(log), env, HOME)
        try:
            term.keys("w")
            wait_until(term, re.compile("Lower A"))
            term.keys("Home", "Down", "Enter")  # from the top: the list opens on the plan
            wait_until(term, re.compile(r"▸1 Back Squat"))
            for n in range(args.sets):
                text = f"{40 + n * 0.5:g}x5@8"
                case = AHEAD if n % 2 else PACED
                for name, screen in (("restday", term), ("bare", reference)):
                    if case == PACED:
                        settle(screen)
                    screen.keys("-l", "--", text)
                    wait_until(screen, re.compile(re.escape(text)))
                    ms = time_key(screen, "Enter", shows=row(text))
                    results[name].setdefault(case, []).append(ms)
        finally:
            term.close()
            reference.close()

    every = {
        name: [ms for values in cases.values() for ms in values] for name, cases in results.items()
    }
    bare_p95 = p95(every["bare"])
    print(f"\nEnter to the set on screen at the terminal (80x24 tmux), {args.weeks}-week log:")
    for name, cases in results.items():
        print(f"{name}:")
        for case, values in cases.items():
            print(line(case, values, bare_p95))
        print(line("every set", every[name], bare_p95))
    print("target:")
    ok = verdict("restday p95 / bare p95", p95(every["restday"]) / bare_p95, P95_X)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
