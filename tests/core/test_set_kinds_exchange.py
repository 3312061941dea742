"""Every kind and type of set goes out in both exports and comes back in: restday's CSV
is read by `restday import` (it was refused), and so is its JSON, exactly."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from storage.exchange.export import export_csv, export_json
from storage.exchange.importing.detect import detect
from storage.exchange.importing.restday_csv import read_restday_csv
from storage.exchange.importing.restday_json import import_restday_export
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tui.commands.main import main

NOW = TUESDAY_EVENING
# (exercise, fields): one set of each kind and type.
SETS = [
    ("bench-press", {"weight_kg": 60, "reps": 5, "warmup": True}),
    ("bench-press", {"weight_kg": 100, "reps": 5, "rpe": 8.5, "notes": "=1+1"}),
    ("bench-press", {"weight_kg": 80, "reps": 8, "set_type": "drop", "group": "a"}),
    ("pull-up", {"weight_kg": 20, "reps": 8, "bodyweight": True, "assisted": True, "group": "a"}),
    ("dip", {"weight_kg": 20, "reps": 6, "bodyweight": True, "set_type": "failure"}),
    ("back-squat", {"weight_kg": 60, "reps": 150, "set_type": "amrap"}),
    ("plank", {"duration_s": 90}),
    ("plank", {"weight_kg": 20, "duration_s": 45, "rpe": 9}),
    ("farmers-carry", {"weight_kg": 40, "distance_m": 30.5}),
    ("farmers-carry", {"weight_kg": 40, "distance_m": 1609.344, "duration_s": 465}),
]
COMPARED = (
    "exercise",
    "reps",
    "rpe",
    "warmup",
    "bodyweight",
    "assisted",
    "duration_s",
    "distance_m",
    "set_type",
    "group",
    "notes",
    "kind",
)


def every_kind(path: Path, unit: str) -> Path:
    with Repository(path, clock=FakeClock(NOW)) as repo:
        repo.save_settings(replace(repo.settings(), unit=unit))
        workout = repo.start_workout("Everything", at=NOW - timedelta(hours=1))
        for n, (exercise, fields) in enumerate(SETS):
            at = NOW - timedelta(minutes=50 - 3 * n)
            repo.log_set(workout, BUILTIN_BY_ID[exercise], **fields, at=at)
        repo.finish_workout(workout, 8, at=NOW)
    return path


def without_times(exported: str) -> list[list[str]]:
    return [row[:1] + row[2:] for row in csv.reader(io.StringIO(exported))]


def seen(repo: Repository) -> list[tuple]:
    return [tuple(getattr(s, name) for name in COMPARED) for s in repo.sets()]


@pytest.mark.parametrize("unit", ["kg", "lb"])
def test_the_csv_export_imports_back_as_the_same_sets(tmp_path: Path, unit: str) -> None:
    source = every_kind(tmp_path / "log.json", unit)
    with Repository(source, clock=FakeClock(NOW)) as repo:
        exported, sets, workout = export_csv(repo), repo.sets(), repo.workouts()[0]
    assert detect(exported) == "restday-csv"
    assert read_restday_csv(exported).skipped == []
    csv_file = tmp_path / "export.csv"
    csv_file.write_text(exported, newline="")
    back = tmp_path / "back.json"
    assert main(["import", str(csv_file), "--db", str(back)]) == 0
    with Repository(back, clock=FakeClock(NOW)) as repo:
        assert seen(repo) == [tuple(getattr(s, name) for name in COMPARED) for s in sets]
        # to the 0.1 lb the lb export shows
        assert [s.weight_kg for s in repo.sets()] == pytest.approx(
            [s.weight_kg for s in sets], abs=0.025
        )
        (imported,) = repo.workouts()
        assert (imported.name, imported.start, imported.session_rpe) == (
            workout.name,
            workout.start,
            8,
        )
        assert [s.rest_s for s in repo.sets()] == [s.rest_s for s in sets]
        # Out again, the same file but for each set's minute: sets are spaced over their
        # workout, as other apps' are.
        assert without_times(export_csv(repo)) == without_times(exported)
    assert main(["import", str(csv_file), "--db", str(back)]) == 0  # again: nothing new
    with Repository(back, clock=FakeClock(NOW)) as repo:
        assert len(repo.sets()) == len(SETS)


def test_the_json_export_carries_every_kind_and_type_exactly(tmp_path: Path) -> None:
    with Repository(every_kind(tmp_path / "log.json", "kg"), clock=FakeClock(NOW)) as repo:
        exported, sets = export_json(repo), repo.sets()
    with Repository(tmp_path / "back.json", clock=FakeClock(NOW)) as repo:
        import_restday_export(repo, exported)
        assert repo.sets() == sets


def test_the_csv_names_each_kind_and_type_in_its_own_columns(tmp_path: Path) -> None:
    with Repository(every_kind(tmp_path / "log.json", "kg"), clock=FakeClock(NOW)) as repo:
        rows = read_restday_csv(export_csv(repo)).rows
    assert [row.kind for row in rows] == [
        "warmup",
        "normal",
        "drop",
        "normal",
        "failure",
        "amrap",
        "normal",
        "normal",
        "normal",
        "normal",
    ]
    assert rows[3].weight == -20  # assisted: the import's negative load
    assert (rows[6].seconds, rows[8].distance_m, rows[9].seconds) == (90, 30.5, 465)
    assert rows[1].notes == "=1+1"  # the spreadsheet guard taken off again
