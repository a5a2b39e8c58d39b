"""Transfer: the taxpayer came for the other service; the number stays the same."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Label

from data.office import Office, Service
from kiosk.desk.records import TicketView
from screens.counter.dialog import CounterDialog


class TransferDialog(CounterDialog[str]):
    """Answers the code of the service chosen."""

    def __init__(self, number: int, services: Sequence[Service]) -> None:
        super().__init__()
        self.number, self.services = number, services

    @classmethod
    def asking(cls, office: Office, ticket: TicketView) -> TransferDialog:
        return cls(ticket.number, [s for s in office.services if s.code != ticket.service])

    def compose(self) -> ComposeResult:
        t, en = self.app.t, self.app.lang == "en"
        with Vertical(classes="dialog"):
            yield Label(t("counter_transfer_title", number=self.number), classes="dialog-title")
            yield Label("", classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                for service in self.services:
                    yield Button(Content.from_text(service.name_en if en else service.name),
                                 id=f"transfer-{service.code}", variant="primary", compact=True)
                yield Button(t("counter_back"), id="transfer-back", compact=True,
                             action="screen.back")

    @on(Button.Pressed, "Button.-primary")
    def _chosen(self, event: Button.Pressed) -> None:
        self.answer((event.button.id or "").removeprefix("transfer-"))
