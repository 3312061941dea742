"""Today's symptom entries, oldest first, one a row: the time, whether it counts for the
score, the entry on one line; "▸" marks the entry being edited."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from storage.model.records import SymptomEntry
from tui.format.symptoms import summary
from tui.screens.symptoms.day import SymptomDay


class EntryList(OptionList):
    def show(self, day: SymptomDay, now: datetime) -> None:
        """Today's entries as `day` has them; the row chosen stays chosen (the entry being
        edited, if it is one of them; else the newest)."""
        counting = day.counting(now)
        selected = self.selected(day)
        self.clear_options()
        for entry in day.todays:
            editing = day.in_log and entry.id == day.entry.id
            line = Text.assemble(
                ("▸ " if editing else "  ", "bold"),
                (day.clock_time(entry.timestamp), "bold"),
                "  ",
                ("counts" if counting and entry.id == counting.id else "      ", "bold"),
                "  ",
                summary(entry),
                no_wrap=True,
                overflow="ellipsis",
            )
            self.add_option(Option(line, id=entry.id))
        keep = day.entry.id if day.in_log else selected.id if selected else None
        ids = [entry.id for entry in day.todays]
        if ids:
            self.highlighted = ids.index(keep) if keep in ids else len(ids) - 1

    def selected(self, day: SymptomDay) -> SymptomEntry | None:
        """The entry of `day`'s today's entries the cursor is on."""
        option = self.highlighted_option
        return next((e for e in day.todays if option and e.id == option.id), None)
