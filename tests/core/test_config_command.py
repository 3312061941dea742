"""`restday config`: the settings printed, the unit set once for every command's output
and entry default; an import of a file in lb into a fresh log sets lb and says so."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from storage.clock import NOW_ENV
from storage.log.repository import Repository
from tests.support.clock import TUESDAY_EVENING
from tui.commands.main import main

STRONG_IN_LB = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
    '2026-11-20 07:05:00,"Legs",38min,"Squat (Barbell)",1,330,5,0,0,8\n'
    '2026-11-20 07:05:00,"Legs",38min,"Squat (Barbell)",2,225,5,0,0,\n'
)


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(NOW_ENV, TUESDAY_EVENING.isoformat())  # never the wall clock's day
    return tmp_path / "log.json"


def out_of(capsys, *args: str) -> str:
    assert main([*args]) == 0
    return capsys.readouterr().out


def csv_rows(log: Path, capsys) -> list[dict[str, str]]:
    return list(
        csv.DictReader(io.StringIO(out_of(capsys, "export", "--db", str(log), "--format", "csv")))
    )


def test_config_prints_the_settings_without_making_a_log(log: Path, capsys) -> None:
    out = out_of(capsys, "config", "--db", str(log))
    assert out.splitlines()[0] == "unit          kg (kilograms)"
    assert "day starts    04:00" in out and "warm-up rest  60 s" in out
    assert out_of(capsys, "config", "unit", "--db", str(log)) == "kg (kilograms)\n"
    assert not log.exists()


def test_config_unit_lb_changes_every_command(log: Path, capsys) -> None:
    out = out_of(capsys, "config", "unit", "lb", "--db", str(log))
    assert out == (
        "Weights are now shown and typed in lb (were kg); the log keeps them to the gram, in kg.\n"
    )
    assert Repository(log).settings().unit == "lb"
    assert out_of(capsys, "config", "unit", "--db", str(log)) == "lb (pounds)\n"
    assert "unit          lb (pounds)" in out_of(capsys, "config", "--db", str(log))

    # a typed 225x5 is 225 lb, stored in kg, and every output says 225 lb
    out = out_of(capsys, "log", "--db", str(log), "bench", "225x5")
    assert out.splitlines()[-1].startswith("Bench Press  225 lb x 5")  # after what 'bench' is
    (stored,) = Repository(log).sets()
    assert 102.05 < stored.weight_kg < 102.06
    (row,) = csv_rows(log, capsys)
    assert (row["Weight"], row["Unit"]) == ("225", "lb")
    document = json.loads(out_of(capsys, "export", "--db", str(log), "--format", "json"))
    assert document["settings"]["unit"] == "lb"
    assert document["sets"][0]["weight_kg"] == stored.weight_kg  # JSON keeps kg exactly

    # and back: the same set, in kg
    assert "(were lb)" in out_of(capsys, "config", "unit", "kg", "--db", str(log))
    (row,) = csv_rows(log, capsys)
    assert (row["Weight"], row["Unit"]) == ("102.058", "kg")  # to the gram
    assert out_of(capsys, "config", "unit", "kg", "--db", str(log)) == (
        "The unit is kg (kilograms) already.\n"
    )


def test_config_refuses_what_it_does_not_know(log: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["config", "unit", "stone", "--db", str(log)])
    assert exit_.value.code == 2
    assert "invalid choice: 'stone'" in capsys.readouterr().err
    assert not log.exists()


def test_importing_lb_into_a_fresh_log_shows_lb(log: Path, tmp_path: Path, capsys) -> None:
    export = tmp_path / "strong.csv"
    export.write_text(STRONG_IN_LB)
    out = out_of(capsys, "import", str(export), "--unit", "lb", "--db", str(log))
    assert "Weights are shown in lb from now on, as in the file" in out
    assert "'restday config unit kg' to change it back" in out
    assert Repository(log).settings().unit == "lb"
    assert [r["Weight"] for r in csv_rows(log, capsys)] == ["330", "225"]  # not 149.7 kg
    out = out_of(capsys, "log", "--db", str(log), "squat", "335x3")
    assert out.splitlines()[-1].startswith("Back Squat  335 lb x 3")


def test_importing_lb_into_a_log_with_sets_keeps_its_unit(
    log: Path, tmp_path: Path, capsys
) -> None:
    out_of(capsys, "log", "--db", str(log), "bench", "100x5")
    export = tmp_path / "strong.csv"
    export.write_text(STRONG_IN_LB)
    out = out_of(capsys, "import", str(export), "--unit", "lb", "--db", str(log))
    assert "The file's weights are in lb; restday shows kg ('restday config unit lb'" in out
    assert Repository(log).settings().unit == "kg"
    # the import's sets of 20 Nov, then today's
    assert [r["Weight"] for r in csv_rows(log, capsys)] == [
        "149.685",
        "102.058",
        "100",
    ]  # to the gram


def test_importing_kg_into_a_fresh_log_says_nothing_of_units(
    log: Path, tmp_path: Path, capsys
) -> None:
    export = tmp_path / "strong.csv"
    export.write_text(STRONG_IN_LB)
    out = out_of(capsys, "import", str(export), "--unit", "kg", "--db", str(log))
    assert "Weights are" not in out and "restday config" not in out
    assert Repository(log).settings().unit == "kg"
