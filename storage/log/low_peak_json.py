"""Reading a whole log's JSON with a low peak of memory: what `orjson.loads` reads, exactly.

orjson parses the whole document into a tree of its own before it makes the Python
objects, and holds both at its peak: on a ten-year log (16 MB) about 50 MB more than
the objects it returns, the app's highest use of memory. The standard library's parser
makes the objects as it goes. It reads a few things orjson refuses or reads otherwise
(NaN and Infinity, integers past 64 bits, numbers past a double's range, unpaired
surrogates); text that may hold one of them, that is not UTF-8, or whose text would take
4 bytes a character in memory (characters past the BMP) is left to orjson, and so is any
text the standard parser refuses: what orjson says of it is what the caller hears.

Values a log repeats are read as one object each: a set repeats its workout's id, its
exercise, its day and (mostly) one moment three times, and weights repeat from set to
set. Held once, a ten-year log takes about 15 MB less (issue 17).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import partial
from typing import Any

import orjson

# Scanned for before parsing, each alone (one expression with both, or one over every
# number, takes ten times as long on a ten-year log: numbers are looked at as the parser
# meets them, below).
_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")  # orjson refuses an unpaired one
_PAST_THE_BMP = re.compile(rb"[\xf0-\xf4]")  # its text would take 4 bytes a character


class _OrjsonReadsItOtherwise(ValueError):
    pass


def _refuse(constant: str) -> Any:
    raise ValueError(f"{constant} is not JSON")


def _integer(text: str) -> int:
    if len(text.lstrip("-")) >= 19:  # may be past 64 bits: orjson reads a float
        raise _OrjsonReadsItOtherwise(text)
    return int(text)


def _real(text: str, floats: dict[str, float]) -> float:
    number = floats.get(text)  # by its text: 0.0 and -0.0 are equal, not the same
    if number is None:
        _, _, exponent = text.lower().partition("e")
        if len(exponent.lstrip("+-")) >= 3:  # may be past a double's range: orjson refuses
            raise _OrjsonReadsItOtherwise(text)
        number = floats[text] = float(text)
    return number


def _sharing_texts(texts: dict[str, str]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def share(obj: dict[str, Any]) -> dict[str, Any]:
        for key, value in obj.items():  # values replaced, the size unchanged: allowed
            if type(value) is str:
                obj[key] = texts.setdefault(value, value)
        return obj

    return share


def standard_text(raw: bytes) -> str | None:
    """The text of `raw` if the standard library's parser may read it as orjson does (see
    above), else None: then only `loads(raw)` reads it as orjson does."""
    if _SURROGATE.search(raw) is None and (raw.isascii() or _PAST_THE_BMP.search(raw) is None):
        try:
            return raw.decode()
        except UnicodeDecodeError:
            return None
    return None


def loads_text(text: str) -> Any:
    """`orjson.loads(text.encode())` of a `standard_text`: the same objects, or
    `orjson.JSONDecodeError`. Its bytes need not be held meanwhile."""
    try:
        floats: dict[str, float] = {}
        return json.loads(
            text,
            parse_constant=_refuse,
            parse_int=_integer,
            parse_float=partial(_real, floats=floats),
            object_hook=_sharing_texts({}),
        )
    except (ValueError, RecursionError):  # orjson says what is wrong with it, below
        pass
    return orjson.loads(text.encode())


def loads(raw: bytes) -> Any:
    """`orjson.loads(raw)`: the same objects, or `orjson.JSONDecodeError`."""
    text = standard_text(raw)
    return orjson.loads(raw) if text is None else loads_text(text)
