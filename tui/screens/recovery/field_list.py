"""The recovery screen's fields, one a row: the value, a bar towards the target and the
target (in the compact layout, the value and the target); up and down choose, Enter
corrects."""

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
from tui.screens.too_small import COMPACT_CLASS

BAR_WIDTH = 16
COMPACT_VALUE_WIDTH = 9  # '12 cups', '7 h 30', '170 g'


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

    _days: RecoveryDays | None = None
    _compact = False  # whose rows are on show

    def show(self, days: RecoveryDays) -> None:
        """Draw the day on show, the same field kept chosen."""
        self._days = days
        self._compact = self.app.has_class(COMPACT_CLASS)
        row_of = _compact_row if self._compact else _row
        highlighted = self.highlighted
        targets = days.targets()
        entry = days.entry_or_empty
        earlier = days.earlier_bodyweight
        self.clear_options()
        for field in FIELDS:
            value = getattr(entry, field.name)
            row = row_of(field, value, targets.get(field.name), days.unit)
            if field.name == "bodyweight_kg" and value is None and earlier is not None:
                row.append(
                    f"last logged {format_weight(earlier[1], days.unit)} on "
                    + day_text(earlier[0], days.today or earlier[0]),
                    "dim",
                )
            self.add_option(Option(row, id=field.name))
        self.highlighted = highlighted if highlighted is not None else 0

    def on_resize(self) -> None:
        """Into or out of the compact layout: the rows for it."""
        if self._days is not None and self.app.has_class(COMPACT_CLASS) != self._compact:
            self.show(self._days)


def _value(field: Field, value: object, unit: str, width: int) -> Text:
    """The row's label and value, the value padded to `width`."""
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append(f"{field.label:<14}", "bold")
    shown = shown_value(field.name, value, unit)
    row.append(f"{shown:<{width}}", "dim" if value in (None, "") else "")
    return row


def _progress_style(value: object, target: Target) -> str:
    number = value if isinstance(value, int | float) else None
    return "green" if target.met(number) else "yellow" if number else "dim"


def _compact_row(field: Field, value: object, target: Target | None, unit: str) -> Text:
    """A phone's row: the value and the target, in the bar's colour and marked ✓ once met
    (seen without colour too: NO_COLOR); cut with '…'."""
    row = _value(field, value, unit, COMPACT_VALUE_WIDTH)
    if target is not None:
        number = value if isinstance(value, int | float) else None
        mark = "✓ " if target.met(number) else "· "
        row.append(mark + target_text(field.name, target, unit), _progress_style(value, target))
    return row


def _row(field: Field, value: object, target: Target | None, unit: str) -> Text:
    row = _value(field, value, unit, 16)
    if target is None:
        return row
    number = value if isinstance(value, int | float) else None
    filled = round(target.progress(number) * BAR_WIDTH)
    style = _progress_style(value, target)
    row.append("█" * filled, style)
    row.append("░" * (BAR_WIDTH - filled), "dim")
    text = target_text(field.name, target, unit)
    row.append(f"  {text}" if target.low is None else f"  target {text}")
    return row
