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


def block_digits(text: str) -> str:
    rows = [" ".join(_FONT[ch][row] for ch in text if ch in _FONT) for row in range(5)]
    return "\n".join(rows)


class BigNumber(Static):
    """A number drawn large; ``value`` is the number as text (for tests and screen readers)."""

    def __init__(self, value: str, **kwargs) -> None:
        super().__init__(block_digits(value), **kwargs)
        self.value = value
