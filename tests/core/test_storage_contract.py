"""TinyDB's contract, kept by `AtomicJSONStorage` under stock TinyDB and by `LogDB`.

In the style of TinyDB's own suite (tests/test_tinydb.py, tests/test_tables.py): every
operation, then the file reopened by a fresh TinyDB (of the same kind, and by TinyDB's own
read-only JSONStorage) to check what was written is what the live database holds.
"""

from __future__ import annotations

import json
import os
import stat
import threading
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from tinydb import Query, TinyDB, where
from tinydb.operations import delete, increment
from tinydb.storages import JSONStorage
from tinydb.table import Document

from storage.errors import ConcurrentWriteError
from storage.log.atomic_json import CHUNK_SIZE, AtomicJSONStorage, backup_paths, lock_path
from storage.log.journal import journal_path
from storage.log.schema import checked_path
from storage.log.tables import LogDB, LogTable
from tests.support.logs import on_disk

KINDS = ("tinydb", "logdb")


def open_db(kind: str, path: Path, **kwargs: Any) -> TinyDB:
    if kind == "tinydb":
        return TinyDB(path, storage=AtomicJSONStorage, **kwargs)
    return LogDB(path, **kwargs)


def contents(db: TinyDB) -> dict[str, dict[int, dict]]:
    """Every table of a database, as {table: {doc_id: doc}}."""
    return {name: {d.doc_id: dict(d) for d in db.table(name).all()} for name in db.tables()}


def assert_survives(kind: str, path: Path, db: TinyDB) -> None:
    """A fresh TinyDB on the file sees exactly what `db` holds; once `db` has folded its
    journal into the file, so does TinyDB's own JSONStorage."""
    expected = contents(db)
    fresh = open_db(kind, path)
    try:
        assert contents(fresh) == expected
    finally:
        fresh.close()
    db.storage.fold()
    if path.exists():
        stock = TinyDB(path, storage=JSONStorage, access_mode="r")
        try:
            assert contents(stock) == expected
        finally:
            stock.close()
        assert json.loads(path.read_bytes()) == {
            name: {str(i): doc for i, doc in table.items()} for name, table in expected.items()
        }


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "log.json"


@pytest.fixture
def db(kind: str, path: Path):
    database = open_db(kind, path)
    yield database
    database.close()


@pytest.fixture
def filled(kind: str, path: Path, db: TinyDB) -> TinyDB:
    """TinyDB's standard fixture: three documents with int 1 and chars a, b, c."""
    db.insert_multiple({"int": 1, "char": c} for c in "abc")
    return db


def temp_files(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f".{path.name}.*.tmp"))


# -- the kinds are what they claim --------------------------------------------------------


def test_logdb_uses_log_tables_on_atomic_storage(path: Path) -> None:
    db = LogDB(path)
    assert isinstance(db.storage, AtomicJSONStorage)
    assert isinstance(db.table("sets"), LogTable)
    db.close()


# -- inserting ----------------------------------------------------------------------------


def test_insert(kind: str, path: Path, db: TinyDB) -> None:
    assert db.insert({"int": 1, "char": "a"}) == 1
    assert db.count(where("int") == 1) == 1
    assert db.insert({"int": 1, "char": "b"}) == 2
    assert db.insert({"int": 1, "char": "c"}) == 3
    assert db.count(where("int") == 1) == 3
    assert db.count(where("char") == "a") == 1
    assert_survives(kind, path, db)


def test_insert_multiple(kind: str, path: Path, db: TinyDB) -> None:
    assert not db.contains(where("int") == 1)
    ids = db.insert_multiple([{"int": 1, "char": c} for c in "abc"])
    assert ids == [1, 2, 3]
    assert db.count(where("int") == 1) == 3

    def generator():
        for j in range(10):
            yield {"int": j}

    assert db.insert_multiple(generator()) == list(range(4, 14))
    for i in range(10):
        assert db.count(where("int") == i) == (4 if i == 1 else 1)
    assert db.insert_multiple([]) == []
    assert_survives(kind, path, db)


