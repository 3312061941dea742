"""Run a command in a real terminal (tmux) of a given size, type keys, read the screen."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from storage.clock import NOW_ENV
from storage.log.repository import Repository
from storage.model.records import SetEntry
from tests.support.clock import TUESDAY_EVENING

OUTLIVED_AFTER_S = 10  # leaving saves what is waiting: seconds at most, even on a full disk


def _alive(pid: int) -> bool:
    """Whether `pid` still runs (a zombie, ended but not yet reaped, does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


class Terminal:
    def __init__(
        self, command: Sequence[str], *, size: str = "80x24", env: Mapping[str, str] = {}
    ) -> None:
        if shutil.which("tmux") is None:
            raise RuntimeError("tmux is needed for real-terminal tests: apt-get install tmux")
        self.name = f"restday-test-{uuid.uuid4().hex[:8]}"
        cols, rows = size.split("x")
        assignments = " ".join(
            shlex.quote(f"{k}={v}") for k, v in {"TERM": "xterm-256color", **env}.items()
        )
        # COLUMNS/LINES from whatever started the tmux server would pin the size Textual
        # reads (shutil.get_terminal_size prefers them), hiding every resize
        line = (
            f"env -u COLUMNS -u LINES {assignments} {shlex.join(command)}; "
            "echo '[exited' $?']'; sleep 60"
        )
        self._tmux("new-session", "-d", "-s", self.name, "-x", cols, "-y", rows, line)

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout

    def screen(self, *, escapes: bool = False) -> str:
        """The visible screen; with `escapes`, with its colours and attributes (SGR codes)."""
        return self._tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", self.name)

    def resize(self, size: str) -> None:
        """Resize the terminal, e.g. "60x20": the program gets SIGWINCH as from a window."""
        cols, rows = size.split("x")
        self._tmux("resize-window", "-t", self.name, "-x", cols, "-y", rows)

    def wait_for(self, text: str, timeout: float = 15) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} did not appear on screen:\n{screen}")
            time.sleep(0.1)

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.name, *keys)

    def close(self) -> None:
        """Close the terminal, as a dropped SSH connection does (SIGHUP), and check that
        what ran in it left within seconds (Textual's output thread once kept a restday
        asleep for ever: `textual_workarounds.WriterOutlivingItsTerminal`)."""
        running = self._processes()
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)
        deadline = time.monotonic() + OUTLIVED_AFTER_S
        while (left := [pid for pid in running if _alive(pid)]) and time.monotonic() < deadline:
            time.sleep(0.05)
        for pid in left:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        assert not left, f"still running {OUTLIVED_AFTER_S} s after its terminal closed: {left}"

    def _processes(self) -> list[int]:
        """The processes running in the terminal: its shell and what that started."""
        try:
            shell = int(self._tmux("display-message", "-p", "-t", self.name, "#{pane_pid}"))
        except (subprocess.CalledProcessError, ValueError):
            return []  # the session is gone already
        found, pending = [], [shell]
        while pending:
            pid = pending.pop()
            found.append(pid)
            for children in Path(f"/proc/{pid}/task").glob("*/children"):
                with contextlib.suppress(OSError):
                    pending += map(int, children.read_text().split())
        return found

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


ESCAPE_GAP_S = 0.3  # Escape and the next key read as alt+key if they come together


def app_pid(term: Terminal) -> int:
    """The restday process in the terminal (the pane runs a shell that runs it)."""
    shell = int(term._tmux("display-message", "-p", "-t", term.name, "#{pane_pid}").strip())
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
        for child in children:
            if b"tui" in Path(f"/proc/{child}/cmdline").read_bytes():
                return int(child)
        time.sleep(0.05)
    raise AssertionError("restday did not start")


def wait_until(term: Terminal, check: Callable[[str], bool], what: str, timeout: float = 15):
    deadline = time.monotonic() + timeout
    while True:
        screen = term.screen()
        if check(screen):
            return screen
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen on screen:\n{screen}")
        time.sleep(0.1)


def settled(term: Terminal, quiet_s: float = 1.5, timeout: float = 20) -> str:
    """The screen once it has not changed for `quiet_s` (background work done)."""
    deadline = time.monotonic() + timeout
    screen, since = term.screen(), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        now = term.screen()
        if now != screen:
            screen, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet_s:
            return screen
    raise AssertionError(f"the screen kept changing:\n{screen}")


def start_with_a_set(term: Terminal) -> None:
    """From Home on an empty log: `w`, then `bench 100x5` and Enter typed at a person's pace
    start an empty workout with that set, on screen."""
    term.wait_for("Home")
    term.keys("w")
    term.wait_for("Empty workout")
    type_slowly(term, "bench 100x5\r")
    term.wait_for("100 kg x 5")


def start_empty_workout(term: Terminal) -> None:
    """From Home: `w`, then Home (the start list opens on today's plan when there is one)
    and Enter on "Empty workout" at its top."""
    term.wait_for("Guidance, not medical advice.")
    term.keys("w")
    term.wait_for("Empty workout")
    term.keys("Home", "Enter")
    term.wait_for("Started a workout")


