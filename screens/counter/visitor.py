"""Who came, recorded or completed at the counter while the officer checks the ID card:
the status as the lobby asks it, the name, one identity (NPWP, NIK or passport) and the
telephone. The desk checks them as the lobby's form does; a refusal is said here, in the
lobby's words, and what was typed stays."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select

from kiosk.desk.identity import VISITOR_STATUSES
from kiosk.desk.records import TicketDetail
from screens.counter.dialog import CounterDialog

ID_KINDS = ("npwp", "nik", "passport")


@dataclass(frozen=True)
class VisitorAnswer:
    name: str
    status: str
    id_kind: str  # npwp | nik | passport | "" (none)
    id_number: str
    phone: str

    def identity(self) -> dict[str, str]:
        """The identity as the desk takes it: npwp=, nik= or passport=."""
        return {self.id_kind: self.id_number} if self.id_kind and self.id_number else {}


class VisitorDialog(CounterDialog[VisitorAnswer]):
    """Opens with what is stored for the number in hand; answers what the officer saved."""

    def __init__(self, hand: TicketDetail) -> None:
        super().__init__()
        self.hand = hand

    def compose(self) -> ComposeResult:
        t, visitor = self.app.t, self.hand.visitor
        with Vertical(classes="dialog"):
            yield Label(t("counter_visitor_title", number=self.hand.ticket.number),
                        classes="dialog-title")
            yield Label(t("lobby_who_title"))
            yield Select([(t(f"lobby_status_{s}"), s) for s in VISITOR_STATUSES],
                         id="visitor-status", value=visitor.status or "self", allow_blank=False,
                         compact=True)
            yield Label(t("lobby_field_name"))
            yield Input(visitor.name, id="visitor-name", max_length=100, compact=True)
            yield Label(t("lobby_field_id_kind"))
            kinds = [(Text(t(f"lobby_kind_{k}")), k) for k in ID_KINDS]
            yield Select([(Text(t("counter_visitor_none")), ""), *kinds], id="visitor-id-kind",
                         value=visitor.id_kind or "", allow_blank=False, compact=True)
            yield Input(visitor.id_number, id="visitor-id", max_length=40, compact=True)
            yield Label(t("lobby_field_phone"))
            yield Input(visitor.phone, id="visitor-phone", max_length=30, compact=True)
            yield Label("", classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("counter_visitor_ok"), id="visitor-ok", variant="primary",
                             compact=True)
                yield Button(t("counter_back"), id="visitor-back", compact=True,
                             action="screen.back")

    def on_mount(self) -> None:
        self.query_one("#visitor-name", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#visitor-ok")
    def _ok(self) -> None:
        def typed(selector: str) -> str:
            return self.query_one(selector, Input).value.strip()

        status = self.query_one("#visitor-status", Select).value
        kind = self.query_one("#visitor-id-kind", Select).value
        number = typed("#visitor-id")
        if number and not kind:  # a number typed with "no identity": say which kind first
            self.message(self.app.t("lobby_field_id_kind"))
            self.query_one("#visitor-id-kind", Select).focus()
            return
        self.message("")
        self.answer(VisitorAnswer(typed("#visitor-name"), str(status), str(kind or ""),
                                  number, typed("#visitor-phone")))