def test_insert_with_document_doc_id(kind: str, path: Path, db: TinyDB) -> None:
    assert db.insert({"int": 1}) == 1
    assert db.insert(Document({"int": 12}, doc_id=12)) == 12
    assert db.get(doc_id=12) == {"int": 12}
    assert db.insert({"int": 13}) == 13  # the next id follows the highest
    with pytest.raises(ValueError, match="already exists"):
        db.insert(Document({"int": 99}, doc_id=12))
    assert db.get(doc_id=12) == {"int": 12}
    ids = db.insert_multiple([Document({"x": 1}, doc_id=20), {"x": 2}])
    assert ids[0] == 20
    assert len({1, 12, 13, *ids}) == 5
    with pytest.raises(ValueError, match="already exists"):
        db.insert_multiple([Document({"x": 3}, doc_id=20)])
    assert_survives(kind, path, db)


def test_insert_rejects_non_mappings(kind: str, path: Path, db: TinyDB) -> None:
    db.insert_multiple([{"int": 1}, {"int": 2}])
    before = path.read_bytes()
    with pytest.raises(ValueError):
        db.insert([1, 2, 3])  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        db.insert({"bark"})  # type: ignore[arg-type]
    assert db.all() == [{"int": 1}, {"int": 2}]
    assert path.read_bytes() == before
    db.insert({"int": 3})
    assert_survives(kind, path, db)


def test_insert_of_unserialisable_value_changes_nothing(kind: str, path: Path, db: TinyDB) -> None:
    db.insert_multiple([{"int": 1}, {"int": 2}])
    before = path.read_bytes()
    with pytest.raises(TypeError):
        db.insert({"int": {"bark"}})
    # Neither the file nor what the database holds in memory kept the failed document.
    assert path.read_bytes() == before
    assert db.all() == [{"int": 1}, {"int": 2}]
    assert db.insert({"int": 3}) not in (1, 2)  # stock TinyDB may skip the failed id
    assert_survives(kind, path, db)


# -- reading ------------------------------------------------------------------------------


def test_all_len_and_iteration(kind: str, path: Path, db: TinyDB) -> None:
    assert len(db) == 0
    assert db.all() == []
    assert list(db) == []
    for i in range(10):
        db.insert({"i": i})
    assert len(db) == 10
    assert [d["i"] for d in db.all()] == list(range(10))
    assert [(d.doc_id, d["i"]) for d in db] == [(i + 1, i) for i in range(10)]
    assert_survives(kind, path, db)


def test_search(kind: str, path: Path, filled: TinyDB) -> None:
    assert len(filled.search(where("int") == 1)) == 3
    assert len(filled.search(where("int") == 1)) == 3  # from the query cache
    assert filled.search(where("char") == "b") == [{"int": 1, "char": "b"}]
    assert filled.search(where("char") == "z") == []
    assert [d.doc_id for d in filled.search(Query().char.one_of(["a", "c"]))] == [1, 3]
    assert_survives(kind, path, filled)


def test_results_are_copies(path: Path, filled: TinyDB) -> None:
    results = filled.search(where("char") == "a")
    results.append(Document({}, doc_id=99))  # TinyDB's test_query_cache
    assert filled.search(where("char") == "a") == [{"int": 1, "char": "a"}]
    # Changing a returned document changes neither the stored data nor the file.
    before = path.read_bytes()
    filled.all()[0]["int"] = 42
    filled.get(doc_id=2)["char"] = "changed"
    assert filled.get(doc_id=1) == {"int": 1, "char": "a"}
    assert filled.get(doc_id=2) == {"int": 1, "char": "b"}
    assert path.read_bytes() == before


