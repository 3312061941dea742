"""The symptom log: weakness, energy, mood, motivation and soreness per muscle, as often as
the lifter likes (morning, after training); the newest entry within 24 h counts for the score.

The screen edits one entry at a time. It opens on a draft: a copy of the newest entry with a
new id and no note, so an unchanged day is logged with Enter alone. The first change (a line,
a digit, a note) saves the entry; later changes replace it, until `n` starts another one.
Saves run in the background (`LogScreen`); nothing is saved from a line that has an error.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from time import monotonic

import pendulum
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from storage.entry.line_items import WellnessEntryError
from storage.entry.symptom_line import SYMPTOM_EXAMPLE, parse_symptom_entry
from storage.errors import ValidationError
from storage.log.reader import LogReader
from storage.model.days import day_of
from storage.model.records import SymptomEntry, new_id
from storage.model.symptom_scales import MOST_SORE, SCALE_BY_FIELD, SCALES
from storage.model.validation import check_symptoms
from tui.format.muscles import MUSCLE_LABELS
from tui.format.symptoms import summary
from tui.messages import LogChanged
from tui.screens.log_screen import LogScreen
from tui.widgets.app_footer import AppFooter
from tui.widgets.app_header import AppHeader
from tui.widgets.body_map import BODY_MAP, BodyMap
from tui.widgets.entry_line import EntryLine
from tui.widgets.save_problem import SaveProblem
from tui.widgets.scale_list import ScaleList

TRAINED_DAYS = 3  # muscles trained today and the two days before are marked
COUNTS_FOR = timedelta(hours=24)  # how long an entry counts for the score
TEN_WITHIN_S = 1.0  # "1" then "0" this quickly sets 10
ENTRY_HINT = "weak 3 energy 2 mood 3 mot 2 quads 4 hams 5 · n slept badly (a note)"


def day_name(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def is_empty(entry: SymptomEntry) -> bool:
    return (
        all(getattr(entry, scale.field) is None for scale in SCALES)
        and not entry.soreness
        and not entry.notes
    )


def new_draft(base: SymptomEntry | None, now: datetime) -> SymptomEntry:
    """A new entry starting from `base`: its values, a new id, this moment, no note."""
    if base is None:
        return SymptomEntry(timestamp=now)
    return replace(base, id=new_id(), created=None, updated=None, day=None, timestamp=now, notes="")


class SymptomScreen(LogScreen):
    CSS_PATH = ["../log_screen.tcss", "symptoms.tcss"]
    AUTO_FOCUS = "#entry"
    HELP_TITLE = "Symptoms"
    COMPONENT_CLASSES = {"soreness--none", "soreness--some", "soreness--sore", "soreness--very"}
    BINDINGS = [
        Binding("escape", "leave_entry", "Leave field", id="symptoms.leave"),
        Binding("i,enter", "focus_entry", "Type", id="symptoms.entry"),
        Binding("n", "new_entry", "New entry", id="symptoms.new"),
        Binding("N", "note", "Note", id="symptoms.note"),
        Binding("d,delete", "delete_entry", "Delete entry", id="symptoms.delete"),
        Binding("u", "undo", "Undo", id="symptoms.undo"),
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
        self.entry: SymptomEntry | None = None  # the entry being edited; None until loaded
        self.in_log = False  # `entry` has been saved: changes replace it
        self.based_on: SymptomEntry | None = None  # what a new entry was copied from
        self.today = date.min
        self.todays: list[SymptomEntry] = []  # today's entries, oldest first
        self.previous: SymptomEntry | None = None  # the newest entry before today
        self.trained: dict[str, date] = {}
        self.timezone = "UTC"  # the log's, for days and times
        self.zone = UTC
        self.rollover_hour = 4
        self.deleted: list[SymptomEntry] = []  # what `u` brings back, last first
        self._last_digit: tuple[str, int, float] | None = None  # (field or muscle, digit, when)
        self._left_mode = False

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Vertical(id="form"):
            yield Static(id="title", markup=False)
            yield ScaleList(id="scales")
            yield Static(id="notes", markup=False)
            yield BodyMap(id="body-map", legend=f"• trained in the last {TRAINED_DAYS} days")
            yield Static(id="entries-title", markup=False)
            yield OptionList(id="entries")
        yield SaveProblem(id="save-error")
        yield Static(id="message", markup=False)
        yield EntryLine(self.submit_entry, placeholder=ENTRY_HINT, id="entry")
        yield AppFooter()

    def on_mount(self) -> None:
        # No blinking cursor: each blink redraws the bordered line, ~2 KB/s over SSH.
        self.query_one("#entry", Input).cursor_blink = False
        self.query_one("#form").display = self.app.store.ready
        self.watch(self.query_one(BodyMap), "cursor", self._describe_muscle, init=False)

    def load(self) -> None:
        """Read today's entries, the one before and what was trained; start a new entry."""
        log = self.app.store.snapshot
        self.today = log.today()
        self.timezone = log.timezone
        self.rollover_hour = log.settings().rollover_hour
        self.todays = log.symptoms(self.today, self.today)
        earlier = log.symptoms(until=self.today - timedelta(days=1))
        self.previous = earlier[-1] if earlier else None
        self.trained = self._trained(log)
        self.zone = pendulum.timezone(self.timezone)
        self.deleted = []
        self.query_one("#form").display = True
        self.query_one(BodyMap).mark(self.trained)
        self.start_new(self.newest())
        self.query_one("#entry").focus()

    def _trained(self, log: LogReader) -> dict[str, date]:
        return log.muscles_trained(self.today - timedelta(days=TRAINED_DAYS - 1), self.today)

    def on_screen_suspend(self) -> None:
        self._left_mode = self not in self.app.screen_stack  # not a dialog opening on top

    def on_screen_resume(self) -> None:
        """Back from another screen (w, r): a new visit starts a new entry, and what was
        trained meanwhile is marked. A closed dialog (a note, help) changes nothing."""
        if not self._left_mode or self.entry is None:
            return
        self._left_mode = False
        if self.day_of(self.app.clock()) != self.today:
            self.load()
            return
        # Today's entries on screen are the log's and those still being saved: keep them.
        self.start_new(self.newest())
        self.query_one("#entry").focus()
        self._mark_trained(self.app.store.snapshot)

    @on(LogChanged)
    def _log_changed(self) -> None:
        """Sets logged on the workout screen, saved since: mark what they trained."""
        if self.entry is not None:
            self._mark_trained(self.app.store.snapshot)

    def _mark_trained(self, log: LogReader) -> None:
        trained = self._trained(log)
        if trained != self.trained:
            self.trained = trained
            self.query_one(BodyMap).mark(trained)

    # -- days and times --------------------------------------------------------------------

    def day_of(self, moment: datetime) -> date:
        return day_of(moment, self.timezone, self.rollover_hour)

    def clock_time(self, moment: datetime) -> str:
        return moment.astimezone(self.zone).strftime("%H:%M")

    def when(self, entry: SymptomEntry) -> str:
        """'today 07:12', 'yesterday 08:37' or 'Sun 22 Nov 08:36'."""
        day = self.day_of(entry.timestamp)
        if day == self.today:
            name = "today"
        elif day == self.today - timedelta(days=1):
            name = "yesterday"
        else:
            name = day_name(day)
        return f"{name} {self.clock_time(entry.timestamp)}"

    def newest(self) -> SymptomEntry | None:
        entries = [*self.todays, *([self.previous] if self.previous else [])]
        return max(entries, key=lambda e: e.timestamp, default=None)

    def counting(self) -> SymptomEntry | None:
        """The entry that counts for the score now: the newest, if within 24 h."""
        newest = self.newest()
        if newest is None or self.app.clock() - newest.timestamp > COUNTS_FOR:
            return None
        return newest

    # -- drawing ---------------------------------------------------------------------------

    def refresh_all(self) -> None:
        entry = self.entry
        self.query_one(AppHeader).subtitle = f"Symptoms · {day_name(self.today)}"
        self.query_one("#title", Static).update(self._title())
        self.query_one(ScaleList).show(entry)
        self.query_one("#notes", Static).update(
            Text.assemble(
                ("notes       ", "dim"),
                (entry.notes, "")
                if entry.notes
                else ("— (N adds one, or type n and the note)", "dim"),
                no_wrap=True,
                overflow="ellipsis",
            )
        )
        self._draw_body_map()
        self._draw_entries()
        self.refresh_bindings()

    def _title(self) -> str:
        if self.in_log:
            return f"Entry of {self.when(self.entry)} · changes update it · n starts a new one"
        if self.based_on is None:
            return "New entry · nothing logged before: type how you feel below"
        return f"New entry · starts from {self.when(self.based_on)} · Enter alone logs it"

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

    def _draw_entries(self) -> None:
        counting = self.counting()
        title = self.query_one("#entries-title", Static)
        if self.todays:
            count = len(self.todays)
            title.update(
                f"Today: {count} entr{'y' if count == 1 else 'ies'} · "
                "the newest within 24 h counts for the score"
            )
        elif counting is not None:
            until = self.clock_time(counting.timestamp + COUNTS_FOR)
            title.update(
                f"Today: no entry yet · {self.when(counting)} counts for the score until {until}"
            )
        else:
            title.update("Today: no entry yet · none in the last 24 h counts for the score")
        entries = self.query_one("#entries", OptionList)
        selected = self.selected_entry()
        entries.clear_options()
        for entry in self.todays:
            editing = self.in_log and entry.id == self.entry.id
            line = Text.assemble(
                ("▸ " if editing else "  ", "bold"),
                (self.clock_time(entry.timestamp), "bold"),
                "  ",
                ("counts" if counting and entry.id == counting.id else "      ", "bold"),
                "  ",
                summary(entry),
                no_wrap=True,
                overflow="ellipsis",
            )
            entries.add_option(Option(line, id=entry.id))
        keep = self.entry.id if self.in_log else selected.id if selected else None
        ids = [entry.id for entry in self.todays]
        if ids:
            entries.highlighted = ids.index(keep) if keep in ids else len(ids) - 1

    def selected_entry(self) -> SymptomEntry | None:
        entries = self.query_one("#entries", OptionList)
        option = entries.highlighted_option
        return next((e for e in self.todays if option and e.id == option.id), None)

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
            return bool(self.deleted) and not typing
        if action == "new_entry":
            return self.in_log and not typing
        if action in ("focus_entry", "note"):
            return not typing
        return True

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
                "Today's entries: ↑↓ choose · Enter edits it · d deletes"
                if self.todays
                else "No entry today yet: Tab moves on, i types one"
            )

    def _describe_muscle(self, muscle: str) -> None:
        if self.entry is None:
            return
        value = self.entry.soreness.get(muscle)
        trained = self.trained.get(muscle)
        about = MUSCLE_LABELS[muscle] + (" not rated" if value is None else f" {value}")
        if trained is not None:
            about += f" (trained {'today' if trained == self.today else f'{trained:%a}'})"
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
                f"Already logged ({self.when(self.entry)}): changes update it; "
                "n starts a new entry."
            )
        elif is_empty(self.entry):
            self.show_message(f"Nothing to log yet: type how you feel, {SYMPTOM_EXAMPLE}")
        else:
            self.commit(self.entry, f"same as {self.when(self.based_on)}")

    # -- changing the entry ----------------------------------------------------------------

    def commit(self, entry: SymptomEntry, what: str) -> None:
        """Make `entry` the one on screen and save it: its first change logs it as new,
        at this moment; later ones replace it. Raises ValidationError, changing nothing."""
        check_symptoms(entry)
        first = not self.in_log
        if first:
            now = self.app.clock().replace(microsecond=0)
            entry = replace(entry, timestamp=now, created=now)
        entry = replace(entry, day=self.day_of(entry.timestamp))
        self.entry, self.in_log = entry, True
        self.save(lambda repo: repo.save_symptoms(entry))
        self._put(entry)
        self.refresh_all()
        done = "Logged a new entry" if first else "Updated the entry of"
        self.show_message(f"{done} {self.when(entry)}: {what}.")

    def _put(self, entry: SymptomEntry) -> None:
        """Show `entry` in today's list (in place, if there) if it is today's."""
        others = [e for e in self.todays if e.id != entry.id]
        if entry.day == self.today:
            others.append(entry)
        self.todays = sorted(others, key=lambda e: e.timestamp)

    def start_new(self, base: SymptomEntry | None) -> None:
        self.based_on = base
        self.in_log = False
        self.entry = new_draft(base, self.app.clock().replace(microsecond=0))
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
        now = monotonic()
        last, self._last_digit = self._last_digit, (target, digit, now)
        value = digit
        if digit == 0 and last and last[:2] == (target, 1) and now - last[2] <= TEN_WITHIN_S:
            value, self._last_digit = MOST_SORE, None
        self.set_value(target, value)

    def action_step(self, step: int) -> None:
        muscle = self.query_one(BodyMap).cursor
        value = min(max(self.entry.soreness.get(muscle, 0) + step, 0), MOST_SORE)
        self.set_value(muscle, value)

    def action_clear(self) -> None:
        focused = self.focused
        if isinstance(focused, BodyMap):
            self.set_value(focused.cursor, None)
        elif isinstance(focused, ScaleList):
            self.set_value(focused.scale.field, None)

    def set_value(self, target: str, value: int | None) -> None:
        """Set a scale (by field) or a muscle's soreness; None clears it."""
        scale = SCALE_BY_FIELD.get(target)
        if scale is not None:
            if value is not None and not scale.low <= value <= scale.high:
                self.show_message(f"{scale.accepted}: press {scale.low}-{scale.high}", error=True)
                return
            new = replace(self.entry, **{target: value})
            label = target
        else:
            soreness = dict(self.entry.soreness)
            if value is None:
                soreness.pop(target, None)
            else:
                soreness[target] = value
            new = replace(self.entry, soreness=soreness)
            label = MUSCLE_LABELS[target]
        self.commit(new, f"{label} {'cleared' if value is None else value}")

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
            f"A new entry, starting from {self.when(self.based_on)}: Enter alone logs it."
        )

    # -- today's entries -------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        self.entry, self.in_log, self.based_on = entry, True, None
        self.refresh_all()
        self.set_focus(self.query_one("#entry"))
        self.show_message(f"Editing the entry of {self.when(entry)}: type what to change.")

    def action_delete_entry(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        self.todays = [e for e in self.todays if e.id != entry.id]
        self.save(lambda repo: repo.delete_symptoms(entry.id))
        self.deleted.append(entry)
        if not self.in_log or self.entry.id == entry.id:
            self.start_new(self.newest())  # a new entry starts from the newest left
        else:
            self.refresh_all()
        self.show_message(f"Deleted the entry of {self.when(entry)} (u undoes).")

    def action_undo(self) -> None:
        if not self.deleted:
            return
        entry = self.deleted.pop()
        self.save(lambda repo: repo.save_symptoms(entry))
        self._put(entry)
        if self.in_log:
            self.refresh_all()
        else:
            self.start_new(self.newest())
        self.show_message(f"Undone: the entry of {self.when(entry)} is back.")
