"""Settings: the unit every weight is shown and typed in (kg or lb), set once for the app
and the commands (`restday config unit lb` sets the same), and the other settings as
they stand. The log keeps weights in kg either way: changing the unit changes what is
shown and what a typed number means, never a stored set."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from storage.errors import ValidationError
from storage.model.plates import DEFAULT_PLATE_SETS, parse_plate_set
from storage.model.records import UNITS, Settings
from tui.format.settings import UNIT_NAMES, plates_text, settings_rows, unit_changed
from tui.messages import LogChanged, LogOpened, SaveFailed
from tui.screens.help import effective_bindings
from tui.widgets.app_footer import AppFooter
from tui.widgets.app_header import AppHeader


class SettingsScreen(Screen):
    CSS_PATH = "settings.tcss"
    HELP_TITLE = "Settings"
    BINDINGS = [
        Binding(
            "k",
            "set_unit('kg')",
            "kg",
            id="settings.kg",
            show=False,
            tooltip="Show and type weights in kilograms",
        ),
        Binding(
            "l",
            "set_unit('lb')",
            "lb",
            id="settings.lb",
            show=False,
            tooltip="Show and type weights in pounds",
        ),
        Binding(
            "b",
            "set_plates",
            "Bar and plates",
            id="settings.plates",
            tooltip="The bar and plates the plate and warm-up calculators use",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.settings = Settings()

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Vertical(id="settings"):
            yield Static("Weights are shown and typed in", id="unit-title")
            yield OptionList(id="unit")
            yield Static(id="unit-hint", markup=False)
            yield Static(id="others", markup=False)
            yield Static(id="message", markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        self.query_one(AppHeader).subtitle = "Settings"
        if self.app.store.ready:
            self.load()

    @on(LogOpened)
    def load(self) -> None:
        """Show the settings as the log holds them."""
        log = self.app.store.snapshot
        self.settings = log.settings()
        self.show(self.settings, log.timezone)

    def on_screen_resume(self) -> None:
        if self.app.store.ready:
            self.load()

    @on(LogChanged)
    def _log_changed(self) -> None:
        """Set elsewhere too (`restday config`, another copy): show it, once nothing of
        this screen's is on its way to the disk (what is shown is newer till then)."""
        if not self.app.store.pending:
            self.load()

    def show(self, settings: Settings, timezone: str) -> None:
        units = self.query_one("#unit", OptionList)
        units.clear_options()
        for unit in UNITS:
            chosen = unit == settings.unit
            units.add_option(
                Option(
                    Text.assemble(
                        ("● " if chosen else "○ ", "bold" if chosen else ""),
                        (unit, "bold"),
                        f"  {UNIT_NAMES[unit]}",
                        (f"  (100x5 is 100 {unit})", "dim"),
                    ),
                    id=unit,
                )
            )
        units.highlighted = UNITS.index(settings.unit)
        units.focus()
        keys = {row.binding.id: row.keys[0] for row in effective_bindings(self.app, self)}
        self.query_one("#unit-hint", Static).update(
            f"To change it: ↑↓ and Enter, or {keys['settings.kg']} for kg, "
            f"{keys['settings.lb']} for lb. Saved at once."
        )
        rows = settings_rows(settings, timezone)
        width = max(len(name) for name, _ in rows)
        lines = [f"{name:<{width}}  {value}" for name, value in rows if name != "unit"]
        lines.append(f"{keys['settings.plates']}: your bar and plates (plate calculator).")
        lines.append("Recovery targets are set on the Recovery screen.")
        self.query_one("#others", Static).update("\n".join(lines))

    def show_message(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#message", Static)
        message.set_class(error, "error")
        message.update(text)

    @on(OptionList.OptionSelected, "#unit")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.action_set_unit(str(event.option.id))

    def action_set_unit(self, unit: str) -> None:
        if (reason := self.app.cannot_write) is not None:
            self.show_message(f"not set: this log cannot be changed: {reason}", error=True)
            return
        before = self.settings
        message = unit_changed(before.unit, unit)
        if unit != before.unit:
            after = replace(before, unit=unit)
            self.settings = after
            self.show(after, self.app.store.snapshot.timezone)
            self.app.store.save(lambda repo: repo.update_settings(before, after), reply_to=self)
        self.show_message(message)

    def action_set_plates(self) -> None:
        """Ask for the bar and plates ("20 kg: 25 20 15 10 5 2.5 1.25"); empty for the
        defaults of the unit."""
        from tui.screens.dialogs.prompt import PromptScreen

        if (reason := self.app.cannot_write) is not None:
            self.show_message(f"not set: this log cannot be changed: {reason}", error=True)
            return
        before = self.settings

        def check(text: str) -> Settings:
            try:
                return replace(before, plates=parse_plate_set(text, before.unit))
            except ValueError as exc:
                raise ValidationError(str(exc)) from None

        def chosen(after: Settings | None) -> None:
            if after is None:
                return
            if after != before:
                self.settings = after
                self.show(after, self.app.store.snapshot.timezone)
                self.app.store.save(lambda repo: repo.update_settings(before, after), reply_to=self)
            self.show_message(f"Plates: {plates_text(after)}.")

        self.app.push_screen(
            PromptScreen(
                "Bar and plates (the bar, then each plate size)",
                before.plate_set().line(),
                check=check,
                hint=f"e.g. {DEFAULT_PLATE_SETS['lb'].line()}; empty for the defaults",
            ),
            chosen,
        )

    @on(SaveFailed)
    def _refused(self, message: SaveFailed) -> None:
        self.show_message(f"not saved: {message.problem}", error=True)
        if not message.kept:
            self.load()
