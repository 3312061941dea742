"""The user's keymap: `keymap.toml` remaps the app's keys by binding id.

    [keys]
    "screen.workout" = "ctrl+w"
    quit = "ctrl+q,q"          # several keys: commas, or a list ["ctrl+q", "q"]

A file that cannot be used is never half-applied: the app keeps its default keys and
says which file is wrong and why (`Keymap.problem`).
"""

from __future__ import annotations

import importlib
import pkgutil
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import Keys, key_to_character

from storage.regular_file import read_regular_file

MAX_KEYMAP_BYTES = 64 * 1024
MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_KEY_NAMES = frozenset(key.value for key in Keys)


@dataclass(frozen=True)
class Keymap:
    """Binding id -> keys ("ctrl+q,q") to hand to `App.set_keymap`, or why there are none."""

    path: Path
    keys: dict[str, str] = field(default_factory=dict)
    problem: str | None = None

    @property
    def notice(self) -> str | None:
        """One message for the user naming the file and what is wrong, if anything is."""
        if self.problem is None:
            return None
        return f"{self.path}: {self.problem}. Using the default keys."

    def check_ids(self, known_ids: Collection[str]) -> Keymap:
        """This keymap, or a problem if it names a binding id outside `known_ids` (a typo)."""
        for binding_id in self.keys:
            if binding_id not in known_ids:
                known = ", ".join(sorted(known_ids))
                problem = f'unknown binding id "{binding_id}" (known: {known})'
                return Keymap(self.path, problem=problem)
        return self


def valid_key(key: str) -> bool:
    """'q', '?', 'ctrl+w', 'f1', 'question_mark', 'shift+tab' are keys; 'ctrl+', 'ctl+w' not."""
    if len(key) == 1:
        return key.isprintable() and not key.isspace()
    *modifiers, name = key.split("+")
    if not name or any(modifier not in MODIFIERS for modifier in modifiers):
        return False
    return len(name) == 1 or name in _KEY_NAMES or key_to_character(name) is not None


def _keys_of(binding_id: str, value: object) -> str:
    """The keys of one entry as Textual's comma-separated string, or ValueError saying why."""
    if isinstance(value, str):
        parts = [part.strip() for part in value.split(",")]
    elif isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        parts = [item.strip() for item in value]
    else:
        raise ValueError(
            f'"{binding_id}" must be a key string such as "ctrl+w" or "ctrl+q,q", '
            f"not {type(value).__name__} {value!r}"
        )
    if not parts or not all(parts):
        raise ValueError(f'"{binding_id}" has an empty key in {value!r}')
    for part in parts:
        if not valid_key(part):
            raise ValueError(f'"{binding_id}": {part!r} is not a key (e.g. "x", "ctrl+w", "f2")')
    return ",".join(parts)


def parse_keymap(text: str, path: Path) -> Keymap:
    """Read keymap TOML (ids are checked apart, by `Keymap.check_ids`)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Keymap(path, problem=f"not valid TOML ({exc})")
    extra = sorted(set(data) - {"keys"})
    if extra:
        return Keymap(path, problem=f"unknown section {extra[0]!r} (only [keys] is read)")
    table = data.get("keys", {})
    if not isinstance(table, dict):
        return Keymap(path, problem="'keys' must be a table: [keys] then id = \"key\" lines")
    keys: dict[str, str] = {}
    for binding_id, value in table.items():
        try:
            keys[binding_id] = _keys_of(binding_id, value)
        except ValueError as exc:
            return Keymap(path, problem=str(exc))
    return Keymap(path, keys)


def load_keymap(path: Path) -> Keymap:
    """The keymap at `path`; no file means no remapping and no problem. Only a regular
    file of at most `MAX_KEYMAP_BYTES` is read (a FIFO there would hang the app)."""
    try:
        text = read_regular_file(path, MAX_KEYMAP_BYTES).decode("utf-8")
    except FileNotFoundError:
        return Keymap(path)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return Keymap(path, problem=f"cannot be read ({reason})")
    return parse_keymap(text, path)


def binding_ids(*classes: type) -> set[str]:
    """The ids of the bindings the classes (and their bases) declare."""
    return {
        binding.id
        for cls in classes
        for klass in cls.__mro__
        for binding in vars(klass).get("BINDINGS", ())
        if isinstance(binding, Binding) and binding.id
    }


def known_binding_ids(app_class: type) -> set[str]:
    """Every binding id a keymap may name: the app's and those of every screen and widget
    in `tui.screens` and `tui.widgets` (imported here, so only when a keymap exists)."""
    import tui.screens
    import tui.widgets

    classes: list[type] = [app_class]
    for package in (tui.screens, tui.widgets):
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            try:
                module = importlib.import_module(info.name)
            except Exception:  # a broken screen shows its own error when opened
                continue
            classes.extend(
                obj
                for obj in vars(module).values()
                if isinstance(obj, type) and issubclass(obj, DOMNode)
            )
    return binding_ids(*classes)
