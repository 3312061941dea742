"""One template's exercises, a line each in the entry grammar
(`storage.entry.template_line`: `bench 3x5@8 rest 3:00 100`, `& row 3x8` for a
superset with the line above): type a line and Enter to
add it (typing reaches the entry line wherever the focus is); on a line, Enter or Alt+E
puts it in the entry line to change, Alt+D removes it, shift+up/down moves it;
Alt+Shift+R renames the template. Every change is saved at once."""

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
from tui.format.words import counted
from tui.messages import LogChanged
from tui.screens.templates.list_screen import TemplateListScreen
from tui.widgets.app_header import AppHeader
from tui.widgets.entry_line import EntryLine

LINE_HINT = "exercise SETSxREPS@RPE rest 3:00 load: bench 3x5@8 rest 3:00 100"
SUPERSET_HINT = "Begin a line with & to superset it with the line above: & row 3x8"


class TemplateEditorScreen(TemplateListScreen):
    BINDINGS = [
        Binding("escape", "back", "Back", id="template_editor.back"),
        Binding("shift+up", "move(-1)", "Move up", id="template_editor.up"),
        Binding("shift+down", "move(1)", "Move down", id="template_editor.down"),
    ]
    LIST_ID = "#editor-lines"

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
        entry = EntryLine(self.enter_line, placeholder=LINE_HINT, id="entry")
        yield from self.below(entry)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        on_list = not isinstance(self.focused, Input)
        if action == "move":
            return on_list and self.selected_index() is not None
        if action == "edit":  # it puts the line in the entry line: never over one typed
            return not self.query_one("#entry", Input).value and super().check_action(
                action, parameters
            )
        return super().check_action(action, parameters)

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

    def name_of(self, item: TemplateItem) -> str:
        exercise = self.exercises().get(item.exercise)
        return exercise.name if exercise else item.exercise

    def line_of(self, item: TemplateItem) -> str:
        return template_line(item, self.name_of(item), self.unit)

    def show_lines(self) -> None:
        template = self.template
        self.query_one(AppHeader).subtitle = f"Template · {template.name}"
        title = Text.assemble(log_text(template.name, "bold"))
        count = len(template.items)
        title.append(f"  {counted(count, 'exercise')}", "dim")
        title.append(f"\nType a line and Enter to add it, {EXAMPLES}", "dim")
        title.append(f"\n{SUPERSET_HINT}", "dim")
        self.query_one("#editor-title", Static).update(title)
        lines = self.query_one("#editor-lines", OptionList)
        highlighted = lines.highlighted
        lines.clear_options()
        for number, item in enumerate(template.items, 1):
            lines.add_option(Option(log_text(f"{number}. {self.line_of(item)}")))
        if template.items:
            lines.highlighted = min(highlighted or 0, count - 1)
        self.refresh_bindings()

    # -- changes ---------------------------------------------------------------------------

    def change(self, changed: Template, message: str) -> None:
        """Show `changed` now and save it: the changes from the template as shown before.
        The first line has no line above to be a superset with."""
        base = self.template
        if changed.items and changed.items[0].with_above:
            items = [replace(changed.items[0], with_above=False), *changed.items[1:]]
            changed = replace(changed, items=items)
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
        same = next(
            (n for n, other in enumerate(items) if other.exercise == item.exercise), self.editing
        )
        if same != self.editing:
            self.show_message(
                f"{self.name_of(item)} is line {same + 1} already: "
                f"change that line ({self.key_of('templates.edit')}) instead",
                error=True,
            )
            return
        if item.with_above and (self.editing if self.editing is not None else len(items)) == 0:
            self.show_message("& joins the line above: the first line has none", error=True)
            return
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

    def action_edit(self) -> None:
        index = self.selected_index()
        if index is None:
            return
        self.editing = index
        entry_line = self.query_one("#entry", Input)
        entry_line.value = self.line_of(self.template.items[index])
        entry_line.cursor_position = len(entry_line.value)
        self.set_focus(entry_line)
        self.show_message(f"Changing line {index + 1}: Enter saves it, Escape cancels.")

    def action_delete(self) -> None:
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

    def template_to_rename(self) -> Template:
        return self.template

    def name_template(self, template: Template, name: str) -> None:
        self.change(replace(template, name=name), f"Renamed to {name!r}.")

    # -- focus -----------------------------------------------------------------------------

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
