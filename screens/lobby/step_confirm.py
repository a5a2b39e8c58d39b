"""The last step: what will be booked (service, day, name, who is coming) and the button
that takes the number; a refusal is said under it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Button, Static

from screens.lobby.step import Step


class ConfirmStep(Step):
    class Confirmed(Message):
        """Take the number."""

    def __init__(self) -> None:
        super().__init__("step-confirm")

    def compose(self) -> ComposeResult:
        t = self.t
        yield Static(t("lobby_confirm_title"), classes="heading")
        yield Static("", id="summary", classes="body")
        yield Static("", id="confirm-why", classes="why")
        yield Button(t("lobby_confirm_ok"), id="confirm-ok", variant="success", classes="big")

    def summarize(self, service: str, when: str, name: str, status: str) -> None:
        t = self.t
        self.query_one("#summary", Static).update("\n".join([
            f"{t('lobby_confirm_service')}: {service}",
            f"{t('lobby_confirm_day')}: {when}",
            f"{t('lobby_confirm_name')}: {name or t('lobby_confirm_name_later')}",
            f"{t('lobby_confirm_status')}: {t(f'lobby_status_{status}')}",
        ]))
        self.query_one("#confirm-why", Static).update("")

    def focus_first(self) -> None:
        self.query_one("#confirm-ok").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "confirm-ok":
            self.post_message(self.Confirmed())
