"""What every dialog of the counter shares: a box over the dimmed day, Escape to go back,
a typed answer through dismiss, and its store calls through the one mechanism of all roles
(screens.counter.work): "please wait", a refusal or a bug said on its message line."""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar, TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Label

from screens.common.shown_text import shown
from screens.counter.work import CounterWork

T = TypeVar("T")


class CounterDialog(CounterWork, ModalScreen[T | None]):
    """Answers a ``T``, or None when the officer went back without one."""

    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = "dialog.tcss"
    BINDINGS = [Binding("escape", "back", show=False)]

    def answer_on_back(self) -> T | None:
        """What going back answers: nothing, unless the dialog already saved something."""
        return None

    def action_back(self) -> None:
        self.dismiss(self.answer_on_back())

    def message(self, text: str) -> None:
        """``text`` as text: values typed or stored in it never style it (nor crash it)."""
        self.query_one(".dialog-message", Label).update(shown(text))
