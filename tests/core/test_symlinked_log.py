"""A log reached through a symlink (`--db links/log.json`, a dotfiles folder, a synced
folder) is written, locked, backed up and copied where it really is: the link stays a link,
and a restday using the link and one using the real path share one log and one lock."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from storage.log.atomic_json import backup_paths, lock_path
from storage.log.recent_copy import open_recent, recent_path
from storage.log.repository import Repository
from tests.support.terminal import isolated, restday

NOW = datetime(2026, 3, 10, 18, 0, tzinfo=UTC)
SETS_EACH = 60

WORKER = """\
import os
import sys
import time

from storage.model.exercise_library import BUILTIN_BY_ID
from storage.log.repository import Repository

log, go, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
repo = Repository(log)
bench = BUILTIN_BY_ID["bench-press"]
print("ready", flush=True)
while not os.path.exists(go):
    time.sleep(0.001)
for _ in range(count):
    print(repo.log_set(repo.todays_workout(), bench, 100, 5).id)
repo.close()
"""


def linked_log(tmp_path: Path) -> tuple[Path, Path]:
    """A log in data/ and a relative symlink to it in links/."""
    real = tmp_path / "data" / "log.json"
    real.parent.mkdir()
    link = tmp_path / "links" / "log.json"
    link.parent.mkdir()
    link.symlink_to(Path("..") / "data" / "log.json")
    return real, link


def stored_ids(path: Path) -> set[str]:
    with Repository(path, clock=lambda: NOW) as repo:
        return {entry.id for entry in repo.sets()}


def test_restday_log_through_a_link_writes_the_real_file(tmp_path: Path) -> None:
    real, link = linked_log(tmp_path)
    for day in ("2026-03-09T18:00:00+00:00", NOW.isoformat()):  # two days: a backup
        result = subprocess.run(
            [sys.executable, "-m", "tui", "log", "--db", str(link), "bench", "100x5"],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, **isolated(tmp_path), "RESTDAY_NOW": day},
        )
        assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert os.readlink(link) == str(Path("..") / "data" / "log.json")
    assert len(stored_ids(real)) == 2
    # Everything that belongs to the log is beside the real file, nothing beside the link.
    assert sorted(p.name for p in link.parent.iterdir()) == ["log.json"]
    assert lock_path(real).exists()
    assert [p.name for p in backup_paths(real)] == ["log.json.bak-2026-03-10"]

    result = restday(tmp_path, "status", "--db", str(link), now=NOW)
    assert result.returncode == 0, result.stderr
    assert recent_path(real).exists()
    assert sorted(p.name for p in link.parent.iterdir()) == ["log.json"]
    assert open_recent(link, NOW.date(), NOW.date(), clock=lambda: NOW) is not None


def test_a_copy_through_the_link_and_one_on_the_real_path_share_one_log(
    tmp_path: Path,
) -> None:
    real, link = linked_log(tmp_path)
    with Repository(real, clock=lambda: NOW) as repo:
        repo.start_workout("Push")
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), str(path), str(go), str(SETS_EACH)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in (real, link)
    ]
    try:
        for proc in procs:
            assert proc.stdout is not None
            assert proc.stdout.readline() == "ready\n"
        go.touch()
        results = [proc.communicate(timeout=120) for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    for proc, (_, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
    printed = {line for out, _ in results for line in out.split()}
    assert len(printed) == 2 * SETS_EACH
    assert link.is_symlink()
    assert stored_ids(real) == printed
    assert not lock_path(link).exists()


def test_a_link_to_a_log_not_written_yet_creates_it_where_it_points(tmp_path: Path) -> None:
    real, link = linked_log(tmp_path)
    result = restday(tmp_path, "log", "--db", str(link), "bench", "100x5", now=NOW)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert real.is_file()
    assert len(stored_ids(link)) == 1


def test_locate_names_the_files_beside_the_real_log(tmp_path: Path) -> None:
    real, link = linked_log(tmp_path)
    assert restday(tmp_path, "log", "--db", str(link), "bench", "100x5", now=NOW).returncode == 0
    result = restday(tmp_path, "locate", "--db", str(link), now=NOW)
    assert result.returncode == 0, result.stderr
    rows = dict(line.split(None, 1) for line in result.stdout.splitlines() if "  " in line)
    assert rows["log"].strip() == str(real)
    assert rows["lock"].strip() == str(lock_path(real))
    assert rows["backups"].startswith(f"{real}.bak-YYYY-MM-DD")
