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

    def say_trouble(self, text: str) -> None:
        # Whole sentences of the catalogue with stored or typed values in them: as text.
        self.query_one(self.MESSAGE_LINE, Static).update(shown(text))

    def work_refused(self, error: DeskError) -> None:
        self.say_trouble(error.message(self.app.lang))

    def work_failed(self, error: Exception) -> None:
        self.say_trouble(self.app.t(self.FAILED_TEXT))
