"""The lobby's text field: whatever is typed, pasted or scanned, a control or escape
sequence (ESC, BEL, a bidi override…) never gets into it, so it never reaches the screen."""

from __future__ import annotations

from textual.widgets import Input

from screens.common.shown_text import visible


class LobbyInput(Input):
    def replace(self, text: str, start: int, end: int) -> None:
        # Every way into an Input (a key, a paste, a scanner) passes here.
        super().replace(visible(text), start, end)
