"""The architecture, kept by tests rather than by memory: the import contracts in
pyproject.toml (import-linter), Textual's private API used from one module only, and files
written by `storage/` only."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest
import textual.app
import textual.dom
import textual.screen
import textual.widget
import textual.widgets

ROOT = Path(__file__).resolve().parents[2]
WORKAROUNDS = ROOT / "tui" / "textual_workarounds.py"


def python_files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def test_the_import_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


CORE = (textual.app.App, textual.screen.Screen, textual.widget.Widget, textual.widgets.Input)
CORE_PRIVATE = {
    name
    for cls in CORE
    for name in {*dir(cls), *vars(cls())}
    if name.startswith("_") and not name.startswith("__")
}


def module_of(path: Path):
    """The module, imported (`__main__` runs the app: only parsed)."""
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    return None if name.endswith("__main__") else importlib.import_module(name)


def private_uses(path: Path) -> list[str]:
    """Where the file reaches into Textual: another object's private name (`app._keymap`),
    or, in a class of Textual's, a private name of Textual's used or overridden."""
    where = path.relative_to(ROOT)
    module = module_of(path)
    found = []
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in CORE_PRIVATE:
            if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                found.append(f"{where}:{node.lineno} .{node.attr}")
        elif isinstance(node, ast.Constant) and node.value == "__watchers":
            found.append(f"{where}:{node.lineno} '__watchers'")
    for node in tree.body:
        cls = getattr(module, getattr(node, "name", ""), None)
        if not (isinstance(node, ast.ClassDef) and isinstance(cls, type)):
            continue
        if not issubclass(cls, textual.dom.DOMNode):
            continue
        textual_names = {
            name
            for base in cls.__mro__
            if base.__module__.startswith("textual.")
            for name in vars(base)
        } | CORE_PRIVATE
        for inner in ast.walk(node):
            name = None
            if isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef):
                name = inner.name
            elif (
                isinstance(inner, ast.Attribute)
                and isinstance(inner.value, ast.Name)
                and inner.value.id == "self"
            ):
                name = inner.attr
            private = name and name.startswith("_") and not name.startswith("__")
            if private and name in textual_names:
                found.append(f"{where}:{inner.lineno} {node.name}.{name}")
    return found


def test_textuals_private_api_is_used_in_one_module_only() -> None:
    assert {"_check_bindings", "_bindings", "_keymap", "_on_key"} <= CORE_PRIVATE
    offenders = [
        use for path in python_files("tui") if path != WORKAROUNDS for use in private_uses(path)
    ]
    assert offenders == [], "Textual's private API outside textual_workarounds.py"
    assert private_uses(WORKAROUNDS)  # and the check does see it there


FILE_METHODS = {"write_text", "write_bytes", "touch", "mkdir", "unlink", "rename", "rmdir"}
FILE_MODULES = {"os", "shutil", "tempfile"}
READ_ONLY_OS = {"environ", "getenv", "get_terminal_size", "path", "fspath", "stat", "getpid"}
READ_ONLY_OS |= {"dup2"}  # `restday export | head`: stdout pointed at os.devnull


def writes(node: ast.AST) -> str | None:
    """What a call writes to the file system, if it might."""
    if not isinstance(node, ast.Call):
        return None
    call = node.func
    if isinstance(call, ast.Name) and call.id == "open":
        modes = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)]
        modes += [k.value.value for k in node.keywords if k.arg == "mode"]  # type: ignore[attr-defined]
        return "open for writing" if any(set("wax+") & set(str(m)) for m in modes) else None
    if not isinstance(call, ast.Attribute):
        return None
    owner = call.value.id if isinstance(call.value, ast.Name) else None
    devnull = any(isinstance(a, ast.Attribute) and a.attr == "devnull" for a in node.args[:1])
    if owner in FILE_MODULES and call.attr not in READ_ONLY_OS and not devnull:
        return f"{owner}.{call.attr}"
    return f".{call.attr}" if call.attr in FILE_METHODS else None


@pytest.mark.parametrize("package", ["tui", "scoring"])
def test_only_storage_writes_files(package: str) -> None:
    found = [
        f"{path.relative_to(ROOT)}:{node.lineno} {what}"
        for path in python_files(package)
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path)))
        if (what := writes(node))
    ]
    assert found == []


def test_every_line_a_person_types_into_takes_a_burst_in_order() -> None:
    """A plain Input runs Enter and Ctrl+U after the characters typed behind them
    (textual#6605): "Ctrl+U 120 Enter" typed fast saved an empty value. Every line is an
    OrderedInput."""
    plain = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in python_files("tui")
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path)))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "Input"
    ]
    assert plain == []
