"""The line that says changes are waiting to be saved, and why, while they are: the app's
`save_problem`, which the log's writer sets when the disk refuses a change and clears once
everything waiting has been saved."""

from __future__ import annotations

from textual.widgets import Static

from tui.log_store import RETRY_EVERY_S
from tui.textual_workarounds import forget_watchers


class SaveProblem(Static):
    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id, markup=False)

    def on_mount(self) -> None:
        self.watch(self.app, "save_problem", self._show)

    def on_unmount(self) -> None:
        forget_watchers(self.app, of=self)

    def _show(self, problem: str | None) -> None:
        self.display = problem is not None
        if problem is not None:
            self.update(
                f"NOT SAVED YET (kept in memory, retrying every {RETRY_EVERY_S:g} s): {problem}"
            )
