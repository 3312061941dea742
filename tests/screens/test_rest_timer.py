"""The rest timer: its arithmetic, where it starts, the header and big view, the keys, the
alarm, surviving a restart, and how little it writes to the terminal.

The clock is injected: tests move a fake clock and call `app.tick()`; none sleeps for the
timer. Only the real-terminal test waits, to measure bytes per second."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.app import ComposeResult
from textual.screen import Screen

from storage.log.repository import Repository
from storage.model.records import RestPeriod, SetEntry, Settings
from tests.support.clock import FakeClock
from tui.app import RestdayApp
from tui.commands.main import main as cli_main
from tui.screens.rest_timer import RestTimerScreen
from tui.widgets.app_header import AppHeader, format_rest
from tui.widgets.big_digits import BigDigits, changed_regions, pixel_rows, render_big

SIZE = (80, 24)
T0 = datetime(2026, 11, 20, 18, 0, 0, tzinfo=UTC)


class BareScreen(Screen):
    """A screen with nothing but the header: the timer keys reach the app."""

    def compose(self) -> ComposeResult:
        yield AppHeader()


class OtherScreen(BareScreen):
    pass


class TimerApp(RestdayApp):
    """The app on a bare screen, so these tests do not depend on the workout screen."""

    MODES = {"workout": BareScreen}


@pytest.fixture(autouse=True)
def _own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user keymap or settings from the machine running the tests."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def _log_set(path: Path, clock: FakeClock, exercise: str = "bench-press", **kwargs) -> SetEntry:
    with Repository(path, clock=clock) as repo:
        workout = repo.open_workout() or repo.start_workout("Upper A")
        return repo.log_set(workout, repo.exercise(exercise), 100, 5, **kwargs)


def _app(path: Path, clock: FakeClock) -> TimerApp:
    return TimerApp(Repository(path, clock=clock), clock=clock)


def _header(app: RestdayApp) -> AppHeader:
    return app.screen.query_one(AppHeader)


def _saved(app: RestdayApp) -> RestPeriod | None:
    """The rest timer in the log, once the saves queued so far are done."""
    app.store.save(lambda repo: None).result()
    return app.store.snapshot.rest_period()


# -- arithmetic ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("remaining", "text"),
    [
        (180, "3:00"),
        (179.2, "3:00"),  # counting down shows the second under way
        (61, "1:01"),
        (600, "10:00"),
        (0.4, "0:01"),
        (0, "0:00"),
        (-0.5, "0:00"),
        (-1, "+0:01"),
        (-12.7, "+0:12"),
        (-75, "+1:15"),
    ],
)
def test_format_rest(remaining: float, text: str) -> None:
    assert format_rest(remaining) == text


def test_rest_period_counts_down_and_over() -> None:
    rest = RestPeriod(started=T0, duration_s=90)
    assert rest.remaining(T0) == 90
    assert rest.remaining(T0 + timedelta(seconds=30)) == 60
    assert rest.remaining(T0 + timedelta(seconds=102)) == -12  # overtime
    assert rest.remaining(T0 - timedelta(seconds=5)) == 90  # a clock behind the start
    assert not rest.paused


def test_rest_period_pause_and_resume() -> None:
    rest = RestPeriod(started=T0, duration_s=90)
    paused = rest.pause(T0 + timedelta(seconds=20))
    assert paused.paused
    assert paused.remaining(T0 + timedelta(seconds=20)) == 70
    assert paused.remaining(T0 + timedelta(seconds=500)) == 70  # frozen while paused
    assert paused.pause(T0 + timedelta(seconds=40)) is paused  # pausing twice: no change
    resumed = paused.resume(T0 + timedelta(seconds=50))
    assert not resumed.paused and resumed.paused_s == 30
    assert resumed.remaining(T0 + timedelta(seconds=50)) == 70
    assert resumed.remaining(T0 + timedelta(seconds=60)) == 60
    assert rest.resume(T0 + timedelta(seconds=5)) is rest  # not paused: no change
    again = resumed.pause(T0 + timedelta(seconds=60)).resume(T0 + timedelta(seconds=70.5))
    assert again.paused_s == 40.5
    assert again.remaining(T0 + timedelta(seconds=80.5)) == 50


def test_rest_period_adjust() -> None:
    rest = RestPeriod(started=T0, duration_s=90)
    assert rest.adjust(15).duration_s == 105
    assert rest.adjust(-15).remaining(T0) == 75
    assert rest.adjust(-200).duration_s == 0  # never below zero
    assert rest.adjust(15) is not rest and rest.duration_s == 90  # a new period, as stored


# -- where a rest starts (the repository) ----------------------------------------------------


def test_logging_a_set_starts_the_exercises_rest(tmp_path: Path) -> None:
    log, clock = tmp_path / "log.json", FakeClock(T0)
    with Repository(log, clock=clock) as repo:
        workout = repo.start_workout("Upper A")
        bench, curl = repo.exercise("bench-press"), repo.exercise("preacher-curl")
        assert (bench.kind, bench.default_rest_s) == ("compound", 180)
        assert curl.kind == "isolation" and 60 <= curl.default_rest_s <= 90

        entry = repo.log_set(workout, bench, 100, 5)
        rest = repo.rest_period()
        assert rest is not None
        assert (rest.started, rest.duration_s) == (T0, 180)
        assert (rest.after_set, rest.exercise) == (entry.id, "bench-press")

        clock.advance(200)
        repo.log_set(workout, curl, 20, 10)
        rest = repo.rest_period()
        assert rest is not None and rest.duration_s == curl.default_rest_s
        assert rest.started == clock.now
        assert len(repo._raw(RestPeriod.TABLE)) == 1  # one timer: the new one replaces it

        repo.log_set(workout, curl, 20, 10, rest_after_s=45)  # a template's rest
        assert repo.rest_period().duration_s == 45

        repo.save_settings(Settings(rest_overrides={"preacher-curl": 75}, warmup_rest_s=30))
        repo.log_set(workout, curl, 20, 10)
        assert repo.rest_period().duration_s == 75
        repo.log_set(workout, curl, 10, 10, warmup=True)
        assert repo.rest_period().duration_s == 30


def test_warmup_rest_zero_starts_no_timer(tmp_path: Path) -> None:
    with Repository(tmp_path / "log.json", clock=FakeClock(T0)) as repo:
        repo.save_settings(Settings(warmup_rest_s=0))
        workout = repo.start_workout("Upper A")
        repo.log_set(workout, repo.exercise("bench-press"), 60, 5, warmup=True)
        assert repo.rest_period() is None


def test_next_set_stores_the_rest_taken(tmp_path: Path) -> None:
    log, clock = tmp_path / "log.json", FakeClock(T0)
    first = _log_set(log, clock)
    clock.advance(157)
    second = _log_set(log, clock)
    assert first.rest_s is None
    assert second.rest_s == 157
    with Repository(log) as repo:
        assert [s.rest_s for s in repo.sets()] == [None, 157]


async def test_set_logged_from_the_command_line_shows_its_countdown(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    assert cli_main(["log", "--db", str(log), "bench 100x5@8"]) == 0
    with Repository(log) as repo:
        rest = repo.rest_period()
    assert rest is not None and rest.duration_s == 180
    clock = FakeClock(rest.started + timedelta(seconds=30))
    app = TimerApp(Repository(log), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.tick()
        assert (_header(app).rest, _header(app).rest_state) == ("2:30", "running")


# -- the header ------------------------------------------------------------------------------


async def test_header_counts_down_after_a_set(tmp_path: Path) -> None:
    log, clock = tmp_path / "log.json", FakeClock(T0)
    app = _app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.tick()
        assert _header(app).rest == ""
        workout = app.store.save(lambda repo: repo.start_workout("Upper A")).result()
        bench = app.store.snapshot.exercise("bench-press")
        app.store.save(lambda repo: repo.log_set(workout, bench, 100, 5)).result()
        app.start_rest(app.store.save(lambda repo: repo.rest_period()).result())
        assert _header(app).rest == "3:00"
        clock.advance(0.3)
        app.tick()
        assert _header(app).rest == "3:00"
        clock.advance(45)
        app.tick()
        await pilot.pause()
        assert _header(app).rest == "2:15"
        line = str(_header(app).render())
        assert line.startswith(" restday") and line.rstrip().endswith("rest  2:15")
        assert len(line) == SIZE[0]


async def test_header_counts_down_from_the_log_on_mount(tmp_path: Path) -> None:
    log, clock = tmp_path / "log.json", FakeClock(T0)
    _log_set(log, clock, exercise="barbell-curl")  # 90 s
    clock.advance(20)
    app = _app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.tick()
        assert _header(app).rest == "1:10"


async def test_timer_survives_screen_switches(tmp_path: Path) -> None:
    log, clock = tmp_path / "log.json", FakeClock(T0)
    _log_set(log, clock)
    app = _app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        clock.advance(10)
        await app.push_screen(OtherScreen())
        await pilot.pause()
        assert isinstance(app.screen, OtherScreen)
        assert _header(app).rest == "2:50"  # shown as the screen opens, not a tick later
        clock.advance(10)
        app.tick()
        assert _header(app).rest == "2:40"
        app.pop_screen()
        await pilot.pause()
        app.tick()
        assert isinstance(app.screen, BareScreen) and _header(app).rest == "2:40"


# -- the keys --------------------------------------------------------------------------------


async def test_plus_and_minus_change_the_rest_by_15s(tmp_path: Path) -> None:
    log, clock = tmp_path / "log.json", FakeClock(T0)
    _log_set(log, clock)
    app = _app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.focused is None
        await pilot.press("plus")
        assert _header(app).rest == "3:15"
        await pilot.press("equals_sign")  # + without shift
        assert _header(app).rest == "3:30"
        await pilot.press("minus", "minus", "minus")
        assert _header(app).rest == "2:45"
        assert _saved(app).duration_s == 165


async def test_space_pauses_and_resumes(tmp_path: Path) -> None:
    log, clock = tmp_path / "log.json", FakeClock(T0)
    _log_set(log, clock)
    app = _app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        clock.advance(30)
        await pilot.press("space")
        assert (_header(app).rest, _header(app).rest_state) == ("2:30", "paused")
        assert "rest (paused)" in str(_header(app).render())
        assert _saved(app).paused_at == clock.now
        clock.advance(100)
        app.tick()
        assert _header(app).rest == "2:30"  # frozen
        await pilot.press("space")
        assert (_header(app).rest, _header(app).rest_state) == ("2:30", "running")
        clock.advance(30)
        app.tick()
        assert _header(app).rest == "2:00"
        saved = _saved(app)
        assert not saved.paused and saved.paused_s == 100


async def test_x_stops_the_timer(tmp_path: Path) -> None:
    log, clock = tmp_path / "log.json", FakeClock(T0)
    _log_set(log, clock)
    app = _app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.tick()
        assert _header(app).rest == "3:00"
        await pilot.press("x")
        assert app.rest is None and _header(app).rest == ""
        assert str(_header(app).render()).strip() == "restday"
        assert _saved(app) is None
        await pilot.press("plus", "space", "x")  # nothing to change: no error
        assert app.rest is None


async def test_keys_do_nothing_without_a_rest(tmp_path: Path) -> None:
    app = _app(tmp_path / "log.json", FakeClock(T0))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus", "minus", "space", "x")
        assert app.rest is None and _header(app).rest == ""
    assert not (tmp_path / "log.json").exists()  # nothing was written


# -- the alarm and overtime ------------------------------------------------------------------


async def test_bell_and_notification_once_at_zero_then_overtime(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log, clock = tmp_path / "log.json", FakeClock(T0)
    _log_set(log, clock, exercise="preacher-curl")  # 90 s
    app = _app(log, clock)
    bells: list[datetime] = []
    notes: list[str] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(clock.now))
    notify = app.notify

    def record(message: str, **kwargs) -> None:
        if kwargs.get("title") == "Rest timer":
            notes.append(message)
        notify(message, **kwargs)

    monkeypatch.setattr(app, "notify", record)
    async with app.run_test(size=SIZE) as pilot:
        clock.advance(89.5)
        app.tick()
        assert (_header(app).rest, bells, notes) == ("0:01", [], [])
        clock.advance(0.5)
        app.tick()
        assert bells == [T0 + timedelta(seconds=90)]
        assert notes == ["Rest is over: time for the next set."]
        assert (_header(app).rest, _header(app).rest_state) == ("0:00", "over")
        for _ in range(5):
            clock.advance(0.2)
            app.tick()
        await pilot.pause()
        clock.advance(11)
        app.tick()
        assert (_header(app).rest, _header(app).rest_state) == ("+0:12", "over")
        assert "rest over" in str(_header(app).render())
        assert len(bells) == 1 and len(notes) == 1  # once
        assert any("Rest is over" in str(n.message) for n in app._notifications)

        await pilot.press("plus", "plus")  # 30 s more after it rang: it rings again at zero
        assert (_header(app).rest, _header(app).rest_state) == ("0:18", "running")
        clock.advance(18)
        app.tick()
        app.tick()
        assert len(bells) == 2 and len(notes) == 2


async def test_paused_rest_does_not_ring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log, clock = tmp_path / "log.json", FakeClock(T0)
    _log_set(log, clock, exercise="preacher-curl")
    app = _app(log, clock)
    bells: list[datetime] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(clock.now))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("minus", "minus", "minus", "minus", "minus", "space")  # 15 s, paused
        clock.advance(100)
        app.tick()
        assert bells == [] and _header(app).rest == "0:15"
        await pilot.press("space")
        clock.advance(15)
        app.tick()
        assert len(bells) == 1


async def test_rest_that_ran_out_before_opening_does_not_ring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log, clock = tmp_path / "log.json", FakeClock(T0)
    _log_set(log, clock)
    clock.advance(200)
    app = _app(log, clock)
    bells: list[datetime] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(clock.now))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.tick()
        assert _header(app).rest == "+0:20" and bells == []


# -- the big view ----------------------------------------------------------------------------


def test_big_digits_font() -> None:
    assert pixel_rows("1:0") == [
        ".#....###",
        "##..#.#.#",
        ".#....#.#",
        ".#..#.#.#",
        "###...###",
    ]
    big = render_big("2:45", 76, 15)  # 13 pixels wide: 4 columns a pixel fit, 6 do not
    assert len(big) == 10 and max(len(line) for line in big) <= 52
    assert set("".join(big)) <= {"█", " "}
    small = render_big("+12:34", 40, 5)
    assert len(small) == 5 and max(len(line) for line in small) <= 42
    assert render_big("", 80, 20) == []


def test_changed_regions_cover_only_what_changed() -> None:
    assert changed_regions(["ab", "cd"], ["ab", "cd"]) == []
    regions = changed_regions(["  ██  ██", "x"], ["  ██ ███", "x", "new"])
    assert [(r.x, r.y, r.width) for r in regions] == [(5, 0, 1), (0, 2, 3)]


async def test_t_opens_the_big_view_and_escape_closes_it(tmp_path: Path) -> None:
    log, clock = tmp_path / "log.json", FakeClock(T0)
    _log_set(log, clock)
    clock.advance(30)
    app = _app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RestTimerScreen)
        digits = screen.query_one(BigDigits)
        assert digits.value == "2:30"
        assert "Bench Press" in str(screen.query_one("#rest-title").content)
        assert "of 3:00 rest" in str(screen.query_one("#rest-state").content)
        keys = str(screen.query_one("#rest-keys").content)
        for key in ("+/-", "space", "x stop", "Esc"):
            assert key in keys
        assert _header(app).rest == "2:30"

        # It fits 80x24: every line on screen, the digits drawn large.
        for widget in screen.query("#rest-title, #rest-digits, #rest-state, #rest-keys"):
            region = widget.region
            assert region.width > 0 and region.height > 0
            assert region.right <= SIZE[0] and region.bottom <= SIZE[1], widget
        lines = digits._lines(digits.value)
        assert sum(1 for line in lines if "█" in line) >= 5
        assert max(len(line) for line in lines) <= digits.content_size.width

        clock.advance(25)
        app.tick()
        assert digits.value == "2:05"
        await pilot.press("space")
        assert screen.query_one("#rest-view").has_class("-paused")
        assert "Paused" in str(screen.query_one("#rest-state").content)
        await pilot.press("space")
        clock.advance(130)
        app.tick()
        assert digits.value == "+0:05"
        assert screen.query_one("#rest-view").has_class("-over")
        assert "Rest over" in str(screen.query_one("#rest-state").content)

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BareScreen)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, RestTimerScreen)
        await pilot.press("t")  # t closes it too
        await pilot.pause()
        assert isinstance(app.screen, BareScreen)
        assert app.rest is not None  # closing the view leaves the timer running


async def test_big_view_without_a_rest_and_after_x(tmp_path: Path) -> None:
    log, clock = tmp_path / "log.json", FakeClock(T0)
    _log_set(log, clock)
    app = _app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RestTimerScreen)
        await pilot.press("x")
        assert screen.query_one(BigDigits).value == "-:--"
        assert "No rest running" in str(screen.query_one("#rest-title").content)
        assert screen.query_one("#rest-view").has_class("-none")


async def test_big_view_over_the_workout_screen(tmp_path: Path) -> None:
    """The real app: the countdown on the workout screen's header, `t` once out of the
    entry line."""
    log, clock = tmp_path / "log.json", FakeClock(T0)
    _log_set(log, clock)
    clock.advance(5)
    app = RestdayApp(Repository(log, clock=clock), clock=clock, first_screen="workout")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.tick()
        assert app.current_mode == "workout"
        assert _header(app).rest == "2:55"
        await pilot.press("alt+t")
        await pilot.pause()
        assert isinstance(app.screen, RestTimerScreen)
        assert app.screen.query_one(BigDigits).value == "2:55"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(AppHeader).rest == "2:55"


# -- a restart -------------------------------------------------------------------------------


async def test_restart_resumes_from_the_stored_start(tmp_path: Path) -> None:
    log, clock = tmp_path / "log.json", FakeClock(T0)
    app = _app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        workout = app.store.save(lambda repo: repo.start_workout("Upper A")).result()
        bench = app.store.snapshot.exercise("bench-press")
        app.store.save(lambda repo: repo.log_set(workout, bench, 100, 5)).result()
        app.start_rest(app.store.save(lambda repo: repo.rest_period()).result())
        await pilot.press("plus")  # 3:15
        clock.advance(20)
        app.tick()
        assert _header(app).rest == "2:55"
        await pilot.press("q")

    clock.advance(100)  # the app was closed for 100 s: the rest went on
    again = _app(log, clock)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        again.tick()
        assert (_header(again).rest, _header(again).rest_state) == ("1:15", "running")


async def test_restart_keeps_a_paused_rest_paused(tmp_path: Path) -> None:
    log, clock = tmp_path / "log.json", FakeClock(T0)
    _log_set(log, clock)
    app = _app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        clock.advance(40)
        await pilot.press("space")
    clock.advance(1000)
    again = _app(log, clock)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        again.tick()
        assert (_header(again).rest, _header(again).rest_state) == ("2:20", "paused")
        await pilot.press("space")
        clock.advance(20)
        again.tick()
        assert _header(again).rest == "2:00"


# -- over SSH: bytes written to the terminal -------------------------------------------------


async def test_the_timer_never_ticks_into_a_closing_app(tmp_path: Path) -> None:
    """The rest runs out as the app closes, and a tick already on its way comes after the
    screens have gone: nothing is drawn, nothing rings, nothing raises."""
    log, clock = tmp_path / "log.json", FakeClock(T0)
    _log_set(log, clock)
    app = _app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        clock.advance(181)
        app.exit()
        app.tick()
    app.tick()
    assert app.return_code == 0
