"""The moves as buttons, each with its key in the catalogue's words, so that touch and
mouse reach every move the keys do: two rows of moves (the second ends with the
supervisor's take-over, shown to supervisors only), and a row for the number in hand and
what was written before (who came, the visitor's earlier visits, the follow-up list). Each
button keeps its words at 80 columns; a move not possible now is greyed, and tapped anyway
it says why not (as its key does). A button tapped gives the keys back to the day's list,
so that the arrows move it again."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Self

from textual import events, getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button

from screens.common.role_app import RoleApp
from screens.counter.moves import MOVES, Move

# The third row: each button's text, key and the day screen's action.
RECORDS = (("hand-visitor", "counter_button_visitor", "w", "visitor"),
           ("hand-earlier", "counter_button_earlier", "h", "earlier_visits"),
           ("day-follow-ups", "counter_button_follow_ups", "u", "follow_ups"))
FOR_THE_HAND = ("hand-visitor", "hand-earlier")  # greyed while no number is in hand


class DayButton(Button):
    """A button of the day's screen. Pressed (a tap, a click, or Enter after Tab), it gives
    the focus back to the day's list: a click leaves it on the button otherwise, and the
    arrows would no longer move the list. Its move runs as before (its action).

    Greyed out (disabled) and tapped anyway, it posts ``Greyed`` for the screen to say why
    not. Textual drops every mouse event of a disabled widget, and does not hand it to the
    container either, so the button lets its click in itself: it stays disabled (greyed,
    out of the Tab order, never pressed), and only the click that would have been lost
    reaches it."""

    class Greyed(Message):
        """A greyed-out button was tapped: the screen says why it can't be done now."""

        def __init__(self, button: DayButton) -> None:
            super().__init__()
            self.button = button

    def check_message_enabled(self, message: Message) -> bool:
        if isinstance(message, events.Click) and self.disabled:
            return True
        return super().check_message_enabled(message)

    def on_click(self, event: events.Click) -> None:
        if self.disabled:
            event.stop()
            self.post_message(self.Greyed(self))

    def press(self) -> Self:
        pressed = super().press()
        self.call_after_refresh(self._back_to_the_list)
        return pressed

    def _back_to_the_list(self) -> None:
        for table in self.screen.query("#day-table"):
            table.focus(scroll_visible=False)


class MoveButtons(Vertical):
    app = getters.app(RoleApp)

    def compose(self) -> ComposeResult:
        t = self.app.t
        for row, moves in enumerate((MOVES[:5], MOVES[5:])):
            with Horizontal(classes="day-buttons", id=f"day-moves-{row}"):
                for move in moves:
                    yield DayButton(t(f"counter_button_{move.name}", k=move.key),
                                    id=f"move-{move.name}", compact=True,
                                    action=f"screen.move('{move.name}')")
        with Horizontal(classes="day-buttons", id="day-moves-2"):
            for button_id, text, key, action in RECORDS:
                yield DayButton(t(text, k=key), id=button_id, compact=True,
                                action=f"screen.{action}")

    def offer(self, supervisor: bool) -> None:
        """The supervisor's moves shown to supervisors only (their keys say why not)."""
        for move in MOVES:
            if move.supervisor:
                self.query_one(f"#move-{move.name}", Button).display = supervisor

    def show(self, possible: Callable[[Move], bool], moves: Iterable[Move] = MOVES,
             in_hand: bool = False) -> None:
        for move in moves:
            self.query_one(f"#move-{move.name}", Button).disabled = not possible(move)
        for button_id in FOR_THE_HAND:
            self.query_one(f"#{button_id}", Button).disabled = not in_hand