def test_get(kind: str, path: Path, filled: TinyDB) -> None:
    item = filled.get(where("char") == "b")
    assert item == {"int": 1, "char": "b"}
    assert item.doc_id == 2
    assert filled.get(where("char") == "z") is None
    assert filled.get(doc_id=3) == {"int": 1, "char": "c"}
    assert filled.get(doc_id=88) is None
    assert filled.get(doc_ids=[1, 3]) == [{"int": 1, "char": "a"}, {"int": 1, "char": "c"}]
    with pytest.raises(RuntimeError):
        filled.get()
    assert_survives(kind, path, filled)


def test_contains(kind: str, path: Path, filled: TinyDB) -> None:
    assert filled.contains(where("int") == 1)
    assert not filled.contains(where("int") == 0)
    assert filled.contains(doc_id=1)
    assert not filled.contains(doc_id=88)
    assert_survives(kind, path, filled)


def test_count(kind: str, path: Path, filled: TinyDB) -> None:
    assert filled.count(where("int") == 1) == 3
    assert filled.count(where("char") == "d") == 0
    assert_survives(kind, path, filled)


# -- updating -----------------------------------------------------------------------------


def test_update_with_fields(kind: str, path: Path, filled: TinyDB) -> None:
    assert filled.update({"int": 2}, where("char") == "a") == [1]
    assert filled.count(where("int") == 2) == 1
    assert filled.count(where("int") == 1) == 2
    assert filled.update({"new": True}) == [1, 2, 3]  # no condition: every document
    assert all(d["new"] for d in filled)
    assert_survives(kind, path, filled)


def test_update_with_callable(kind: str, path: Path, filled: TinyDB) -> None:
    filled.update(increment("int"), where("char") == "a")
    filled.update(delete("char"), where("char") == "a")
    assert filled.count(where("int") == 2) == 1
    assert filled.count(where("char") == "a") == 0
    assert filled.count(where("int") == 1) == 2

    def rename(doc: dict) -> None:
        doc["letter"] = doc.pop("char")

    filled.update(rename, doc_ids=[2])
    assert filled.get(doc_id=2) == {"int": 1, "letter": "b"}
    assert_survives(kind, path, filled)


def test_update_by_doc_ids(kind: str, path: Path, filled: TinyDB) -> None:
    assert filled.update({"int": 2}, doc_ids=[1, 2]) == [1, 2]
    assert filled.count(where("int") == 2) == 2
    assert filled.get(doc_id=3) == {"int": 1, "char": "c"}
    assert_survives(kind, path, filled)


def test_update_multiple(kind: str, path: Path, filled: TinyDB) -> None:
    filled.insert({"int": 2, "char": "d"})
    assert sorted(
        filled.update_multiple(
            [
                ({"int": 10}, where("char") == "a"),
                ({"int": 20}, where("char") == "b"),
                (increment("int"), where("char") == "d"),
            ]
        )
    ) == [1, 2, 4]
    assert [d["int"] for d in filled] == [10, 20, 1, 3]
    assert_survives(kind, path, filled)


def test_upsert(kind: str, path: Path, filled: TinyDB) -> None:
    assert filled.upsert({"int": 5}, where("char") == "a") == [1]  # updates
    assert filled.get(doc_id=1) == {"int": 5, "char": "a"}
    assert filled.upsert({"int": 9, "char": "x"}, where("char") == "x") == [4]  # inserts
    assert len(filled) == 4
    assert filled.upsert(Document({"char": "y"}, doc_id=2)) == [2]  # by doc id
    assert filled.get(doc_id=2) == {"int": 1, "char": "y"}
    assert filled.upsert(Document({"char": "z"}, doc_id=30)) == [30]
    assert filled.get(doc_id=30) == {"char": "z"}
    assert_survives(kind, path, filled)


# -- removing -----------------------------------------------------------------------------


def test_remove_by_condition(kind: str, path: Path, filled: TinyDB) -> None:
    assert filled.remove(where("char") == "b") == [2]
    assert len(filled) == 2
    assert filled.count(where("int") == 1) == 2
    assert filled.remove(where("int") == 1) == [1, 3]
    assert len(filled) == 0
    assert filled.remove(where("int") == 1) == []
    assert_survives(kind, path, filled)


