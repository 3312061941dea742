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
from dataclasses import dataclass, replace
from datetime import date, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from storage.entry.line_items import WellnessEntryError
from storage.entry.recovery_line import RECOVERY_EXAMPLE, RecoveryInput, parse_recovery_entry
from storage.errors import ValidationError
from storage.model.records import Recovery, Settings
from storage.model.validation import (
    MAX_BODYWEIGHT_KG,
    MAX_CARBS_G,
    MAX_PROTEIN_G,
    MAX_WATER_CUPS,
    MIN_BODYWEIGHT_KG,
    check_recovery,
)
from tui.format.units import format_number, format_weight
from tui.messages import LogChanged
from tui.recovery_targets import Target, filled_fields, recovery_targets
from tui.screens.log_screen import LogScreen
from tui.widgets.app_footer import AppFooter
from tui.widgets.app_header import AppHeader
from tui.widgets.entry_line import EntryLine
from tui.widgets.save_problem import SaveProblem

ENTRY_HINT = "s 7.5 q4 w+2 p30 c60 bw 81.2 st2 · + / - a cup of water"
KEYS_HELP = (
    "Esc leaves the line for the fields: ↑↓ choose, Enter corrects, Del clears.\n"
    "←/→ another day · t today · + / - a cup of water · g targets · u undo"
)
BAR_WIDTH = 16
QUALITY = {1: "very poor", 2: "poor", 3: "fair", 4: "good", 5: "excellent"}
STRESS = {1: "very relaxed", 2: "relaxed", 3: "some stress", 4: "stressed", 5: "very stressed"}


@dataclass(frozen=True)
class Field:
    name: str  # the Recovery attribute
    label: str
    key: str  # its quick-entry key
    question: str  # the title when it is corrected on its own
    accepted: str  # what a correction accepts


FIELDS: tuple[Field, ...] = (
    Field(
        "sleep_hours", "Sleep", "s", "Sleep the night before", "0-24 hours: 7.5, 7:30, 7h30 or 7h"
    ),
    Field("sleep_quality", "Sleep quality", "q", "Sleep quality", "1 (very poor) to 5 (excellent)"),
    Field("water_cups", "Water", "w", "Water", f"cups for the day, 0-{MAX_WATER_CUPS}"),
    Field("protein_g", "Protein", "p", "Protein", f"grams for the day, 0-{MAX_PROTEIN_G:g}"),
    Field("carbs_g", "Carbs", "c", "Carbs", f"grams for the day, 0-{MAX_CARBS_G:g}"),
    Field(
        "bodyweight_kg",
        "Bodyweight",
        "bw",
        "Bodyweight",
        f"{MIN_BODYWEIGHT_KG:g}-{MAX_BODYWEIGHT_KG:g} kg or the same in lb; "
        "in your unit, or typed: 180lb, 81.6kg",
    ),
    Field("stress", "Stress", "st", "Stress", "1 (very relaxed) to 5 (very stressed)"),
    Field("notes", "Notes", "n", "Notes", "any text"),
)
FIELD_BY_NAME = {field.name: field for field in FIELDS}
ADDED_UP = ("protein_g", "carbs_g")  # a line adds to them; a correction sets the total


class FieldList(OptionList, inherit_bindings=False):
    """The fields, one a row: up and down choose, Enter corrects. Left and right are left
    to the screen (another day), not taken for scrolling."""

    BINDINGS = [
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Correct", id="recovery.correct"),
    ]


@dataclass(frozen=True)
class Undo:
    day: date
    before: Recovery | None


