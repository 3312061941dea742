"""The footer lets go of the keys it no longer shows (Textual 8.2.8's keeps them bound),
and composes again only when the keys it would show change."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._footer import FooterKey

from tests.support.history_app import history_app, open_history
from tests.support.snapshot_app import SIZE
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
