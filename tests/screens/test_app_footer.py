"""The footer lets go of the keys it no longer shows (Textual 8.2.8's keeps them bound),
and composes again only when the keys it would show change."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tests.support.history_app import history_app, open_history
from tests.support.screen_helpers import eventually, make_app, saved
from tests.support.snapshot_app import SIZE
from tests.support.typing import chars, press, press_at_pace, start_choice
from tui.textual_workarounds import WATCHERS
from tui.widgets.app_footer import AppFooter


async def test_no_dead_keys_kept_and_no_needless_recompose(
    tmp_path: Path, twelve_week_demo: Path, monkeypatch
) -> None:
    composed = []
    recompose = AppFooter.recompose

    async def counted(self: AppFooter) -> None:
        before = self._shown
        await recompose(self)
        composed.append(self._shown is not before)

    monkeypatch.setattr(AppFooter, "recompose", counted)
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        for _ in range(12):
            await pilot.press("tab")
            await pilot.pause()
        footer = screen.query_one(AppFooter)
        keys = [k for k in footer.query(FooterKey) if not k.has_class("-command-palette")]
        bound = [node for node, _callback in getattr(footer, WATCHERS)["compact"]]
        assert keys and sorted(map(id, bound)) == sorted(map(id, keys))
        assert composed.count(True) <= 12 + 2  # once a view at most (and the first draws)


def _shown(footer: AppFooter) -> tuple[list[FooterKey], FooterKey]:
    keys = list(footer.query(FooterKey))
    (palette,) = [key for key in keys if key.has_class("-command-palette")]
    return [key for key in keys if key is not palette], palette


def _check_fits(footer: AppFooter, where: str) -> list[str]:
    """The footer's keys each whole, left of the palette key, nothing under it; the help
    key among them when a key was left out. Their labels, in order."""
    keys, palette = _shown(footer)
    assert palette.region.right == SIZE[0], where
    for key in keys:
        assert key.region.right < palette.region.x, f"{where}: {key.description} cut"
        assert key.region.width == cell_len(f"{key.key_display} {key.description}"), where
    assert footer.virtual_size.width <= footer.size.width, f"{where}: scrolls under"
    every = {
        active.binding.action
        for active in footer.screen.active_bindings.values()
        if active.binding.show
    }
    if len(every) > len(keys):
        assert "Help" in [key.description for key in keys], f"{where}: no ? for the rest"
    return [key.description for key in keys]


async def test_every_screen_footer_fits_80_columns_most_used_first(
    tmp_path: Path, twelve_week_demo: Path
) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        seen: dict[str, list[str]] = {}
        steps = [
            ("home", []),
            ("history calendar", ["y"]),
            ("history sessions", ["tab"]),
            ("history progress", ["tab"]),
            ("history trends", ["tab"]),
            ("recovery, typing", ["r"]),
            ("recovery, fields", ["escape"]),
            ("symptoms, typing", ["s"]),
            ("symptoms, fields", ["escape"]),
            ("workout", ["w"]),
            ("home again", ["h"]),
        ]
        for where, keys in steps:
            await press_at_pace(pilot, keys)
            footer = app.screen.query_one(AppFooter)
            await eventually(pilot, lambda f=footer: f._shown == f._keys())  # drawn again
            await pilot.pause()
            seen[where] = _check_fits(footer, where)
        calendar = seen["history calendar"]
        assert calendar[:2] == ["Next view", "Open the day"]  # the most used first
        assert seen["recovery, fields"][:2] == ["Type", "Correct"]
        assert seen["home"][:2] == ["Workout", "Recovery"]  # not Home's own key
        assert "Quit" in seen["home"] and "Settings" in seen["home"]


async def test_footer_shows_more_keys_on_a_wider_terminal(
    tmp_path: Path, twelve_week_demo: Path
) -> None:
    app = history_app(tmp_path, twelve_week_demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        narrow = _check_fits(screen.query_one(AppFooter), "80 columns")
        await pilot.resize_terminal(160, 24)
        footer = screen.query_one(AppFooter)
        await eventually(
            pilot, lambda: footer.size.width == 160 and footer._shown == footer._keys()
        )
        await pilot.pause()
        wide = [key.description for key in _shown(screen.query_one(AppFooter))[0]]
        assert len(wide) > len(narrow) and "Month before" in wide


async def test_typing_a_set_swaps_the_help_key_in_place(
    log: Path, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The help key is `?` on an empty entry line and f1 once it holds text (`?` types
    there): each set typed swaps it twice. The footer shows the other key in the key it
    has (a composition of new keys, each set, cost the next Enter ~10 ms)."""
    app = make_app(log, clock)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, [*start_choice(0), *chars("bench 100x5@8"), "enter"])
        await saved(app, pilot)
        composed = []
        recompose = Footer.recompose

        async def counted(self: Footer) -> None:
            composed.append(self)
            await recompose(self)

        monkeypatch.setattr(Footer, "recompose", counted)

        def help_key() -> FooterKey:
            footer = app.screen.query_one(AppFooter)
            (key,) = [k for k in footer.query(FooterKey) if k.action == "help"]
            return key

        for typed in ("102.5x5@8", "105x5@8"):
            await press_at_pace(pilot, chars(typed))
            assert (help_key().key, help_key().key_display) == ("f1", "f1")
            await press_at_pace(pilot, ["enter"])
            await saved(app, pilot)
            assert (help_key().key, help_key().key_display) == ("question_mark", "?")
        _check_fits(app.screen.query_one(AppFooter), "workout, after two sets")
        assert composed == []