def test_remove_by_doc_ids(kind: str, path: Path, filled: TinyDB) -> None:
    assert filled.remove(doc_ids=[1, 2, 88]) == [1, 2]
    assert len(filled) == 1
    assert filled.get(doc_id=3) == {"int": 1, "char": "c"}
    with pytest.raises(RuntimeError):
        filled.remove()
    assert_survives(kind, path, filled)


def test_truncate(kind: str, path: Path, filled: TinyDB) -> None:
    filled.truncate()
    assert len(filled) == 0
    assert filled.insert({}) == 1  # ids start again
    filled.truncate()
    assert_survives(kind, path, filled)


# -- doc ids ------------------------------------------------------------------------------


def test_doc_ids_continue_after_removal(kind: str, path: Path, db: TinyDB) -> None:
    db.insert_multiple({"x": i} for i in range(5))
    db.remove(where("x") == 2)
    db.remove(doc_ids=[5])
    assert len(db) == 3
    assert db.insert({"x": 5}) == 6  # never reuses a removed id within a session
    ids = [d.doc_id for d in db]
    assert len(ids) == len(set(ids))
    assert_survives(kind, path, db)


def test_doc_ids_continue_after_reopening(kind: str, path: Path) -> None:
    with open_db(kind, path) as db:
        db.insert({"x": 1})
    with open_db(kind, path) as db:
        assert db.insert({"x": 1}) == 2
        db.table("other").insert_multiple({"i": i} for i in range(100))
    with open_db(kind, path) as db:
        assert [d.doc_id for d in db.all()] == [1, 2]
        assert db.table("other").insert({"i": 100}) == 101
        assert len(db.table("other")) == 101
        assert_survives(kind, path, db)


# -- tables -------------------------------------------------------------------------------


def test_tables_and_dropping_them(kind: str, path: Path, db: TinyDB) -> None:
    assert db.tables() == set()
    db.insert({"a": 1})
    db.table("sets").insert({"b": 2})
    db.table("empty")  # not written until something is stored in it
    assert db.tables() == {"_default", "sets"}
    assert_survives(kind, path, db)

    db.drop_table("sets")
    assert db.tables() == {"_default"}
    db.drop_table("not-there")
    assert_survives(kind, path, db)

    # A dropped table can be used again and starts afresh.
    assert db.table("sets").insert({"c": 3}) == 1
    assert db.table("sets").all() == [{"c": 3}]
    assert_survives(kind, path, db)

    db.drop_tables()
    assert db.tables() == set()
    assert len(db) == 0
    assert_survives(kind, path, db)
    assert db.table("sets").insert({"d": 4}) == 1
    assert_survives(kind, path, db)


def test_tables_are_independent(kind: str, path: Path, db: TinyDB) -> None:
    one, two = db.table("one"), db.table("two")
    one.insert({"int": 1})
    two.insert({"int": 2})
    two.insert({"int": 3})
    assert (len(one), len(two)) == (1, 2)
    one.truncate()
    assert (len(one), len(two)) == (0, 2)
    assert db.table("two") is two
    assert_survives(kind, path, db)


def test_persist_empty_stores_a_new_empty_table(kind: str, path: Path, db: TinyDB) -> None:
    db.table("empty", persist_empty=True)
    assert db.tables() == {"empty"}
    assert json.loads(path.read_bytes()) == {"empty": {}}
    assert_survives(kind, path, db)


def test_logdb_persist_empty_keeps_an_existing_table(path: Path) -> None:
    """Stock TinyDB 4.9 wipes an existing table here (msiemens/tinydb#636); the log must
    never lose documents by opening a table."""
    with LogDB(path) as db:
        db.table("sets").insert({"a": 1})
    before = path.read_bytes()
    with LogDB(path) as db:
        assert db.table("sets", persist_empty=True).all() == [{"a": 1}]
    assert path.read_bytes() == before


def test_default_table_name(kind: str, path: Path) -> None:
    with open_db(kind, path) as db:
        db.default_table_name = "sets"
        db.insert({"a": 1})
        assert db.tables() == {"sets"}
        assert_survives(kind, path, db)


