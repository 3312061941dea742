"""Long work on a thread gives way while the app answers a key (`storage.giving_way`): it
waits from the hold to the release, never longer than `MOST_S`; the log's reader gives way
as it reads."""

from __future__ import annotations

import json
import threading
import time

import pytest

from storage import giving_way
from storage.log import low_peak_json


@pytest.fixture(autouse=True)
def released():
    yield
    giving_way.release()


def test_work_goes_on_at_once_when_no_key_is_answered() -> None:
    started = time.monotonic()
    giving_way.give_way()
    assert time.monotonic() - started < giving_way.MOST_S


def test_work_waits_from_the_hold_to_the_release() -> None:
    giving_way.hold()
    gone_on = threading.Event()

    def work() -> None:
        giving_way.give_way()
        gone_on.set()

    worker = threading.Thread(target=work)
    worker.start()
    assert not gone_on.wait(giving_way.MOST_S / 4)  # still held
    giving_way.release()
    assert gone_on.wait(5)
    worker.join()


def test_a_hold_never_released_keeps_the_work_waiting_once_and_no_longer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(giving_way, "MOST_S", 0.05)
    giving_way.hold()
    giving_way.give_way()  # waits out the hold
    started = time.monotonic()
    for _ in range(100):
        giving_way.give_way()
    assert time.monotonic() - started < 0.05


def test_the_logs_reader_gives_way_as_it_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    turns: list[None] = []
    monkeypatch.setattr(low_peak_json, "give_way", lambda: turns.append(None))
    sets = {str(n): {"id": f"s{n}", "reps": 5} for n in range(1000)}
    document = low_peak_json.loads_text(json.dumps({"sets": sets}))
    assert len(document["sets"]) == 1000
    assert len(turns) == 1000 // low_peak_json._GIVE_WAY_EVERY
