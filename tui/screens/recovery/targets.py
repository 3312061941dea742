"""The recovery targets in a dialog: water, protein, carbs and sleep."""

from __future__ import annotations

import re
from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from storage.errors import ValidationError
from storage.model.records import Settings, default_targets
from storage.model.validation import check_targets
from tui.format.units import format_number
from tui.textual_workarounds import OrderedInput

_NUMBER = r"\s*([0-9]+(?:[.,][0-9]+)?)\s*"
_SINGLE = re.compile(_NUMBER)
_RANGE = re.compile(rf"{_NUMBER}(?:-|to){_NUMBER}")

# input id -> (label, target keys: one, or the low and high end of a range, example)
TARGET_FIELDS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "water": ("Water, cups a day", ("water_cups",), "12"),
    "protein": (
        "Protein, g per lb of bodyweight",
        ("protein_g_per_lb_min", "protein_g_per_lb_max"),
        "0.8-1.0",
    ),
    "carbs": (
        "Carbs, g per kg of bodyweight",
        ("carbs_g_per_kg_min", "carbs_g_per_kg_max"),
        "3-5",
    ),
    "sleep": ("Sleep, hours a night at least", ("sleep_hours",), "7"),
}


def parse_targets(texts: dict[str, str], settings: Settings) -> Settings:
    """`settings` with the targets typed (input id -> text); ValidationError names the
    field and says what it accepts."""
    targets = dict(settings.targets)
    for field, text in texts.items():
        label, keys, example = TARGET_FIELDS[field]
        if len(keys) == 1:
            match = _SINGLE.fullmatch(text)
            numbers = [match[1]] if match else None
        else:
            match = _RANGE.fullmatch(text) or _SINGLE.fullmatch(text)
            numbers = [match[1], match[match.lastindex]] if match else None
        if numbers is None:
            form = "a number" if len(keys) == 1 else "a number or a range"
            raise ValidationError(
                f"{label}: can't read {text.strip()!r}; type {form}, e.g. {example}"
            )
        for key, number in zip(keys, numbers, strict=True):
            targets[key] = float(number.replace(",", "."))
    check_targets(targets)
    return replace(settings, targets=targets)


def shown_target(settings: Settings, field: str) -> str:
    keys = TARGET_FIELDS[field][1]
    values = [format_number(settings.targets[key]) for key in keys]
    return values[0] if len(set(values)) == 1 else "-".join(values)


class TargetsScreen(ModalScreen[Settings | None]):
    """Change the targets; Enter saves (every field checked first), Escape cancels,
    ctrl+r puts back the defaults."""

    DEFAULT_CSS = """
    TargetsScreen { align: center middle; }
    TargetsScreen > Vertical {
        width: 64; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    TargetsScreen Horizontal { height: 1; }
    TargetsScreen Horizontal Label { width: 34; }
    TargetsScreen #targets-title { margin-bottom: 1; text-style: bold; }
    TargetsScreen Input { width: 1fr; height: 1; border: none; padding: 0 1; }
    TargetsScreen Input:focus { border: none; background: $boost; text-style: bold; }
    TargetsScreen #targets-error { width: 100%; color: $error; text-style: bold; margin: 1 0 0 0; }
    TargetsScreen .hint { width: 100%; color: $text-muted; margin: 1 0 0 0; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="targets.cancel"),
        Binding("ctrl+r", "defaults", "Defaults", id="targets.defaults"),
        Binding("down", "app.focus_next", "Next", show=False, id="targets.next"),
        Binding("up", "app.focus_previous", "Previous", show=False, id="targets.previous"),
    ]

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Recovery targets", id="targets-title")
            for field, (label, _keys, _example) in TARGET_FIELDS.items():
                with Horizontal():
                    yield Label(label)
                    yield OrderedInput(shown_target(self.settings, field), id=field)
            error = Label("", id="targets-error", markup=False)
            error.display = False
            yield error
            yield Label(
                "Enter saves · Escape cancels · ctrl+r defaults\n"
                "Protein and carbs scale with your bodyweight.",
                classes="hint",
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        texts = {field: self.query_one(f"#{field}", Input).value for field in TARGET_FIELDS}
        try:
            settings = parse_targets(texts, self.settings)
        except ValidationError as exc:
            error = self.query_one("#targets-error", Label)
            error.update(str(exc))
            error.display = True
            return
        self.dismiss(settings)

    def action_defaults(self) -> None:
        defaults = replace(self.settings, targets=default_targets())
        for field in TARGET_FIELDS:
            self.query_one(f"#{field}", Input).value = shown_target(defaults, field)

    def action_cancel(self) -> None:
        self.dismiss(None)
