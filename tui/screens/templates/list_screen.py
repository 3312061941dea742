"""What the templates list and a template's editor share: a list over the entry line, and
the keys that act on the list's highlighted line while the list has the focus (Enter or
`e` edits it, `d` deletes it, `R` renames the template), each screen saying what that is."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.widgets import Input, OptionList

from storage.model.records import Template
from storage.model.template_names import unique_template_name
from tui.screens.log_screen import LogScreen


class TemplateListScreen(LogScreen):
    CSS_PATH = ["../log_screen.tcss", "templates.tcss"]
    BINDINGS = [
        Binding("e", "edit", "Edit", id="templates.edit"),
        Binding("d,delete", "delete", "Delete", id="templates.delete"),
        Binding("R", "rename", "Rename", id="templates.rename"),
    ]
    LIST_ID = ""  # the list's id: "#..."

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        on_list = not isinstance(self.focused, Input)
        if action in ("edit", "delete"):
            return on_list and self.selected_index() is not None
        if action == "rename":
            return on_list and self.template_to_rename() is not None
        return True

    def selected_index(self) -> int | None:
        """The highlighted line's index, if there is a line."""
        lines = self.query_one(self.LIST_ID, OptionList)
        return None if lines.highlighted is None or not lines.option_count else lines.highlighted

    @on(OptionList.OptionSelected)
    def _line_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        raise NotImplementedError

    def template_to_rename(self) -> Template | None:
        raise NotImplementedError

    def name_template(self, template: Template, name: str) -> None:
        """Show and save `template` named `name` (one no other template has)."""
        raise NotImplementedError

    def action_rename(self) -> None:
        template = self.template_to_rename()
        if template is None:
            return
        from tui.screens.dialogs.prompt import PromptScreen

        def named(name: str | None) -> None:
            if not name or name.strip() == template.name:
                return
            offered = self.app.store.snapshot.offered_templates()
            self.name_template(template, unique_template_name(name, offered, template.id))

        self.app.push_screen(PromptScreen("Template name", template.name), named)
