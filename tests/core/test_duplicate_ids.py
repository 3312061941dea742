"""A log edited by hand (or merged by a sync tool) can hold two records of one table with
one id. Every change finds a record by its id, so the second was out of reach and an edit
or delete of it went to the first: such a log is read-only, naming the record, like any
other record restday cannot read."""

from __future__ import annotations

import json
import os
from pathlib import Path

from storage.log.repository import Repository
from tests.support.terminal import restday


def test_two_sets_with_one_id_make_the_log_read_only_naming_the_second(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    assert restday(tmp_path, "log", "--db", str(log), "bench 100x5", "squat 120x5").returncode == 0
    tables = json.loads(log.read_bytes())
    first, second = sorted(tables["sets"], key=int)
    tables["sets"][second]["id"] = tables["sets"][first]["id"]
    log.write_text(json.dumps(tables))
    before = log.read_bytes()

    with Repository(log) as repo:
        assert repo.read_only
        assert f"sets record {second} " in repo.read_only_reason
        assert "the id of sets record " + first in repo.read_only_reason
        assert [s.exercise for s in repo.sets()] == ["bench-press"]
    result = restday(tmp_path, "export", "--db", str(log), "-o", os.devnull)
    assert result.returncode == 1 and "the id of sets record" in result.stderr
    result = restday(tmp_path, "log", "--db", str(log), "bench 100x5")
    assert result.returncode == 1 and "read-only" in result.stderr
    assert log.read_bytes() == before
