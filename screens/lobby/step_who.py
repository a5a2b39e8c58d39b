"""Who is coming, as DJP's own online booking records it: in person, for an entity, as a
proxy with a power of attorney, or another party (one large button each). Today a walk-in
need not say: "Take my number now" books at once, and the officer records who came at the
counter while checking the ID card."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Button, Static

from kiosk.desk.identity import VISITOR_STATUSES
from screens.common.fresh import FreshButton
from screens.lobby.step import Step


class WhoStep(Step):
    class Chosen(Message):
        def __init__(self, status: str) -> None:
            super().__init__()
            self.status = status

    class TakeNow(Message):
        """A number for today, without typing anything."""

    def __init__(self) -> None:
        super().__init__("step-who")
        self.status = "self"  # the choice made (or the first one offered)

    def compose(self) -> ComposeResult:
        t = self.t
        # A fresh touch only: the second tap on the service (or on "I bring a device").
        yield FreshButton(t("lobby_take_now"), id="take-now", variant="success", classes="big")
        yield Static(t("lobby_take_now_note"), id="take-now-note", classes="note")
        yield Static("", id="who-why", classes="why")
        yield Static(t("lobby_who_title"), classes="heading")
        for status in VISITOR_STATUSES:
            yield Button(t(f"lobby_status_{status}"), id=f"status-{status}",
                         classes="choice", variant="primary")

    def offer_now(self, today: bool, why: str = "") -> None:
        """Today possible: the number at once; else who is coming, for a later day."""
        self.query_one("#take-now").display = today
        self.query_one("#take-now-note").display = today
        self.query_one("#who-why", Static).update(why)

    def focus_first(self) -> None:
        now = self.query_one("#take-now")
        (now if now.display else self.query_one(f"#status-{self.status}")).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if button == "take-now":
            self.post_message(self.TakeNow())
        elif button.startswith("status-"):
            self.status = button.removeprefix("status-")
            self.post_message(self.Chosen(self.status))
