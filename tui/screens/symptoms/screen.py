"""The symptom log: weakness, energy, mood, motivation and soreness per muscle, as often as
the lifter likes (morning, after training); the newest entry within 24 h counts for the score.

The screen edits one entry at a time (`SymptomDay`). It opens on a draft copied from the
newest entry, so an unchanged day is logged with Enter alone. The first change (a line, a
digit, a note) saves the entry; later changes replace it, until Alt+N starts another one.
Saves run in the background (`LogScreen`); nothing is saved from a line that has an error.

Letters type into the entry line wherever the focus is (`TakesTyping`), and so does any
key once the line holds text: "mood 3" typed after Escape is a line, never body-map keys.
A digit, + or - on an empty line sets the value under the cursor of the map or the scales.
"""

from __future__ import annotations

from dataclasses import replace
from time import monotonic

from rich.style import Style
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static

from storage.entry.line_items import WellnessEntryError
from storage.entry.symptom_line import SYMPTOM_EXAMPLE, parse_symptom_entry
from storage.errors import ValidationError
from storage.model.records import SymptomEntry
from tui.format.muscles import MUSCLE_LABELS
from tui.messages import LogChanged
from tui.screens.log_screen import LogScreen
from tui.screens.symptoms.day import TRAINED_DAYS, SymptomDay, day_name, is_empty
from tui.screens.symptoms.drawing import entries_heading, notes_line, soreness_line, title
from tui.screens.symptoms.entry_list import EntryList
from tui.screens.takes_typing import TakesTyping, typed_character
from tui.screens.too_small import CompactLayout
from tui.widgets.app_header import AppHeader
from tui.widgets.body_map import BODY_MAP, BodyMap
from tui.widgets.entry_line import EntryLine
from tui.widgets.scale_list import ScaleList

ENTRY_HINT = "weak 3 energy 2 mood 3 mot 2 quads 4 hams 5 · n slept badly (a note)"
TYPING_RULE = (
    "Letters always type into the entry line here, wherever the cursor is, and so does "
    "every key once the line holds text: a symptom line is never read as commands. On an "
    "empty line, a digit, + or - sets the value under the cursor of the body map or the "
    "scales. Commands are Alt+letter (Escape then the letter, quickly, where there is no "
    "Alt key)."
)


