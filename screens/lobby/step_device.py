"""The first step of a service that needs a device (application questions): bring a
smartphone or laptop that can open the tax applications."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Button, Static

from data.office import Service
from screens.common.fresh import FreshButton
from screens.lobby.step import Step


class DeviceStep(Step):
    class Ready(Message):
        """The visitor has the device with them."""

    def __init__(self, service: Service) -> None:
        super().__init__("step-device")
        self.service = service

    def compose(self) -> ComposeResult:
        t, en = self.t, self.app.lang == "en"
        yield Static(t("lobby_device_title", service=self.service.name_en if en else self.service.name),
                     classes="heading")
        yield Static(t("lobby_device_body"), classes="body")
        requirements = self.service.requirements_en if en else self.service.requirements
        yield Static(t("lobby_bring", what=requirements), classes="body")
        # A fresh touch only: the second tap of a double tap on the service lands here.
        yield FreshButton(t("lobby_device_confirm"), id="device-ok", variant="success",
                          classes="big")

    def focus_first(self) -> None:
        self.query_one("#device-ok").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "device-ok":
            self.post_message(self.Ready())
