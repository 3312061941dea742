r"""A text body map: the 16 muscle groups, front and back, each a cell with a value.

The map knows the layout and draws what it is given: a screen sets each muscle's text and
style (soreness 0-10, a score 0-100, a mark), marks some muscles with a "•", and reads
where the cursor is. It knows nothing about what the values mean. 77 columns wide with the
default 3-column values:

    FRONT                                   BACK     • trained in the last 3 days
     front delts   3  o   side delts    0 │  upper back    2  o   rear delts    0
     chest         2 /|\  biceps        0 │  lats          4 /|\  triceps       0
     abs           0  |   forearms      0 │  lower back    1  |  •glutes        3
    •quads         4 / \  adductors     0 │  hamstrings    5 / \  calves        1
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.style import Style, StyleType
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tui.format.muscles import MUSCLE_LABELS

# Head to feet; in each row the front's two columns, then the back's.
BODY_MAP: tuple[tuple[str, str, str, str], ...] = (
    ("front_delts", "side_delts", "upper_back", "rear_delts"),
    ("chest", "biceps", "lats", "triceps"),
    ("abs", "forearms", "lower_back", "glutes"),
    ("quads", "adductors", "hamstrings", "calves"),
)
FIGURE = (" o ", "/|\\", " | ", "/ \\")  # drawn between each side's two columns
SIDES = ("FRONT", "BACK")
MARK = "•"
LABEL_WIDTH = max(len(label) for label in MUSCLE_LABELS.values())
SEPARATOR = " │ "

_POSITION = {muscle: (y, x) for y, row in enumerate(BODY_MAP) for x, muscle in enumerate(row)}


class BodyMap(Widget, can_focus=True):
    """The body map; arrows move the cursor (a muscle), shown only while it has focus."""

    DEFAULT_CSS = """
    BodyMap {
        width: auto;
        height: auto;
    }
    BodyMap > .bodymap--heading {
        text-style: bold;
        color: $text-muted;
    }
    BodyMap > .bodymap--figure {
        color: $text-muted;
    }
    BodyMap > .bodymap--marked {
        color: $accent;
        text-style: bold;
    }
    BodyMap > .bodymap--cursor {
        text-style: reverse;
    }
    """
    COMPONENT_CLASSES = {
        "bodymap--heading",
        "bodymap--figure",
        "bodymap--marked",
        "bodymap--cursor",
    }
    BINDINGS = [
        Binding("up", "move(-1, 0)", "Up", show=False, id="bodymap.up"),
        Binding("down", "move(1, 0)", "Down", show=False, id="bodymap.down"),
        Binding("left", "move(0, -1)", "Left", show=False, id="bodymap.left"),
        Binding("right", "move(0, 1)", "Right", show=False, id="bodymap.right"),
    ]

    cursor: reactive[str] = reactive(BODY_MAP[0][0])
    marked: reactive[frozenset[str]] = reactive(frozenset())
    legend: reactive[str] = reactive("")

    class Moved(Message):
        """The cursor moved to `muscle`."""

        def __init__(self, body_map: BodyMap, muscle: str) -> None:
            super().__init__()
            self.body_map = body_map
            self.muscle = muscle

        @property
        def control(self) -> BodyMap:
            return self.body_map

    def __init__(
        self,
        *,
        value_width: int = 3,
        legend: str = "",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """`value_width` is how many columns each muscle's text gets; `legend` is drawn on
        the heading line, right of BACK."""
        super().__init__(name=name, id=id, classes=classes)
        self.value_width = value_width
        self.cells: dict[str, tuple[str, StyleType]] = {}
        self.set_reactive(BodyMap.legend, legend)

    # -- what is drawn ---------------------------------------------------------------------

    def set_cells(self, cells: Mapping[str, tuple[str, StyleType]]) -> None:
        """Each muscle's text and style; a muscle left out is drawn blank."""
        self.cells = dict(cells)
        self.refresh()

    def mark(self, muscles: Iterable[str]) -> None:
        self.marked = frozenset(muscles)

    @property
    def cell_width(self) -> int:
        return len(MARK) + LABEL_WIDTH + 1 + self.value_width

    @property
    def side_width(self) -> int:
        return 2 * self.cell_width + len(FIGURE[0]) + 2

    @property
    def line_width(self) -> int:
        return 2 * self.side_width + len(SEPARATOR)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self.line_width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1 + len(BODY_MAP)

    def render(self) -> Text:
        heading = self.get_component_rich_style("bodymap--heading")
        figure = self.get_component_rich_style("bodymap--figure")
        lines = [self._heading_line(heading)]
        for y, row in enumerate(BODY_MAP):
            line = Text(no_wrap=True, overflow="crop")
            for side in (0, 1):
                if side:
                    line.append(SEPARATOR, figure)
                line.append_text(self._cell(row[2 * side]))
                line.append(f" {FIGURE[y]} ", figure)
                line.append_text(self._cell(row[2 * side + 1]))
            lines.append(line)
        return Text("\n", no_wrap=True).join(lines)

    def _heading_line(self, heading: Style) -> Text:
        line = Text(no_wrap=True, overflow="crop")
        line.append(f"{SIDES[0]:<{self.side_width + len(SEPARATOR)}}", heading)
        line.append(SIDES[1], heading)
        if self.legend:
            room = self.side_width - len(SIDES[1])
            legend = self.legend[:room].rjust(room)
            marked = self.get_component_rich_style("bodymap--marked")
            dim = self.get_component_rich_style("bodymap--figure")
            for char in legend:
                line.append(char, marked if char == MARK else dim)
        return line

    def _cell(self, muscle: str) -> Text:
        text, style = self.cells.get(muscle, ("", ""))
        is_marked = muscle in self.marked
        cell = Text(no_wrap=True, overflow="crop")
        label_style = self.get_component_rich_style("bodymap--marked") if is_marked else ""
        cell.append(MARK if is_marked else " ", label_style)
        cell.append(f"{MUSCLE_LABELS[muscle]:<{LABEL_WIDTH}} ", label_style)
        cell.append(text[: self.value_width].rjust(self.value_width), style)
        if self.has_focus and muscle == self.cursor:
            cell.stylize(self.get_component_rich_style("bodymap--cursor"))
        return cell

    # -- the cursor ------------------------------------------------------------------------

    def action_move(self, rows: int, columns: int) -> None:
        y, x = _POSITION[self.cursor]
        y = min(max(y + rows, 0), len(BODY_MAP) - 1)
        x = min(max(x + columns, 0), len(BODY_MAP[0]) - 1)
        self.move_to(BODY_MAP[y][x])

    def move_to(self, muscle: str) -> None:
        if muscle not in _POSITION:
            raise ValueError(f"not a muscle on the map: {muscle!r}")
        if muscle != self.cursor:
            self.cursor = muscle
            self.post_message(self.Moved(self, muscle))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
