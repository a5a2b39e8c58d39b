"""The ticket number in block digits five rows tall: read from a few steps away."""

from __future__ import annotations

from textual.widgets import Static

_FONT = {
    "0": ("▄███▄", "█   █", "█   █", "█   █", "▀███▀"),
    "1": (" ▄█  ", "▀ █  ", "  █  ", "  █  ", "█████"),
    "2": ("████▄", "    █", "▄███▀", "█    ", "█████"),
    "3": ("████▄", "    █", " ███ ", "    █", "████▀"),
    "4": ("█   █", "█   █", "█████", "    █", "    █"),
    "5": ("█████", "█    ", "████▄", "    █", "████▀"),
    "6": ("▄████", "█    ", "████▄", "█   █", "▀███▀"),
    "7": ("█████", "    █", "   █ ", "  █  ", "  █  "),
    "8": ("▄███▄", "█   █", "▄███▄", "█   █", "▀███▀"),
    "9": ("▄███▄", "█   █", "▀████", "    █", "████▀"),
}


# Twice as large, exactly: each half block becomes a full one on the upper or lower line.
_UPPER = {"▀": "█", "▄": " ", "█": "█", " ": " "}
_LOWER = {"▀": " ", "▄": "█", "█": "█", " ": " "}


def block_digits(text: str, scale: int = 1) -> str:
    rows = [" ".join(_FONT[ch][row] for ch in text if ch in _FONT) for row in range(5)]
    if scale == 2:
        rows = ["".join(half[ch] * 2 for ch in row) for row in rows for half in (_UPPER, _LOWER)]
    return "\n".join(rows)


class BigNumber(Static):
    """A number drawn large; ``value`` is the number as text (for tests and screen readers)."""

    def __init__(self, value: str, **kwargs) -> None:
        super().__init__(block_digits(value), **kwargs)
        self.value = value
        self.scale = 1

    def scale_to(self, scale: int) -> None:
        """Twice as large on a tall screen (a TV or a full-HD touch screen)."""
        if scale != self.scale:
            self.scale = scale
            self.update(block_digits(self.value, scale))
