"""The supervisor manages the officers: add one, reset a PIN, disable or enable."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Label, Select

from kiosk.desk.officers import ROLES
from kiosk.desk.records import OfficerView
from screens.counter.day_words import cell
from screens.counter.dialog import CounterDialog

ACTIONS = ("add", "reset", "disable", "enable")


class OfficersDialog(CounterDialog[None]):
    def __init__(self, officer: OfficerView) -> None:
        super().__init__()
        self.officer = officer

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(classes="dialog"):
            yield Label(t("counter_officers_title"), classes="dialog-title")
            yield DataTable(id="officers-table", cursor_type="row")
            with Horizontal(classes="dialog-row"):
                yield Input(id="officer-name", placeholder=t("counter_login_name"),
                            max_length=120, compact=True)
                yield Input(id="officer-pin", placeholder=t("counter_officers_pin"),
                            password=True, max_length=12, restrict=r"\d*", compact=True)
                yield Select([(t(f"counter_role_{r}"), r) for r in ROLES], value="officer",
                             allow_blank=False, id="officer-role", compact=True)
            yield Label("", classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                for action in ACTIONS:
                    yield Button(t(f"counter_officers_{action}"), id=f"officer-{action}",
                                 compact=True, action=f"screen.act('{action}')")
                yield Button(t("counter_back"), id="officer-back", compact=True,
                             action="screen.back")

    def on_mount(self) -> None:
        t = self.app.t
        table = self.query_one(DataTable)
        table.add_columns(t("counter_login_name"), t("counter_officers_role"),
                          t("counter_officers_active"))
        self.run_latest(self.reload(), group="officers")
        self.query_one("#officer-name", Input).focus()

    async def reload(self) -> None:
        t = self.app.t
        officers = await self.app.store.call(self.app.officers.list)
        table = self.query_one(DataTable)
        table.clear()
        for o in officers:
            table.add_row(cell(o.name), t(f"counter_role_{o.role}"),
                          t("counter_yes") if o.active else t("counter_no"), key=o.name)

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        self.query_one("#officer-name", Input).value = event.row_key.value or ""

    def action_act(self, action: str) -> None:
        self.run_busy(self.act(action))

    async def act(self, action: str) -> None:
        officers, me = self.app.officers, self.officer.name
        name = self.query_one("#officer-name", Input).value.strip()
        pin_input = self.query_one("#officer-pin", Input)
        pin, pin_input.value = pin_input.value, ""  # the PIN never stays on screen
        if action == "disable" and name == me:
            self.message(self.app.t("counter_officers_not_self"))
            return
        role = str(self.query_one("#officer-role", Select).value)
        # Each action as the officers' register takes it, run in the store thread.
        calls = {"add": lambda: officers.add(name, role, pin, me),
                 "reset": lambda: officers.reset_pin(name, pin, me),
                 "disable": lambda: officers.set_active(name, False, me),
                 "enable": lambda: officers.set_active(name, True, me)}
        async with self.working(".dialog-message"):
            done = await self.app.store.call(calls[action])
        self.message(self.app.t(f"counter_officers_{action}_done", name=done.name))
        await self.reload()
