"""The log in memory (issue 17): its bytes read as orjson reads them with a lower peak, and
its records held small."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.demo import generate_demo, write_demo
from storage.log.atomic_json import read_log
from storage.log.low_peak_json import loads
from storage.log.repository import Repository
from storage.log.snapshot import LogSnapshot
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.records import Recovery, SetEntry, SymptomEntry, Workout, utc_now

T = TypeVar("T")


def _read_as_orjson(raw: bytes) -> tuple[str, object]:
    try:
        return "ok", orjson.dumps(orjson.loads(raw))
    except orjson.JSONDecodeError:
        return "error", None


def _read_low_peak(raw: bytes) -> tuple[str, object]:
    try:
        return "ok", orjson.dumps(loads(raw))
    except orjson.JSONDecodeError:
        return "error", None


EDGES = [
    b'{"a": 18446744073709551616}',
    b'{"a": 18446744073709551615}',
    b'{"a": -9223372036854775809}',
    b'{"a": 1e400}',
    b'{"a": -1e400}',
    b"1e400",
    b'{"a": 1e-400}',
    b'{"a": 1' + b"0" * 400 + b".5}",  # past a double's range without an exponent
    b'{"a": -1' + b"0" * 400 + b"}",
    b'{"a": NaN}',
    b'{"a": Infinity}',
    b'{"a": -Infinity}',
    b'["\\ud800"]',
    b'["\\uDC00x"]',
    b'["\\ud83d\\ude00"]',
    b'{"a": -0.0, "b": -0}',
    b'{"a": 1, "a": 2}',
    b"\xef\xbb\xbf{}",
    b'{"a": "\xff"}',
    b'{"a": "\xed\xa0\x80"}',
    b'{"a": "caf\xc3\xa9 \xf0\x9f\x98\x80"}',
    b'{"a": "\x01"}',
    b'{"a": 01}',
    b"[" * 2000 + b"]" * 2000,
    b'{"a": 1,}',
    b"",
    b"   ",
    b'{"a": 1} x',
]


@pytest.mark.parametrize("raw", EDGES)
def test_reads_what_orjson_reads_or_refuses_alike(raw: bytes) -> None:
    assert _read_low_peak(raw) == _read_as_orjson(raw)


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers(min_value=-(2**70), max_value=2**70)
        | st.floats()
        | st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=12,
    )
)
def test_any_json_is_read_as_orjson_reads_it(value: object) -> None:
    import json

    raw = json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")
    assert _read_low_peak(raw) == _read_as_orjson(raw)
    raw = json.dumps(value).encode()  # every character escaped: surrogates as \\uXXXX
    assert _read_low_peak(raw) == _read_as_orjson(raw)


@pytest.fixture(scope="module")
def long_log(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("long") / "log.json"
    now = datetime(2026, 3, 1, 12, tzinfo=UTC)
    with Repository(path, clock=lambda: now) as repo:
        write_demo(
            repo,
            generate_demo(date(2026, 3, 1), weeks=104, seed=1, tz="UTC", exercises=BUILTIN_BY_ID),
        )
        repo.fold()
    return path.read_bytes()


def _peak_of(read, raw: bytes) -> int:
    tracemalloc.start()
    try:
        read(raw)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_long_log_is_read_alike_with_a_lower_peak(long_log: bytes) -> None:
    assert orjson.dumps(loads(long_log)) == orjson.dumps(orjson.loads(long_log))
    held = _peak_of(lambda raw: None, long_log)
    low, orjson_peak = _peak_of(loads, long_log), _peak_of(orjson.loads, long_log)
    assert low - held < 0.6 * (orjson_peak - held), (low, orjson_peak)


@pytest.mark.parametrize("cls", [SetEntry, Workout, Recovery, SymptomEntry])
def test_the_many_records_have_no_dict_each(cls: type) -> None:
    assert "__dict__" not in dir(cls)
    assert not hasattr(cls, "__weakref__")


def test_a_sets_moments_and_days_are_read_as_one_object_each() -> None:
    doc = {
        "id": "a",
        "created": "2026-03-01T10:00:00+00:00",
        "updated": "2026-03-01T10:00:00+00:00",
        "timestamp": "2026-03-01T10:00:00+00:00",
        "day": "2026-03-01",
        "workout": "w",
        "exercise": "bench-press",
        "weight_kg": 100.0,
        "reps": 5,
        "order": 1,
    }
    first, second = SetEntry.from_doc(doc), SetEntry.from_doc({**doc, "id": "b"})
    assert first.created is first.updated is first.timestamp is second.timestamp
    assert first.day is second.day
    assert first.to_doc() == doc


def test_a_logs_repeated_values_are_read_as_one_object_each(long_log: bytes) -> None:
    """A set repeats its workout's id, its exercise, its day and (mostly) one moment three
    times, and weights repeat from set to set: each text or number is held once."""
    sets = list(loads(long_log)["sets"].values())
    assert len(sets) > 1000
    by_text: dict[object, int] = {}
    for doc in sets:
        for field in ("workout", "exercise", "day", "created", "updated", "timestamp"):
            assert by_text.setdefault(doc[field], id(doc[field])) == id(doc[field]), field
        if "weight_kg" in doc:
            weight = doc["weight_kg"]
            key = (type(weight), repr(weight))
            assert by_text.setdefault(key, id(weight)) == id(weight)


def test_a_logs_repeated_values_keep_their_exact_type_and_sign() -> None:
    raw = b'{"t": {"1": {"a": 0.0, "b": -0.0, "c": 1, "d": 1.0, "e": true, "f": "1", "g": 1.0}}}'
    doc = loads(raw)["t"]["1"]
    assert orjson.dumps(doc) == orjson.dumps(orjson.loads(raw)["t"]["1"])
    assert [type(v) for v in doc.values()] == [float, float, int, float, bool, str, float]
    assert doc["d"] is doc["g"]


@pytest.fixture(scope="module")
def long_snapshot(long_log: bytes, tmp_path_factory: pytest.TempPathFactory) -> LogSnapshot:
    path = tmp_path_factory.mktemp("snapshot") / "log.json"
    path.write_bytes(long_log)
    with Repository(path) as repo:
        return repo.snapshot()


def _traced(read: Callable[[], T]) -> tuple[T, int, int]:
    """What `read` returns, the memory held once it has, and the peak meanwhile."""
    tracemalloc.start()
    try:
        result = read()
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, held, peak


def test_a_readers_indexes_take_a_few_bytes_a_record(long_snapshot: LogSnapshot) -> None:
    reader = LogSnapshot(
        long_snapshot.path, long_snapshot.stored(), long_snapshot.stamp, clock=utc_now
    )

    def index() -> None:
        for field in ("workout", "exercise"):
            reader._index("sets", field)
        reader._index("recovery", "day")

    _, held, _ = _traced(index)
    sets = len(reader.stored()["sets"])
    assert held / sets < 50, held / sets  # a set of int objects per value: 220


def test_a_log_file_is_read_without_its_bytes_and_its_text_held_together(
    long_log: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "log.json"
    path.write_bytes(long_log)
    tables, held, peak = _traced(lambda: read_log(path))
    assert orjson.dumps(tables) == orjson.dumps(orjson.loads(long_log))
    assert peak - held < 1.5 * len(long_log), (peak - held) / len(long_log)


def test_a_logs_documents_take_little_more_memory_than_its_file(long_log: bytes) -> None:
    tables, held, _ = _traced(lambda: loads(long_log))
    assert orjson.dumps(tables) == orjson.dumps(orjson.loads(long_log))
    assert held < 1.6 * len(long_log), held / len(long_log)  # a dict each: 2.1


def test_documents_sharing_their_keys_are_dicts_like_any_other() -> None:
    raw = b'{"t": {"1": {"id": "a", "n": 1}, "2": {"n": 2, "id": "b"}, "3": {"id": "c"}}}'
    table = loads(raw)["t"]
    assert [list(doc.items()) for doc in table.values()] == [
        [("id", "a"), ("n", 1)],
        [("n", 2), ("id", "b")],
        [("id", "c")],
    ]
    first = table["1"]
    assert type(first) is dict and dict(first) == first == {"n": 1, "id": "a"}
    first["new"] = True
    del first["n"]
    assert orjson.dumps(first) == b'{"id":"a","new":true}'
    assert orjson.dumps(table["2"]) == b'{"n":2,"id":"b"}'


@pytest.mark.parametrize("key", ["__class__", "__dict__", "__weakref__", "__init__", "x" * 40])
def test_a_document_is_read_whatever_its_keys(key: str) -> None:
    raw = orjson.dumps({"t": {"1": {"id": "a", key: 1}}})
    assert orjson.dumps(loads(raw)) == raw
    many = orjson.dumps({"t": {"1": {"id": "a", **{f"k{i}": i for i in range(40)}}}})
    assert orjson.dumps(loads(many)) == many


def test_the_history_index_keeps_no_record_of_each_set(long_snapshot: LogSnapshot) -> None:
    """It keeps the log's documents, and makes a day's records at a time while it is built."""
    from storage.read.history_index import HistoryIndex

    index, held, peak = _traced(lambda: HistoryIndex.build(long_snapshot))
    sets = len(long_snapshot.stored()["sets"])
    assert index.sessions()
    assert held / sets < 200, held / sets  # a record kept for each: 380
    assert peak / sets < 300, peak / sets
