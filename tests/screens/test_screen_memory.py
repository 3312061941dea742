"""A screen left for another lets go of the lines it drew (each mode keeps its screen: its
last frame was kept too), and shows the same when it is back."""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget

from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import make_app, screen_lines


def drawn_lines(screen: Widget) -> int:
    return sum(len(w._styles_cache._cache) for w in (screen, *screen.walk_children(Widget)))


async def test_a_screen_left_keeps_no_drawn_lines_and_shows_the_same_again(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path / "log.json", FakeClock(TUESDAY_EVENING), first_screen="home")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.run_action("switch_mode('settings')")
        await pilot.pause(0.2)  # the footer's keys are drawn after the screen
        settings = app.screen
        shown = screen_lines(app)
        assert drawn_lines(settings) > 0
        await app.run_action("switch_mode('home')")
        await pilot.pause()
        assert drawn_lines(settings) == 0
        await app.run_action("switch_mode('settings')")
        await pilot.pause()
        assert app.screen is settings
        await pilot.pause(0.2)
        assert screen_lines(app) == shown
