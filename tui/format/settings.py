"""The settings in words, as the settings screen and `restday config` show them."""

from __future__ import annotations

from storage.model.records import Settings

UNIT_NAMES = {"kg": "kilograms", "lb": "pounds"}


def unit_text(unit: str) -> str:
    return f"{unit} ({UNIT_NAMES[unit]})"


def settings_rows(settings: Settings, timezone: str) -> list[tuple[str, str]]:
    """(name, value) for each setting; `timezone` is the one in use (the machine's, when
    the settings name none)."""
    zone = settings.timezone or f"{timezone} (the machine's)"
    return [
        ("unit", unit_text(settings.unit)),
        ("timezone", zone),
        ("day starts", f"{settings.rollover_hour:02d}:00 (sets before it count to the day before)"),
        ("warm-up rest", f"{settings.warmup_rest_s} s"),
        ("plates", plates_text(settings)),
    ]


def plates_text(settings: Settings) -> str:
    """The bar and plates the calculators load a bar with, and whose they are."""
    whose = "your own" if settings.plates is not None else f"the defaults for {settings.unit}"
    return f"bar {settings.plate_set().line()} ({whose})"


def unit_changed(before: str, after: str) -> str:
    """What setting the unit did, in one line."""
    if before == after:
        return f"The unit is {unit_text(after)} already."
    return (
        f"Weights are now shown and typed in {after} (were {before}); "
        "the log keeps them to the gram, in kg."
    )
