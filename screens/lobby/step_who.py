"""Who is coming, as DJP's own online booking records it: in person, for an entity, as a
proxy with a power of attorney, or another party (one large button each)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Button, Static

from kiosk.desk.identity import VISITOR_STATUSES
from screens.lobby.step import Step


class WhoStep(Step):
    class Chosen(Message):
        def __init__(self, status: str) -> None:
            super().__init__()
            self.status = status

    def __init__(self) -> None:
        super().__init__("step-who")
        self.status = "self"  # the choice made (or the first one offered)

    def compose(self) -> ComposeResult:
        yield Static(self.t("lobby_who_title"), classes="heading")
        for status in VISITOR_STATUSES:
            yield Button(self.t(f"lobby_status_{status}"), id=f"status-{status}",
                         classes="choice", variant="primary")

    def focus_first(self) -> None:
        self.query_one(f"#status-{self.status}").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if button.startswith("status-"):
            self.status = button.removeprefix("status-")
            self.post_message(self.Chosen(self.status))
