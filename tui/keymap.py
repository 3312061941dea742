"""The user's keymap: `keymap.toml` remaps the app's keys by binding id.

    [keys]
    "screen.workout" = "ctrl+w"
    quit = "ctrl+q,q"          # several keys: commas, or a list ["ctrl+q", "q"]

A line that cannot be used is left out and named: the notice names every such line by
its number and says why for as many as fit an 80x24 terminal; the other lines apply. A
file that cannot be read or is not TOML leaves the default keys (`Keymap.problems`,
`Keymap.notice`).
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import Keys, key_to_character

from storage.regular_file import read_regular_file
from tui.format.words import ELLIPSIS, ellipsized

MAX_KEYMAP_BYTES = 64 * 1024
SHOWN_VALUE_CHARS = 24  # of a bad value in the notice: it must fit an 80x24 terminal
NOTICE_CHARS = 360  # a toast at 80x24 is 36 cells wide: this wraps to some 12 of its 24 rows
MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_KEY_NAMES = frozenset(key.value for key in Keys)


@dataclass(frozen=True)
class Problem:
    """What is wrong with the file, and the line it is on (None: the whole file)."""

    line: int | None
    text: str

    def __str__(self) -> str:
        return self.text if self.line is None else f"line {self.line}: {self.text}"


@dataclass(frozen=True)
class Keymap:
    """Binding id -> keys ("ctrl+q,q") to hand to `App.set_keymap`, and what could not
    be used ("line 3: ..."), if anything."""

    path: Path
    keys: dict[str, str] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    source: str = field(default="", repr=False)  # the file's text, to name a line

    @property
    def problem(self) -> str | None:
        return "; ".join(map(str, self.problems)) or None

    @property
    def notice(self) -> str | None:
        """One message that fits 80x24 (`NOTICE_CHARS`): the file, every line not used by
        its number, why for as many as fit (the first always), and what applies."""
        if not self.problems:
            return None
        applies = "The other lines apply" if self.keys else "Using the default keys"
        lines = [p.line for p in self.problems if p.line is not None]
        named = f"lines {_spans(lines)} not used: " if len(lines) > 1 else ""
        said = f"{self.path}: {named}"
        room = NOTICE_CHARS - len(said) - len(applies) - 3
        why = str(self.problems[0])
        for problem in self.problems[1:]:
            if len(f"{why}; {problem}") > room:
                return f"{said}{why}; {ELLIPSIS} {applies}."
            why = f"{why}; {problem}"
        return f"{said}{why}. {applies}."

    def check_ids(self, known_ids: Collection[str]) -> Keymap:
        """This keymap without the ids outside `known_ids` (a typo), each named with its
        line and the nearest known id."""
        unknown = [binding_id for binding_id in self.keys if binding_id not in known_ids]
        if not unknown:
            return self
        problems = list(self.problems)
        for binding_id in unknown:
            nearest = difflib.get_close_matches(binding_id, known_ids, n=1)
            hint = f' (did you mean "{nearest[0]}"?)' if nearest else " (? lists the keys)"
            name = _shown(binding_id)[1:-1]
            problems.append(
                Problem(_line_of(self.source, binding_id), f'unknown binding id "{name}"{hint}')
            )
        problems.sort(key=lambda problem: (problem.line is not None, problem.line or 0))
        keys = {k: v for k, v in self.keys.items() if k not in unknown}
        return Keymap(self.path, keys, tuple(problems), self.source)


def _spans(numbers: list[int]) -> str:
    """Line numbers in order, runs shortened: "3-5, 9"."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


def _line_of(text: str, binding_id: str) -> int | None:
    """The number of the line of `text` that sets `binding_id`, if one is found."""
    pattern = re.compile(rf"""\s*(["']?){re.escape(binding_id)}\1\s*=""")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return None


def valid_key(key: str) -> bool:
    """'q', '?', 'ctrl+w', 'f1', 'question_mark', 'shift+tab' are keys; 'ctrl+', 'ctl+w' not."""
    if len(key) == 1:
        return key.isprintable() and not key.isspace()
    *modifiers, name = key.split("+")
    if not name or any(modifier not in MODIFIERS for modifier in modifiers):
        return False
    return len(name) == 1 or name in _KEY_NAMES or key_to_character(name) is not None


def _shown(value: object) -> str:
    """A value from the file as the notice quotes it: printable, and short."""
    return ellipsized(repr(value), SHOWN_VALUE_CHARS)


def _keys_of(binding_id: str, value: object) -> str:
    """The keys of one entry as Textual's comma-separated string, or ValueError saying why."""
    name = _shown(binding_id)[1:-1]
    if isinstance(value, str):
        parts = [part.strip() for part in value.split(",")]
    elif isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        parts = [item.strip() for item in value]
    else:
        raise ValueError(
            f'"{name}" must be a key string such as "ctrl+w" or "ctrl+q,q", '
            f"not {type(value).__name__} {_shown(value)}"
        )
    if not parts or not all(parts):
        raise ValueError(f'"{name}" has an empty key in {_shown(value)}')
    for part in parts:
        if not valid_key(part):
            raise ValueError(f'"{name}": {_shown(part)} is not a key (e.g. "x", "ctrl+w", "f2")')
    return ",".join(parts)


def parse_keymap(text: str, path: Path) -> Keymap:
    """Read keymap TOML, leaving out (and naming) each line that cannot be used; ids are
    checked apart, by `Keymap.check_ids`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Keymap(path, problems=(Problem(None, f"not valid TOML ({exc})"),))
    problems = [
        Problem(_section_line(text, name), f"unknown section {name!r} (only [keys] is read)")
        for name in sorted(set(data) - {"keys"})
    ]
    table = data.get("keys", {})
    if not isinstance(table, dict):
        problems.append(
            Problem(_line_of(text, "keys"), "'keys' must be a table: [keys] then id = \"key\"")
        )
        return Keymap(path, problems=tuple(problems))
    keys: dict[str, str] = {}
    for binding_id, value in table.items():
        try:
            keys[binding_id] = _keys_of(binding_id, value)
        except ValueError as exc:
            problems.append(Problem(_line_of(text, binding_id), str(exc)))
    return Keymap(path, keys, tuple(problems), text)


def _section_line(text: str, name: str) -> int | None:
    """The number of the line of `text` that opens the section `name`, if one is found."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith("[") and name in line:
            return number
    return None


def load_keymap(path: Path) -> Keymap:
    """The keymap at `path`; no file means no remapping and no problem. Only a regular
    file of at most `MAX_KEYMAP_BYTES` is read (a FIFO there would hang the app)."""
    try:
        text = read_regular_file(path, MAX_KEYMAP_BYTES).decode("utf-8")
    except FileNotFoundError:
        return Keymap(path)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return Keymap(path, problems=(Problem(None, f"cannot be read ({reason})"),))
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
