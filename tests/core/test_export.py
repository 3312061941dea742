"""`restday export`: JSON that `restday import` reads back into exactly the same log, CSV
for spreadsheets (one row per set, weights in the user's unit), and writing the file
atomically, never over the log."""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

import storage.log.durable
from storage.demo import generate_demo, write_demo
from storage.exchange.export import CSV_COLUMNS, export_csv, export_json
from storage.exchange.importing.errors import BadExport, UnknownFormat
from storage.exchange.importing.restday_json import import_restday_export, read_restday_export
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import Exercise, Recovery, Settings, SymptomEntry, Template, TemplateItem
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tui.commands.main import main

NOW = TUESDAY_EVENING
LATER = NOW + timedelta(days=3)


def build_log(path: Path, *, unit: str = "kg", weeks: int = 4) -> Path:
    """A demo log plus what the demo lacks: settings of the user's own, a user exercise, a
    template using it, a workout in progress with a bodyweight set and a running rest
    timer, a symptom entry with soreness."""
    with Repository(path, clock=FakeClock(NOW)) as repo:
        repo.save_settings(
            replace(repo.settings(), unit=unit, timezone="Europe/Berlin", rollover_hour=3)
        )
        log = generate_demo(
            NOW.date(),
            weeks=weeks,
            seed=7,
            tz="Europe/Berlin",
            exercises=BUILTIN_BY_ID,
            now=NOW - timedelta(days=1),
        )
        write_demo(repo, log)
        sled = repo.add_exercise(
            Exercise(
                name="Tire Flip",
                aliases=("tire",),
                equipment="other",
                muscles={"quads": 1.0, "glutes": 0.5},
                kind="compound",
                default_rest_s=150,
            )
        )
        repo.save_template(
            Template(name="Conditioning", items=[TemplateItem(exercise=sled.id, sets=3, reps=1)])
        )
        workout = repo.start_workout("Evening", at=NOW - timedelta(minutes=30))
        exercise = BUILTIN_BY_ID["bench-press"]
        repo.log_set(workout, exercise, 60, 5, warmup=True, at=NOW - timedelta(minutes=25))
        repo.log_set(
            workout, exercise, 100, 5, rpe=8.5, notes="smooth", at=NOW - timedelta(minutes=20)
        )
        repo.log_set(workout, sled, 20, 1, bodyweight=True, at=NOW - timedelta(minutes=10))
        repo.save_symptoms(
            SymptomEntry(timestamp=NOW - timedelta(hours=2), energy=4, soreness={"quads": 3})
        )
    return path


@pytest.fixture(scope="module")
def kg_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_log(tmp_path_factory.mktemp("export") / "kg.json")


def opened(path: Path, clock: datetime = NOW) -> Repository:
    return Repository(path, clock=FakeClock(clock))


def everything(repo: Repository) -> dict:
    return {
        "settings": repo.settings(),
        "exercises": repo.exercises(),
        "templates": repo.templates(),
        "workouts": repo.workouts(),
        "sets": repo.sets(),
        "recoveries": repo.recoveries(),
        "symptoms": repo.symptoms(),
        "rest": repo.rest_period(),
    }


def without_stamp(text: str) -> dict:
    document = json.loads(text)
    del document["exported"]
    return document


# -- JSON: the round trip ------------------------------------------------------------------


def test_json_round_trip_is_exact(kg_log: Path, tmp_path: Path) -> None:
    source = opened(kg_log)
    exported = export_json(source)
    document = json.loads(exported)
    assert document["restday_export"] == 1 and document["log_schema"] == 1
    assert document["settings"]["unit"] == "kg"
    assert [e["name"] for e in document["exercises"]] == ["Tire Flip"]  # the library is not
    assert document["rest_period"] is not None
    assert len(document["sets"]) == source.counts().sets

    target = opened(tmp_path / "copy.json", LATER)  # imported days later
    summary = import_restday_export(target, exported)
    assert summary.added["sets"] == len(document["sets"])
    assert summary.settings == "applied" and summary.rest_period
    assert "Imported" in str(summary) and "settings were applied" in str(summary)

    again = export_json(opened(tmp_path / "copy.json", NOW))
    assert again == exported  # byte for byte, the same clock giving the same stamp
    later = export_json(opened(tmp_path / "copy.json", LATER))
    assert later != exported and without_stamp(later) == without_stamp(exported)
    assert everything(opened(tmp_path / "copy.json")) == everything(source)


