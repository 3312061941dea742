"""The app shell: keymap, help, too-small terminals, the command palette, and reading the
log after the first frame (in a real terminal: tests/terminal/test_shell_terminal.py)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets import Static

from storage.errors import CorruptLogError
from storage.log.repository import Repository
from storage.model.records import RestPeriod
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.logs import log_with_sets
from tests.support.screen_helpers import eventually
from tests.support.typing import press_at_pace
from tui.app import REST_ONLY_BINDINGS, RestdayApp
from tui.keymap import known_binding_ids, load_keymap, parse_keymap, valid_key
from tui.messages import LogOpened
from tui.screens.help import HelpScreen
from tui.screens.too_small import TooSmallScreen

SIZE = (80, 24)


def _clock() -> FakeClock:
    return FakeClock(TUESDAY_EVENING)


def _app(tmp_path: Path, keymap: str | None = None, **kwargs) -> RestdayApp:
    """The app on an empty log, opening on the workout screen (whose keys these test)."""
    keymap_file = tmp_path / "keymap.toml"
    if keymap is not None:
        keymap_file.write_text(keymap)
    kwargs.setdefault("first_screen", "workout")
    clock = _clock()
    return RestdayApp(
        Repository(tmp_path / "log.json", clock=clock),
        clock=clock,
        keymap_file=keymap_file,
        **kwargs,
    )


def _text(widget: Static) -> str:
    return str(widget.render())


def _help_text(app: RestdayApp) -> str:
    """The help screen's text as the terminal shows it (its key tables are Rich tables)."""
    assert isinstance(app.screen, HelpScreen)
    console = Console(width=76, file=io.StringIO(), color_system=None)
    for static in app.screen.query(Static):
        console.print(static.content)
    return console.file.getvalue()


# -- the keymap file ---------------------------------------------------------------------


def test_keymap_parses_keys_and_lists(tmp_path: Path) -> None:
    keymap = parse_keymap(
        '[keys]\n"screen.workout" = "ctrl+w"\nquit = "ctrl+q, q"\nhelp = ["f1", "?"]\n',
        tmp_path / "keymap.toml",
    )
    assert keymap.problem is None
    assert keymap.keys == {"screen.workout": "ctrl+w", "quit": "ctrl+q,q", "help": "f1,?"}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[keys]\nquit = "q', "not valid TOML"),
        ("[keys]\nquit = 3\n", 'must be a key string such as "ctrl+w"'),
        ('[keys]\nquit = ""\n', "empty key"),
        ('[keys]\nquit = "ctl+q"\n', "'ctl+q' is not a key"),
        ('[keys]\nquit = "ctrl+"\n', "is not a key"),
        ('keys = "q"\n', "'keys' must be a table"),
        ('[colours]\nquit = "q"\n', "unknown section 'colours'"),
    ],
)
def test_bad_keymaps_say_what_is_wrong(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text(text)
    keymap = load_keymap(path)
    assert keymap.keys == {}
    assert problem in (keymap.problem or "")
    assert keymap.notice is not None and str(path) in keymap.notice


def test_missing_keymap_is_no_keymap(tmp_path: Path) -> None:
    keymap = load_keymap(tmp_path / "nope.toml")
    assert keymap.keys == {} and keymap.problem is None and keymap.notice is None


def test_unreadable_keymap_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "keymap.toml").mkdir()
    assert "cannot be read" in (load_keymap(tmp_path / "keymap.toml").problem or "")


def test_known_ids_cover_the_app_and_every_screen() -> None:
    ids = known_binding_ids(RestdayApp)
    app_ids = {binding.id for binding in RestdayApp.BINDINGS if binding.id}
    assert app_ids <= ids
    assert {"help.close", "workout.finish"} <= ids
    text = '[keys]\nquit = "q"\n"screen.wrokout" = "x"\n'
    keymap = parse_keymap(text, Path("k.toml")).check_ids(ids)
    assert keymap.keys == {"quit": "q"}
    assert 'line 3: unknown binding id "screen.wrokout"' in (keymap.problem or "")
    assert '"screen.workout"' in (keymap.problem or "")  # the nearest known id


@pytest.mark.parametrize("key", ["q", "?", "ctrl+w", "f1", "question_mark", "shift+tab", "space"])
def test_valid_keys(key: str) -> None:
    assert valid_key(key)


@pytest.mark.parametrize("key", ["ctrl+", "ctl+w", "+", " ", "ctrl+w w"])
def test_invalid_keys(key: str) -> None:
    assert not valid_key(key) or key == "+"  # '+' alone is the plus key