class RecoveryScreen(LogScreen):
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
        self.settings = Settings()
        self.today: date | None = None
        self.day: date | None = None
        # The days this screen has read or changed: what it shows, its own changes included
        # before their background save has run.
        self.entries: dict[date, Recovery | None] = {}
        # The latest bodyweight logged before each day read: (that day, kg).
        self.earlier_bodyweights: dict[date, tuple[date, float] | None] = {}
        self.undo_stack: list[Undo] = []

    @property
    def entry(self) -> Recovery | None:
        return self.entries.get(self.day)

    @property
    def unit(self) -> str:
        return self.settings.unit

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.day is None:
            return action not in ("move_day", "today", "water", "edit_field", "undo")
        if action == "move_day" and parameters == (1,):
            return self.day < self.today
        if action in ("edit_field", "clear_field"):
            return self.focused is self.query_one("#fields")
        if action == "leave_entry":
            return isinstance(self.focused, Input)
        if action == "focus_entry":
            return not isinstance(self.focused, Input)
        if action == "undo":
            return bool(self.undo_stack)
        return True

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Vertical(id="body"):
            yield Static(id="day")
            yield FieldList(id="fields")
            yield Static(KEYS_HELP, id="keys-help")
        yield SaveProblem(id="save-error")
        yield Static(id="message", markup=False)
        yield EntryLine(
            self.submit_entry,
            placeholder=ENTRY_HINT,
            id="entry",
            keys_when_empty=frozenset({"plus", "minus"}),
        )
        yield AppFooter()

    def on_mount(self) -> None:
        self.query_one("#entry", Input).cursor_blink = False
        if not self.app.store.ready:
            self.query_one("#body").display = False

    def load(self) -> None:
        self.read_log()
        self.query_one("#entry").focus()

    def read_log(self) -> None:
        """Show the log as last saved: the day on show, or today."""
        log = self.app.store.snapshot
        self.settings, self.today = log.settings(), log.today()
        self.entries.clear()
        self.earlier_bodyweights.clear()
        self.query_one("#body").display = True
        self.show_day(self.day or self.today)

    def on_screen_resume(self) -> None:
        """Back on this screen: read the log again (another screen or terminal may have
        changed it), unless a change is still on its way to the disk."""
        if self.today is not None and not self.app.store.pending:
            self.load()
        self.app.store.follow()

    @on(LogChanged)
    def _log_changed(self) -> None:
        """Changed by another screen or terminal while on show: show it, once nothing of
        this app's is on its way to the disk (what is on screen is newer till then)."""
        if self.is_current and self.today is not None and not self.app.store.pending:
            self.read_log()

    def show_day(self, day: date) -> None:
        self.day = day
        if day not in self.entries:
            log = self.app.store.snapshot
            self.entries[day] = log.recovery(day)
            self.earlier_bodyweights[day] = log.latest_bodyweight(day - timedelta(days=1))
        self.refresh_day()

    # -- drawing ---------------------------------------------------------------------------

    def refresh_day(self) -> None:
        day, entry = self.day, self.entry
        when = "today" if day == self.today else _relative(day, self.today)
        self.query_one(AppHeader).subtitle = f"Recovery · {day:%a %-d %b}"
        previous = f"◂ {day - timedelta(days=1):%a %-d %b}"
        following = f"{day + timedelta(days=1):%a %-d %b} ▸" if day < self.today else ""
        filled = filled_fields(entry)
        status = (
            "nothing logged on this day yet: type a line below"
            if filled == 0
            else f"{filled} of {len(FIELDS)} filled"
        )
        title = Text.assemble(
            (f"{previous:<14}", "dim"),
            (f"{day:%A %-d %B %Y}", "bold"),
            (f" · {when}", "bold" if day == self.today else ""),
        )
        line = Text(no_wrap=True, overflow="crop")
        line.append_text(title)
        width = max(0, 76 - title.cell_len - len(following))
        line.append(" " * width)
        line.append(following, "dim")
        line.append(f"\n{status}", "dim" if filled else "")
        self.query_one("#day", Static).update(line)
        self.refresh_fields()
        self.refresh_bindings()

    def bodyweight(self) -> float | None:
        """The day's bodyweight, or the latest logged before it (kg)."""
        entry = self.entry
        if entry is not None and entry.bodyweight_kg is not None:
            return entry.bodyweight_kg
        earlier = self.earlier_bodyweights.get(self.day)
        return None if earlier is None else earlier[1]

    def refresh_fields(self) -> None:
        fields = self.query_one("#fields", OptionList)
        highlighted = fields.highlighted
        targets = recovery_targets(self.settings, self.bodyweight(), self.unit)
        entry = self.entry or Recovery(day=self.day)
        fields.clear_options()
        for field in FIELDS:
            value = getattr(entry, field.name)
            row = _row(field, value, targets.get(field.name), self.unit)
            earlier = self.earlier_bodyweights.get(self.day)
            if field.name == "bodyweight_kg" and value is None and earlier is not None:
                row.append(
                    f"last logged {format_weight(earlier[1], self.unit)} on {earlier[0]:%a %-d %b}",
                    "dim",
                )
            fields.add_option(Option(row, id=field.name))
        fields.highlighted = highlighted if highlighted is not None else 0

    # -- the quick-entry line --------------------------------------------------------------

    def submit_entry(self, entry_line: EntryLine) -> None:
        """Enter in the quick-entry line (called at once: see `EntryLine`)."""
        if not entry_line.value.strip():
            self.show_message(f"Type what to log: {RECOVERY_EXAMPLE}")
            return
        try:
            line = parse_recovery_entry(entry_line.value, self.unit)
            water = line.apply_to(self.entry or Recovery(day=self.day)).water_cups
            self.change(line.apply_to, _describe(line, self.unit, water))
        except (WellnessEntryError, ValidationError) as exc:
            self.show_message(str(exc), error=True)
            return
        entry_line.value = ""

    def change(self, edit: Callable[[Recovery], Recovery], what: str) -> None:
        """Apply `edit` to the day on screen now and to the day in the log in the
        background. Raises ValidationError, before anything changes, if the result is not
        a valid day."""
        day, before = self.day, self.entry
        after = edit(before or Recovery(day=day))
        check_recovery(after)
        self.entries[day] = after
        self.undo_stack.append(Undo(day, before))
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
        if day > self.today:
            self.show_message("That's the future: days up to today can be filled in.")
            return
        self.show_day(day)
        self.show_message("")

    def action_today(self) -> None:
        self.show_day(self.today)
        self.show_message("")

    def action_water(self, cups: int) -> None:
        cups_now = (self.entry.water_cups if self.entry else None) or 0
        if cups < 0 and cups_now == 0:
            self.show_message("Water is at 0 cups: nothing to take away.", error=True)
            return
        line = RecoveryInput(water_add=cups)
        try:
            self.change(line.apply_to, _describe(line, self.unit, cups_now + cups))
        except ValidationError as exc:
            self.show_message(str(exc), error=True)

    def _selected_field(self) -> Field:
        fields = self.query_one("#fields", OptionList)
        return FIELDS[fields.highlighted or 0]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_edit_field()

    def action_edit_field(self) -> None:
        """Correct the highlighted field in a dialog: the value stands for the whole day."""
        from tui.screens.dialogs.prompt import PromptScreen

        field = self._selected_field()
        value = getattr(self.entry or Recovery(day=self.day), field.name)
        question = f"{field.question}, {self.day:%a %-d %b}"
        hint = f"{field.accepted[0].upper()}{field.accepted[1:]}. Empty clears it."

        def corrected(text: str) -> Callable[[Recovery], Recovery]:
            edit = _correction(field, text, self.unit)
            check_recovery(edit(self.entry or Recovery(day=self.day)))
            return edit

        def done(edit: Callable[[Recovery], Recovery] | None) -> None:
            if edit is not None:
                self.change(edit, f"{field.label} corrected")
            self.query_one("#fields").focus()

        self.app.push_screen(
            PromptScreen(question, _editable(field, value, self.unit), check=corrected, hint=hint),
            done,
        )

    def action_clear_field(self) -> None:
        field = self._selected_field()
        if self.entry is None or getattr(self.entry, field.name) in (None, ""):
            return
        self.change(_correction(field, "", self.unit), f"{field.label} cleared")

    def action_undo(self) -> None:
        if not self.undo_stack:
            return
        undo = self.undo_stack.pop()
        before = undo.before
        self.entries[undo.day] = before
        if before is None:
            self.save(lambda repo: repo.delete_recovery(undo.day))
        else:
            self.save(lambda repo: repo.save_recovery(before))
        self.show_day(undo.day)
        self.show_message(f"Undone · {undo.day:%a %-d %b}")

    def action_edit_targets(self) -> None:
        from tui.screens.recovery.targets import TargetsScreen

        def done(settings: Settings | None) -> None:
            if settings is None:
                return
            self.settings = settings
            self.save(lambda repo: repo.save_settings(settings))
            self.refresh_day()
            self.show_message("Targets saved.")

        self.app.push_screen(TargetsScreen(self.settings), done)


