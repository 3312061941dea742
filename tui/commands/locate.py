"""`restday locate`: where the log, its backups and lock, the config and the demo log live."""

from __future__ import annotations

import argparse

from tui.commands.shared import add_db_option


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser("locate", help="print where the log, backups and config live")
    add_db_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from storage.log.atomic_json import BACKUPS_KEPT, backup_paths, lock_path
    from storage.log.journal import journal_path
    from storage.paths import config_dir, demo_log_path, keymap_path, real_path, resolve_log_path

    path = real_path(resolve_log_path(args.db))  # through a symlink: where it all is
    backups = backup_paths(path)
    rows = [
        ("log", str(path)),
        ("backups", f"{path}.bak-YYYY-MM-DD ({len(backups)} now, newest {BACKUPS_KEPT} kept)"),
        ("lock", str(lock_path(path))),
        ("journal", f"{journal_path(path)} (changes not yet folded into the log)"),
        ("config", str(config_dir())),
        ("keymap", str(keymap_path())),
        ("demo log", str(demo_log_path())),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0
