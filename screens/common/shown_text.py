"""Stored text made safe to draw: what a person or another program wrote never reaches the
terminal as a control or escape sequence, nor as Textual markup."""

from __future__ import annotations

import unicodedata

from textual.markup import escape

_HIDDEN = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")  # ESC, BEL, CSI, bidi overrides…


def shown(value: str | None) -> str:
    """``value`` for Static.update(): controls become U+FFFD, brackets stay brackets."""
    text = "".join("\ufffd" if unicodedata.category(ch) in _HIDDEN else ch
                   for ch in (value or ""))
    return escape(text)


def visible(value: str) -> str:
    """``value`` without its hidden characters: what may go into a field at all."""
    return "".join(ch for ch in value if unicodedata.category(ch) not in _HIDDEN)
