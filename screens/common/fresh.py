"""A button that takes only a fresh touch: for a short while after it appears it ignores
presses, so the second tap of a double tap (or a held Enter) on the button before it does
not land on it unread — "Yes, I bring a device" must be read, not skipped."""

from __future__ import annotations

import time

from textual.widgets import Button

FRESH_SECONDS = 0.8  # longer than a double tap, shorter than anyone reads a sentence


class FreshButton(Button):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.ready_at = time.monotonic() + FRESH_SECONDS  # made as its screen appears

    def on_mount(self) -> None:
        self.arm()

    def arm(self) -> None:
        """It has just appeared: presses count again only after FRESH_SECONDS."""
        self.ready_at = time.monotonic() + FRESH_SECONDS

    @property
    def guarded(self) -> bool:
        return time.monotonic() < self.ready_at

    def press(self) -> FreshButton:
        if self.guarded:
            return self
        super().press()
        return self
