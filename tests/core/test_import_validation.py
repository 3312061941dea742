"""Every record an import brings in passes the checks typed input gets (ranges, known
muscles, a timezone and unit restday knows, a log schema it can write) and dates from 1900
to the end of next year: a bad record is refused with where it is and why, as real
`restday import` processes on real files, and the log stays as it was and usable."""

from __future__ import annotations

import json
from datetime import datetime
from functools import partial
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.exchange.importing.plan import plan_import
from storage.exchange.importing.strong import read_strong
from storage.model.exercise_library import BUILTIN_EXERCISES
from storage.model.validation import check_record
from tests.support.terminal import open_log, write_demo_log
from tests.support.terminal import restday as restday_isolated

NOW = datetime.fromisoformat("2026-11-24T18:00:00+00:00")
restday = partial(restday_isolated, now=NOW, env={"COLUMNS": "200"})  # tables unwrapped


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


# -- CSV rows ------------------------------------------------------------------------------

STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE\n"
)


def strong_row(day: str, weight: str = "100", reps: str = "5", duration: str = "1h") -> str:
    return f'{day} 18:00:00,"Push",{duration},"Bench Press (Barbell)",1,{weight},{reps},0,0,,,8\n'


CSV_BAD = [
    (strong_row("9999-12-31"), "date 9999-12-31 is out of range: 1900-01-01 to 2027-12-31"),
    (strong_row("0001-01-01"), "date 0001-01-01 is out of range: 1900-01-01 to 2027-12-31"),
    (strong_row("1899-12-31"), "date 1899-12-31 is out of range"),
    (strong_row("2028-01-01"), "date 2028-01-01 is out of range"),
    (strong_row("2024-02-01", weight="NaN"), "weight 'NaN' is not a number"),
    (strong_row("2024-02-01", weight="inf"), "weight 'inf' is not a number"),
    (strong_row("2024-02-01", reps="nan"), "reps 'nan' is not a number"),
    (strong_row("2024-02-01", reps="-inf"), "reps '-inf' is not a number"),
    (strong_row("2024-02-01", duration="99999999999h"), "duration '99999999999h' is longer"),
]


@pytest.mark.parametrize(("row", "reason"), CSV_BAD)
def test_a_bad_csv_row_is_skipped_with_its_line_and_reason(row, reason, tmp_path) -> None:
    export = tmp_path / "strong.csv"
    export.write_text(STRONG_HEADER + strong_row("2024-01-02") + row + strong_row("2024-01-05"))
    log = write_demo_log(tmp_path, weeks=1, now=NOW)
    before = open_log(log, NOW).counts()

    done = restday(tmp_path, "import", str(export), "--db", str(log), "--unit", "kg")

    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert f"line 3: {reason}" in done.stdout
    after = open_log(log, NOW).counts()
    assert (after.workouts, after.sets) == (before.workouts + 2, before.sets + 2)
    status = restday(tmp_path, "status", "--db", str(log))
    assert status.returncode == 0 and "Traceback" not in status.stderr, status.stderr
    history = open_log(log, NOW)
    assert all(w.start.year in (2024, 2026) for w in history.workouts())


_CELLS = st.sampled_from(
    ["", "0", "5", "100", "-3", "nan", "NaN", "inf", "1e308", "1e400", "10.5", "W",
     "Rest Timer", "9999-12-31 23:59:59", "0001-01-01 00:00:00", "1900-01-01 00:00:00",
     "2027-12-31 23:59:59", "2024-01-02 18:00:00", "99999999999h", "1h", "99999:00:00"]
)  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_CELLS, min_size=12, max_size=12), max_size=6))
def test_whatever_the_cells_every_planned_record_is_one_typed_input_could_be(rows) -> None:
    text = STRONG_HEADER + "".join(",".join(row) + "\n" for row in rows)
    plan = plan_import(
        read_strong(text),
        exercises=BUILTIN_EXERCISES,
        unit="kg",
        timezone="UTC",
        rollover_hour=4,
        now=NOW,
    )
    for record in plan.records:
        check_record(record, NOW.date())
    assert len(plan.sets) + len({s.line for s in plan.skipped}) <= len(rows)
