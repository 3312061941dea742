"""Training days. A training day starts at the rollover hour (default 4:00) in the user's
timezone, so a set at 00:30 belongs to the day before. Day arithmetic uses dates."""

from __future__ import annotations

import contextlib
import os
import sys
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from storage.errors import ValidationError

TZ_ENV = "TZ"


@cache
def machine_timezone() -> str:
    """The machine's timezone as an IANA name: $TZ's if it is set, else the system's.
    Raises `ValidationError`, saying what to do, when neither is one restday can use."""
    tz = os.environ.get(TZ_ENV)
    if tz:
        return timezone_of_tz(tz)
    with contextlib.suppress(Exception):  # the system's setting, however it is broken
        name = named_by_system_files()
        if name is None:
            import pendulum

            name = pendulum.local_timezone().name
        if name and is_valid_timezone(name):
            return name
    raise ValidationError(
        "the system's timezone has no name restday knows: set TZ to an IANA name such as "
        "Europe/Berlin, or set the timezone in restday's settings"
    )


def named_by_system_files(root: Path = Path("/")) -> str | None:
    """The system's timezone as pendulum's `local_timezone` names it on Linux, where one of
    its two usual files tells (`/etc/timezone`, else the `/etc/localtime` link): pendulum's
    import is a sixth of the time from the first frame to home's score. None where only
    pendulum can tell (another system, another file)."""
    if not sys.platform.startswith("linux"):
        return None
    named = root / "etc" / "timezone"
    if named.is_file():
        text = named.read_bytes()
        if not text.startswith(b"TZif2"):  # a zoneinfo file there: pendulum reads on
            name = text.strip().decode().partition(" ")[0].partition("#")[0]
            return name.replace(" ", "_")
    if any((root / "etc" / f).is_file() for f in ("sysconfig/clock", "conf.d/clock")):
        return None
    link = root / "etc" / "localtime"
    if not (link.is_file() and link.is_symlink()):
        return None
    parts = [part.replace(" ", "_") for part in link.resolve().parts]
    for start in range(len(parts) - 1, 0, -1):  # the shortest name that is a zone
        if is_valid_timezone(name := "/".join(parts[start:])):
            return name
    return None


def timezone_of_tz(tz: str) -> str:
    """The IANA name a value of $TZ stands for: a name (`Europe/Berlin`, `:Europe/Berlin`)
    or a file of the zoneinfo database (`:/usr/share/zoneinfo/Europe/Berlin`). Anything
    else (a POSIX rule such as `UTC+99`, a typo) raises `ValidationError`: the C library
    would read it one way, or fail, and restday's days another."""
    name = tz[1:] if tz.startswith(":") else tz
    if name.startswith("/"):
        real = os.path.realpath(name)
        _, found, name = real.partition("/zoneinfo/")
        if not found or not os.path.isfile(real):
            name = ""
    if name and not name.startswith("/") and is_valid_timezone(name):
        return name
    raise ValidationError(
        f"TZ={tz!r} is not a timezone restday can use: set TZ to an IANA name such as "
        "Europe/Berlin (see /usr/share/zoneinfo), or unset it to use the system's"
    )


@cache
def _zone(name: str) -> ZoneInfo:
    # "utc" in any case is UTC, as pendulum's `timezone` has it (the days' zones were
    # pendulum's until session 22): logs and TZ settings saved then hold it.
    return ZoneInfo("UTC" if name.lower() == "utc" else name)


def is_valid_timezone(name: str) -> bool:
    try:
        _zone(name)
    except Exception:
        return False
    return True


def day_of(moment: datetime, tz: str, rollover_hour: int) -> date:
    """The training day a moment belongs to."""
    local = moment.astimezone(_zone(tz))
    if local.hour < rollover_hour:
        return local.date() - timedelta(days=1)
    return local.date()


def day_start(day: date, tz: str, rollover_hour: int) -> datetime:
    """The UTC moment a training day begins: the first moment `day_of` puts in it. If the
    rollover hour happens twice (clocks go back), that is its first time (fold 0); if it is
    skipped (clocks go forward), fold 0 gives the moment the clocks jump."""
    local = datetime(day.year, day.month, day.day, rollover_hour, tzinfo=_zone(tz))
    return local.astimezone(UTC)
