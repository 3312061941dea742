"""Every record an import brings in passes the checks typed input gets (ranges, known
muscles, a timezone and unit restday knows, a log schema it can write) and dates from 1900
to the end of next year: a bad record is refused with where it is and why, as real
`restday import` processes on real files, and the log stays as it was and usable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.support.terminal import isolated, open_log, write_demo_log

NOW = datetime.fromisoformat("2026-11-24T18:00:00+00:00")


def restday(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **isolated(tmp_path, NOW)},
        timeout=120,
    )


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> dict:
    """A real export of a two-week demo log, written by `restday export`."""
    tmp = tmp_path_factory.mktemp("export")
    log = write_demo_log(tmp, weeks=2, now=NOW)
    out = tmp / "export.json"
    done = restday(tmp, "export", "--db", str(log), "--format", "json", "-o", str(out))
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text())


def edited(export: dict, section: str, field: str, value) -> dict:
    document = json.loads(json.dumps(export))
    if section == "settings":
        document["settings"] = {**SETTINGS, field: value}
    else:
        document[section][0][field] = value
    return document


SETTINGS = {"id": "s1", "unit": "kg", "timezone": "UTC", "rollover_hour": 4}
BAD = [
    ("recoveries", "sleep_hours", 1e300, "sleep 1e+300 is out of range"),
    ("symptoms", "weakness", 99, "weakness 99 is out of range"),
    ("symptoms", "soreness", {"butt": 5}, "unknown muscle 'butt'"),
    ("sets", "weight_kg", 1e308, "weight 1e+308 is out of range"),
    ("sets", "reps", 10**30, "reps"),
    ("sets", "rest_s", 10**30, "rest"),
    ("settings", "timezone", "Invalid/Zone", "unknown timezone 'Invalid/Zone'"),
    ("settings", "unit", "stone", "unit must be kg or lb"),
    ("settings", "schema_version", 999, "log schema 999 is out of range"),
    ("workouts", "start", "9999-12-31T10:00:00+00:00", "start 9999-12-31 is out of range"),
    ("workouts", "day", "0001-01-01", "day 0001-01-01 is out of range"),
    ("sets", "timestamp", "1899-12-31T10:00:00+00:00", "timestamp 1899-12-31 is out of range"),
]


@pytest.mark.parametrize(("section", "field", "value", "reason"), BAD)
def test_a_bad_record_is_refused_with_where_and_why(
    section, field, value, reason, export, tmp_path: Path
) -> None:
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(edited(export, section, field, value)))
    # The export's settings are applied only to an empty log; other records go to any log.
    if section == "settings":
        log = tmp_path / "log.json"
        before = None
    else:
        log = write_demo_log(tmp_path, weeks=1, now=NOW)
        before = log.read_bytes()

    done = restday(tmp_path, "import", str(file), "--db", str(log))

    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert reason in done.stderr
    where = "the settings" if section == "settings" else "1 (id "
    assert where in done.stderr and "cannot be imported" in done.stderr
    if before is None:
        assert not log.exists()  # all or nothing
        return
    assert log.read_bytes() == before
    status = restday(tmp_path, "status", "--db", str(log))
    assert status.returncode == 0 and "Traceback" not in status.stderr, status.stderr


def test_good_settings_go_into_an_empty_log_and_bad_ones_are_the_only_refusal(
    export, tmp_path: Path
) -> None:
    file = tmp_path / "good.json"
    file.write_text(json.dumps({**export, "settings": SETTINGS}))
    log = tmp_path / "log.json"
    done = restday(tmp_path, "import", str(file), "--db", str(log))
    assert done.returncode == 0 and "settings were applied" in done.stdout, done.stderr


def test_the_unedited_export_imports_and_every_command_then_works(export, tmp_path) -> None:
    file = tmp_path / "good.json"
    file.write_text(json.dumps(export))
    log = tmp_path / "log.json"
    done = restday(tmp_path, "import", str(file), "--db", str(log))
    assert done.returncode == 0, done.stderr
    assert open_log(log, NOW).counts().sets == len(export["sets"])
    status = restday(tmp_path, "status", "--db", str(log))
    assert status.returncode == 0 and "/100" in status.stdout, status.stderr
