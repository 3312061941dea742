"""One template's exercises, a line each in the entry grammar
(`storage.entry.template_line`: `bench 3x5@8 rest 3:00 100`): type a line and Enter to
add it; on a line, Enter or `e` puts it in the entry line to change, `d` removes it,
shift+up/down moves it; `R` renames the template. Every change is saved at once."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from storage.entry.set_line import EntryError
from storage.entry.template_line import EXAMPLES, parse_template_line, template_line
from storage.errors import ValidationError
from storage.model.records import Exercise, Template, TemplateItem
from tui.format.text import log_text
from tui.messages import LogChanged
from tui.screens.log_screen import LogScreen
from tui.widgets.app_header import AppHeader
from tui.widgets.entry_line import EntryLine

LINE_HINT = "exercise SETSxREPS@RPE rest 3:00 load: bench 3x5@8 rest 3:00 100"


class TemplateEditorScreen(LogScreen):
    CSS_PATH = ["../log_screen.tcss", "templates.tcss"]
    BINDINGS = [
        Binding("escape", "back", "Back", id="template_editor.back"),
        Binding("i", "focus_entry", "Type a line", id="template_editor.entry"),
        Binding("e", "edit_line", "Change line", id="template_editor.edit"),
        Binding("d,delete", "delete_line", "Remove line", id="template_editor.delete"),
        Binding("shift+up", "move(-1)", "Move up", id="template_editor.up"),
        Binding("shift+down", "move(1)", "Move down", id="template_editor.down"),
        Binding("R", "rename", "Rename", id="template_editor.rename"),
    ]

    def __init__(self, template: Template) -> None:
        super().__init__()
        self.template = template
        self.editing: int | None = None  # the line being changed in the entry line

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Vertical(id="editor-body"):
            yield Static(id="editor-title")
            yield OptionList(id="editor-lines")
        # A line put in it to change is changed at its end, not replaced as a whole.
        entry = EntryLine(self.enter_line, placeholder=LINE_HINT, select_on_focus=False, id="entry")
        yield from self.below(entry)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        on_list = not isinstance(self.focused, Input)
        if action in ("edit_line", "delete_line", "move"):
            return on_list and self.selected_index() is not None
        if action in ("rename", "focus_entry"):
            return on_list
        return True

    def load(self) -> None:
        store = self.app.store
        stored = store.snapshot.template(self.template.id)
        if stored is not None and not store.pending:
            self.template = stored
        self.show_lines()
        self.set_focus(self.query_one("#entry"))

    @on(LogChanged)
    def _follow(self) -> None:
        """Show another copy's changes too, once nothing of this screen's is on its way."""
        store = self.app.store
        if store.ready and not store.pending and self.editing is None:
            stored = store.snapshot.template(self.template.id)
            if stored is not None and stored != self.template:
                self.template = stored
                self.show_lines()

    # -- drawing ---------------------------------------------------------------------------

    def exercises(self) -> dict[str, Exercise]:
        return {e.id: e for e in self.app.store.snapshot.exercises()}

    @property
    def unit(self) -> str:
        return self.app.store.snapshot.settings().unit

    def line_of(self, item: TemplateItem) -> str:
        exercise = self.exercises().get(item.exercise)
        return template_line(item, exercise.name if exercise else item.exercise, self.unit)

    def show_lines(self) -> None:
        template = self.template
        self.query_one(AppHeader).subtitle = f"Template · {template.name}"
        title = Text.assemble(log_text(template.name, "bold"))
        count = len(template.items)
        title.append(f"  {count} exercise{'' if count == 1 else 's'}", "dim")
        title.append(f"\nType a line and Enter to add it, {EXAMPLES}", "dim")
        self.query_one("#editor-title", Static).update(title)
        lines = self.query_one("#editor-lines", OptionList)
        highlighted = lines.highlighted
        lines.clear_options()
        for number, item in enumerate(template.items, 1):
            lines.add_option(Option(log_text(f"{number}. {self.line_of(item)}")))
        if template.items:
            lines.highlighted = min(highlighted or 0, count - 1)
        self.refresh_bindings()

    def selected_index(self) -> int | None:
        lines = self.query_one("#editor-lines", OptionList)
        if lines.highlighted is None or not self.template.items:
            return None
        return lines.highlighted

    # -- changes ---------------------------------------------------------------------------

    def change(self, changed: Template, message: str) -> None:
        """Show `changed` now and save it: the changes from the template as shown before."""
        base = self.template
        self.save(lambda repo: repo.update_template(base, changed))
        self.template = changed
        self.show_lines()
        self.show_message(message)

    def enter_line(self, entry_line: EntryLine) -> None:
        try:
            item = parse_template_line(entry_line.value, list(self.exercises().values()), self.unit)
        except (EntryError, ValidationError) as exc:
            self.show_message(str(exc), error=True)
            return
        items = list(self.template.items)
        line = self.line_of(item)
        if self.editing is not None and self.editing < len(items):
            items[self.editing] = item
            number, self.editing = self.editing, None
            message = f"Changed line {number + 1}: {line}"
        else:
            items.append(item)
            number, message = len(items) - 1, f"Added {line}"
        entry_line.value = ""
        self.change(replace(self.template, items=items), message)
        self.query_one("#editor-lines", OptionList).highlighted = number

    @on(OptionList.OptionSelected, "#editor-lines")
    def _line_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit_line()

    def action_edit_line(self) -> None:
        index = self.selected_index()
        if index is None:
            return
        self.editing = index
        entry_line = self.query_one("#entry", Input)
        entry_line.value = self.line_of(self.template.items[index])
        entry_line.cursor_position = len(entry_line.value)
        self.set_focus(entry_line)
        self.show_message(f"Changing line {index + 1}: Enter saves it, Escape cancels.")

    def action_delete_line(self) -> None:
        index = self.selected_index()
        if index is None:
            return
        items = list(self.template.items)
        removed = items.pop(index)
        self.change(replace(self.template, items=items), f"Removed {self.line_of(removed)}")

    def action_move(self, step: int) -> None:
        index = self.selected_index()
        if index is None or not 0 <= index + step < len(self.template.items):
            return
        items = list(self.template.items)
        items[index], items[index + step] = items[index + step], items[index]
        self.change(replace(self.template, items=items), f"Moved line {index + 1}.")
        self.query_one("#editor-lines", OptionList).highlighted = index + step

    def action_rename(self) -> None:
        from tui.screens.dialogs.prompt import PromptScreen

        def renamed(name: str | None) -> None:
            if name and name != self.template.name:
                self.change(replace(self.template, name=name), f"Renamed to {name!r}.")

        self.app.push_screen(PromptScreen("Template name", self.template.name), renamed)

    # -- focus -----------------------------------------------------------------------------

    def action_focus_entry(self) -> None:
        self.set_focus(self.query_one("#entry"))

    def action_back(self) -> None:
        """Escape: cancel a change of a line, leave the entry line, then the editor."""
        if self.editing is not None:
            self.editing = None
            self.query_one("#entry", Input).value = ""
            self.show_message("Change cancelled.")
        elif isinstance(self.focused, Input):
            self.set_focus(self.query_one("#editor-lines"))
            self.refresh_bindings()
        else:
            self.dismiss(None)
