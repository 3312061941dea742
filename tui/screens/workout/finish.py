"""Finishing a workout: session RPE with one key, then optional notes. The dialog says
how many working sets the log holds of the workout, as it changes (another process may log
one while it is open). A workout finished before and reopened shows its session RPE and
notes: Enter keeps them, a key changes the RPE and goes on to the notes as they were."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from storage.read.history_index import session_summary
from tui.messages import LogChanged
from tui.screens.too_small import CompactLayout
from tui.textual_workarounds import OrderedInput

SESSION_RPE_HELP = "How hard was the whole session? Press 0-9, or T for 10."
# Only these: str.isdigit() also takes "²" (a key of its own on AZERTY), which int() refuses.
SESSION_RPE_KEYS = {**{str(n): n for n in range(10)}, "t": 10, "T": 10}


@dataclass(frozen=True)
class Finish:
    session_rpe: int
    notes: str


class FinishWorkoutScreen(CompactLayout, ModalScreen[Finish | None]):
    DEFAULT_CSS = """
    FinishWorkoutScreen { align: center middle; }
    FinishWorkoutScreen > Vertical {
        width: 64; max-width: 100%; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    FinishWorkoutScreen #rpe { width: 100%; text-style: bold; margin: 1 0; }
    FinishWorkoutScreen Input { display: none; }
    FinishWorkoutScreen.notes Input { display: block; }
    FinishWorkoutScreen .hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="finish.cancel")]

    def __init__(
        self,
        notes: str = "",
        session_rpe: int | None = None,
        what: str = "today's workout",
        workout_id: str | None = None,
    ) -> None:
        super().__init__()
        self.notes = notes
        self.kept_rpe = session_rpe  # the RPE it was finished with before, if it was
        self.workout_id = workout_id
        self.session_rpe: int | None = None
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Finish {self.what}", id="title")
            if self.kept_rpe is None:
                yield Label(SESSION_RPE_HELP, id="rpe")
            else:
                notes = " and its notes" if self.notes else ""
                yield Label(
                    f"Session RPE {self.kept_rpe}: Enter keeps it{notes}.\n0-9 or T changes it.",
                    id="rpe",
                )
            # Notes it was finished with before are added to, not replaced by a first key.
            yield OrderedInput(
                self.notes,
                placeholder="notes (optional)",
                id="notes",
                disabled=True,
                select_on_focus=False,
            )
            yield Label("Escape to go back to the workout", classes="hint", id="hint")

    def on_mount(self) -> None:
        self._count_sets()

    @on(LogChanged)
    def _count_sets(self) -> None:
        """The workout's working sets as the log holds them (a set still being saved
        counts once it is)."""
        if self.workout_id is None:
            return
        summary = session_summary(self.app.store.snapshot, self.workout_id)
        if summary is not None:
            count = summary.working_sets
            title = f"Finish {self.what}: {count} working set{'' if count == 1 else 's'}"
            self.query_one("#title", Label).update(title)

    def on_key(self, event: events.Key) -> None:
        notes = self.query_one("#notes", Input)
        if self.session_rpe is not None:
            if event.is_printable and event.character is not None:
                # Typed right behind the RPE, before the focus was on the notes: theirs.
                event.stop()
                notes.insert_text_at_cursor(event.character)
            return
        if event.key == "enter" and self.kept_rpe is not None:
            event.stop()
            self.dismiss(Finish(self.kept_rpe, self.notes))
            return
        rpe = SESSION_RPE_KEYS.get(event.character or "")
        if rpe is not None:
            event.stop()
            self.session_rpe = rpe
            self.query_one("#rpe", Label).update(f"Session RPE {self.session_rpe}")
            self.query_one("#hint", Label).update("Enter to finish, Escape to go back")
            self.add_class("notes")
            notes.disabled = False
            self.set_focus(notes)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.session_rpe is not None:
            self.dismiss(Finish(self.session_rpe, event.value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
