"""Typing in tests, fast: the keys a lifter would press, sent as the terminal driver sends
them, without Pilot's wait after each character (a field takes its characters in order);
every other key goes through `pilot.press`, which waits for what it sets off."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Input


def chars(line: str) -> list[str]:
    """The keys that type `line`."""
    return ["space" if c == " " else c for c in line]


def _character(key: str) -> str | None:
    """The character a key types, if it types one."""
    if key == "space":
        return " "
    return key if len(key) == 1 and key.isprintable() else None


def key_event(key: str) -> events.Key:
    """The event the terminal driver sends for `key` ("x", "+", "enter", "backspace", and
    "alt+1" or "alt+shift+f", which it reads from Escape and the character)."""
    if key.startswith("alt+"):
        held = key.removeprefix("alt+")
        letter = held.removeprefix("shift+")
        if len(letter) == 1 and letter.isalnum():
            return events.Key(key, letter.upper() if held != letter else letter)
    character = _character(key)
    if character is None:
        return events.Key(key, None)
    return events.Key(_character_to_key(character), character)


async def press(pilot: Pilot, keys: Sequence[str], budget: int | None = None) -> None:
    """Press `keys` in order; with a budget, first check there are no more than that.

    Characters typed into a focused field are sent as the same key events Pilot sends,
    but without its ~50 ms wait after each one (the field takes them in order); every
    other key goes through `pilot.press`, which waits for what it sets off."""
    if budget is not None:
        assert len(keys) <= budget, f"{len(keys)} keys, budget {budget}: {keys}"
    app = pilot.app
    for key in keys:
        if _character(key) is not None and isinstance(app.focused, Input):
            app.post_message(key_event(key))
        else:
            await pilot.press(key)  # after the characters before it: events keep their order
    await pilot.pause()


async def type_line(pilot: Pilot, line: str) -> None:
    """Type a line in the focused field and press Enter."""
    await press(pilot, [*chars(line), "enter"])


PERSON_KEY_GAP_S = 0.15  # a lifter between sets: a key every 150 ms


async def press_at_pace(pilot: Pilot, keys: Sequence[str], gap: float = PERSON_KEY_GAP_S) -> None:
    """Press `keys` as a person does: each one reaches the app as from the terminal, `gap`
    seconds after the one before, whatever the app is still doing (no wait for idle), so a
    key lands wherever the focus really is at that moment."""
    app = pilot.app
    for key in keys:
        app.post_message(key_event(key))
        await asyncio.sleep(gap)
    await pilot.pause()


def start_choice(index: int) -> list[str]:
    """The keys that start the workout screen's start choice `index` (0: an empty workout,
    then the templates, then reopening today's): to the top (the list opens on today's
    plan), down to it, Enter."""
    return ["home", *["down"] * index, "enter"]
