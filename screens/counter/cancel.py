"""Cancelling a booked or waiting number needs a reason (kept in the audit log)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label


class CancelDialog(ModalScreen[str | None]):
    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number

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
                yield Button(t("counter_back"), id="cancel-back", compact=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Button.Pressed, "#cancel-back")
    def _back(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#cancel-ok")
    def _ok(self) -> None:
        reason = self.query_one(Input).value.strip()
        if not reason:
            self.query_one(".dialog-message", Label).update(self.app.t("reason_required"))
            return
        self.dismiss(reason)
