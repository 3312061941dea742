"""Large digits for the rest timer: a 3x5 pixel font drawn in blocks, as big as fits."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Region
from textual.reactive import reactive
from textual.widget import Widget

# Each glyph is 5 rows of pixels; "#" is lit. Digits are 3 pixels wide, ":" is 1.
FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
    " ": ("...", "...", "...", "...", "..."),
}
FONT_ROWS = 5
# (columns, rows) per pixel, largest first. A terminal cell is about twice as tall as it
# is wide, so a pixel two columns wide and one row tall is square; three by two, a little
# tall, is what fits a phone in portrait (45 columns: "2:45" is 39 wide).
SCALES: tuple[tuple[int, int], ...] = ((6, 3), (4, 2), (3, 2), (2, 1))


def pixel_rows(text: str) -> list[str]:
    """The text as rows of pixels ("#" lit, "." dark), one dark pixel between glyphs."""
    glyphs = [FONT.get(char, FONT[" "]) for char in text]
    return [".".join(glyph[row] for glyph in glyphs) for row in range(FONT_ROWS)]


def render_big(text: str, width: int, height: int) -> list[str]:
    """The text in block characters at the largest scale that fits `width` x `height`;
    at the smallest scale if none fits. An empty text is no lines."""
    if not text:
        return []
    rows = pixel_rows(text)
    pixels_wide = len(rows[0])
    sx, sy = SCALES[-1]
    for cols, lines in SCALES:
        if pixels_wide * cols <= width and FONT_ROWS * lines <= height:
            sx, sy = cols, lines
            break
    out: list[str] = []
    for row in rows:
        line = "".join(("█" if pixel == "#" else " ") * sx for pixel in row).rstrip()
        out.extend([line] * sy)
    return out


class BigDigits(Widget):
    """A short text of digits, ':' '+' '-' in large blocks, centred in the widget.

    A new value repaints only the lines that change, up to the last changed cell (Textual
    sends a line from the widget's left edge), so a running timer writes about 1 KB/s to
    the terminal rather than the whole block each second: it is used over SSH."""

    DEFAULT_CSS = """
    BigDigits {
        width: 1fr;
        height: 1fr;
        min-height: 5;
    }
    """

    value: reactive[str] = reactive("", repaint=False)

    def __init__(self, value: str = "", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.set_reactive(BigDigits.value, value)

    def _lines(self, value: str) -> list[str]:
        """The widget's content for `value`: block lines, centred."""
        width, height = self.content_size
        lines = render_big(value, width, height)
        if not lines:
            return []
        block_width = max(len(line) for line in lines)
        left = " " * max(0, (width - block_width) // 2)
        top = max(0, (height - len(lines)) // 2)
        return [""] * top + [left + line for line in lines]

    def watch_value(self, old: str, new: str) -> None:
        if not self.is_mounted or not self.content_size:
            self.refresh()
            return
        regions = changed_regions(self._lines(old), self._lines(new))
        if regions:
            self.refresh(*regions)

    def render(self) -> Text:
        return Text("\n".join(self._lines(self.value)), no_wrap=True, overflow="crop")


def changed_regions(before: list[str], after: list[str]) -> list[Region]:
    """One region per line, spanning the cells that differ between two renders."""
    regions: list[Region] = []
    for y in range(max(len(before), len(after))):
        a = before[y] if y < len(before) else ""
        b = after[y] if y < len(after) else ""
        width = max(len(a), len(b))
        a, b = a.ljust(width), b.ljust(width)
        changed = [x for x in range(width) if a[x] != b[x]]
        if changed:
            regions.append(Region(changed[0], y, changed[-1] - changed[0] + 1, 1))
    return regions
