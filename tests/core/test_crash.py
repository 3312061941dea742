"""A writer killed at any moment (SIGKILL: no cleanup, no flush) never costs the log: it
still opens, and every set the writer reported as saved is in it."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID

ROUNDS = 25  # benchmarks/sigkill_bench.py kills 150 on the ten-year log
MAX_DELAY_S = 0.150

WRITER = """\
import sys

from storage.model.exercise_library import BUILTIN_BY_ID
from storage.log.repository import Repository

repo = Repository(sys.argv[1])
bench = BUILTIN_BY_ID["bench-press"]
out = sys.stdout
while True:
    entry = repo.log_set(repo.todays_workout(), bench, 100, 5)
    out.write(entry.id + "\\n")
    out.flush()
"""


def temp_files(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f".{path.name}.*.tmp"))


def stored_set_ids(path: Path) -> set[str]:
    with Repository(path) as repo:  # opens without error: the log parses
        return {entry.id for entry in repo.sets()}


def run_and_kill(script: Path, log: Path, delay: float) -> tuple[list[str], str]:
    """Start a writer, wait until it reports its first saved set, let it run `delay`
    seconds more, SIGKILL it; return the ids it reported and what it wrote to stderr."""
    proc = subprocess.Popen(
        [sys.executable, str(script), str(log)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    watchdog = threading.Timer(20, proc.kill)  # a hung writer fails the test, not CI
    watchdog.start()
    try:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        rest = proc.stdout.read()
        stderr = proc.stderr.read().decode(errors="replace")
    finally:
        watchdog.cancel()
        proc.stdout.close()
        proc.stderr.close()
    assert first.endswith(b"\n"), f"the writer died before saving anything: {stderr}"
    assert proc.returncode == -signal.SIGKILL, stderr
    text = (first + rest).decode()
    # Only whole lines count: a line cut short was not reported.
    lines = text.split("\n")[:-1]
    return lines, stderr


def test_sigkilled_writers_never_lose_a_reported_set(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    seed = int.from_bytes(os.urandom(4), "little")
    rng = random.Random(seed)

    reported: set[str] = set()
    stored: set[str] = set()
    saw_temp = 0
    for round_ in range(ROUNDS):
        where = f"round {round_}, seed {seed}"
        lines, stderr = run_and_kill(script, log, rng.uniform(0, MAX_DELAY_S))
        assert stderr == "", where
        assert lines and all(len(line) == 32 for line in lines), where
        new = set(lines)
        assert len(new) == len(lines), where  # every set got its own id

        now_stored = stored_set_ids(log)
        assert stored <= now_stored, f"{where}: sets saved before were lost"
        assert reported | new <= now_stored, f"{where}: reported sets are missing"
        # At most one set was saved but not yet reported when the kill came.
        assert len(now_stored - stored - new) <= 1, where
        reported |= new
        stored = now_stored

        json.loads(log.read_bytes())  # and it is plain, valid JSON
        leftovers = temp_files(log)
        assert len(leftovers) <= 1, f"{where}: stale temp files pile up: {leftovers}"
        saw_temp += len(leftovers)

    print(f"seed {seed}: {len(reported)} sets reported, {saw_temp} temp files left by kills")
    assert len(reported) >= ROUNDS
    # The next writer sweeps whatever a killed writer left behind.
    with Repository(log) as repo:
        repo.log_set(repo.todays_workout(), BUILTIN_BY_ID["bench-press"], 100, 5)
        assert reported <= {entry.id for entry in repo.sets()}
    assert temp_files(log) == []
