"""Handing work done on another thread back to the app: the call runs on the app's event
loop, in the app's context (so `self.app` works in it, and a timer it starts fires: one
started outside that context dies when it fires), and not at all once the app has closed."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
from collections.abc import Callable
from typing import Any


class UiThread:
    """Made on the UI thread; `call` may then be used from any thread."""

    def __init__(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._context = contextvars.copy_context()

    def call(self, fn: Callable[..., Any], *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the app has closed
            self._loop.call_soon_threadsafe(fn, *args, context=self._context)