def entry_line(screen: str) -> str:
    """What the entry line (above the footer, inside its border) holds."""
    return screen.splitlines()[-3].strip("▊▎ ")


def type_text(term: Terminal, text: str, *, then: str = "") -> None:
    """Type `text` into the entry line and wait until it shows `then` (what was typed), as a
    lifter looks before pressing Enter."""
    term.keys("-l", "--", text)
    wait_until(term, lambda s: entry_line(s) == (then or text), f"typing {text!r}")


def type_line(term: Terminal, line: str) -> None:
    """Type a line into the entry line and press Enter."""
    if line:
        type_text(term, line)
    term.keys("Enter")


PERSON_KEY_GAP_S = 0.15  # a lifter between sets: a key every 150 ms


def type_slowly(term: Terminal, text: str, gap: float = PERSON_KEY_GAP_S) -> None:
    """Type `text` a character at a time at a person's pace, looking at nothing in between
    (what reaches where is the app's business, as for a lifter typing without looking)."""
    for character in text:
        term.keys("-l", "--", character)
        time.sleep(gap)


def log_set(term: Terminal, line: str, shown: str) -> str:
    """Type `line` and Enter at a person's pace; the screen once the set shows as `shown`."""
    type_slowly(term, line + "\r")
    return term.wait_for(shown)


def row(screen: str, start: str) -> str:
    """The line of the screen with `start` in it."""
    return next(line for line in screen.splitlines() if start in line)


def quit_and_read(term: Terminal, log: Path) -> list[SetEntry]:
    """Leave restday (what it holds is saved); every set of the log, oldest first."""
    screen = term.screen()
    assert "Traceback" not in screen
    assert all(len(row) <= 80 for row in screen.splitlines())
    term.keys("C-q")
    wait_until(term, lambda s: "[exited 0]" in s, "quitting")
    with open_log(log) as repo:
        return repo.sets()


def leave_entry(term: Terminal) -> None:
    term.keys("Escape")
    time.sleep(ESCAPE_GAP_S)


def isolated(tmp_path: Path, now: datetime = TUESDAY_EVENING) -> dict[str, str]:
    """The environment of a restday run by a test: the user's own config (keymap) and data
    kept out of it, its clock starting at `now` (never the wall clock's day), in UTC."""
    return {
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        NOW_ENV: now.isoformat(),
        "TZ": "UTC",
    }


def open_log(log: Path, now: datetime = TUESDAY_EVENING) -> Repository:
    """The log a test's restday writes, read on the same day as it runs."""
    return Repository(log, clock=lambda: now)


def restday(
    tmp_path: Path,
    *args: str | Path,
    now: datetime = TUESDAY_EVENING,
    env: Mapping[str, str] | None = None,
    timeout: float = 120,
    **run: object,
) -> subprocess.CompletedProcess[str]:
    """A `restday` command run as a person runs it, in a process of its own in the isolated
    environment (`isolated`) at `now`, with `env` on top; its output kept as text."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **isolated(tmp_path, now), **(env or {})},
        **run,
    )


def exported(tmp_path: Path, log: Path) -> dict:
    """The log at `log` as `restday export` prints it (JSON), run as `restday` runs it."""
    result = restday(tmp_path, "export", "--db", log)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def write_demo_log(tmp_path: Path, weeks: int = 6, now: datetime = TUESDAY_EVENING) -> Path:
    """A demo log ending on `now`'s day (the demo's upper/lower split: templates and
    history), written by `restday demo` as a user would."""
    log = tmp_path / "log.json"
    subprocess.run(
        [sys.executable, "-m", "tui", "demo", "--db", str(log), "--weeks", str(weeks)],
        check=True,
        capture_output=True,
        env={**os.environ, **isolated(tmp_path, now)},
    )
    return log


def is_grey(code: str) -> bool:
    """Whether a 256-colour code ('38;5;N') is a grey: black, white, the grey ramp, or a
    colour cube entry with equal red, green and blue."""
    index = int(code[5:])
    if index < 16:
        return index in (0, 7, 8, 15)
    if index >= 232:
        return True
    red, green, blue = (index - 16) // 36, (index - 16) // 6 % 6, (index - 16) % 6
    return red == green == blue


def sgr_colours(term: Terminal) -> set[str]:
    """The SGR colour codes on screen: '38;5;N', '48;5;N' (256 colours), '38;2;..' (true
    colour) and 30-37/90-97, 40-47/100-107 (the 16 colours)."""
    codes: set[str] = set()
    for sequence in re.findall(r"\x1b\[([0-9;]*)m", term.screen(escapes=True)):
        parts = sequence.split(";")
        i = 0
        while i < len(parts):
            if parts[i] in ("38", "48") and i + 1 < len(parts):
                width = 3 if parts[i + 1] == "5" else 5
                codes.add(";".join(parts[i : i + width]))
                i += width
            else:
                if parts[i] and (30 <= int(parts[i]) <= 49 or 90 <= int(parts[i]) <= 107):
                    codes.add(parts[i])
                i += 1
    return codes
