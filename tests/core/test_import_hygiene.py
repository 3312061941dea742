"""The storage and scoring layers stand on their own: importing them loads no UI library,
and none of their modules imports the UI."""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

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


def source_files() -> list[Path]:
    return sorted(p for layer in LAYERS for p in (ROOT / layer).rglob("*.py"))


def imported_names(path: Path) -> set[str]:
    """Every module an import statement in the file names, anywhere in it (including
    imports inside functions, which the subprocess check above would not run)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) in {
            "import_module",
            "__import__",
        }:
            names.update(
                arg.value
                for arg in node.args[:1]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            )
    return names


def test_there_are_layer_modules_to_check() -> None:
    files = {p.relative_to(ROOT).as_posix() for p in source_files()}
    assert {"storage/log/repository.py", "storage/log/atomic_json.py", "scoring/e1rm.py"} <= files


@pytest.mark.parametrize("path", source_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_layer_module_imports_the_ui(path: Path) -> None:
    banned = ("tui", *UI_PACKAGES)
    offenders = sorted(name for name in imported_names(path) if name.split(".")[0] in banned)
    assert offenders == [], f"{path.relative_to(ROOT)} imports {offenders}"
