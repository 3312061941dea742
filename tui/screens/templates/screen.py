"""The templates: each with its exercises; type a name to make one (typing reaches the
entry line wherever the focus is), Enter on the list or Alt+E to edit one's lines,
Alt+Shift+R to rename, Alt+D to delete (asked first). The starter templates are here like
the lifter's own, marked until they are changed."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from storage.model.records import Template
from storage.model.starter_templates import is_untouched_starter
from storage.model.template_names import unique_template_name
from tui.format.text import log_text
from tui.format.words import counted
from tui.messages import LogChanged
from tui.screens.templates.list_screen import TemplateListScreen
from tui.widgets.app_header import AppHeader
from tui.widgets.entry_line import EntryLine

NAME_HINT = "a new template's name, then Enter"


class TemplatesScreen(TemplateListScreen):
    BINDINGS = [
        Binding("alt+n", "new", "New", id="templates.new"),
        Binding("escape", "leave_entry", "Leave field", id="templates.leave"),
    ]
    LIST_ID = "#templates-list"

    def __init__(self) -> None:
        super().__init__()
        self.templates: list[Template] = []

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Vertical(id="templates-body"):
            yield Static(id="templates-title")
            yield OptionList(id="templates-list")
        yield from self.below(EntryLine(self.make_new, placeholder=NAME_HINT, id="entry"))

    def on_mount(self) -> None:
        keys = " · ".join(
            f"{self.key_of(f'templates.{action}')} {action}"
            for action in ("edit", "rename", "delete")
        )
        self.query_one("#templates-title", Static).update(
            f"Type a name to make a template · Enter on one edits its exercises · {keys}"
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_entry":
            return isinstance(self.focused, Input)
        return super().check_action(action, parameters)

    def load(self) -> None:
        names = self._names()
        self.templates = self.app.store.snapshot.offered_templates()
        count = len(self.templates)
        self.query_one(AppHeader).subtitle = f"Templates · {count}"
        options = self.query_one("#templates-list", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        for template in self.templates:
            options.add_option(Option(_summary(template, names), id=template.id))
        if self.templates:
            options.highlighted = min(highlighted or 0, count - 1)
        if not isinstance(self.focused, Input):
            self.set_focus(options)
        self.refresh_bindings()

    @on(LogChanged)
    def _follow(self) -> None:
        """Show another copy's changes too, once nothing of this screen's is on its way."""
        if self.app.store.ready and not self.app.store.pending:
            self.load()

    def selected(self) -> Template | None:
        index = self.selected_index()
        return None if index is None or index >= len(self.templates) else self.templates[index]

    # -- making, editing, renaming, deleting ---------------------------------------------

    def action_new(self) -> None:
        self.set_focus(self.query_one("#entry"))
        self.show_message("Type the new template's name and press Enter.")

    def make_new(self, entry_line: EntryLine) -> None:
        name = entry_line.value.strip()
        if not name:
            self.show_message(f"Type {NAME_HINT}; Escape goes back to the list.", error=True)
            return
        template = Template(name=unique_template_name(name, self.templates))
        name = template.name
        self.save(lambda repo: repo.save_template(template))
        entry_line.value = ""
        self.show_message(f"Made the template {name!r}: type its exercises.")
        self.open_editor(template)

    def action_edit(self) -> None:
        template = self.selected()
        if template is not None:
            self.open_editor(template)

    def open_editor(self, template: Template) -> None:
        from tui.screens.templates.editor import TemplateEditorScreen

        self.app.push_screen(TemplateEditorScreen(template), lambda _: self._follow())

    def template_to_rename(self) -> Template | None:
        return self.selected()

    def name_template(self, template: Template, name: str) -> None:
        changed = replace(template, name=name)
        self.save(lambda repo: repo.update_template(template, changed))
        self.show_message(f"Renamed {template.name!r} to {name!r}.")
        self.templates[self.templates.index(template)] = changed
        self.query_one("#templates-list", OptionList).replace_option_prompt(
            template.id, _summary(changed, self._names())
        )

    def action_delete(self) -> None:
        template = self.selected()
        if template is None:
            return
        from tui.screens.templates.confirm import ConfirmDeleteScreen

        def answered(delete: bool | None) -> None:
            if not delete:
                self.show_message("Kept it.")
                return
            self.save(lambda repo: repo.delete_template(template))
            index = self.templates.index(template)
            del self.templates[index]
            self.query_one("#templates-list", OptionList).remove_option_at_index(index)
            self.show_message(f"Deleted the template {template.name!r}.")
            self.refresh_bindings()

        self.app.push_screen(ConfirmDeleteScreen(template.name), answered)

    def action_leave_entry(self) -> None:
        self.set_focus(self.query_one("#templates-list"))

    def _names(self) -> dict[str, str]:
        return {e.id: e.name for e in self.app.store.snapshot.exercises()}


def _summary(template: Template, names: dict[str, str]) -> Text:
    """A template's line in the list: its name, how many exercises, the first few."""
    count = len(template.items)
    shown = ", ".join(names.get(i.exercise, i.exercise) for i in template.items[:3])
    more = "…" if count > 3 else ""
    text = Text.assemble(log_text(template.name, "bold"))
    if is_untouched_starter(template):
        text.append("  starter", "italic")
    text.append(f"\n  {counted(count, 'exercise')}", "dim")
    if shown:
        text.append(" · ")
        text.append_text(log_text(shown + more, "dim"))
    return text
