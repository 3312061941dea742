"""The footer every screen shows: Textual's, compact (the keys fit 80 columns), drawn again
only when the keys it shows change, and without its leak.

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

from textual.widgets import Footer

from tui.textual_workarounds import forget_watchers


class AppFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True)
        self._shown: tuple | None = None

    async def recompose(self) -> None:
        if not self.is_attached:  # its screen has closed
            return
        shown = self._keys()
        if shown == self._shown:
            return
        self._shown = shown
        await super().recompose()
        forget_watchers(self)

    def _keys(self) -> tuple:
        """What the footer would show: each binding, its key, label and whether enabled."""
        return tuple(
            (
                key,
                active.binding.action,
                active.binding.description,
                active.binding.show,
                active.enabled,
                active.tooltip,
            )
            for key, active in self.screen.active_bindings.items()
        )