class SymptomScreen(TakesTyping, CompactLayout, LogScreen):
    CSS_PATH = ["../log_screen.tcss", "symptoms.tcss"]
    AUTO_FOCUS = "#entry"
    HELP_TITLE = "Symptoms"
    typing_rule = TYPING_RULE
    COMPONENT_CLASSES = {"soreness--none", "soreness--some", "soreness--sore", "soreness--very"}
    BINDINGS = [
        Binding("escape", "leave_entry", "Leave field", id="symptoms.leave"),
        Binding("enter", "focus_entry", "Type", id="symptoms.entry"),
        Binding("alt+n", "new_entry", "New entry", id="symptoms.new"),
        Binding("alt+shift+n", "note", "Note", id="symptoms.note"),
        Binding("alt+d,delete", "delete_entry", "Delete entry", id="symptoms.delete"),
        Binding("alt+u", "undo", "Undo", id="symptoms.undo"),
        Binding("backspace,delete", "clear", "Clear value", show=False, id="symptoms.clear"),
        Binding("plus,equals_sign", "step(1)", "Soreness +1", show=False, id="symptoms.more"),
        Binding("minus", "step(-1)", "Soreness -1", show=False, id="symptoms.less"),
        *(
            Binding(str(n), f"digit({n})", f"Rate {n}", show=False, id=f"symptoms.rate_{n}")
            for n in range(10)
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.day = SymptomDay()
        self._left_mode = False

    @property
    def entry(self) -> SymptomEntry | None:
        """The entry being edited; None until the log is read."""
        return self.day.entry

    @property
    def in_log(self) -> bool:
        """The entry being edited has been saved: changes replace it."""
        return self.day.in_log

    @property
    def based_on(self) -> SymptomEntry | None:
        """What a new entry was copied from."""
        return self.day.based_on

    @property
    def todays(self) -> list[SymptomEntry]:
        """Today's entries, oldest first."""
        return self.day.todays

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Vertical(id="form"):
            yield Static(id="title", markup=False)
            yield ScaleList(id="scales")
            yield Static(id="notes", markup=False)
            yield Static(id="soreness", markup=False)
            yield BodyMap(id="body-map", legend=f"• trained in the last {TRAINED_DAYS} days")
            yield Static(id="entries-title", markup=False)
            yield EntryList(id="entries")
        yield from self.below(EntryLine(self.submit_entry, placeholder=ENTRY_HINT, id="entry"))

    def on_mount(self) -> None:
        self.query_one("#form").display = self.app.store.ready
        self.watch(self.query_one(BodyMap), "cursor", self._describe_muscle, init=False)

    def load(self) -> None:
        """Read today's entries, the one before and what was trained; start a new entry."""
        self.day.read(self.app.store.snapshot, self.app.clock())
        self.query_one("#form").display = True
        self.query_one(BodyMap).mark(self.day.trained)
        self.refresh_all()
        self.query_one("#entry").focus()

    def on_screen_suspend(self) -> None:
        self._left_mode = self not in self.app.screen_stack  # not a dialog opening on top

    def on_screen_resume(self) -> None:
        """Back from another screen (w, r): a new visit starts a new entry, and what was
        trained meanwhile is marked. A closed dialog (a note, help) changes nothing."""
        if not self._left_mode or self.entry is None:
            return
        self._left_mode = False
        if self.day.day_of(self.app.clock()) != self.day.today:
            self.load()
            return
        # Today's entries on screen are the log's and those still being saved: keep them.
        self.start_new(self.day.newest())
        self.query_one("#entry").focus()
        self._mark_trained()

    @on(LogChanged)
    def _log_changed(self) -> None:
        """The log changed: what was trained meanwhile is marked; the day as another
        process changed it is shown once nothing of this screen's is on its way to the
        disk (what is on screen is newer till then). The entry line keeps its text."""
        if self.entry is None:
            return
        if self.app.store.pending or self._stale:
            self._mark_trained()
        elif self.day.follow(self.app.store.snapshot, self.app.clock()):
            self.query_one(BodyMap).mark(self.day.trained)
            self.refresh_all()

    def _mark_trained(self) -> None:
        if self.day.read_trained(self.app.store.snapshot):
            self.query_one(BodyMap).mark(self.day.trained)

    # -- drawing ---------------------------------------------------------------------------

    def refresh_all(self) -> None:
        self.query_one(AppHeader).subtitle = f"Symptoms · {day_name(self.day.today)}"
        self.query_one("#title", Static).update(title(self.day, self.key_of("symptoms.new")))
        self.query_one(ScaleList).show(self.entry)
        self.query_one("#notes", Static).update(
            notes_line(self.entry, self.key_of("symptoms.note"))
        )
        self.query_one("#soreness", Static).update(soreness_line(self.entry))
        self._draw_body_map()
        now = self.app.clock()
        self.query_one("#entries-title", Static).update(entries_heading(self.day, now))
        self.query_one(EntryList).show(self.day, now)
        self.refresh_bindings()

    def _draw_body_map(self) -> None:
        body_map = self.query_one(BodyMap)
        soreness = self.entry.soreness
        body_map.set_cells(
            {
                muscle: self._soreness_cell(soreness.get(muscle))
                for row in BODY_MAP
                for muscle in row
            }
        )

    def _soreness_cell(self, value: int | None) -> tuple[str, Style]:
        if value is None:
            return "—", self.get_component_rich_style("soreness--none", partial=True)
        level = "none" if value == 0 else "some" if value <= 3 else "sore" if value <= 6 else "very"
        return str(value), self.get_component_rich_style(f"soreness--{level}", partial=True)

    def selected_entry(self) -> SymptomEntry | None:
        return self.query_one(EntryList).selected(self.day)

    # -- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the keys that can do nothing where the focus is."""
        if self.entry is None:
            return action not in self._own_actions()
        focused = self.focused
        typing = isinstance(focused, Input)
        if action == "leave_entry":
            return typing
        if action in ("digit", "clear"):
            return isinstance(focused, BodyMap | ScaleList)
        if action == "step":
            return isinstance(focused, BodyMap)
        if action == "delete_entry":
            return isinstance(focused, OptionList) and self.selected_entry() is not None
        if action == "undo":
            return bool(self.day.deleted) and not typing
        if action == "new_entry":
            return self.in_log and not typing
        if action in ("focus_entry", "note"):
            return not typing
        return True

    def types(self, key: str) -> bool:
        """Letters type into the entry line from anywhere; digits, + and - on an empty line
        are the map's and the scales' (`take_typing` sends them to a line begun)."""
        character = typed_character(key)
        return character is not None and character.isalpha()

    def _own_actions(self) -> set[str]:
        return {binding.action.partition("(")[0] for binding in self.BINDINGS}

    # Hints follow focus and the map's cursor at once (watchers, not messages): a key
    # typed right after a move must not have its message replaced by a late hint.
    def watch_focused(self, focused: Widget | None) -> None:
        """Say what the keys do where the focus went."""
        if self.entry is None:
            return
        if isinstance(focused, BodyMap):
            self._describe_muscle(focused.cursor)
        elif isinstance(focused, ScaleList):
            self.show_message(
                "Scales: ↑↓ choose · a digit sets it (1 then 0 is 10) · Backspace clears"
            )
        elif isinstance(focused, OptionList):
            self.show_message(
                f"Today's entries: ↑↓ choose · Enter edits it · "
                f"{self.key_of('symptoms.delete')} deletes"
                if self.todays
                else "No entry today yet: Tab moves on, letters type one"
            )

    def _describe_muscle(self, muscle: str) -> None:
        if self.entry is None:
            return
        value = self.entry.soreness.get(muscle)
        trained = self.day.trained.get(muscle)
        about = MUSCLE_LABELS[muscle] + (" not rated" if value is None else f" {value}")
        if trained is not None:
            about += f" (trained {'today' if trained == self.day.today else f'{trained:%a}'})"
        self.show_message(f"{about} · arrows move · 0-9 sets · +/- · Backspace clears")

    # Keys move the focus at once (Screen.set_focus), not after the keys already typed
    # behind them (Widget.focus): "i" then a line typed ahead goes into the line.
    def action_focus_entry(self) -> None:
        self.set_focus(self.query_one("#entry"))

    def action_leave_entry(self) -> None:
        self.set_focus(self.query_one(BodyMap))

    # -- the entry line --------------------------------------------------------------------

    def submit_entry(self, entry_line: EntryLine) -> None:
        """Enter in the entry line (called at once, not by message: see `EntryLine`)."""
        if self.entry is None:
            self.show_message("Still reading your log: press Enter again in a moment.")
            return
        text = entry_line.value
        if not text.strip():
            self.confirm()
            return
        try:
            self.commit(parse_symptom_entry(text).apply_to(self.entry), " ".join(text.split()))
        except (WellnessEntryError, ValidationError) as exc:
            self.show_message(str(exc), error=True)
            return
        entry_line.value = ""

    def confirm(self) -> None:
        """Enter on an empty line: log the new entry as it stands (the day unchanged)."""
        if self.in_log:
            self.show_message(
                f"Already logged ({self.day.when(self.entry)}): changes update it; "
                f"{self.key_of('symptoms.new')} starts a new entry."
            )
        elif is_empty(self.entry):
            self.show_message(f"Nothing to log yet: type how you feel, {SYMPTOM_EXAMPLE}")
        else:
            self.commit(self.entry, f"same as {self.day.when(self.based_on)}")

    # -- changing the entry ----------------------------------------------------------------

    def commit(self, entry: SymptomEntry, what: str) -> None:
        """Make `entry` the one on screen and save it (see `SymptomDay.commit`). Raises
        ValidationError, changing nothing."""
        before = self.entry
        first = self.day.commit(entry, self.app.clock())
        saved = self.day.entry
        if first:
            self.save(lambda repo: repo.save_symptoms(saved))
        else:  # what changed since it was read: another copy may have changed the rest
            self.save(lambda repo: repo.update_symptoms(before, saved))
        self.refresh_all()
        done = "Logged a new entry" if first else "Updated the entry of"
        self.show_message(f"{done} {self.day.when(saved)}: {what}.")

    def start_new(self, base: SymptomEntry | None) -> None:
        self.day.start_new(base, self.app.clock())
        self.refresh_all()

    def action_digit(self, digit: int) -> None:
        focused = self.focused
        target = (
            focused.cursor
            if isinstance(focused, BodyMap)
            else focused.scale.field
            if isinstance(focused, ScaleList)
            else None
        )
        if target is None:
            return
        self.set_value(target, self.day.digit(target, digit, monotonic()))

    def action_step(self, step: int) -> None:
        muscle = self.query_one(BodyMap).cursor
        self.set_value(muscle, self.day.stepped(muscle, step))

    def action_clear(self) -> None:
        focused = self.focused
        if isinstance(focused, BodyMap):
            self.set_value(focused.cursor, None)
        elif isinstance(focused, ScaleList):
            self.set_value(focused.scale.field, None)

    def set_value(self, target: str, value: int | None) -> None:
        """Set a scale (by field) or a muscle's soreness; None clears it."""
        try:
            entry, what = self.day.with_value(target, value)
        except ValidationError as exc:
            self.show_message(str(exc), error=True)
            return
        self.commit(entry, what)

    def action_note(self) -> None:
        from tui.screens.dialogs.prompt import PromptScreen

        def noted(text: str | None) -> None:
            if text is not None:
                self.commit(
                    replace(self.entry, notes=text), f"note “{text}”" if text else "note cleared"
                )

        self.app.push_screen(
            PromptScreen("Note on this entry", self.entry.notes, "e.g. slept badly, long day"),
            noted,
        )

    def action_new_entry(self) -> None:
        if not self.in_log:
            return
        self.start_new(self.entry)
        self.set_focus(self.query_one("#entry"))
        self.show_message(
            f"A new entry, starting from {self.day.when(self.based_on)}: Enter alone logs it."
        )

    # -- today's entries -------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        self.day.edit(entry)
        self.refresh_all()
        self.set_focus(self.query_one("#entry"))
        self.show_message(f"Editing the entry of {self.day.when(entry)}: type what to change.")

    def action_delete_entry(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        self.day.delete(entry, self.app.clock())
        self.save(lambda repo: repo.delete_symptoms(entry.id, base=entry))
        self.refresh_all()
        undo = self.key_of("symptoms.undo")
        self.show_message(f"Deleted the entry of {self.day.when(entry)} ({undo} undoes).")

    def action_undo(self) -> None:
        if not self.day.deleted:
            return
        entry = self.day.restore(self.app.clock())
        self.save(lambda repo: repo.restore_symptoms(entry))
        self.refresh_all()
        self.show_message(f"Undone: the entry of {self.day.when(entry)} is back.")