def test_round_trip_into_an_empty_log_with_settings_of_its_own(kg_log: Path, tmp_path: Path):
    exported = export_json(opened(kg_log))
    target = opened(tmp_path / "copy.json")
    target.save_settings(replace(target.settings(), unit="lb"))
    summary = import_restday_export(target, exported)
    assert summary.settings == "applied" and summary.settings_unit == "kg"
    assert export_json(opened(tmp_path / "copy.json")) == exported


def test_a_log_without_settings_exports_none_and_stays_so(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    with opened(log) as repo:
        repo.save_recovery(Recovery(day=date(2026, 11, 24), sleep_hours=7.5))
    exported = export_json(opened(log))
    assert json.loads(exported)["settings"] is None
    summary = import_restday_export(opened(tmp_path / "copy.json"), exported)
    assert summary.settings == "none"
    assert export_json(opened(tmp_path / "copy.json")) == exported


def test_importing_twice_adds_nothing(kg_log: Path, tmp_path: Path) -> None:
    exported = export_json(opened(kg_log))
    copy = tmp_path / "copy.json"
    import_restday_export(opened(copy), exported)
    before = copy.read_bytes()
    summary = import_restday_export(opened(copy), exported)
    assert summary.total_added == 0
    assert summary.already["sets"] == len(json.loads(exported)["sets"])
    assert summary.settings == "same"
    text = str(summary)
    assert text.startswith("Nothing new to import") and "settings" not in text
    assert copy.read_bytes() == before  # nothing written


def test_importing_into_a_log_with_records_merges_and_keeps_its_settings(
    kg_log: Path, tmp_path: Path
) -> None:
    exported = export_json(opened(kg_log))
    copy = tmp_path / "copy.json"
    import_restday_export(opened(copy), exported)
    repo = opened(copy)
    dropped = repo.workouts()[3]
    dropped_sets = len(repo.sets(workout=dropped.id))
    repo.delete_workout(dropped.id)
    repo.save_settings(replace(repo.settings(), unit="lb"))
    recovery_day = repo.recoveries()[0].day
    repo.delete_recovery(recovery_day)
    repo.save_recovery(Recovery(day=recovery_day, sleep_hours=5))  # another entry that day

    summary = import_restday_export(opened(copy), exported)
    assert summary.added == {"workouts": 1, "sets": dropped_sets}
    assert summary.recovery_kept == 1
    assert summary.settings == "kept" and "unit lb" in str(summary)
    after = opened(copy)
    assert after.settings().unit == "lb"
    assert after.recovery(recovery_day).sleep_hours == 5
    assert len(after.sets(workout=dropped.id)) == dropped_sets


def test_an_exercise_matched_by_name_takes_the_logs_id(kg_log: Path, tmp_path: Path) -> None:
    exported = export_json(opened(kg_log))
    copy = opened(tmp_path / "copy.json")
    mine = copy.add_exercise(Exercise(name="tire flip", muscles={"quads": 1.0}))
    summary = import_restday_export(copy, exported)
    assert summary.matched == [("Tire Flip", "tire flip")]
    assert "exercises" not in summary.added
    assert {e.name for e in copy.exercises() if not e.builtin} == {"tire flip"}
    sled_sets = copy.sets(exercise=mine.id)
    assert len(sled_sets) == 1 and sled_sets[0].bodyweight
    template = next(t for t in copy.templates() if t.name == "Conditioning")
    assert template.items[0].exercise == mine.id


def test_dry_run_writes_nothing(kg_log: Path, tmp_path: Path) -> None:
    exported = export_json(opened(kg_log))
    copy = tmp_path / "copy.json"
    summary = import_restday_export(opened(copy), exported, dry_run=True)
    assert summary.total_added > 0 and str(summary).startswith("Would import")
    assert not copy.exists()


def test_read_gives_records_for_import_records(kg_log: Path) -> None:
    records = read_restday_export(export_json(opened(kg_log)), today=NOW.date())
    assert isinstance(records[0], Settings)
    kinds = {type(r).__name__ for r in records}
    assert {"Exercise", "Template", "Workout", "SetEntry", "Recovery", "SymptomEntry"} <= kinds
    assert type(records[-1]).__name__ == "RestPeriod"


# -- bad files -----------------------------------------------------------------------------


def edited(kg_log: Path, edit) -> str:
    document = json.loads(export_json(opened(kg_log)))
    edit(document)
    return json.dumps(document)


def _set_field(name, value):
    return lambda d: d["sets"][0].__setitem__(name, value)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.__setitem__("restday_export", 2), "newer restday (export format 2"),
        (lambda d: d.__setitem__("log_schema", 99), "newer restday (log schema 99"),
        (lambda d: d.__setitem__("restday_export", "one"), "marker is 'one'"),
        (lambda d: d.__setitem__("sets", {}), '"sets" is not a list'),
        (_set_field("weight_kg", "heavy"), 'weight_kg "heavy" is not a number'),
        (_set_field("warmup", "yes"), "warmup"),
        (_set_field("timestamp", "2026-11-24T18:00:00"), "a time with its UTC offset"),
        (_set_field("colour", "red"), "unknown field 'colour'"),
        (lambda d: d["sets"][0].pop("reps"), "the field 'reps' is missing"),
        (_set_field("workout", "nope"), "workout 'nope', which the export does not have"),
        (_set_field("exercise", "moon_press"), "exercise 'moon_press', which neither"),
        (lambda d: d["sets"].append(d["sets"][0]), "appears twice"),
        (lambda d: d["symptoms"][0].__setitem__("soreness", {"quads": "a lot"}), "soreness"),
        (lambda d: d["templates"][0]["items"][0].pop("sets"), "items"),
        (lambda d: d["settings"].__setitem__("unit", 3), "unit 3 is not text"),
    ],
)
def test_a_damaged_export_is_refused_with_the_reason(kg_log: Path, edit, message: str) -> None:
    with pytest.raises(BadExport, match=None) as caught:
        read_restday_export(edited(kg_log, edit), today=NOW.date())
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not a restday export: it is not valid JSON"),
        ("[1, 2]", 'no "restday_export" marker'),
        ('{"workouts": []}', 'no "restday_export" marker'),
    ],
)
def test_a_file_that_is_not_an_export(text: str, message: str) -> None:
    with pytest.raises(UnknownFormat, match=message):
        read_restday_export(text, today=NOW.date())


