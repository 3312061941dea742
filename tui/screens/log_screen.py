"""What every screen over the log shares: it loads once the log has been read, shows a
change at once and hands it to the log's writer (`LogStore.save`), and says when the
writer could not save it: a change refused for good in its message line, a change kept to
be tried again in the `SaveProblem` line until everything waiting is saved.

A subclass composes its body, then `below(entry_line)` (what is wrong with saving, a
message line, the entry line and the footer; styled by log_screen.tcss: `CSS_PATH =
["../log_screen.tcss", "<its own>.tcss"]`), and implements `load()`, reading
`self.app.store.snapshot`.

An error about what was typed leaves once it stops being true: when the line is changed,
or when the log changes or a dialog closes and the screen's `still_wrong` says the line
would now be taken (the exercise it named has been made).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Static

from storage.log.repository import Repository
from tui.log_store import Reply
from tui.messages import LogChanged, LogOpened, SaveFailed, SavesCaughtUp, StoredOtherwise
from tui.widgets.app_footer import AppFooter
from tui.widgets.app_header import AppHeader
from tui.widgets.entry_line import EntryLine
from tui.widgets.save_problem import SaveProblem


class LogScreen(Screen):
    _stale = False  # a change shown here was refused: show the log as stored
    _entry_error: str | None = None  # the typed line the error shown is about

    def load(self) -> None:
        """Show what the log holds (`self.app.store.snapshot`)."""
        raise NotImplementedError

    def below(self, entry_line: EntryLine) -> ComposeResult:
        """What every screen over the log shows below its body. The entry line takes
        nothing while the log cannot be written (`RestdayApp.cannot_write`): it says so."""
        typed = entry_line.submit

        def submit(line: EntryLine) -> None:
            if (reason := self.app.cannot_write) is not None:
                self.show_message(f"not logged: this log cannot be changed: {reason}", error=True)
                return
            typed(line)
            if line.value and self.query_one("#message", Static).has_class("error"):
                self._entry_error = line.value

        entry_line.submit = submit
        yield SaveProblem(id="save-error")
        yield Static(id="message", markup=False)
        yield entry_line
        yield AppFooter()

    def on_mount(self) -> None:
        # Textual runs a subclass's on_mount first, then this one: its widgets are set up.
        if self.app.store.ready:
            self.load()
        else:  # the first frame comes before the log is read
            self.query_one(AppHeader).subtitle = "reading your log…"

    @on(LogOpened)
    def _log_opened(self) -> None:
        self.load()

    def still_wrong(self, text: str) -> bool:
        """Whether `text`, which was refused, would be refused again (by default: yes,
        until it is changed)."""
        return True

    @on(Input.Changed)
    def _typed_line_changed(self, event: Input.Changed) -> None:
        # Its value now, not the event's: a Changed of each key typed comes after Enter.
        if self._entry_error is not None and event.input.value != self._entry_error:
            self.show_message("")

    @on(LogChanged)
    @on(events.ScreenResume)
    def _check_entry_error(self) -> None:
        if self._entry_error is not None and not self.still_wrong(self._entry_error):
            self.show_message("")

    def show_message(self, text: str, *, error: bool = False) -> None:
        self._entry_error = None
        message = self.query_one("#message", Static)
        message.set_class(error, "error")
        message.update(text)

    def save(
        self,
        change: Callable[[Repository], Any],
        *,
        reply: Reply | None = None,
        entry: str | None = None,
    ) -> None:
        """Hand `change` to the log's writer; `reply` makes the message this screen gets
        once it is saved, from the log as saved; `entry` makes the change again, should it
        never be saved (`LogStore.save`)."""
        self.app.store.save(change, reply_to=self, reply=reply, entry=entry)

    @on(SaveFailed)
    def _refused(self, message: SaveFailed) -> None:
        """A change refused for good (another copy of restday changed the record, say):
        show the log as stored instead of it, once nothing of this screen's is on its way
        (what is on screen is newer till then)."""
        if not message.kept:
            self._stale = True
            self._show_stored()
        self.show_message(f"not saved: {message.problem}", error=True)

    @on(StoredOtherwise)
    def _merged(self) -> None:
        self._stale = True
        self._show_stored()

    @on(LogChanged)
    def _show_stored(self) -> None:
        if self._stale and self.app.store.ready and not self.app.store.pending:
            self._stale = False
            self.load()

    @on(SavesCaughtUp)
    def _caught_up(self) -> None:
        self.show_message("Saved everything that was waiting.")
