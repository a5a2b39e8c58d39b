"""Cancelling a booked or waiting number needs a reason (kept in the audit log)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from data.office import Office
from kiosk.desk.records import TicketView
from screens.counter.dialog import CounterDialog


class CancelDialog(CounterDialog[str]):
    """Answers the reason."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number

    @classmethod
    def asking(cls, office: Office, ticket: TicketView) -> CancelDialog:
        return cls(ticket.number)

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(classes="dialog"):
            yield Label(t("counter_cancel_title", number=self.number), classes="dialog-title")
            yield Label(t("counter_reason"))
            yield Input(id="cancel-reason", max_length=500, compact=True)
            yield Label("", classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("counter_cancel_ok"), id="cancel-ok", variant="error",
                             compact=True)
                yield Button(t("counter_back"), id="cancel-back", compact=True,
                             action="screen.back")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#cancel-ok")
    def _ok(self) -> None:
        reason = self.query_one(Input).value.strip()
        if not reason:
            self.message(self.app.t("reason_required"))
            return
        self.answer(reason)