# -- rows and words ------------------------------------------------------------------------


def _row(field: Field, value: object, target: Target | None, unit: str) -> Text:
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append(f"{field.label:<14}", "bold")
    shown = _shown(field, value, unit)
    row.append(f"{shown:<16}", "dim" if value in (None, "") else "")
    if target is None:
        return row
    number = value if isinstance(value, int | float) else None
    filled = round(target.progress(number) * BAR_WIDTH)
    style = "green" if target.met(number) else "yellow" if number else "dim"
    row.append("█" * filled, style)
    row.append("░" * (BAR_WIDTH - filled), "dim")
    row.append(f"  {target.text}" if target.low is None else f"  target {target.text}")
    return row


def _shown(field: Field, value: object, unit: str) -> str:
    if value is None or value == "":
        return "—"
    match field.name:
        case "sleep_hours":
            return _hours(value)
        case "sleep_quality":
            return f"{value}/5 {QUALITY[value]}"
        case "stress":
            return f"{value}/5 {STRESS[value]}"
        case "water_cups":
            return f"{value} cup{'' if value == 1 else 's'}"
        case "protein_g" | "carbs_g":
            return f"{format_number(value)} g"
        case "bodyweight_kg":
            return format_weight(value, unit)
    text = str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _hours(hours: float) -> str:
    """'7 h', '7 h 30'."""
    whole, minutes = divmod(round(hours * 60), 60)
    return f"{whole} h {minutes:02d}" if minutes else f"{whole} h"


