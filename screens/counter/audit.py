"""The audit log: every move and change, with who, which counter and when (newest first).

Actions are shown in the catalogue's words; the detail column carries the reason too, and
the line under the table shows the chosen entry whole, however narrow the screen."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Label, Static

from kiosk.desk.records import AuditView
from kiosk.desk.errors import DeskError
from kiosk.texts import TEXTS, Reason
from screens.common.shown_text import shown
from screens.counter.dialog import CounterDialog

LIMIT = 300


class AuditDialog(CounterDialog[None]):
    CSS_PATH = ["dialog.tcss", "audit.tcss"]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[AuditView] = []

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(classes="dialog", id="audit-box"):
            yield Label(t("counter_audit_title", limit=LIMIT), classes="dialog-title")
            yield Label("", id="audit-chain")
            with Horizontal(classes="dialog-row"):
                yield Label(t("counter_audit_day"))
                yield Input(id="audit-day", max_length=10, compact=True,
                            placeholder="YYYY-MM-DD")
            yield DataTable(id="audit-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="audit-entry")
            yield Label("", classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("counter_back"), id="audit-back", compact=True,
                             action="screen.back")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("at", "actor", "counter", "action", "number", "detail"):
            table.add_column(self.app.t(f"counter_audit_{key}"), key=key)
        self.run_latest(self.reload(), group="audit")
        self.run_worker(self.check_chain(), group="audit-chain", exit_on_error=False)
        table.focus()

    async def check_chain(self) -> None:
        """The whole chain checked once as the log opens: the mark says whether any entry
        was edited, removed or slipped in behind the program's back."""
        mark = self.query_one("#audit-chain", Label)
        try:
            check = await self.app.store.call(self.app.officers.verify_audit)
        except DeskError as error:
            mark.update(error.message(self.app.lang))
            return
        t = self.app.t
        if check.ok:
            mark.update("✓ " + t("counter_audit_verified", entries=check.entries))
        else:
            mark.update("✗ " + t("counter_audit_broken", id=check.broken_id,
                                 why=Reason(f"audit_why_{check.why}")))
        mark.set_class(not check.ok, "-broken")

    @on(Input.Submitted, "#audit-day")
    def _day_given(self) -> None:
        self.run_latest(self.reload(), group="audit")

    async def reload(self) -> None:
        text = self.query_one("#audit-day", Input).value.strip()
        try:
            day = dt.date.fromisoformat(text) if text else None
        except ValueError:
            self.message(self.app.t("date_invalid"))
            return
        async with self.working(".dialog-message"):
            entries = await self.app.store.call(self.app.officers.audit, day, LIMIT)
        self.entries = entries
        table = self.query_one(DataTable)
        table.clear()
        for i, e in enumerate(entries):
            table.add_row(self.at(e), shown(e.actor), str(e.counter or ""), self.action(e),
                          str(e.ticket_number or ""), self.detail(e), key=str(i))
        self.show_entry()

    @on(DataTable.RowHighlighted)
    def show_entry(self) -> None:
        """The chosen entry whole, wrapped: the table cuts what is wider than the screen."""
        table, entry = self.query_one(DataTable), self.query_one("#audit-entry", Static)
        if not self.entries or not 0 <= table.cursor_row < len(self.entries):
            entry.update("")
            return
        e, t = self.entries[table.cursor_row], self.app.t
        parts = [self.at(e), shown(e.actor), self.action(e)]
        if e.counter:
            parts.insert(2, t("counter_audit_at_counter", counter=e.counter))
        if e.ticket_number:
            parts.append(t("counter_audit_number_of", number=e.ticket_number))
        if detail := self.detail(e):
            parts.append(detail)
        entry.update(" · ".join(parts))

    # ----- one entry in words ------------------------------------------------------------

    def at(self, e: AuditView) -> str:
        return f"{e.at.astimezone(self.app.desk.office.zone):%d-%m %H:%M:%S}"

    def action(self, e: AuditView) -> str:
        key = f"audit_action_{e.action}"
        return self.app.t(key) if key in TEXTS else shown(e.action)  # a code of a newer version

    def detail(self, e: AuditView) -> str:
        """The service date when it is not the entry's own day, the detail, the reason.
        Detail and reason are as scripts and officers typed them: plain text only."""
        t, parts = self.app.t, list[str]()
        if e.day and e.day != e.at.astimezone(self.app.desk.office.zone).date():
            parts.append(t("counter_audit_for_day", date=e.day.isoformat()))
        if e.detail:
            parts.append(shown(e.detail))
        if e.reason:
            parts.append(t("counter_audit_reason", reason=shown(e.reason)))
        return " · ".join(parts)
