"""Every key, as it is bound now: the app's, the current screen's and the rest timer's.

The rows come from the binding maps with the user's keymap applied, so a remapped key
shows as remapped; nothing here is hard-coded text about keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.screens.takes_typing import TakesTyping, keys_typed
from tui.screens.too_small import CompactLayout
from tui.textual_workarounds import bind_key, declared_bindings, keymapped_bindings

TIMER_PREFIX = "timer."
PALETTE_ACTIONS = {"command_palette", "app.command_palette"}


@dataclass(frozen=True)
class KeyRow:
    keys: tuple[str, ...]  # as displayed: "?", "^p", "space"
    description: str
    binding: Binding
    key_names: tuple[str, ...]  # as bound: "question_mark", "ctrl+p", "space"


ELSEWHERE = " (other screens)"  # a key that types on this screen: a command elsewhere


def effective_bindings(
    app: App, node: DOMNode, types: Callable[[str], bool] = lambda key: False
) -> list[KeyRow]:
    """The node's own bindings with the app's keymap applied, one row per action. A key
    that `types` on the screen shown (the workout's letters) is no command there: it is
    left out, or if the action has no other key, the row says it works on other screens."""
    order: dict[object, int] = {}
    for _key, binding in declared_bindings(node):
        order.setdefault(_row_key(binding), len(order))
    bindings_map = keymapped_bindings(app, node)
    rows: dict[object, list[tuple[str, Binding]]] = {}
    for key, binding in bindings_map:
        if not binding.system:
            rows.setdefault(_row_key(binding), []).append((key, binding))
    result = []
    for _action, keyed in sorted(rows.items(), key=lambda item: order.get(item[0], len(order))):
        # ours (with an id) before Textual's twin: "q, ^q" for quit
        keyed.sort(key=lambda pair: pair[1].id is None)
        binding = keyed[0][1]
        commands = [(key, bound) for key, bound in keyed if not types(key)]
        elsewhere = not commands
        keyed = commands or keyed
        shown = list(dict.fromkeys(app.get_key_display(bound) for _key, bound in keyed))
        names = tuple(key for key, _binding in keyed)
        description = describe(binding) + (ELSEWHERE if elsewhere else "")
        result.append(KeyRow(tuple(shown), description, binding, names))
    return result


def _row_key(binding: Binding) -> object:
    # one row per action: "quit" on q (ours) and ^q (Textual's) share a row
    return binding.action


def describe(binding: Binding) -> str:
    if binding.action in PALETTE_ACTIONS:
        return "Command palette"
    return binding.description or binding.tooltip or binding.action


def screen_name(screen: Screen) -> str:
    name = getattr(screen, "HELP_TITLE", None) or type(screen).__name__.removesuffix("Screen")
    return str(name)


def _merge_numbered(rows: list[KeyRow]) -> list[KeyRow]:
    """'1 Exercise 1' ... '9 Exercise 9' become one row '1-9 Exercise 1-9' (and
    'alt+1 Exercise 1' ... one row 'alt+1-9 Exercise 1-9')."""
    merged: list[KeyRow] = []
    run: list[KeyRow] = []

    def numbered(row: KeyRow) -> tuple[str, int] | None:
        """(stem, n) for a row 'Exercise n' on one key ending in n."""
        stem, _, number = row.description.rpartition(" ")
        one_key = len(row.keys) == 1 and row.keys[0].endswith(number)
        return (stem, int(number)) if number.isdigit() and one_key else None

    def close_run() -> None:
        if len(run) > 2:
            (stem, first), (_, last) = numbered(run[0]), numbered(run[-1])
            keys = (f"{run[0].keys[0]}-{last}",)
            merged.append(KeyRow(keys, f"{stem} {first}-{last}", run[0].binding, keys))
        else:
            merged.extend(run)
        run.clear()

    for row in rows:
        this = numbered(row)
        if run and (this is None or this != (numbered(run[-1])[0], numbered(run[-1])[1] + 1)):
            close_run()
        if this is None:
            merged.append(row)
        else:
            run.append(row)
    close_run()
    return merged


def _is_textual_default(row: KeyRow) -> bool:
    """Keys every Textual screen has (tab, shift+tab, copy): listed under Everywhere."""
    return any(
        isinstance(binding, Binding) and binding.action == row.binding.action
        for binding in Screen.BINDINGS
    )


def _not_here(app_rows: list[KeyRow], screen_rows: list[KeyRow]) -> list[KeyRow]:
    """The screen's own keys win over the app's: an app key the screen takes for itself
    (the recovery screen's + adds water, not rest) says it works on other screens."""
    taken = {key for row in screen_rows for key in row.key_names}
    return [
        replace(row, description=f"{row.description}{ELSEWHERE}")
        if set(row.key_names) <= taken
        else row
        for row in app_rows
    ]


def help_sections(app: App, screen: Screen | None) -> list[tuple[str, list[KeyRow]]]:
    """(title, rows) for the app, the screen and the rest timer, in that order."""
    types = keys_typed(screen)
    screen_rows = [] if screen is None else effective_bindings(app, screen, types)
    app_rows = _not_here(effective_bindings(app, app, types), screen_rows)

    def timer(row: KeyRow) -> bool:
        return (row.binding.id or "").startswith(TIMER_PREFIX)

    everywhere = [row for row in app_rows if not timer(row)]
    everywhere += [row for row in screen_rows if _is_textual_default(row)]
    sections = [("Everywhere", everywhere)]
    if screen is not None:
        own = [row for row in screen_rows if not timer(row) and not _is_textual_default(row)]
        sections.append((screen_name(screen), _merge_numbered(own)))
    sections.append(("Rest timer", [row for row in app_rows + screen_rows if timer(row)]))
    return [(title, rows) for title, rows in sections if rows]


def _table(rows: list[KeyRow]) -> Table:
    """Two key/description pairs a line, so that a screenful of keys fits in 80x24."""
    table = Table.grid(padding=(0, 1), expand=True)
    for _ in range(2):
        table.add_column(width=12, no_wrap=True, style="bold")
        table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    half = (len(rows) + 1) // 2
    for left, right in zip(rows[:half], rows[half:] + [None], strict=False):
        cells: list[Text | str] = [", ".join(left.keys), left.description]
        cells += ["", ""] if right is None else [", ".join(right.keys), right.description]
        table.add_row(*cells)
    return table


def _column(rows: list[KeyRow]) -> Table:
    """One key a line, its description wrapped beside it: a phone's width (scrolled)."""
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(width=12, style="bold", overflow="fold")
    table.add_column(ratio=1)
    for row in rows:
        table.add_row(", ".join(row.keys), row.description)
    return table


def _forms(forms: tuple[tuple[str, str], ...]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="bold")
    table.add_column()
    for example, what in forms:
        table.add_row(example, what)
    return table


class HelpScreen(CompactLayout, ModalScreen[None]):
    """The `?` screen. Escape, ? or q (or the help key, if remapped) close it. In the
    compact layout it fills the terminal, one key a line, and scrolls (↑↓)."""

    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close", id="help.close")]

    def __init__(self, screen: Screen | None = None) -> None:
        super().__init__()
        self.for_screen = screen

    def compose(self) -> ComposeResult:
        app = self.app
        # The help key closes help too, whatever it has been remapped to: bound before help
        # is drawn (bound on mount, a help key pressed as it showed could open help again).
        for row in effective_bindings(app, app):
            if row.binding.action == "help":
                for key in row.key_names:
                    bind_key(self, key, "close")
        with Vertical(id="help"):
            yield Static("Keys", id="help-title")
            with VerticalScroll(id="help-body"):
                if isinstance(self.for_screen, TakesTyping):
                    note = self.for_screen.typing_rule
                    yield Static(note, classes="help-note", markup=False)
                for title, rows in help_sections(app, self.for_screen):
                    yield Static(title, classes="help-section")
                    yield Static(_table(rows), classes="help-keys")
                    yield Static(_column(rows), classes="help-keys-column")
                if forms := getattr(self.for_screen, "entry_forms", ()):
                    yield Static("What a line can say", classes="help-section")
                    yield Static(_forms(forms), classes="help-forms")
            yield Static("Escape, ? or q closes this", id="help-hint")

    def action_close(self) -> None:
        self.dismiss(None)
