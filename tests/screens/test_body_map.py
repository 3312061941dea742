"""The body map widget on its own: its layout, what it draws, and its cursor."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input

from storage.model.records import MUSCLES
from tui.format.muscles import MUSCLE_LABELS
from tui.widgets.body_map import BODY_MAP, BodyMap

SORENESS = {
    "front_delts": 3,
    "side_delts": 0,
    "upper_back": 2,
    "rear_delts": 0,
    "chest": 2,
    "biceps": 0,
    "lats": 4,
    "triceps": 0,
    "abs": 0,
    "forearms": 0,
    "lower_back": 1,
    "glutes": 3,
    "quads": 4,
    "adductors": 0,
    "hamstrings": 5,
    "calves": 1,
}
DRAWN = r"""
FRONT                                   BACK     • trained in the last 3 days
 front delts   3  o   side delts    0 │  upper back    2  o   rear delts    0
 chest         2 /|\  biceps        0 │  lats          4 /|\  triceps       0
 abs           0  |   forearms      0 │  lower back    1  |  •glutes        3
•quads         4 / \  adductors     0 │  hamstrings    5 / \  calves        1
"""


class MapApp(App):
    def __init__(self, **options) -> None:
        super().__init__()
        self.options = options
        self.moves: list[str] = []

    def compose(self) -> ComposeResult:
        yield Input(id="other")
        yield BodyMap(**self.options)

    def on_body_map_moved(self, event: BodyMap.Moved) -> None:
        assert event.control is self.query_one(BodyMap)
        self.moves.append(event.muscle)


def test_the_layout_has_every_muscle_once_front_then_back() -> None:
    placed = [muscle for row in BODY_MAP for muscle in row]
    assert sorted(placed) == sorted(MUSCLES)
    assert set(MUSCLE_LABELS) == set(MUSCLES)
    assert MUSCLE_LABELS["upper_back"] == "upper back"


async def test_it_draws_the_cells_and_marks_in_77_columns() -> None:
    app = MapApp(legend="• trained in the last 3 days")
    async with app.run_test(size=(80, 10)):
        body_map = app.query_one(BodyMap)
        body_map.set_cells({muscle: (str(value), "") for muscle, value in SORENESS.items()})
        body_map.mark({"quads", "glutes"})
        assert body_map.render().plain == DRAWN.strip("\n")
        assert body_map.size.width == body_map.line_width == 77
        assert body_map.size.height == 5


async def test_a_cell_gets_its_style_and_a_long_text_is_cut() -> None:
    app = MapApp(value_width=4)
    async with app.run_test(size=(90, 10)):
        body_map = app.query_one(BodyMap)
        body_map.set_cells({"chest": ("100", "bold red"), "lats": ("skipped", "dim")})
        rendered = body_map.render()
        assert body_map.line_width == 81
        lines = rendered.plain.splitlines()
        assert " chest        100 /|\\  biceps" in lines[2]
        assert " lats        skip /|\\" in lines[2]
        assert "biceps           │" in lines[2]  # left out: blank
        start = rendered.plain.index("100")
        assert any(
            span.start <= start < span.end and str(span.style) == "bold red"
            for span in rendered.spans
        )


async def test_arrows_move_the_cursor_within_the_map() -> None:
    app = MapApp()
    async with app.run_test(size=(80, 10)) as pilot:
        body_map = app.query_one(BodyMap)
        body_map.focus()
        await pilot.pause()
        assert body_map.cursor == "front_delts"
        await pilot.press("left", "up")  # the top left corner: nowhere to go
        await pilot.press("right", "right", "down", "down", "down", "down", "right", "left")
        await pilot.pause()
        assert app.moves == [
            "side_delts",
            "upper_back",
            "lats",
            "lower_back",
            "hamstrings",
            "calves",
            "hamstrings",
        ]
        body_map.move_to("abs")
        await pilot.pause()
        assert app.moves[-1] == "abs"
        with pytest.raises(ValueError, match="not a muscle on the map: 'shins'"):
            body_map.move_to("shins")


async def test_the_cursor_shows_only_with_focus() -> None:
    app = MapApp()
    async with app.run_test(size=(80, 10)) as pilot:
        body_map = app.query_one(BodyMap)
        body_map.set_cells({"chest": ("2", "")})
        body_map.move_to("chest")

        def reversed_text() -> list[str]:
            rendered = body_map.render()
            return [
                rendered.plain[span.start : span.end]
                for span in rendered.spans
                if getattr(span.style, "reverse", False)
            ]

        assert reversed_text() == []
        body_map.focus()
        await pilot.pause()
        assert reversed_text() == [" chest         2"]
        app.query_one("#other").focus()
        await pilot.pause()
        assert reversed_text() == []
