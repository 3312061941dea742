"""Start-up: before its first frame restday imports the app and the home screen, without
the log's reader and writer or the scoring model (the log's writer imports those once the
frame is on screen), what the import makes is kept out of the cyclic collector's passes,
and a new demo log has the recent copy home scores from at once."""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path

import pytest

import tui.app
from storage.clock import NOW_ENV, clock_from_env
from storage.log.recent_copy import read_recent
from tests.support.clock import TUESDAY_EVENING
from tests.support.fresh_interpreter import printed_by
from tui.commands.main import main

FIRST_FRAME = ("tui.commands.main", "tui.app", "tui.screens.home.screen")
NOT_YET = ("scoring", "storage.log", "storage.read", "tinydb", "orjson")


def test_the_first_frame_needs_neither_the_log_nor_the_score() -> None:
    script = (
        f"import importlib, json, sys\nfor name in {FIRST_FRAME!r}:\n"
        "    importlib.import_module(name)\nprint(json.dumps(sorted(sys.modules)))"
    )
    found = printed_by(script)
    loaded = json.loads(found)
    early = [m for m in loaded if any(m == n or m.startswith(f"{n}.") for n in NOT_YET)]
    assert early == []


def test_the_collector_runs_in_the_app_with_what_start_up_made_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = []

    def run(app: tui.app.RestdayApp) -> None:
        seen.append((gc.isenabled(), gc.get_freeze_count()))

    monkeypatch.setattr(tui.app.RestdayApp, "run", run)
    gc.unfreeze()
    try:
        assert main(["--db", str(tmp_path / "log.json")]) == 0
        assert gc.isenabled()
    finally:
        gc.unfreeze()
    [(enabled, frozen)] = seen
    assert enabled and frozen > 0


def test_the_collector_is_back_when_the_app_cannot_be_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args, **_kwargs) -> None:
        raise OSError("no such terminal")

    monkeypatch.setattr(tui.app.RestdayApp, "__init__", refuse)
    try:
        assert main(["--db", str(tmp_path / "log.json")]) == 1
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_a_demo_log_comes_with_its_recent_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(NOW_ENV, TUESDAY_EVENING.isoformat())
    monkeypatch.setenv("TZ", "UTC")
    log = tmp_path / "log.json"
    assert main(["demo", "--db", str(log), "--weeks", "8"]) == 0
    assert read_recent(log, clock=clock_from_env()) is not None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the system's files of Linux")
def test_the_days_of_the_first_score_need_no_pendulum() -> None:
    """Home's first score tells today by the machine's timezone: read from the files that
    name it, without pendulum's import (a sixth of the time from the first frame to the
    score)."""
    script = (
        "import sys\nfrom storage.model.days import day_of, machine_timezone\n"
        "from datetime import UTC, datetime\n"
        "day_of(datetime.now(UTC), machine_timezone(), 4)\n"
        "print('pendulum' in sys.modules)"
    )
    assert printed_by(script, TZ=None) == "False"


def test_home_draws_its_score_without_the_set_grammar() -> None:
    """Home's score is drawn by the formats of the score and of today's plan: the set
    grammar (its patterns compiled on import) waits for a screen that reads sets."""
    script = (
        "import sys\nimport tui.screens.home.screen, tui.format.plan, tui.format.readiness\n"
        "print('storage.entry.set_line' in sys.modules)"
    )
    found = printed_by(script)
    assert found.strip() == "False"


@pytest.mark.parametrize(("given", "waits_s"), [(None, 0.05), ("200", 0.2)])
def test_a_lone_escape_waits_50_ms_unless_escdelay_says(given: str | None, waits_s: float) -> None:
    """Textual waits 100 ms after an Escape for the rest of a key's sequence; restday 50
    (issue 17: Escape back in History took 150 ms at the terminal); a user's ESCDELAY wins."""
    script = (
        "from tui.commands.app import quick_escape\n"
        "quick_escape()\n"
        "from textual import constants\n"
        "print(constants.ESCAPE_DELAY)"
    )
    assert float(printed_by(script, ESCDELAY=given)) == pytest.approx(waits_s)
