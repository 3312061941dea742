"""Where restday keeps its files: the one place that knows the data locations."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "restday"
DB_ENV = "RESTDAY_DB"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def keymap_path() -> Path:
    """The user's key remapping (TOML, a [keys] table of binding id -> keys)."""
    return config_dir() / "keymap.toml"


def default_log_path() -> Path:
    return data_dir() / "log.json"


def demo_log_path() -> Path:
    """The demo log: kept apart from the user's own."""
    return data_dir() / "demo" / "log.json"


def resolve_log_path(db: str | os.PathLike[str] | None = None) -> Path:
    """`--db` first, then $RESTDAY_DB, then the user's data directory."""
    chosen = db or os.environ.get(DB_ENV)
    return Path(chosen).expanduser() if chosen else default_log_path()


def real_path(path: str | os.PathLike[str]) -> Path:
    """Where the file `path` names really is (`~` expanded, every symlink followed): a log
    reached through a link is written, locked, backed up and copied there, so that the link
    stays a link and every restday, by whichever name, shares one file and one lock."""
    return Path(os.path.realpath(Path(path).expanduser()))


def make_private_dirs(directory: Path) -> None:
    """Make `directory` and any missing parents, each 0700 whatever the umask (they hold
    health data); folders that were there already are left as they are."""
    missing: list[Path] = []
    for folder in (directory, *directory.parents):
        if folder.is_dir():
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            continue  # another process made it meanwhile
        os.chmod(folder, 0o700)  # a umask such as 0o277 takes bits from mkdir's mode
