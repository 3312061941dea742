"""The journal (`<log>.journal`: changes saved since the log file was last rewritten, such as
sets logged with `restday log`) belongs to the log file it was saved over. A file put in
that file's place (another machine's log copied or synced over it, `git checkout`) must not
have the journal's documents written over its own records under the same keys: that lost
the other log's sets and showed a set of a workout the log does not hold."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from storage.log.journal import journal_path, replaced_record
from tests.support.terminal import exported, restday


def test_a_log_copied_over_one_with_a_journal_keeps_its_own_records(tmp_path: Path) -> None:
    mine, theirs = tmp_path / "log.json", tmp_path / "other" / "log.json"
    theirs.parent.mkdir()
    assert restday(tmp_path, "log", "--db", str(mine), "squat 100x5").returncode == 0
    assert restday(tmp_path, "log", "--db", str(theirs), "deadlift 200x3", "x3").returncode == 0
    their_sets = {s["id"] for s in exported(tmp_path, theirs)["sets"]}
    assert restday(tmp_path, "log", "--db", str(mine), "bench 80x8").returncode == 0
    assert journal_path(mine).stat().st_size > 0  # the set waits in the journal

    shutil.copyfile(theirs, mine)  # a sync, a checkout, a copy by hand
    before = (mine.read_bytes(), journal_path(mine).read_bytes())
    for command in (("export", "-o", os.devnull), ("log", "bench 80x8"), ("status",)):
        result = restday(tmp_path, command[0], "--db", str(mine), *command[1:])
        assert result.returncode == 1, (command, result.stdout)
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "journal" in result.stderr and "another" in result.stderr
        assert f"mv {journal_path(mine)} {journal_path(mine)}.broken" in result.stderr
        assert "Traceback" not in result.stderr
    assert (mine.read_bytes(), journal_path(mine).read_bytes()) == before

    journal_path(mine).rename(f"{journal_path(mine)}.broken")  # the way out it names
    assert {s["id"] for s in exported(tmp_path, mine)["sets"]} == their_sets


def test_a_copy_of_the_whole_folder_keeps_the_journals_sets(tmp_path: Path) -> None:
    """The journal moves with its log (`cp -r`, a new machine): a new inode and mtime are
    still the same log, and its waiting sets are read."""
    log = tmp_path / "a" / "log.json"
    log.parent.mkdir()
    assert restday(tmp_path, "log", "--db", str(log), "squat 100x5").returncode == 0
    assert restday(tmp_path, "log", "--db", str(log), "bench 80x8").returncode == 0
    assert journal_path(log).stat().st_size > 0
    sets = {s["id"] for s in exported(tmp_path, log)["sets"]}
    assert len(sets) == 2
    copy = tmp_path / "b"
    shutil.copytree(log.parent, copy, copy_function=shutil.copyfile)
    assert {s["id"] for s in exported(tmp_path, copy / "log.json")["sets"]} == sets


def test_a_journal_already_folded_is_no_replacement_even_where_a_key_was_reused() -> None:
    """A writer killed between its fold and emptying the journal: the lines repeat the file,
    a set deleted and its key reused by the next set among them."""
    logged = {"sets": {"7": {"id": "a", "reps": 5}}}
    deleted: dict = {"sets": {"7": None}}
    reused = {"sets": {"7": {"id": "b", "reps": 3}}}
    folded = {"sets": {"6": {"id": "x"}, "7": {"id": "b", "reps": 3}}}
    assert replaced_record(folded, [logged, deleted, reused]) is None
    assert replaced_record({"sets": {"6": {"id": "x"}}}, [logged, deleted, reused]) is None
    assert replaced_record({"sets": {"7": {"id": "c"}}}, [logged]) == "record 7 of its sets table"


# A journal whose log file was deleted or moved away (by hand, a sync tool, a cleanup) while
# it held changes: those are in no other file. The next write starts a new log; it must not
# empty the journal (that lost a set shown as saved), but keep it aside.


def test_a_journal_whose_log_was_deleted_is_kept_aside(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    for line in ("bench 60x5", "bench 72.5x5"):
        assert restday(tmp_path, "log", "--db", str(log), line).returncode == 0
    assert b"72.5" in journal_path(log).read_bytes()  # the second set is in the journal only
    log.unlink()
    done = restday(tmp_path, "log", "--db", str(log), "squat 80x5")
    assert done.returncode == 0, done.stderr
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("log.json.journal.")]
    assert [b"72.5" in p.read_bytes() for p in kept] == [True], kept


def test_an_import_into_a_deleted_log_keeps_its_journal_aside(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    for line in ("bench 60x5", "bench 72.5x5"):
        assert restday(tmp_path, "log", "--db", str(log), line).returncode == 0
    log.unlink()
    sample = tmp_path / "strong.csv"
    sample.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE\n"
        '2026-11-30 18:00:00,"Push",30m,"Bench Press (Barbell)",1,100,5,0,0,,,\n'
    )
    done = restday(tmp_path, "import", "--db", str(log), "--unit", "kg", str(sample))
    assert done.returncode == 0, done.stderr
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("log.json.journal.")]
    assert [b"72.5" in p.read_bytes() for p in kept] == [True], kept
