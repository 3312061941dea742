"""Reading a whole log's JSON with a low peak of memory: what `orjson.loads` reads, exactly.

orjson parses the whole document into a tree of its own before it makes the Python
objects, and holds both at its peak: on a ten-year log (16 MB) about 50 MB more than
the objects it returns, the app's highest use of memory. The standard library's parser
makes the objects as it goes. It reads a few things orjson refuses or reads otherwise
(NaN and Infinity, integers past 64 bits, numbers past a double's range, unpaired
surrogates); text that may hold one of them, that is not UTF-8, or whose text would take
4 bytes a character in memory (characters past the BMP) is left to orjson, and so is any
text the standard parser refuses: what orjson says of it is what the caller hears.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

_ORJSON_ONLY = re.compile(
    rb"\\u[dD][89a-fA-F]"  # an escaped surrogate: orjson refuses an unpaired one
    rb"|(?:^|[:,\[])\s*-?\d{19}"  # an integer that may be past 64 bits: orjson reads a float
    rb"|(?:^|[:,\[])\s*-?\d+(?:\.\d+)?[eE][+-]?\d{3}"  # past a double's range: orjson refuses
    rb"|[\xf0-\xf4]"  # a character past the BMP: the text would take 4 bytes a character
)


def _refuse(constant: str) -> Any:
    raise ValueError(f"{constant} is not JSON")


def loads(raw: bytes) -> Any:
    """`orjson.loads(raw)`: the same objects, or `orjson.JSONDecodeError`."""
    if _ORJSON_ONLY.search(raw) is None:
        try:
            return json.loads(raw.decode(), parse_constant=_refuse)
        except (ValueError, RecursionError):  # orjson says what is wrong with it, below
            pass
    return orjson.loads(raw)