def test_a_bad_file_through_the_command_is_one_line_and_writes_nothing(
    kg_log: Path, tmp_path: Path, capsys
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(edited(kg_log, lambda d: d.__setitem__("restday_export", 7)))
    log = tmp_path / "log.json"
    assert main(["import", str(bad), "--db", str(log)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "newer restday" in err and "upgrade restday" in err
    assert not log.exists()


# -- CSV -----------------------------------------------------------------------------------


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_a_row_per_set_with_readable_columns(kg_log: Path) -> None:
    repo = opened(kg_log)
    text = export_csv(repo)
    assert text.splitlines()[0].split(",")[:5] == ["Date", "Time", "Workout", "Exercise", "Set"]
    rows = rows_of(text)
    assert tuple(rows[0]) == CSV_COLUMNS
    sets = repo.sets()
    assert len(rows) == len(sets)
    assert sum(r["Set type"] == "warm-up" for r in rows) == sum(s.warmup for s in sets) > 0
    assert {r["Unit"] for r in rows} == {"kg"}
    names = {e.name for e in repo.exercises()}
    assert {r["Exercise"] for r in rows} <= names
    last_three = rows[-3:]
    assert [r["Workout"] for r in last_three] == ["Evening"] * 3
    assert [r["Weight"] for r in last_three] == ["60", "100", "20"]
    assert [r["Set"] for r in last_three] == ["1", "2", "1"]
    assert last_three[1]["RPE"] == "8.5" and last_three[1]["Notes"] == "smooth"
    assert last_three[2]["Bodyweight"] == "yes" and last_three[2]["Exercise"] == "Tire Flip"
    assert last_three[0]["Time"] == "18:35"  # 17:35 UTC in Berlin
    assert last_three[1]["Rest (s)"] == "300"
    finished = [r for r in rows if r["Workout duration (min)"]]
    assert finished and all(float(r["Workout duration (min)"]) > 0 for r in finished)


def test_csv_in_pounds(tmp_path: Path) -> None:
    log = build_log(tmp_path / "lb.json", unit="lb", weeks=1)
    rows = rows_of(export_csv(opened(log)))
    assert {r["Unit"] for r in rows} == {"lb"}
    # 60, 100 and 20 kg in lb, to the gram the log keeps (`storage.model.units.exact_load`)
    assert [r["Weight"] for r in rows[-3:]] == ["132.277", "220.462", "44.092"]


# -- the command ---------------------------------------------------------------------------


def test_export_to_stdout_and_to_a_file(kg_log: Path, tmp_path: Path, capsys) -> None:
    assert main(["export", "--db", str(kg_log), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert without_stamp(out) == without_stamp(export_json(opened(kg_log)))

    target = tmp_path / "out" / "sets.csv"
    target.parent.mkdir()
    assert main(["export", "--db", str(kg_log), "-o", str(target)]) == 0  # csv: the suffix
    assert target.read_bytes() == export_csv(opened(kg_log)).encode()
    assert os.stat(target).st_mode & 0o777 == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["sets.csv"]  # no temp file left

    json_file = tmp_path / "everything.json"
    assert main(["export", "--db", str(kg_log), "-o", str(json_file)]) == 0
    copy = tmp_path / "copy.json"
    assert main(["import", str(json_file), "--db", str(copy)]) == 0
    assert "Imported" in capsys.readouterr().out
    assert without_stamp(export_json(opened(copy))) == without_stamp(json_file.read_text())


def test_the_export_is_stamped_by_restdays_clock(
    kg_log: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    """`exported` was the machine's clock even when $RESTDAY_NOW sets restday's."""
    monkeypatch.setenv("RESTDAY_NOW", "2026-11-24T18:00:00+00:00")
    assert main(["export", "--db", str(kg_log), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["exported"] == "2026-11-24T18:00:00+00:00"
    target = tmp_path / "everything.json"
    assert main(["export", "--db", str(kg_log), "-o", str(target)]) == 0
    assert json.loads(target.read_text())["exported"] == "2026-11-24T18:00:00+00:00"


def test_export_refuses_to_write_over_the_log(kg_log: Path, tmp_path: Path, capsys) -> None:
    log = tmp_path / "log.json"
    log.write_bytes(kg_log.read_bytes())
    before = log.read_bytes()
    link = tmp_path / "link.json"
    link.symlink_to(log)
    belongs = ("log.json.bak-2026-11-24", "log.json.lock", "log.json.journal", "log.json.recent")
    for target in (log, link, *(tmp_path / name for name in belongs)):
        assert main(["export", "--db", str(log), "--format", "json", "-o", str(target)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("restday: error: ")
        assert "the log itself" in err or "belongs to the log" in err
    assert log.read_bytes() == before


def test_a_failed_write_leaves_the_old_file_whole(
    kg_log: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    target = tmp_path / "export.json"
    target.write_text("the previous export")

    def full_disk(src, dst):
        raise OSError(28, "No space left on device", str(dst))

    monkeypatch.setattr(storage.log.durable.os, "replace", full_disk)
    assert main(["export", "--db", str(kg_log), "-o", str(target)]) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert target.read_text() == "the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_export_of_a_missing_log_is_an_error(tmp_path: Path, capsys) -> None:
    assert main(["export", "--db", str(tmp_path / "none.json")]) == 1
    assert "nothing to export" in capsys.readouterr().err
    assert not (tmp_path / "none.json").exists()


def test_a_reader_that_stops_early_is_no_error(kg_log: Path, monkeypatch, capsys) -> None:
    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("sys.stdout", ClosedPipe())
    assert main(["export", "--db", str(kg_log), "--format", "csv"]) == 141
    assert capsys.readouterr().err == ""
