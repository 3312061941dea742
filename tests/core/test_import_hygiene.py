"""The storage and scoring layers stand on their own: importing every module of theirs, in
a fresh interpreter, loads no UI library (what they may import at all is kept by the
import contracts: tests/core/test_architecture.py)."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import scoring
import storage

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ("storage", "scoring")
UI_PACKAGES = ("textual", "rich")

PROBE = """\
import importlib
import json
import pkgutil
import sys

import scoring
import storage
import storage.log.atomic_json
import storage.model.days
import storage.model.exercise_library
import storage.model.records
import storage.paths
import storage.log.repository
import storage.log.tables
import storage.model.validation

imported = []
for package in (storage, scoring):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
        imported.append(module.name)
print(json.dumps({"imported": imported, "modules": sorted(sys.modules)}))
"""


def layer_modules() -> list[str]:
    return sorted(
        module.name
        for package in (storage, scoring)
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
    )


def test_importing_storage_and_scoring_loads_no_ui_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert sorted(report["imported"]) == layer_modules()
    assert {"storage.log.repository", "storage.demo.generator", "scoring.e1rm"} <= set(
        report["imported"]
    )
    loaded = report["modules"]
    for ui in (*UI_PACKAGES, "tui"):
        offenders = [m for m in loaded if m == ui or m.startswith(ui + ".")]
        assert offenders == [], f"importing storage/scoring loaded {offenders}"