# -- values -------------------------------------------------------------------------------


def test_unicode(kind: str, path: Path, db: TinyDB) -> None:
    values = ["ß", "Kniebeuge", "スクワット", "жим лёжа", "💪🏋️", "tab\there", 'quote"s', "\\"]
    db.insert_multiple({"value": v} for v in values)
    for v in values:
        assert db.contains(where("value") == v)
    db.insert({"ключ": "значение"})
    assert_survives(kind, path, db)
    with open_db(kind, path) as fresh:
        assert [d.get("value") for d in fresh][: len(values)] == values
    path.read_bytes().decode("utf-8")


def test_nested_documents(kind: str, path: Path, db: TinyDB) -> None:
    doc = {
        "name": "Bench",
        "muscles": {"chest": 1.0, "triceps": 0.5},
        "items": [{"sets": 3, "reps": [5, 5, 5]}, {"sets": 1, "reps": [8]}],
        "flags": {"deep": {"deeper": {"deepest": [None, True, False, 0, -1.5, ""]}}},
    }
    doc_id = db.insert(doc)
    assert db.get(doc_id=doc_id) == doc
    assert db.search(Query().muscles.chest == 1.0) == [doc]
    assert db.search(Query().items.any(Query().sets == 1)) == [doc]
    db.update({"muscles": {"chest": 0.5}}, doc_ids=[doc_id])
    assert db.get(doc_id=doc_id)["muscles"] == {"chest": 0.5}
    assert_survives(kind, path, db)


def test_large_table_across_chunks(kind: str, path: Path, db: TinyDB) -> None:
    """Writes re-serialise only touched chunks of documents: every chunk stays right."""
    n = 2 * CHUNK_SIZE + 300
    db.insert_multiple({"i": i} for i in range(n))
    db.update({"i": -1}, doc_ids=[5, CHUNK_SIZE + 7, 2 * CHUNK_SIZE + 9])
    db.remove(doc_ids=[1, CHUNK_SIZE, CHUNK_SIZE + 1])
    db.insert(Document({"far": True}, doc_id=10 * CHUNK_SIZE + 3))
    db.insert({"after": True})
    db.table("other").insert({"x": 1})
    db.update(increment("i"), where("i") == -1)
    assert db.count(where("i") == 0) == 3  # the three updated (the original 0 was doc 1)
    assert len(db) == n - 3 + 2
    assert_survives(kind, path, db)
    db.truncate()
    assert_survives(kind, path, db)


# -- the file -----------------------------------------------------------------------------


def test_the_file_is_valid_json_after_every_write(kind: str, path: Path, db: TinyDB) -> None:
    steps: list[Callable[[], object]] = [
        lambda: db.insert({"a": 1}),
        lambda: db.insert_multiple([{"a": 2}, {"a": 3}]),
        lambda: db.update({"b": "x"}, where("a") == 2),
        lambda: db.table("t").insert({"nested": {"k": [1, 2]}}),
        lambda: db.upsert({"a": 9}, where("a") == 99),
        lambda: db.remove(doc_ids=[1]),
        lambda: db.update(increment("a"), doc_ids=[2, 3]),
        lambda: db.table("t").truncate(),
        lambda: db.drop_table("t"),
        lambda: db.truncate(),
        lambda: db.insert({"last": "ü"}),
        lambda: db.drop_tables(),
    ]
    for step in steps:
        step()
        json.loads(path.read_bytes())  # the file alone is valid JSON, by the standard library
        assert on_disk(path) == {
            name: {str(i): doc for i, doc in table.items()} for name, table in contents(db).items()
        }


def test_log_lock_file_and_backups_are_private(kind: str, path: Path) -> None:
    old_umask = os.umask(0)  # even with a permissive umask
    try:
        today = [date(2026, 1, 1)]
        with open_db(kind, path, today=lambda: today[0]) as db:
            for _ in range(3):
                db.insert({"a": 1})
                today[0] += timedelta(days=1)
        backups = backup_paths(path)
        assert len(backups) == 2
        for file in [path, lock_path(path), *backups]:
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    finally:
        os.umask(old_umask)


