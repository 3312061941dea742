"""What the templates list and a template's editor share: a list over the entry line that
takes typing wherever the focus is (a name or a line typed is never read as a command),
and the keys that act on the list's highlighted line, none of which types (Enter on the
list or Alt+E edits it, Alt+D or Delete deletes it, Alt+Shift+R renames the template),
each screen saying what that is."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.widgets import OptionList

from storage.model.records import Template
from storage.model.template_names import unique_template_name
from tui.screens.log_screen import LogScreen
from tui.screens.takes_typing import NOT_TYPING_FIRST, TakesTyping, typed_character

TYPING_RULE = (
    "Letters, digits and every other character always type into the entry line here, "
    "wherever the cursor is: a name typed is never read as a command. Commands are "
    "Alt+letter (with no Alt key: Escape then the letter; to press them one after the "
    "other, start restday with ESCDELAY=300); the arrows "
    "choose a line once Escape has left the entry line."
)


class TemplateListScreen(TakesTyping, LogScreen):
    CSS_PATH = ["../log_screen.tcss", "templates.tcss"]
    typing_rule = TYPING_RULE
    BINDINGS = [
        Binding("alt+e", "edit", "Edit", id="templates.edit"),
        Binding("alt+d,delete", "delete", "Delete", id="templates.delete"),
        Binding("alt+shift+r", "rename", "Rename", id="templates.rename"),
    ]
    LIST_ID = ""  # the list's id: "#..."

    def types(self, key: str) -> bool:
        """Every key that can begin a name or a template's line types into the entry line."""
        character = typed_character(key)
        return character is not None and character not in NOT_TYPING_FIRST

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "edit":
            return self.selected_index() is not None
        if action == "delete":
            # Delete in a line deletes a character; Alt+D deletes the highlighted line
            return self.selected_index() is not None
        if action == "rename":
            return self.template_to_rename() is not None
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
