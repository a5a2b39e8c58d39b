"""The moves as buttons, each with its key in the catalogue's words, in two rows of five
(the last one: who came, for the number in hand) so that every button keeps its words at
80 columns; a move not possible now is greyed."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

from screens.common.role_app import RoleApp
from screens.counter.moves import MOVES, Move


class MoveButtons(Vertical):
    app = getters.app(RoleApp)

    def compose(self) -> ComposeResult:
        t = self.app.t
        for row, moves in enumerate((MOVES[:5], MOVES[5:])):
            with Horizontal(classes="day-buttons", id=f"day-moves-{row}"):
                for move in moves:
                    yield Button(t(f"counter_button_{move.name}", k=move.key),
                                 id=f"move-{move.name}", compact=True,
                                 action=f"screen.move('{move.name}')")
                if row == 1:
                    yield Button(t("counter_button_visitor", k="w"), id="hand-visitor",
                                 compact=True, action="screen.visitor")

    def show(self, possible: Callable[[Move], bool], moves: Iterable[Move] = MOVES,
             in_hand: bool = False) -> None:
        for move in moves:
            self.query_one(f"#move-{move.name}", Button).disabled = not possible(move)
        self.query_one("#hand-visitor", Button).disabled = not in_hand
