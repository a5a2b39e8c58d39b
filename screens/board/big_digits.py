"""Digits in block glyphs as tall as the room allows, for a board read from across the lobby.

Each digit is a 5×7 bitmap with two-cell strokes (thick enough that 9 and 4, 8 and 0 stay
apart on a TV); a scale of s draws every bitmap cell s rows high and 2s columns wide, so
a digit is 7s rows tall. The widget picks the largest scale that fits its own size.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

GLYPHS = {
    "0": ("01110", "11011", "11011", "11011", "11011", "11011", "01110"),
    "1": ("00110", "01110", "00110", "00110", "00110", "00110", "01111"),
    "2": ("01110", "11011", "00011", "00110", "01100", "11000", "11111"),
    "3": ("11110", "00011", "00011", "01110", "00011", "00011", "11110"),
    "4": ("00011", "00111", "01011", "11011", "11111", "00011", "00011"),
    "5": ("11111", "11000", "11110", "00011", "00011", "11011", "01110"),
    "6": ("01110", "11000", "11000", "11110", "11011", "11011", "01110"),
    "7": ("11111", "00011", "00110", "00110", "01100", "01100", "01100"),
    "8": ("01110", "11011", "11011", "01110", "11011", "11011", "01110"),
    "9": ("01110", "11011", "11011", "01111", "00011", "00011", "01110"),
    "-": ("00000", "00000", "00000", "11111", "00000", "00000", "00000"),
    # The letters of "TUTUP" / "CLOSED", for a closed day.
    "T": ("11111", "00100", "00100", "00100", "00100", "00100", "00100"),
    "U": ("11011", "11011", "11011", "11011", "11011", "11011", "01110"),
    "P": ("11110", "11011", "11011", "11110", "11000", "11000", "11000"),
    "C": ("01111", "11000", "11000", "11000", "11000", "11000", "01111"),
    "L": ("11000", "11000", "11000", "11000", "11000", "11000", "11111"),
    "O": ("01110", "11011", "11011", "11011", "11011", "11011", "01110"),
    "S": ("01111", "11000", "11000", "01110", "00011", "00011", "11110"),
    "E": ("11111", "11000", "11000", "11110", "11000", "11000", "11111"),
    "D": ("11110", "11011", "11011", "11011", "11011", "11011", "11110"),
    " ": ("00000",) * 7,
}
ROWS, COLS = 7, 5


def glyph_lines(text: str, scale: int, narrow: bool = False) -> list[str]:
    """``text`` (digits, or the letters above) drawn at ``scale``: 7×scale lines of █
    (``narrow``: one column a bitmap cell, for a small screen)."""
    if scale < 1:
        return [text]
    lines = []
    on, off, gap = ("█", " ", " ") if narrow else ("██", "  ", "  ")
    for row in range(ROWS):
        line = gap.join("".join((on if bit == "1" else off) * scale
                                 for bit in GLYPHS.get(ch, GLYPHS["-"])[row]) for ch in text)
        lines.extend([line] * scale)
    return lines


def fitting_scale(text: str, width: int, height: int, limit: int = 12) -> int:
    """The largest scale at which ``text`` fits in width×height cells (0: plain text)."""
    for scale in range(limit, 0, -1):
        wide = len(text) * COLS * 2 * scale + 2 * (len(text) - 1)
        if ROWS * scale <= height and wide <= width:
            return scale
    return 0


class BigDigits(Widget):
    """A number in block glyphs scaled to this widget's size; ``value`` is the text."""

    DEFAULT_CSS = "BigDigits { height: 1fr; width: 1fr; }"

    def __init__(self, value: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.value = value
        self.scale = 0

    def update(self, value: str) -> None:
        self.value = value
        self.refresh(layout=True)

    def render(self) -> Text:
        width, height = self.content_size.width, self.content_size.height
        self.scale = fitting_scale(self.value, width, height)
        narrow = self.scale == 0 and ROWS <= height and len(self.value) * (COLS + 1) <= width + 1
        lines = glyph_lines(self.value, 1 if narrow else self.scale, narrow)
        return Text("\n".join(lines), no_wrap=True, end="")
