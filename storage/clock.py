"""The clock restday runs by: the machine's, or, when $RESTDAY_NOW names a moment, one that
starts there and runs on. The tests run the whole app, as a real process, on a chosen day and
hour (a training day, a rest day, just after midnight); a demo can be shown on any day."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

from storage.errors import ValidationError
from storage.model.days import TZ_ENV, timezone_of_tz
from storage.model.records import utc_now

NOW_ENV = "RESTDAY_NOW"

Clock = Callable[[], datetime]


def clock_from_env(environ: Mapping[str, str] = os.environ) -> Clock:
    """The machine's clock, or one starting at $RESTDAY_NOW (ISO 8601 with its UTC offset,
    e.g. 2026-11-24T18:00:00+00:00) and running on from there."""
    text = environ.get(NOW_ENV)
    if not text:
        return utc_now
    try:
        start = datetime.fromisoformat(text)
    except ValueError:
        start = None
    if start is None or start.tzinfo is None:
        raise ValidationError(
            f"{NOW_ENV}={text!r} is not a moment: use ISO 8601 with the offset, "
            "e.g. 2026-11-24T18:00:00+00:00"
        )
    origin = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - origin)


def check_environment(environ: Mapping[str, str] = os.environ) -> None:
    """Raise `ValidationError`, saying what to do, if $RESTDAY_NOW or $TZ holds what restday
    cannot use: checked before a command runs, since any clock reading may need them."""
    clock_from_env(environ)
    if tz := environ.get(TZ_ENV):
        timezone_of_tz(tz)
