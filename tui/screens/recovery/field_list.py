"""The recovery screen's fields, one a row: the value, a bar towards the target and the
target; up and down choose, Enter corrects."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from storage.model.recovery_targets import Target
from tui.format.dates import day_text
from tui.format.recovery import shown_value, target_text
from tui.format.units import format_weight
from tui.screens.recovery.days import RecoveryDays
from tui.screens.recovery.fields import FIELDS, Field

BAR_WIDTH = 16


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

    @property
    def chosen_field(self) -> Field:
        """The field chosen."""
        return FIELDS[self.highlighted or 0]

    def show(self, days: RecoveryDays) -> None:
        """Draw the day on show, the same field kept chosen."""
        highlighted = self.highlighted
        targets = days.targets()
        entry = days.entry_or_empty
        earlier = days.earlier_bodyweight
        self.clear_options()
        for field in FIELDS:
            value = getattr(entry, field.name)
            row = _row(field, value, targets.get(field.name), days.unit)
            if field.name == "bodyweight_kg" and value is None and earlier is not None:
                row.append(
                    f"last logged {format_weight(earlier[1], days.unit)} on "
                    + day_text(earlier[0], days.today or earlier[0]),
                    "dim",
                )
            self.add_option(Option(row, id=field.name))
        self.highlighted = highlighted if highlighted is not None else 0


def _row(field: Field, value: object, target: Target | None, unit: str) -> Text:
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append(f"{field.label:<14}", "bold")
    shown = shown_value(field.name, value, unit)
    row.append(f"{shown:<16}", "dim" if value in (None, "") else "")
    if target is None:
        return row
    number = value if isinstance(value, int | float) else None
    filled = round(target.progress(number) * BAR_WIDTH)
    style = "green" if target.met(number) else "yellow" if number else "dim"
    row.append("█" * filled, style)
    row.append("░" * (BAR_WIDTH - filled), "dim")
    text = target_text(field.name, target, unit)
    row.append(f"  {text}" if target.low is None else f"  target {text}")
    return row
