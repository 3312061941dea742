"""What every screen over the log shares: it loads once the log has been read, shows a
change at once and saves it in the background, and keeps a failed save on screen, retrying
it, until it succeeds. Nothing typed is lost while the disk refuses.

A subclass composes a `#save-error` and a `#message` Static (styled by log_screen.tcss:
`CSS_PATH = ["../log_screen.tcss", "<its own>.tcss"]`) and implements `load()`.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from textual.screen import Screen
from textual.widgets import Static

from storage.errors import StorageError
from storage.log.repository import Repository, SaveFailedError
from tui.log_store import LogReady
from tui.ui_thread import UiThread
from tui.widgets.app_header import AppHeader

RETRY_EVERY_S = 5


class LogScreen(Screen):
    def __init__(self) -> None:
        super().__init__()
        self.save_error: str | None = None
        self._retrying = False
        self._saving = 0  # saves handed to the store and not answered yet
        # Changes the log refused that the repository did not keep (a read-only or unreadable
        # log): the screen keeps them and runs them again on retry.
        self._unsaved: list[Callable[[Repository], Any]] = []

    def load(self) -> None:
        """Read what the screen shows from the log (`self.app.store.read`)."""
        raise NotImplementedError

    def on_mount(self) -> None:
        # Textual runs a subclass's on_mount first, then this one: its widgets are set up.
        if self.app.store.ready:
            self.load()
        else:  # the first frame comes before the log is read
            self.query_one(AppHeader).subtitle = "reading your log…"

    def on_log_ready(self, message: LogReady) -> None:
        self.load()

    def show_message(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#message", Static)
        message.set_class(error, "error")
        message.update(text)

    # -- saving in the background ----------------------------------------------------------

    def save(self, change: Callable[[Repository], Any]) -> None:
        future = self.app.store.save(change)
        self._saving += 1
        # `_saved` runs in the app's context: a retry timer it starts needs it. If the app
        # has closed, the store flushes the change itself.
        ui = UiThread()
        future.add_done_callback(lambda done: ui.call(self._saved, done, change))

    def _saved(self, future: Future, change: Callable[[Repository], Any]) -> None:
        self._saving -= 1
        error = future.exception()
        if isinstance(error, StorageError):
            if not isinstance(error, SaveFailedError):  # the repository did not keep it
                self._unsaved.append(change)
            self.save_error = str(error)
            self._show_save_error()
            if not self._retrying:
                self._retrying = True
                self.set_timer(RETRY_EVERY_S, self._retry)
        elif error is not None:
            self.show_message(f"not saved: {error}", error=True)
        elif self.save_error is not None and not (
            self._saving or self._unsaved or self.app.store.pending
        ):
            self.save_error = None
            self._show_save_error()
            self.show_message("Saved everything that was waiting.")

    def _retry(self) -> None:
        self._retrying = False
        unsaved, self._unsaved = self._unsaved, []
        for change in unsaved:  # each saves what the repository kept, too
            self.save(change)
        if not unsaved:
            self.save(lambda repo: repo.flush())

    def _show_save_error(self) -> None:
        box = self.query_one("#save-error", Static)
        box.display = self.save_error is not None
        if self.save_error:
            box.update(
                f"NOT SAVED YET (kept in memory, retrying every {RETRY_EVERY_S} s): "
                f"{self.save_error}"
            )
