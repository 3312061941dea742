"""Recovery: sleep, water, protein, carbs, bodyweight and stress, one day at a time.

The quick-entry line has focus: `s 7.5 q4 w+2 p30 c60 bw 81.2 st2` sets several fields at
once, and protein, carbs and `w+2` add to the day. Escape leaves it for the fields: arrows
choose one, Enter corrects it (the day's total), left and right change the day. `+` and
`-` add or remove a cup of water from anywhere. A change shows at once and is saved in the
background; it is applied under the log's lock to the day as stored, so a cup added from
another terminal meanwhile is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from storage.entry.line_items import WellnessEntryError
from storage.entry.recovery_line import RECOVERY_EXAMPLE, RecoveryInput, parse_recovery_entry
from storage.errors import ValidationError
from storage.model.records import Recovery, Settings
from storage.model.validation import check_recovery
from tui.format.recovery import editable_value, logged
from tui.messages import LogChanged
from tui.screens.log_screen import LogScreen
from tui.screens.recovery.day_heading import DayHeading
from tui.screens.recovery.days import RecoveryDays
from tui.screens.recovery.field_list import FieldList
from tui.screens.recovery.fields import correction
from tui.screens.too_small import CompactLayout
from tui.widgets.app_header import AppHeader
from tui.widgets.entry_line import EntryLine

ENTRY_HINT = "s 7.5 q4 w+2 p30 c60 bw 81.2 st2 · + / - a cup of water"
KEYS_HELP = (
    "Esc leaves the line for the fields: ↑↓ choose, Enter corrects, Del clears.\n"
    "←/→ another day · t today · + / - a cup of water · g targets · u undo"
)


class RecoveryScreen(CompactLayout, LogScreen):
    CSS_PATH = ["../log_screen.tcss", "recovery.tcss"]
    BINDINGS = [
        Binding("escape", "leave_entry", "Fields", id="recovery.leave"),
        Binding("i", "focus_entry", "Type", id="recovery.entry"),
        Binding("left", "move_day(-1)", "Prev day", id="recovery.prev_day"),
        Binding("right", "move_day(1)", "Next day", id="recovery.next_day"),
        Binding("t", "today", "Today", id="recovery.today"),
        Binding("plus,equals_sign", "water(1)", "+1 cup", id="recovery.water_add"),
        Binding("minus", "water(-1)", "-1 cup", id="recovery.water_remove", show=False),
        Binding("e", "edit_field", "Correct", id="recovery.edit", show=False),
        Binding("delete,backspace", "clear_field", "Clear", id="recovery.clear", show=False),
        Binding("u", "undo", "Undo", id="recovery.undo"),
        Binding("g", "edit_targets", "Targets", id="recovery.targets"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.days = RecoveryDays()

    @property
    def day(self) -> date | None:
        """The day on show; None until the log is read."""
        return self.days.day

    @property
    def entry(self) -> Recovery | None:
        """The day's entry; None while nothing is logged on it."""
        return self.days.entry

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.day is None:
            return action not in ("move_day", "today", "water", "edit_field", "undo")
        if action == "move_day" and parameters == (1,):
            return self.day < self.days.today
        if action in ("edit_field", "clear_field"):
            return self.focused is self.query_one("#fields")
        if action == "leave_entry":
            return isinstance(self.focused, Input)
        if action == "focus_entry":
            return not isinstance(self.focused, Input)
        if action == "undo":
            return bool(self.days.undo_stack)
        return True

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Vertical(id="body"):
            yield DayHeading(id="day")
            yield FieldList(id="fields")
            yield Static(KEYS_HELP, id="keys-help")
        yield from self.below(
            EntryLine(
                self.submit_entry,
                placeholder=ENTRY_HINT,
                id="entry",
                keys_when_empty=frozenset({"plus", "minus"}),
            )
        )

    def on_mount(self) -> None:
        if not self.app.store.ready:
            self.query_one("#body").display = False

    def load(self) -> None:
        self.read_log()
        self.query_one("#entry").focus()

    def read_log(self) -> None:
        """Show the log as last saved: the day on show, or today."""
        self.days.read(self.app.store.snapshot)
        self.query_one("#body").display = True
        self.refresh_day()

    def on_screen_resume(self) -> None:
        """Back on this screen: read the log again (another screen or terminal may have
        changed it), unless a change is still on its way to the disk. The focus stays where
        it was (on the fields after a correction)."""
        if self.day is not None and not self.app.store.pending:
            self.read_log()
        self.app.store.follow()

    @on(LogChanged)
    def _log_changed(self) -> None:
        """Changed by another screen or terminal while on show: show it, once nothing of
        this app's is on its way to the disk (what is on screen is newer till then)."""
        if self.is_current and self.day is not None and not self.app.store.pending:
            self.read_log()

    def show_day(self, day: date) -> None:
        self.days.show(day, self.app.store.snapshot)
        self.refresh_day()

    def refresh_day(self) -> None:
        self.query_one(AppHeader).subtitle = f"Recovery · {self.day:%a %-d %b}"
        self.query_one(DayHeading).show(self.days)
        self.query_one(FieldList).show(self.days)
        self.refresh_bindings()

    # -- the quick-entry line --------------------------------------------------------------

    def submit_entry(self, entry_line: EntryLine) -> None:
        """Enter in the quick-entry line (called at once: see `EntryLine`)."""
        if not entry_line.value.strip():
            self.show_message(f"Type what to log: {RECOVERY_EXAMPLE}")
            return
        try:
            line = parse_recovery_entry(entry_line.value, self.days.unit)
            water = line.apply_to(self.days.entry_or_empty).water_cups
            self.change(line.apply_to, logged(line, self.days.unit, water))
        except (WellnessEntryError, ValidationError) as exc:
            self.show_message(str(exc), error=True)
            return
        entry_line.value = ""

    def change(self, edit: Callable[[Recovery], Recovery], what: str) -> None:
        """Apply `edit` to the day on screen now and to the day in the log in the
        background. Raises ValidationError, before anything changes, if the result is not
        a valid day."""
        day = self.day
        self.days.change(edit)
        self.save(lambda repo: repo.update_recovery(day, edit))
        self.refresh_day()
        self.show_message(f"{what} · {day:%a %-d %b} (u undoes)")

    # -- keys ------------------------------------------------------------------------------

    # Keys move the focus at once (Screen.set_focus), not after the keys already typed
    # behind them (Widget.focus): "i" then a line typed ahead goes into the line.
    def action_focus_entry(self) -> None:
        self.set_focus(self.query_one("#entry"))

    def action_leave_entry(self) -> None:
        self.set_focus(self.query_one("#fields"))
        self.refresh_bindings()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_move_day(self, step: int) -> None:
        day = self.day + timedelta(days=step)
        if day > self.days.today:
            self.show_message("That's the future: days up to today can be filled in.")
            return
        self.show_day(day)
        self.show_message("")

    def action_today(self) -> None:
        self.show_day(self.days.today)
        self.show_message("")

    def action_water(self, cups: int) -> None:
        cups_now = (self.entry.water_cups if self.entry else None) or 0
        if cups < 0 and cups_now == 0:
            self.show_message("Water is at 0 cups: nothing to take away.", error=True)
            return
        line = RecoveryInput(water_add=cups)
        try:
            self.change(line.apply_to, logged(line, self.days.unit, cups_now + cups))
        except ValidationError as exc:
            self.show_message(str(exc), error=True)

    def on_option_list_option_selected(self, event: FieldList.OptionSelected) -> None:
        self.action_edit_field()

    def action_edit_field(self) -> None:
        """Correct the highlighted field in a dialog: the value stands for the whole day."""
        from tui.screens.dialogs.prompt import PromptScreen

        field, unit = self.query_one(FieldList).chosen_field, self.days.unit
        value = getattr(self.days.entry_or_empty, field.name)
        question = f"{field.question}, {self.day:%a %-d %b}"
        hint = f"{field.accepted[0].upper()}{field.accepted[1:]}. Empty clears it."

        def corrected(text: str) -> Callable[[Recovery], Recovery]:
            edit = correction(field, text, unit)
            check_recovery(edit(self.days.entry_or_empty))
            return edit

        def done(edit: Callable[[Recovery], Recovery] | None) -> None:
            if edit is not None:
                self.change(edit, f"{field.label} corrected")
            self.query_one("#fields").focus()

        self.app.push_screen(
            PromptScreen(
                question, editable_value(field.name, value, unit), check=corrected, hint=hint
            ),
            done,
        )

    def action_clear_field(self) -> None:
        field = self.query_one(FieldList).chosen_field
        if self.entry is None or getattr(self.entry, field.name) in (None, ""):
            return
        self.change(correction(field, "", self.days.unit), f"{field.label} cleared")

    def action_undo(self) -> None:
        if not self.days.undo_stack:
            return
        undo = self.days.undo()
        self.save(undo.in_log)
        self.show_day(undo.day)
        self.show_message(f"Undone · {undo.day:%a %-d %b}")

    def action_edit_targets(self) -> None:
        from tui.screens.recovery.targets import TargetsScreen

        def done(settings: Settings | None) -> None:
            if settings is None:
                return
            before, self.days.settings = self.days.settings, settings
            self.save(lambda repo: repo.update_settings(before, settings))
            self.refresh_day()
            self.show_message("Targets set.")

        self.app.push_screen(TargetsScreen(self.days.settings), done)
