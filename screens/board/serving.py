"""Now serving: one card per number being called or served, in large digits.

The most recent call comes first; a fresh call or recall is highlighted for a few seconds
(the screen decides which codes are fresh).
"""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Label

from kiosk.desk.records import TicketView
from kiosk.desk.states import CALLED
from screens.common.role_app import RoleApp


class ServingCard(Horizontal):
    """A number and its counter."""

    app = getters.app(RoleApp)

    def compose(self) -> ComposeResult:
        yield Digits("", classes="card-number")
        with Vertical(classes="card-where"):
            yield Label("", classes="card-counter")
            yield Label("", classes="card-state")
        yield Digits("", classes="card-counter-number")

    def show(self, ticket: TicketView | None, *, fresh: bool = False) -> None:
        self.display = ticket is not None
        if ticket is None:
            return
        t = self.app.t
        self.query_one(".card-number", Digits).update(str(ticket.number))
        self.query_one(".card-counter", Label).update(t("board_to_counter"))
        self.query_one(".card-counter-number", Digits).update(str(ticket.counter or "-"))
        state = "board_called" if ticket.state == CALLED else "board_serving"
        self.query_one(".card-state", Label).update(t(state))
        self.set_class(fresh, "-fresh")


class NowServing(Vertical):
    """As many cards as there are counters; any more are listed on one line."""

    app = getters.app(RoleApp)

    def __init__(self, cards: int, **kwargs):
        super().__init__(**kwargs)
        self.cards = max(1, cards)

    def compose(self) -> ComposeResult:
        yield Label(self.app.t("board_now_serving"), classes="board-heading")
        yield Label(self.app.t("board_nobody_called"), id="serving-none")
        for index in range(self.cards):
            yield ServingCard(classes="-latest" if index == 0 else "")
        yield Label("", id="serving-more")

    def show(self, in_service: tuple[TicketView, ...], fresh: set[str]) -> None:
        cards = list(self.query(ServingCard))
        for index, card in enumerate(cards):
            ticket = in_service[index] if index < len(in_service) else None
            card.show(ticket, fresh=ticket is not None and ticket.code in fresh)
        self.query_one("#serving-none", Label).display = not in_service
        more = in_service[len(cards):]
        extra = self.query_one("#serving-more", Label)
        extra.display = bool(more)
        extra.update("  ".join(
            f"{t.number} → {self.app.t('board_counter', counter=t.counter)}" for t in more))
