"""What every dialog of the counter shares: a box over the dimmed day, Escape to go back,
a typed answer through dismiss, and its store calls through the one mechanism of all roles
(screens.counter.work): "please wait", a refusal or a bug said on its message line."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
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
    # Set by the screen that asked: the store work the answer is for, run from here, so a
    # refusal is said in the dialog and what the officer typed stays.
    run_answer: Callable[[T], Awaitable[object]] | None = None

    def answer(self, value: T) -> None:
        """Answer ``value``: at once, or once ``run_answer`` has done its work."""
        if self.run_answer is None:
            self.dismiss(value)
            return
        self.run_busy(self._run_answer(self.run_answer, value))

    async def _run_answer(self, work: Callable[[T], Awaitable[object]], value: T) -> None:
        async with self.working(".dialog-message"):
            await work(value)
        self.dismiss(value)

    def answer_on_back(self) -> T | None:
        """What going back answers: nothing, unless the dialog already saved something."""
        return None

    def action_back(self) -> None:
        self.dismiss(self.answer_on_back())

    def message(self, text: str) -> None:
        """``text`` as text: values typed or stored in it never style it (nor crash it)."""
        self.query_one(".dialog-message", Label).update(shown(text))
