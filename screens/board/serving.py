"""Now serving: one card per number being called or served, in digits scaled to the screen.

The latest call (a recall included) comes first and is the largest; a fresh call or recall
is highlighted for a few seconds (the screen decides which codes are fresh). Below, the
last calls of the day with their counters; "no call yet" only when there was none today.
"""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label

from kiosk.desk.records import TicketView
from kiosk.desk.states import CALLED
from kiosk.devices.calls import RecentCall
from screens.board.big_digits import BigDigits
from screens.common.role_app import RoleApp


class ServingCard(Horizontal):
    """A number and its counter."""

    app = getters.app(RoleApp)

    def compose(self) -> ComposeResult:
        yield BigDigits("", classes="card-number")
        with Vertical(classes="card-where"):
            yield Label("", classes="card-counter")
            yield Label("", classes="card-state")
            yield BigDigits("", classes="card-counter-number")

    def show(self, ticket: TicketView | None, *, fresh: bool = False) -> None:
        self.display = ticket is not None
        if ticket is None:
            return
        t = self.app.t
        self.query_one(".card-number", BigDigits).update(str(ticket.number))
        self.query_one(".card-counter", Label).update(t("board_to_counter"))
        self.query_one(".card-counter-number", BigDigits).update(str(ticket.counter or "-"))
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
        yield Label("", id="serving-last")

    def show(self, in_service: tuple[TicketView, ...], fresh: set[str], *,
             recent: tuple[RecentCall, ...] = (), no_call_yet: bool = False) -> None:
        cards = list(self.query(ServingCard))
        for index, card in enumerate(cards):
            ticket = in_service[index] if index < len(in_service) else None
            card.show(ticket, fresh=ticket is not None and ticket.code in fresh)
        self.query_one("#serving-none", Label).display = no_call_yet
        t = self.app.t
        more = in_service[len(cards):]
        extra = self.query_one("#serving-more", Label)
        extra.display = bool(more)
        extra.update("  ".join(
            f"{ticket.number} → {t('board_counter', counter=ticket.counter)}" for ticket in more))
        shown = {ticket.code for ticket in in_service}
        past = [call for call in recent if call.code not in shown]
        last = self.query_one("#serving-last", Label)
        last.display = bool(past)
        line, room = f"{t('board_last_calls')}:", max(20, self.size.width - 2)
        for index, call in enumerate(past):  # as many as fit whole on the line
            item = f"{'  ·' if index else ''} {call.number} → {t('board_counter', counter=call.counter)}"
            if len(line) + len(item) > room:
                break
            line += item
        last.update(line)
