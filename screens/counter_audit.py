"""The audit log: every move and change, with who, which counter and when (newest first)."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label

from kiosk.errors import DeskError
from kiosk.officers import Officers
from screens.shown_text import shown

LIMIT = 300


class AuditDialog(ModalScreen[None]):
    CSS_PATH = ["counter_dialog.tcss", "counter_audit.tcss"]
    BINDINGS = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(self, store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(classes="dialog", id="audit-box"):
            yield Label(t("counter_audit_title", limit=LIMIT), classes="dialog-title")
            with Horizontal(classes="dialog-row"):
                yield Label(t("counter_audit_day"))
                yield Input(id="audit-day", max_length=10, compact=True,
                            placeholder="YYYY-MM-DD")
            yield DataTable(id="audit-table", cursor_type="row", zebra_stripes=True)
            yield Label("", classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("counter_back"), id="audit-back", compact=True)

    async def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("at", "actor", "counter", "action", "number", "detail", "reason"):
            table.add_column(self.app.t(f"counter_audit_{key}"), key=key)
        await self.reload()
        table.focus()

    @on(Input.Submitted, "#audit-day")
    async def reload(self) -> None:
        text = self.query_one("#audit-day", Input).value.strip()
        message = self.query_one(".dialog-message", Label)
        try:
            day = dt.date.fromisoformat(text) if text else None
        except ValueError:
            message.update(self.app.t("date_invalid"))
            return
        try:
            entries = await self.store.call(Officers(self.app.desk).audit, day, LIMIT)
        except DeskError as error:
            message.update(error.message(self.app.lang))
            return
        message.update("")
        zone = self.app.desk.office.zone
        table = self.query_one(DataTable)
        table.clear()
        for e in entries:
            # Actor, detail and reason are as scripts and officers typed them: plain text only.
            table.add_row(f"{e.at.astimezone(zone):%d-%m %H:%M:%S}", shown(e.actor),
                          str(e.counter or ""), e.action,
                          str(e.ticket_number or ""), shown(e.detail), shown(e.reason))

    @on(Button.Pressed, "#audit-back")
    def _back(self) -> None:
        self.dismiss(None)
