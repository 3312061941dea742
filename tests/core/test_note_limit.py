"""A note's length is limited (`MAX_NOTE_CHARS`: what a person writes) at every door: an
import cuts a longer one and lists its line, a restday export's JSON cuts it and names the
record, and a typed one is refused with the limit."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import orjson
import pytest

from storage.errors import ValidationError
from storage.exchange.export import export_json
from storage.exchange.importing.restday_json import import_restday_export
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.validation import MAX_NOTE_CHARS
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tui.commands.main import main

BENCH = BUILTIN_BY_ID["bench-press"]
LONG = "n" * (MAX_NOTE_CHARS + 500)


def opened(log: Path) -> Repository:
    return Repository(log, clock=FakeClock(TUESDAY_EVENING))


def test_an_import_cuts_a_long_note_and_lists_its_line(tmp_path: Path, capsys) -> None:
    export, log = tmp_path / "strong.csv", tmp_path / "log.json"
    export.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE\n"
        '2024-01-02 18:00:00,"Push",1h,"Bench Press (Barbell)",1,100,5,0,0,,,8\n'
        f'2024-01-02 18:00:00,"Push",1h,"Bench Press (Barbell)",2,100,5,0,0,{LONG},,\n'
    )
    assert main(["import", str(export), "--db", str(log), "--unit", "kg"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    cut = f"a note longer than {MAX_NOTE_CHARS:,} characters, cut to {MAX_NOTE_CHARS:,}"
    assert f"Changed rows (1), imported changed: line 3: {cut}" in out, out
    with opened(log) as repo:
        assert [s.notes for s in repo.sets()] == ["", LONG[:MAX_NOTE_CHARS]]


def test_a_restday_export_with_a_long_note_is_imported_with_the_note_cut(
    tmp_path: Path,
) -> None:
    """A log from before the limit may hold a longer note: its backup still imports whole,
    the note cut and the summary naming the set."""
    with opened(tmp_path / "old.json") as repo:
        workout = repo.start_workout("Push")
        repo.log_set(workout, BENCH, 100, 5, rpe=8)
        document = orjson.loads(export_json(repo))
    document["sets"][0]["notes"] = LONG
    with opened(tmp_path / "new.json") as repo:
        summary = import_restday_export(repo, orjson.dumps(document))
        (entry,) = repo.sets()
    assert entry.notes == LONG[:MAX_NOTE_CHARS]
    assert f"cut to {MAX_NOTE_CHARS:,} characters: set 1." in str(summary)


def test_a_typed_note_over_the_limit_is_refused_with_the_limit(tmp_path: Path) -> None:
    with opened(tmp_path / "log.json") as repo:
        workout = repo.start_workout("Push")
        entry = repo.log_set(workout, BENCH, 100, 5, rpe=8)
        with pytest.raises(ValidationError, match=f"at most {MAX_NOTE_CHARS:,} characters"):
            repo.update_set(entry, replace(entry, notes=LONG))
        with pytest.raises(ValidationError, match="at most"):
            repo.update_workout(workout, replace(workout, notes=LONG))
        noted = repo.update_set(entry, replace(entry, notes=LONG[:MAX_NOTE_CHARS]))
    assert noted.notes == LONG[:MAX_NOTE_CHARS]
