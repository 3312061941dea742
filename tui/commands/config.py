"""`restday config`: the settings; `restday config unit lb` sets the unit every weight is
shown and typed in (the settings screen, `,` in the app, sets it too)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.commands.shared import add_db_option, open_repository

if TYPE_CHECKING:
    from storage.model.records import Settings


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "config",
        help="show the settings, or set the unit: 'restday config unit lb'",
        description="Without arguments, print the settings. 'restday config unit lb' (or "
        "kg) sets the unit every weight is shown and typed in, in the app and the "
        "commands; the log keeps weights in kg either way.",
    )
    add_db_option(parser)
    parser.add_argument("setting", nargs="?", choices=("unit",), help="the setting: unit")
    parser.add_argument(
        "value", nargs="?", choices=("kg", "lb"), help="its new value; without it, print it"
    )
    return parser


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from storage.model.days import machine_timezone
    from storage.model.records import Settings
    from storage.paths import resolve_log_path
    from tui.format.settings import unit_changed

    if args.value is None and not resolve_log_path(args.db).exists():
        return _show(Settings(), machine_timezone(), args.setting)  # no log made to show
    repo = open_repository(args.db)
    settings = repo.settings()
    if args.value is None:
        return _show(settings, repo.timezone, args.setting)
    stored = repo.update_settings(settings, replace(settings, unit=args.value))
    print(unit_changed(settings.unit, stored.unit))
    return 0


def _show(settings: Settings, timezone: str, setting: str | None) -> int:
    from tui.format.settings import settings_rows, unit_text

    if setting is None:
        rows = settings_rows(settings, timezone)
        width = max(len(name) for name, _ in rows)
        for name, value in rows:
            print(f"{name:<{width}}  {value}")
    else:
        print(unit_text(settings.unit))
    return 0
