"""Store calls of the counter's screens and dialogs: the mechanism every role shares
(screens.common.store_work), in the counter's words, said on the screen's message line."""

from __future__ import annotations

from typing import ClassVar

from textual.widgets import Static

from kiosk.desk.errors import DeskError
from screens.common.shown_text import shown
from screens.common.store_work import StoreWork


class CounterWork(StoreWork):
    """Mixed into a counter screen, before its Screen class."""

    WORKING_TEXT = "counter_working"
    FAILED_TEXT = "counter_work_failed"
    MESSAGE_LINE: ClassVar[str] = ".dialog-message"  # where a refusal or a failure is said

    def on_key(self) -> None:
        self.touched_here()

    def on_mouse_down(self) -> None:
        self.touched_here()

    # An Input takes the keys typed into it (the screen never sees them): what it says
    # it changed counts as the officer's work too, as a button pressed does.
    def on_input_changed(self) -> None:
        self.touched_here()

    def on_button_pressed(self) -> None:
        self.touched_here()

    def touched_here(self) -> None:
        """The officer is at this terminal: the day's idle lock starts again, whichever
        screen or dialog of the counter is on top."""
        for screen in self.app.screen_stack:
            seen = getattr(screen, "seen", None)
            if callable(seen):
                seen()

    def say_trouble(self, text: str) -> None:
        # Whole sentences of the catalogue with stored or typed values in them: as text.
        self.query_one(self.MESSAGE_LINE, Static).update(shown(text))

    def work_refused(self, error: DeskError) -> None:
        self.say_trouble(error.message(self.app.lang))

    def work_failed(self, error: Exception) -> None:
        self.say_trouble(self.app.t(self.FAILED_TEXT))
