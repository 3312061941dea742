"""The scoring package is pure: plain data in, a result out. Its modules import only
scoring and a few pure standard-library modules (no storage, no I/O, no clock), take the
moment as an argument, and keep every tunable number in `scoring.constants`."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

import scoring.inputs

PACKAGE = Path(scoring.inputs.__file__).parent
MODULES = sorted(PACKAGE.glob("*.py"))
PURE_STDLIB = {
    "__future__",
    "bisect",
    "collections.abc",
    "dataclasses",
    "datetime",
    "importlib",
    "math",
    "statistics",
    "typing",
}
# Numbers a formula needs as such (0, 1, halves for rounding, 100 for percent, the
# published formulas' own numbers in e1rm.py); anything tunable lives in constants.py.
PLAIN_NUMBERS = {0, 0.5, 1, 2, 3, 100}
FORMULA_NUMBERS = {"e1rm.py": {30, 36, 37}}
CLOCK_CALLS = {"now", "utcnow", "today", "time", "monotonic", "perf_counter"}
IO_CALLS = {"open", "print", "input"}


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(), filename=str(path))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_imports_only_scoring_and_pure_stdlib(path):
    names = set()
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module)
    foreign = {n for n in names if n not in PURE_STDLIB and n.split(".")[0] != "scoring"}
    assert foreign == set()


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_io_and_no_clock(path):
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            assert name not in CLOCK_CALLS | IO_CALLS, f"{path.name}:{node.lineno} calls {name}"


@pytest.mark.parametrize(
    "path", [p for p in MODULES if p.name != "constants.py"], ids=lambda p: p.name
)
def test_numbers_live_in_the_constants_table(path):
    allowed = PLAIN_NUMBERS | FORMULA_NUMBERS.get(path.name, set())
    found = {
        node.value
        for node in ast.walk(tree(path))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, int | float)
        and not isinstance(node.value, bool)
    }
    assert found <= allowed, f"{path.name} has numbers {sorted(found - allowed)}"


@pytest.mark.parametrize(
    "cls",
    [
        scoring.inputs.TrainingSet,
        scoring.inputs.ExerciseMuscles,
        scoring.inputs.DayRecovery,
        scoring.inputs.Symptoms,
        scoring.inputs.TrainingLog,
    ],
)
def test_inputs_are_frozen_dataclasses(cls):
    assert dataclasses.is_dataclass(cls)
    assert cls.__dataclass_params__.frozen
