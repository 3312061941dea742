"""The symptom scales as a list: each with its value and descriptor; up and down choose."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget

from storage.model.records import SymptomEntry
from storage.model.symptom_scales import SCALES, Scale


class ScaleList(Widget, can_focus=True):
    """The four scales, each with its value and descriptor; up and down choose one."""

    DEFAULT_CSS = """
    ScaleList {
        height: auto;
    }
    ScaleList > .scales--label {
        color: $text-muted;
    }
    ScaleList > .scales--value {
        text-style: bold;
    }
    ScaleList > .scales--cursor {
        text-style: reverse;
    }
    """
    COMPONENT_CLASSES = {"scales--label", "scales--value", "scales--cursor"}
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False, id="scales.up"),
        Binding("down", "move(1)", "Down", show=False, id="scales.down"),
    ]

    selected: reactive[int] = reactive(0)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entry: SymptomEntry | None = None

    @property
    def scale(self) -> Scale:
        return SCALES[self.selected]

    def show(self, entry: SymptomEntry) -> None:
        self.entry = entry
        self.refresh()

    def render(self) -> Text:
        label_style = self.get_component_rich_style("scales--label")
        value_style = self.get_component_rich_style("scales--value")
        lines = []
        for index, scale in enumerate(SCALES):
            value = None if self.entry is None else getattr(self.entry, scale.field)
            shown = f"{'—' if value is None else value}/{scale.high}"
            line = Text.assemble(
                (f"{scale.field:<10}  ", label_style),
                (f"{shown:>5}", value_style),
                "  ",
                (scale.describe(value), label_style if value is None else ""),
                no_wrap=True,
                overflow="ellipsis",
            )
            if self.has_focus and index == self.selected:
                line.stylize(self.get_component_rich_style("scales--cursor"))
            lines.append(line)
        return Text("\n", no_wrap=True).join(lines)

    def action_move(self, step: int) -> None:
        self.selected = min(max(self.selected + step, 0), len(SCALES) - 1)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
