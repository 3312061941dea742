"""Start-up speed: wall time from process start to the first frame, measured in one run.

Runs, in a pseudo-terminal of 80x24, interleaved and `--runs` times each:
- a bare Textual app (Header, DataTable, Footer), written to the temporary directory;
- restday on an empty log;
- restday on a ten-year demo log (`restday demo --weeks 520`).

"First frame": the moment the app's first screen reaches the terminal, read from the pty:
the first time its output holds a text the first frame shows (restday's header, a row of
the bare app's table). The clock starts just before the process is spawned. Every run is a
fresh interpreter.

    python benchmarks/startup_bench.py [--runs 5] [--weeks 520]

Target (issue "the app shell"): restday's first frame on the ten-year log within 1.5x of
the bare app's.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.5

BARE_APP = '''
"""The reference: a bare Textual app with a header, a table and a footer."""
from textual.app import App
from textual.widgets import DataTable, Footer, Header


class Bare(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("#", "set", "e1RM")
        table.add_rows([(n, "100 kg x 5 @8", "123.3") for n in range(1, 6)])


Bare().run()
'''


def first_frame(command: list[str], shows: bytes, env: dict[str, str], timeout: float) -> float:
    """Seconds from spawning `command` in an 80x24 pty to its output first holding `shows`."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    shown = threading.Event()
    shown_at: list[float] = []

    def read() -> None:  # read everything the app writes, so that it never blocks
        tail = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            if not shown.is_set() and shows in tail + chunk:
                shown_at.append(time.time())
                shown.set()
            tail = (tail + chunk)[-len(shows) :]

    reader = threading.Thread(target=read, daemon=True)
    start = time.time()
    process = subprocess.Popen(
        command,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
        cwd=ROOT,
    )
    os.close(slave)
    reader.start()
    try:
        while not shown.wait(0.05):
            if process.poll() is not None:
                raise RuntimeError(f"{command} exited ({process.returncode}) before a frame")
            if time.time() > start + timeout:
                raise RuntimeError(f"{command} showed no frame within {timeout} s")
        return shown_at[0] - start
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(timeout=5)
        os.close(master)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--weeks", type=int, default=520)
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="restday-startup-") as tmp:
        tmp_dir = Path(tmp)
        bare = tmp_dir / "bare_app.py"
        bare.write_text(BARE_APP)
        empty_log = tmp_dir / "empty" / "log.json"
        empty_log.parent.mkdir()
        ten_years = tmp_dir / "ten-years" / "log.json"
        ten_years.parent.mkdir()
        print(f"writing a {args.weeks}-week demo log ...", flush=True)
        demo = ["demo", "--db", str(ten_years), "--weeks", str(args.weeks)]
        subprocess.run([sys.executable, "-m", "tui", *demo], check=True, cwd=ROOT)
        size_mb = ten_years.stat().st_size / 1e6

        env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
        env.update(TERM="xterm-256color", XDG_CONFIG_HOME=str(tmp_dir / "config"))
        env.pop("NO_COLOR", None)
        restday = [sys.executable, "-m", "tui", "--db"]
        cases = {  # what each shows in its first frame
            "bare Textual app": ([sys.executable, str(bare)], b"100 kg x 5 @8"),
            "restday, empty log": ([*restday, str(empty_log)], b"restday"),
            f"restday, {args.weeks}-week log ({size_mb:.0f} MB)": (
                [*restday, str(ten_years)],
                b"restday",
            ),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for run in range(args.runs):
            for name, (command, shows) in cases.items():  # interleaved: drift hits all alike
                times[name].append(first_frame(command, shows, env, args.timeout))
            print(f"run {run + 1}/{args.runs} done", flush=True)

    medians = {name: statistics.median(values) for name, values in times.items()}
    reference = medians["bare Textual app"]
    print(f"\nfirst frame, median of {args.runs} runs (80x24 pty, fresh process each run):")
    width = max(len(name) for name in medians)
    for name, median in medians.items():
        spread = f"{min(times[name]) * 1000:.0f}-{max(times[name]) * 1000:.0f} ms"
        print(f"  {name:<{width}}  {median * 1000:7.0f} ms  ({spread})  x{median / reference:.2f}")
    ratio = list(medians.values())[-1] / reference
    verdict = "met" if ratio <= TARGET else "MISSED"
    target = f"{args.weeks}-week log within {TARGET}x of the bare app"
    print(f"\ntarget: {target}: x{ratio:.2f}, {verdict}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
