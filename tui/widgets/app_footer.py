"""The footer every screen shows: Textual's, compact, with only the keys that fit in full,
the most used first, drawn again only when the keys it shows change, and without its leak.

The keys are ordered by `FOOTER_ORDER`: for each screen, its binding ids most used
first; the keys it does not name follow in Textual's order. A key that does not fit is
left out whole (never cut, and nothing scrolls under the command palette key to show in
the last column); when one is left out, the help key (`?`, which lists every key) is
among those shown.

Textual 8.2.8's footer composes its keys again for every change of bindings, and one key
press (a view switched, the focus moved) can bring two or three in a row, most of them
showing the same keys: 10-40 ms apiece while the next key waits. This footer composes only
when what it would show differs from what it shows.

Each time, Textual's footer also binds each new key to its `compact` value, and drops the
bindings of the keys it removed only when `compact` changes, which it never does here: a
session of moving between screens would keep thousands of dead widgets alive, and each full
pass of the garbage collector would take longer. This footer lets go of them
(`textual_workarounds.forget_watchers`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import NamedTuple

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

from tui.textual_workarounds import footer_keys, forget_watchers, show_key

HELP_ID = "help"
# Per screen, the keys a lifter uses most, first. The app's screen keys come after a
# screen's own; `?` lists every key, those left out for want of room too.
FOOTER_ORDER: tuple[str, ...] = (
    # workout
    "workout.entry",
    "workout.finish",
    "workout.edit",
    "workout.delete",
    "workout.undo",
    "workout.pick",
    "workout.note_set",
    "workout.leave",
    "workout.warmups",
    "workout.plates",
    # recovery
    "recovery.entry",
    "recovery.correct",
    "recovery.leave",
    "recovery.water_add",
    "recovery.prev_day",
    "recovery.next_day",
    "recovery.today",
    "recovery.undo",
    "recovery.targets",
    # symptoms
    "symptoms.entry",
    "symptoms.leave",
    "symptoms.new",
    "symptoms.note",
    "symptoms.delete",
    "symptoms.undo",
    # history: its views, then each view's own keys
    "history.next_view",
    "calendar.open",
    "history.pick_exercise",
    "history.shade",
    "history.filter",
    "history.make_template",
    "trends.next_chart",
    "trends.longer_span",
    "trends.muscle",
    "calendar.month_before",
    "calendar.month_after",
    "history.back",
    "detail.close",
    "session.day",
    # templates: the list, and a template's editor
    "templates.new",
    "templates.edit",
    "templates.delete",
    "templates.rename",
    "template_editor.up",
    "template_editor.down",
    "template_editor.back",
    "templates.leave",
    # everywhere
    "screen.home",
    "screen.workout",
    "screen.recovery",
    "screen.symptoms",
    "screen.history",
    HELP_ID,
    "screen.settings",  # before quit, which ^q does too: settings are hard to find otherwise
    "quit",
)
PALETTE_WIDTH = 1 + cell_len("^p Commands")  # its border, then key and label


class FooterEntry(NamedTuple):
    binding: Binding
    key_display: str
    enabled: bool
    tooltip: str

    @property
    def width(self) -> int:
        """Columns it takes in the compact footer: key, space, label and a space after."""
        return cell_len(self.key_display) + 1 + cell_len(self.binding.description) + 1


def fitting(entries: Iterable[FooterEntry], order: Iterable[str], width: int) -> list[FooterEntry]:
    """The entries to show in `width` columns: those named by `order` (binding ids) first,
    in that order, then the rest; each one that fits whole, and when one does not, the
    help key among them."""
    rank = {binding_id: n for n, binding_id in enumerate(order)}
    ranked = sorted(entries, key=lambda e: rank.get(e.binding.id or "", len(rank)))
    if sum(e.width for e in ranked) <= width:
        return ranked
    help_entry = next((e for e in ranked if e.binding.id == HELP_ID), None)
    room = width - (help_entry.width if help_entry else 0)
    shown = []
    for entry in ranked:
        if entry is not help_entry and entry.width <= room:
            shown.append(entry)
            room -= entry.width
    if help_entry is not None:  # in its rank's place
        shown.insert(sum(1 for e in ranked[: ranked.index(help_entry)] if e in shown), help_entry)
    return shown


class AppFooter(Footer):
    # The palette key is docked right; Textual's compact footer gives it a margin too, so
    # the last column showed whatever scrolled under it ("Commandse").
    DEFAULT_CSS = """
    AppFooter.-compact FooterKey.-command-palette {
        margin-right: 0;
    }
    """

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._shown: tuple | None = None

    async def recompose(self) -> None:
        if not self.is_attached:  # its screen has closed
            return
        entries = self._fitting()
        shown = _shown_of(entries)
        if shown == self._shown:
            return
        before, self._shown = self._shown, shown
        if before is not None and self._swap_keys(before, entries):
            return
        await super().recompose()
        forget_watchers(self)

    def _swap_keys(self, before: tuple, entries: list[FooterEntry]) -> bool:
        """Show each entry's key in the key widget of its action, when only which key of
        an action shows changed (help's `?` on an empty entry line, f1 once it holds text:
        twice a set typed): no new widgets. False (nothing changed) otherwise."""
        if [key[1:] for key in before] != [key[1:] for key in _shown_of(entries)]:
            return False
        shown = footer_keys(self)
        if any(entry.binding.action not in shown for entry in entries):
            return False
        for entry in entries:
            show_key(shown[entry.binding.action], entry.binding.key, entry.key_display)
        return True

    def on_resize(self) -> None:
        self.call_after_refresh(self.recompose)

    def _entries(self) -> list[FooterEntry]:
        """Each key the screen shows (its first binding per action), but the one that leads
        to its own screen."""
        entries: dict[str, FooterEntry] = {}
        here = f"switch_mode({self._mode()!r})"  # the key to its own screen: room for others
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in entries and binding.action != here:
                display = self.app.get_key_display(binding)
                entries[binding.action] = FooterEntry(binding, display, enabled, tooltip)
        return list(entries.values())

    def _mode(self) -> str | None:
        """The mode whose screens this footer's screen is one of (not the mode shown: a
        footer left behind by a switch would compose again for it)."""
        for mode in self.app.MODES:
            with contextlib.suppress(KeyError):  # a mode not visited yet
                if self.screen in self.app.get_screen_stack(mode):
                    return mode
        return None

    def _fitting(self) -> list[FooterEntry]:
        width = (self.size.width or self.app.size.width) - PALETTE_WIDTH - 1
        return fitting(self._entries(), FOOTER_ORDER, width)

    def _keys(self) -> tuple:
        """What the footer would show now."""
        return _shown_of(self._fitting())

    def compose(self) -> ComposeResult:
        """Textual's keys, only those that fit, in their order; then the palette key."""
        widgets = list(super().compose())
        by_action = {getattr(w, "action", None): w for w in widgets}
        shown = [by_action.get(e.binding.action) for e in self._fitting()]
        yield from (w for w in shown if w is not None)
        yield from (w for w in widgets if w.has_class("-command-palette"))


def _shown_of(entries: Iterable[FooterEntry]) -> tuple:
    """What the footer shows of `entries`: each key, its label and whether enabled."""
    return tuple(
        (e.binding.key, e.binding.action, e.binding.description, e.enabled, e.tooltip)
        for e in entries
    )
