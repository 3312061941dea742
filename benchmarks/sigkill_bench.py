"""A set on screen is never lost: restday SIGKILLed right after a burst of sets shows, on
the 10-year log, `--trials` times; and what acknowledging a set costs.

Builds a 10-year demo log (`restday demo --weeks 520`, ~16 MB) in a temp dir and logs a
set from the shell (`restday log`) so that today's workout is open. Then, each trial:
restday starts in a real terminal (tmux, 80x24), `w` opens the workout, `--burst` sets
are typed at once (`200.5x5@8` and Enter, then Enter to repeat it), and the screen is read
every few milliseconds until the last of them shows as logged: every row there, with no
"saving" beside it (a set shows "saving" until the log says it is on disk). At that
moment the app gets SIGKILL. The log is then opened again and today's sets of that weight
counted: sets lost = typed - stored. Each trial uses a weight of its own.

Per trial, from sending the keys: the time until the last set's row is first on screen
(the frame: the screen never waits for the disk), and the time until it shows as saved
(the acknowledgement). How often a frame showed "saving" is printed too: those sets were
not yet promised.

In the same run, in this process, on a copy of the log: saving one set through the
`Repository` (what acknowledges a set now: one line appended to the journal and fsynced)
against the reference, one durable rewrite of the whole log file (what acknowledged a set
before the journal, and what folding the journal costs now, off the key path).

    .venv/bin/python benchmarks/sigkill_bench.py [--trials 50] [--weeks 520] [--burst 3]

Target: 0 sets lost in 50 trials.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import p95, summary, timed  # noqa: E402

from storage.clock import NOW_ENV  # noqa: E402
from storage.log.repository import Repository  # noqa: E402
from storage.model.exercise_library import BUILTIN_BY_ID  # noqa: E402
from tests.support.terminal import Terminal  # noqa: E402

NOW = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
POLL_S = 0.003


def app_pid(term: Terminal) -> int:
    """The restday process in the terminal (the pane runs a shell that runs it)."""
    shell = int(term._tmux("display-message", "-p", "-t", term.name, "#{pane_pid}").strip())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for child in Path(f"/proc/{shell}/task/{shell}/children").read_text().split():
            if b"tui" in Path(f"/proc/{child}/cmdline").read_bytes():
                return int(child)
        time.sleep(0.02)
    raise RuntimeError("restday did not start")


def rows_with(screen: str, text: str) -> list[str]:
    return [line for line in screen.splitlines() if text in line]


Trial = tuple[int, float, float, bool]


def trial(log: Path, env: dict[str, str], weight: str, burst: int) -> Trial:
    """One trial: sets lost, ms to the last row on screen, ms to it shown as saved, and
    whether a frame showed it as saving."""
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, env=env) as term:
        pid = app_pid(term)
        term.wait_for("workout in progress (w)", timeout=60)
        term.keys("w")
        term.wait_for("Enter repeats", timeout=60)
        text = f"{weight} kg x 5 @8"
        before = len(rows_with(term.screen(), text))
        term.keys("-l", "--", f"{weight}x5@8")
        start = time.perf_counter()
        term.keys("Enter", *["Enter"] * (burst - 1))
        shown = saved = 0.0
        saw_saving = False
        deadline = start + 30
        while True:
            rows = rows_with(term.screen(), text)
            now = time.perf_counter()
            if len(rows) - before >= burst:
                shown = shown or now
                if any("saving" in row for row in rows):
                    saw_saving = True
                else:
                    saved = now
                    break
            if now > deadline:
                raise RuntimeError(f"the sets did not show within 30 s: {term.screen()}")
            time.sleep(POLL_S)
        os.kill(pid, signal.SIGKILL)
    with Repository(log, clock=lambda: NOW, read_only=True) as repo:
        stored = [s for s in repo.sets(since=repo.today()) if s.weight_kg == float(weight)]
    return burst - len(stored), (shown - start) * 1000, (saved - start) * 1000, saw_saving


def acknowledge_costs(log: Path, repeat: int) -> tuple[list[float], list[float]]:
    """Ms to save one set (a journal append), and ms for the reference: one durable rewrite
    of the whole log (a fold), on a copy of the log."""
    copy = log.with_name("copy.json")
    shutil.copyfile(log, copy)
    bench = BUILTIN_BY_ID["bench-press"]
    with Repository(copy, clock=lambda: NOW) as repo:
        workout = repo.todays_workout()
        appends, rewrites = [], []
        for _ in range(repeat):
            appends += timed(lambda: repo.log_set(workout, bench, 50, 5), 1)
            rewrites += timed(repo.fold, 1)
    return appends, rewrites


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--weeks", type=int, default=520)
    parser.add_argument("--burst", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="restday-sigkill-") as tmp:
        tmp_dir = Path(tmp)
        log = tmp_dir / "log.json"
        env = {
            "XDG_CONFIG_HOME": str(tmp_dir / "config"),
            "XDG_DATA_HOME": str(tmp_dir / "data"),
            NOW_ENV: NOW.isoformat(),
            "TZ": "UTC",
        }
        run_env = {**os.environ, **env}
        print(f"writing a {args.weeks}-week demo log ...", flush=True)
        demo = ["demo", "--db", str(log), "--weeks", str(args.weeks)]
        subprocess.run([sys.executable, "-m", "tui", *demo], check=True, cwd=ROOT, env=run_env)
        subprocess.run(  # today's workout, open, with bench press as its exercise
            [sys.executable, "-m", "tui", "log", "--db", str(log), "bench 60x5"],
            check=True,
            cwd=ROOT,
            env=run_env,
            capture_output=True,
        )
        print(f"log: {log.stat().st_size / 1e6:.1f} MB", flush=True)

        lost: list[int] = []
        shown: list[float] = []
        saved: list[float] = []
        saving_frames = 0
        for n in range(args.trials):
            result = trial(log, env, f"{200 + n}.5", args.burst)
            lost.append(result[0])
            shown.append(result[1])
            saved.append(result[2])
            saving_frames += result[3]
            print(
                f"  trial {n + 1:>3}: lost {result[0]}, on screen {result[1]:6.1f} ms, "
                f"saved {result[2]:6.1f} ms{' (a frame showed saving)' if result[3] else ''}",
                flush=True,
            )
        appends, rewrites = acknowledge_costs(log, 20)

    typed = args.trials * args.burst
    print()
    print(f"SIGKILL once {args.burst} sets show as saved, {args.trials} trials, {typed} sets:")
    print(f"  sets lost: {sum(lost)} of {typed} (trials losing any: {sum(1 for x in lost if x)})")
    print(f"  frames that showed a set as saving first: {saving_frames} of {args.trials} trials")
    print(summary("keys to the last set on screen", shown, decimals=1))
    print(summary("keys to the last set shown saved", saved, decimals=1))
    print("acknowledging one set, in process, same log:")
    print(summary("journal append + fsync (now)", appends))
    print(summary("rewrite of the whole log (before)", rewrites))
    print(
        f"  append / rewrite: median {statistics.median(appends) / statistics.median(rewrites):.3f}"
        f", p95 {p95(appends) / p95(rewrites):.3f}"
    )
    print(f"target: 0 sets lost -> {'met' if sum(lost) == 0 else 'NOT met'}")
    return 0 if sum(lost) == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