def test_writes_replace_the_file_through_a_temp_file(kind: str, path: Path, db: TinyDB) -> None:
    db.insert({"a": 1})
    inodes = {path.stat().st_ino}
    for i in range(5):
        before = path.stat().st_ino
        db.insert({"a": i})
        db.storage.fold()  # a LogDB's insert went to the journal
        after = path.stat().st_ino
        assert after != before  # a new file moved over the log, never written in place
        inodes.add(after)
        assert temp_files(path) == []
    assert len(inodes) >= 2
    names = {p.name for p in path.parent.iterdir()}
    own = {path.name, lock_path(path).name, journal_path(path).name, checked_path(path).name}
    assert names <= own | {p.name for p in backup_paths(path)}


def test_a_read_does_not_write(kind: str, path: Path, filled: TinyDB) -> None:
    before = (path.read_bytes(), path.stat().st_mtime_ns, path.stat().st_ino)
    with open_db(kind, path) as other:
        other.all()
        other.search(where("int") == 1)
        other.table("missing").all()
        len(other)
    assert (path.read_bytes(), path.stat().st_mtime_ns, path.stat().st_ino) == before


# -- the in-memory cache and other processes ----------------------------------------------


def test_storage_sees_changes_from_another_instance(path: Path) -> None:
    one, two = AtomicJSONStorage(path), AtomicJSONStorage(path)
    assert one.read() == {} and two.read() == {}
    one.write({"t": {"1": {"a": 1}}})
    assert two.read() == {"t": {"1": {"a": 1}}}
    generation = two.generation
    assert two.read() is two.read()  # unchanged: served from memory
    assert two.generation == generation
    two.write({"t": {"1": {"a": 1}, "2": {"b": 2}}})
    assert one.read() == {"t": {"1": {"a": 1}, "2": {"b": 2}}}
    # A change of the same size is seen too.
    one.write({"t": {"1": {"a": 2}, "2": {"b": 2}}})
    assert two.read()["t"]["1"] == {"a": 2}
    one.close()
    two.close()


def test_a_same_size_change_in_the_same_inode_and_mtime_is_seen(path: Path) -> None:
    """The counter in the lock file catches a change the file's metadata would hide."""
    one, two = AtomicJSONStorage(path), AtomicJSONStorage(path)
    one.write({"t": {"1": {"a": 1}}})
    assert two.read() == {"t": {"1": {"a": 1}}}
    st = path.stat()
    # Another writer's change of the same size, landing on the same inode and mtime.
    with open(path, "r+b") as fh:
        fh.write(path.read_bytes().replace(b'"a":1', b'"a":2'))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_ino == st.st_ino and path.stat().st_size == st.st_size
    with one.locked():
        counter = lock_path(path).read_bytes()[:8]  # the writers' counter; the holder after it
        value = int.from_bytes(counter, "little") + 1
        fd = os.open(lock_path(path), os.O_WRONLY)
        os.pwrite(fd, value.to_bytes(8, "little"), 0)
        os.close(fd)
    assert two.read() == {"t": {"1": {"a": 2}}}
    one.close()
    two.close()


def test_tinydb_sees_changes_from_another_instance(kind: str, path: Path, db: TinyDB) -> None:
    db.insert({"a": 1})
    with open_db(kind, path) as other:
        assert other.all() == [{"a": 1}]
        db.insert({"a": 2})
        assert other.all() == [{"a": 1}, {"a": 2}]
        assert len(other) == 2
        assert other.get(doc_id=2) == {"a": 2}
        other.update({"a": 3}, doc_ids=[1])
        assert db.get(doc_id=1) == {"a": 3}


