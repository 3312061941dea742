"""`restday status`: the home screen's summary as text and as JSON, now or on a morning."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from storage.demo import generate_demo, write_demo
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import MUSCLES

BANDS = ("Train as planned", "Reduce", "Rest day")


def status(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "status", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80", "NO_COLOR": "1"},
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[date, date]]]:
    """A 12-week demo log ending today, and its fatigue episode(s)."""
    log = tmp_path_factory.mktemp("status") / "log.json"
    with Repository(log) as repo:
        made = generate_demo(
            repo.today(),
            weeks=12,
            seed=1,
            tz=repo.timezone,
            exercises=BUILTIN_BY_ID,
            now=repo.now(),
        )
        write_demo(repo, made)
    return log, made.episodes


def test_the_summary_as_text(demo) -> None:
    log, _episodes = demo
    run = status("--db", str(log))
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("restday · readiness on ")
    assert lines[1].startswith("Readiness ") and "/100" in lines[1]
    assert any(band in lines[1] for band in BANDS)
    assert any(line.startswith("Peripheral ") and "Central" in line for line in lines)
    assert any(line.startswith("Today ") for line in lines)
    assert any(line.startswith("14 days ") for line in lines)
    assert lines[-1] == "Guidance, not medical advice."
    assert all(len(line) <= 80 for line in lines)


def test_the_summary_as_json(demo) -> None:
    log, _episodes = demo
    run = status("--db", str(log), "--json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    for key in ("readiness", "peripheral", "central", "confidence"):
        assert 0 <= result[key] <= 100 if key != "confidence" else 0 <= result[key] <= 1
    assert result["band"] in BANDS
    assert result["recommendation"].startswith(result["band"])
    points = [c["points"] for c in result["contributors"]]
    assert sum(points) == pytest.approx(100 - result["readiness"], abs=1e-6)
    assert all({"factor", "value", "points"} <= c.keys() for c in result["contributors"])
    assert set(result["muscles"]) <= set(MUSCLES) and result["muscles"]
    assert all(0 <= p_m <= 100 for p_m in result["muscles"].values())


def test_at_a_morning_of_the_fatigue_episode(demo) -> None:
    log, episodes = demo
    (first, last), *_ = episodes
    run = status("--db", str(log), "--at", last.isoformat(), "--json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["day"] == last.isoformat()
    assert result["band"] in ("Rest day", "Reduce")
    text = status("--db", str(log), "--at", last.isoformat()).stdout
    assert f"{last:%a} {last.day} {last:%b} {last.year}" in text.splitlines()[0]
    before = status("--db", str(log), "--at", (first - timedelta(days=14)).isoformat(), "--json")
    assert json.loads(before.stdout)["band"] == "Train as planned"


def test_an_empty_log_says_what_to_log(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    with Repository(log) as repo:
        repo.save_settings(repo.settings())
    run = status("--db", str(log))
    assert run.returncode == 0, run.stderr
    assert "No score yet. To get one, log" in run.stdout
    result = json.loads(status("--db", str(log), "--json").stdout)
    assert result["readiness"] is None and result["band"] is None and result["log_first"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--at", "2026-13-01"], "'2026-13-01' is not a date: use YYYY-MM-DD"),
        (["--at", "2999-01-01"], "2999-01-01 is in the future: --at takes a day up to today"),
    ],
)
def test_bad_days_are_one_line(demo, args: list[str], message: str) -> None:
    log, _episodes = demo
    run = status("--db", str(log), *args)
    assert run.returncode != 0 and run.stdout == ""
    assert message in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_no_log_is_one_line(tmp_path: Path) -> None:
    run = status("--db", str(tmp_path / "nothing.json"))
    assert run.returncode == 1
    assert run.stderr.strip() == (
        f"restday: error: no log at {tmp_path / 'nothing.json'}: "
        "open restday and log something first"
    )