def _editable(field: Field, value: object, unit: str) -> str:
    """The value as it is typed back in."""
    if value is None:
        return ""
    if field.name == "bodyweight_kg":
        return format_weight(value, unit).replace(" ", "")
    return format_number(value) if isinstance(value, float) else str(value)


def _correction(field: Field, text: str, unit: str) -> Callable[[Recovery], Recovery]:
    """The edit that sets `field` to `text` (typed as in the quick-entry line, without
    its key); empty text clears it. Raises WellnessEntryError for a bad value."""
    text = text.strip()
    if field.name == "notes" or not text:
        value = text if field.name == "notes" else None
        return lambda entry: replace(entry, **{field.name: value})
    refused = WellnessEntryError(f"can't use {text!r}: {field.label.lower()} is {field.accepted}")
    try:
        line = parse_recovery_entry(f"{field.key} {text}", unit)
    except WellnessEntryError:
        raise refused from None
    if sum(value is not None for value in vars(line).values()) != 1:
        raise refused  # more than this field, e.g. "30 c60"
    if field.name in ADDED_UP:  # the day's total: what is typed replaces it
        return lambda entry: line.apply_to(replace(entry, **{field.name: None}))
    return line.apply_to


def _describe(line: RecoveryInput, unit: str, water_total: int | None = None) -> str:
    """What a line logged, in words: 'Logged sleep 7.5 h, water +2, protein +30 g'."""
    parts = []
    if line.sleep_hours is not None:
        parts.append(f"sleep {_hours(line.sleep_hours)}")
    if line.sleep_quality is not None:
        parts.append(f"quality {line.sleep_quality}/5")
    if line.water_set is not None:
        parts.append(f"water {line.water_set} cups")
    if line.water_add is not None:
        total = f" ({water_total} today)" if water_total is not None else ""
        parts.append(
            f"water {line.water_add:+d} cup{'' if abs(line.water_add) == 1 else 's'}{total}"
        )
    if line.protein_add_g is not None:
        parts.append(f"protein +{format_number(line.protein_add_g)} g")
    if line.carbs_add_g is not None:
        parts.append(f"carbs +{format_number(line.carbs_add_g)} g")
    if line.bodyweight_kg is not None:
        parts.append(f"bodyweight {format_weight(line.bodyweight_kg, unit)}")
    if line.stress is not None:
        parts.append(f"stress {line.stress}/5")
    if line.notes is not None:
        parts.append("a note")
    return "Logged " + ", ".join(parts)


def _relative(day: date, today: date) -> str:
    days = (today - day).days
    return "yesterday" if days == 1 else f"{days} days ago"