def test_logdb_search_sees_changes_from_another_instance(path: Path) -> None:
    with LogDB(path) as one, LogDB(path) as two:
        one.insert({"a": 1})
        assert two.search(where("a") == 1) == [{"a": 1}]
        one.insert({"a": 1})
        assert len(two.search(where("a") == 1)) == 2  # the query cache was dropped


def test_stock_tinydb_read_modify_write_race_raises(path: Path) -> None:
    """Stock Table reads, changes and writes without the lock: if another instance writes
    in between, the write is refused rather than losing the other instance's document."""
    with (
        TinyDB(path, storage=AtomicJSONStorage) as one,
        TinyDB(path, storage=AtomicJSONStorage) as two,
    ):
        one.insert({"who": "one", "n": 0})

        def meanwhile(doc: dict) -> None:
            two.insert({"who": "two"})  # lands between one's read and one's write
            doc["n"] += 1

        with pytest.raises(ConcurrentWriteError, match=str(path)) as excinfo:
            one.update(meanwhile, doc_ids=[1])
        assert "nothing was written" in str(excinfo.value)
        on_disk = json.loads(path.read_bytes())["_default"]
        assert sorted(d["who"] for d in on_disk.values()) == ["one", "two"]
        assert on_disk["1"]["n"] == 0
        # Retrying reads again and keeps both.
        one.update(increment("n"), doc_ids=[1])
        assert {d["who"]: d.get("n") for d in one.all()} == {"one": 1, "two": None}
        assert_survives("tinydb", path, one)


def test_storage_write_after_another_write_raises(path: Path) -> None:
    one, two = AtomicJSONStorage(path), AtomicJSONStorage(path)
    one.write({"t": {"1": {"a": 1}}})
    data = two.read()
    one.write({"t": {"1": {"a": 1}, "2": {"a": 2}}})
    with pytest.raises(ConcurrentWriteError):
        two.write({**data, "u": {"1": {}}})
    assert json.loads(path.read_bytes()) == {"t": {"1": {"a": 1}, "2": {"a": 2}}}
    # After reading again, the write goes through.
    data = two.read()
    two.write({**data, "u": {"1": {}}})
    assert set(json.loads(path.read_bytes())) == {"t", "u"}
    one.close()
    two.close()


def test_logdb_interleaved_inserts_keep_both(path: Path) -> None:
    with LogDB(path) as one, LogDB(path) as two:
        ids = []
        for i in range(20):
            ids.append(one.insert({"who": "one", "i": i}))
            ids.append(two.insert({"who": "two", "i": i}))
            # Cached state is refreshed: searches and updates work on the latest data.
            assert one.count(where("who") == "two") == i + 1
        assert len(set(ids)) == 40
        with LogDB(path) as fresh:
            docs = fresh.all()
        assert len(docs) == 40
        assert sorted(d.doc_id for d in docs) == sorted(ids)
        assert {(d["who"], d["i"]) for d in docs} == {
            (w, i) for w in ("one", "two") for i in range(20)
        }


def test_logdb_interleaved_updates_keep_both(path: Path) -> None:
    with LogDB(path) as one, LogDB(path) as two:
        one.insert({"n": 0})
        one.all()
        two.all()
        for _ in range(10):
            one.update(increment("n"), doc_ids=[1])
            two.update(increment("n"), doc_ids=[1])
        one.table("other").insert({"x": 1})
        two.table("other").insert({"x": 2})
        assert one.get(doc_id=1) == {"n": 20}
        assert sorted(d["x"] for d in two.table("other")) == [1, 2]
        assert_survives("logdb", path, two)


def test_logdb_racing_threads_lose_nothing(path: Path) -> None:
    """Two LogDBs on their own threads: the lock serialises them, no insert is lost."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def work(who: str) -> None:
        try:
            with LogDB(path) as db:
                barrier.wait()
                for i in range(100):
                    db.insert({"who": who, "i": i})
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(w,)) for w in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    docs = json.loads(path.read_bytes())["_default"]
    assert len(docs) == 200
    assert {(d["who"], d["i"]) for d in docs.values()} == {(w, i) for w in "ab" for i in range(100)}