async def test_keymap_remaps_keys_and_help_shows_them(tmp_path: Path) -> None:
    app = _app(tmp_path, '[keys]\nhelp = "f1"\n"workout.finish" = "ctrl+f"\n')
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert not isinstance(app.screen, HelpScreen)  # ? is no longer help
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = _help_text(app)
        assert re.search(r"f1 +Help", text)
        assert re.search(r"\^f +Finish", text) and not re.search(r"(?<![\^\w])f +Finish", text)
        await pilot.press("f1")  # the help key closes help too
        assert not isinstance(app.screen, HelpScreen)


async def test_bad_keymap_line_is_named_and_the_valid_lines_apply(tmp_path: Path) -> None:
    app = _app(tmp_path, '[keys]\nhelp = "f1"\nquit = 7\n')
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (notification,) = app._notifications
        assert str(tmp_path / "keymap.toml") in notification.message
        assert 'line 3: "quit" must be a key string' in notification.message
        assert "The other lines apply" in notification.message
        assert notification.severity == "error"
        await press_at_pace(pilot, ["f1"])  # the valid line applies
        assert isinstance(app.screen, HelpScreen)


async def test_every_bad_keymap_line_is_named_in_a_notice_that_fits_80x24(
    tmp_path: Path,
) -> None:
    bad = [
        "quit = 7",
        'home = "ctl+h"',
        '"screen.wrokout" = "ctrl+w"',
        'finish = ""',
        '"workout.finsh" = "ctrl+f"',
        '"recovery.nope" = "f5"',
        'help2 = "f6"',
        '"history.ooops" = "f7"',
    ]
    text = '[keys]\nhelp = "f1"\n' + "".join(f"{line}\n" for line in bad[:4])
    text += '"help.close" = "escape"\n' + "".join(f"{line}\n" for line in bad[4:])
    app = _app(tmp_path, text)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        (notification,) = app._notifications
        assert "lines 3-6, 8-11 not used" in notification.message
        assert 'line 3: "quit" must be a key string' in notification.message
        assert "The other lines apply" in notification.message
        await eventually(pilot, lambda: app.screen.query("Toast"))
        toast = app.screen.query_one("Toast")
        await eventually(pilot, lambda: toast.region.height > 0)
        assert toast.region.y >= 0 and toast.region.bottom <= SIZE[1]
        await press_at_pace(pilot, ["f1"])  # the valid line applies
        assert isinstance(app.screen, HelpScreen)


async def test_keymap_with_unknown_id_says_which_line_and_the_nearest_id(tmp_path: Path) -> None:
    app = _app(tmp_path, '[keys]\nhelp = "f1"\n"screen.wrokout" = "ctrl+w"\n')
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (notification,) = app._notifications
        assert 'line 3: unknown binding id "screen.wrokout"' in notification.message
        assert '"screen.workout"' in notification.message  # the nearest known id
        assert len(notification.message) < 240  # not every id there is
        await press_at_pace(pilot, ["f1"])
        assert isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("screen", ["recovery", "symptoms", "workout"])
async def test_remapped_help_key_works_while_the_entry_line_has_focus(
    tmp_path: Path, screen: str
) -> None:
    app = _app(tmp_path, '[keys]\nhelp = "f1"\n', first_screen=screen)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        entry = app.screen.query_one("#entry")
        entry.focus()
        await pilot.pause()
        footer = " ".join(str(key.render()) for key in app.screen.query("FooterKey"))
        assert "f1 Help" in footer
        await press_at_pace(pilot, ["f1"])
        assert isinstance(app.screen, HelpScreen)
        await press_at_pace(pilot, ["f1"])
        await press_at_pace(pilot, ["?"])  # ? is text in the line now
        assert app.screen.query_one("#entry").value == "?"


# -- help --------------------------------------------------------------------------------


@pytest.mark.parametrize("close", ["escape", "question_mark", "q"])
async def test_help_lists_every_key_and_closes(tmp_path: Path, close: str) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        below = app.screen
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = _help_text(app)
        for binding in RestdayApp.BINDINGS:  # the app's keys, the rest timer's among them
            assert binding.description in text or binding.action == "command_palette"
        for section in ("Everywhere", "Workout", "Rest timer"):
            assert section in text
        for description in ("Finish", "Undo", "Type a set", "Exercise 1-9"):  # the screen's
            assert description in text
        # on the workout screen q types: ^q quits
        assert re.search(r"\^q +Quit", text) and re.search(r"\+, = +\+15s", text)
        await pilot.press(close)
        assert app.screen is below


