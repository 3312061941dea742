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

Its documents (each object with an "id") are read into dicts that share their keys with
the others of their shape (key-sharing dictionaries, PEP 412: an instance's `__dict__`):
a dict of its own with a set's 13 keys takes 470 bytes, one sharing them 200, 13 MB less
on a ten-year log. They are dicts like any other (changed, one takes keys of its own).

Every `_GIVE_WAY_EVERY` documents the read gives way to a key the app is answering
(`storage.giving_way`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from functools import partial
from typing import Any

import orjson

from storage.giving_way import give_way

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
        number = float(text)
        if math.isinf(number):  # digits past a double's range, without an exponent
            raise _OrjsonReadsItOtherwise(text)
        floats[text] = number
    return number


_SHAPES_SHARED = 256  # a log has a dozen shapes of document: past this many, one is odd
_SHARED_KEYS_MAX = 30  # CPython shares no more keys than this (SHARED_KEYS_MAX_SIZE)
_NOT_ATTRIBUTES = frozenset({"__class__", "__dict__", "__weakref__"})  # set on the class
_GIVE_WAY_EVERY = 128  # documents: about half a millisecond of reading


class _Document:
    """What a document's dict is taken from: `__dict__` is the only attribute there is."""


def _kind_of(shape: tuple[str, ...], kinds: int) -> type[_Document] | None:
    """A class of its own for documents of `shape` (None: theirs are not shared)."""
    if len(shape) > _SHARED_KEYS_MAX or not _NOT_ATTRIBUTES.isdisjoint(shape):
        return None
    return type("_Document", (_Document,), {}) if kinds < _SHAPES_SHARED else None


def _sharing(texts: dict[str, str]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """The object hook: each text of an object as one object, and a document's keys
    shared with those of its shape."""
    kinds: dict[tuple[str, ...], type[_Document] | None] = {}
    documents = 0

    def share(obj: dict[str, Any]) -> dict[str, Any]:
        nonlocal documents
        if "id" in obj:
            documents += 1
            if documents % _GIVE_WAY_EVERY == 0:
                give_way()
            shape = tuple(obj)
            if shape not in kinds:
                kinds[shape] = _kind_of(shape, len(kinds))
            kind = kinds[shape]
            if kind is not None:
                document = kind()
                for key, value in obj.items():
                    if type(value) is str:
                        value = texts.setdefault(value, value)
                    setattr(document, key, value)
                return document.__dict__
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
            object_hook=_sharing({}),
        )
    except (ValueError, RecursionError):  # orjson says what is wrong with it, below
        pass
    return orjson.loads(text.encode())


def loads(raw: bytes) -> Any:
    """`orjson.loads(raw)`: the same objects, or `orjson.JSONDecodeError`."""
    text = standard_text(raw)
    return orjson.loads(raw) if text is None else loads_text(text)