async def test_help_fits_in_80x24(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        box = app.screen.query_one("#help")
        assert box.region.height <= 24 and box.region.width <= 80


# -- too small ----------------------------------------------------------------------------


async def test_too_small_shows_a_notice_and_recovers(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(44, 20)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        notice = _text(app.screen.query_one("#too-small", Static))
        assert notice == "Workout needs 45x20 (this is 44x20)"
        await pilot.press("question_mark")  # the hidden screen's keys do nothing
        assert isinstance(app.screen, TooSmallScreen)
        # Textual takes in a resize on a timer (1/120 s): wait for it
        await pilot.resize_terminal(45, 19)
        await eventually(
            pilot, lambda: "(this is 45x19)" in _text(app.screen.query_one("#too-small"))
        )
        await pilot.resize_terminal(45, 20)  # a phone: the workout has a compact layout
        await eventually(pilot, lambda: not isinstance(app.screen, TooSmallScreen))
        assert app.current_mode == "workout" and app.has_class("-compact")
        await pilot.resize_terminal(80, 24)
        await eventually(pilot, lambda: not app.has_class("-compact"))
        # over any screen, a modal one too: help has a compact layout, down to 45x20
        await pilot.press("question_mark")
        await pilot.resize_terminal(44, 20)
        await eventually(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        notice = _text(app.screen.query_one("#too-small", Static))
        assert notice == "This screen needs 45x20 (this is 44x20)"
        await pilot.resize_terminal(100, 30)
        await eventually(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert sum(isinstance(s, TooSmallScreen) for s in app.screen_stack) == 0


@pytest.mark.parametrize(
    ("first_screen", "hidden_on_a_phone"), [("home", "#muscles"), ("workout", "#exercise-list")]
)
async def test_a_screen_uncovered_by_a_resize_takes_the_layout_of_the_new_size(
    tmp_path: Path, first_screen: str, hidden_on_a_phone: str
) -> None:
    """Under 45x20 a notice covers the screen; grown to 80x24 the screen comes back in its
    full layout, not the phone's it had when covered (the app's class changed while the
    notice was on top, and Textual restyles only the screen on top)."""
    app = _app(tmp_path, first_screen=first_screen)
    async with app.run_test(size=(80, 24)) as pilot:
        covered = app.screen
        await pilot.resize_terminal(60, 20)  # the phone's layout
        await eventually(pilot, lambda: app.has_class("-compact"))
        assert covered.query_one(hidden_on_a_phone).styles.display == "none"
        await pilot.resize_terminal(44, 20)
        await eventually(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        await pilot.resize_terminal(80, 24)
        await eventually(pilot, lambda: app.screen is covered)
        await pilot.pause()
        assert not app.has_class("-compact")
        assert covered.query_one(hidden_on_a_phone).styles.display == "block"


async def test_a_screen_without_a_compact_layout_says_so_and_keys_lead_to_one(
    tmp_path: Path,
) -> None:
    app = _app(tmp_path, first_screen="history")
    async with app.run_test(size=(45, 20)) as pilot:
        await eventually(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        assert _text(app.screen.query_one("#too-small", Static)) == (
            "History needs 80x24 (this is 45x20)"
        )
        hint = _text(app.screen.query_one("#too-small-hint", Static))
        assert hint == "w workout · r recovery · s symptoms · q quit"
        await pilot.press("w")  # the app's keys still work: the workout fits
        await eventually(pilot, lambda: app.current_mode == "workout")
        assert not isinstance(app.screen, TooSmallScreen)
        await pilot.press("question_mark")  # help fits a phone too: Escape closes it
        await eventually(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        await eventually(pilot, lambda: not isinstance(app.screen, (TooSmallScreen, HelpScreen)))
        assert app.current_mode == "workout"


async def test_too_small_q_quits(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.press("q")
    assert app.return_code == 0


# -- the command palette -----------------------------------------------------------------


async def _palette_commands(app: RestdayApp, pilot) -> dict[str, str]:
    await pilot.press("ctrl+p")
    await pilot.pause(0.3)
    assert isinstance(app.screen, CommandPalette)
    commands = app.screen.query_one(CommandList)
    found = {}
    for index in range(commands.option_count):
        hit = commands.get_option_at_index(index).hit
        found[str(hit.text)] = str(hit.help)
    await pilot.press("escape")
    return found


async def test_palette_lists_every_screen_and_action_with_its_key(tmp_path: Path) -> None:
    app = _app(tmp_path, '[keys]\n"screen.workout" = "ctrl+w"\n')
    async with app.run_test(size=SIZE) as pilot:
        commands = await _palette_commands(app, pilot)
        for mode in RestdayApp.MODES:  # every screen: a binding switches to it
            (binding,) = [b for b in RestdayApp.BINDINGS if b.action == f"switch_mode('{mode}')"]
            assert binding.description in commands
        assert commands["Workout"] == "Today's workout · key: ^w"  # as remapped
        assert commands["Help"] == "Every key · key: ?, f1"
        assert commands["Quit"] == "Save and leave restday · key: ^q"  # q types here
        for binding in RestdayApp.BINDINGS:
            if binding.id not in REST_ONLY_BINDINGS and binding.id != "palette":
                assert binding.description in commands, binding
        assert "Stop rest" not in commands  # no rest is running: it would do nothing
        assert "Finish" not in commands  # nor is a workout

        rest = RestPeriod(started=app.clock(), duration_s=120)
        app.store.save(lambda repo: repo.save_rest_period(rest))  # as a set starts one
        app.start_rest(rest)
        await pilot.press("enter")  # start an empty workout: the screen's actions come in
        await pilot.pause()
        commands = await _palette_commands(app, pilot)
        for binding in RestdayApp.BINDINGS:
            if binding.id in REST_ONLY_BINDINGS:  # "+" types here: its key is for elsewhere
                assert {binding.description, f"{binding.description} (other screens)"} & set(
                    commands
                )
        assert commands["Finish"] == "key: alt+shift+f"  # the current screen's
        assert commands["Quit"] == "Save and leave restday · key: ^q"  # "q" types here

        # choosing a command runs it
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await pilot.press(*"help", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, HelpScreen)


# -- reading the log after the first frame -------------------------------------------------


class ProbeScreen(Screen):
    """A screen that waits for the log as screens should: loading... then LogOpened."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def compose(self):
        yield Static("loading", id="state")

    def on_mount(self) -> None:
        self.seen.append(f"mount ready={self.app.store.ready}")
        if self.app.store.ready:
            self.load()

    def on_log_opened(self, message: LogOpened) -> None:
        self.seen.append("LogOpened")
        self.load()

    def load(self) -> None:
        counts = self.app.store.snapshot.counts()
        self.query_one("#state", Static).update(f"{counts.sets} sets")


class ProbeApp(RestdayApp):
    MODES = {"workout": ProbeScreen}


async def test_log_given_by_path_is_read_after_the_first_frame(tmp_path: Path) -> None:
    log_with_sets(tmp_path / "log.json")
    app = ProbeApp(tmp_path / "log.json", clock=_clock(), keymap_file=tmp_path / "keymap.toml")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ProbeScreen)
        assert screen.seen[0] == "mount ready=False"
        for _ in range(50):
            await pilot.pause(0.05)
            if "LogOpened" in screen.seen:
                break
        assert screen.seen == ["mount ready=False", "LogOpened"]
        assert _text(screen.query_one("#state", Static)) == "3 sets"
        assert app.store.ready and len(app.store.snapshot.sets()) == 3


async def test_log_given_as_a_repository_is_ready_at_once(tmp_path: Path) -> None:
    log_with_sets(tmp_path / "log.json")
    clock = _clock()
    app = ProbeApp(
        Repository(tmp_path / "log.json", clock=clock),
        clock=clock,
        keymap_file=tmp_path / "keymap.toml",
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        assert app.screen.seen == ["mount ready=True"]
        assert _text(app.screen.query_one("#state", Static)) == "3 sets"


async def test_unreadable_log_ends_the_app_with_the_error(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    log.write_text('{"sets": {"1": ')
    app = ProbeApp(log, clock=_clock(), keymap_file=tmp_path / "keymap.toml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
    assert app.return_code == 1
    assert isinstance(app.open_error, CorruptLogError)
    assert log.read_text() == '{"sets": {"1": '


async def test_rest_period_is_loaded_with_the_log(tmp_path: Path) -> None:
    """The rest timer comes from the log too, once it is read."""
    log = tmp_path / "log.json"
    with Repository(log, clock=_clock()) as repo:
        repo.save_rest_period(RestPeriod(started=repo.now(), duration_s=180))
    app = ProbeApp(log, clock=_clock(), keymap_file=tmp_path / "keymap.toml")
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if app.rest is not None:
                break
        assert app.rest is not None and app.rest.duration_s == 180
        assert 120 < app.rest.remaining(app.clock()) <= 180
