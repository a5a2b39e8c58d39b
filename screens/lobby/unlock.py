"""The officer's way out of the locked lobby: name and PIN (the officers of the store),
then a small menu: close the program, or back to the welcome."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, ContentSwitcher, Input, Static

from kiosk.desk.errors import DeskError
from screens.lobby.exit_backoff import backoff_of
from screens.lobby.field import LobbyInput
from screens.lobby.page import CLOSED_KEYS
from screens.common.store_work import StoreWork
from screens.common.role_app import RoleApp


class UnlockScreen(StoreWork, ModalScreen[None]):
    app = getters.app(RoleApp)
    CSS_PATH = "unlock.tcss"
    BINDINGS = [Binding("escape", "close", show=False), *CLOSED_KEYS]

    def request_exit(self) -> None:
        """ctrl+q while already asking for the PIN: nothing more to do."""

    def compose(self) -> ComposeResult:
        t = self.app.t
        with ContentSwitcher(id="unlock", initial="pin-box"):
            with Vertical(id="pin-box", classes="box"):
                yield Static(t("lobby_unlock_title"), classes="title")
                yield LobbyInput(id="officer", placeholder=t("lobby_unlock_name"))
                yield Input(id="pin", placeholder=t("lobby_unlock_pin"), password=True,
                            max_length=12)
                yield Static("", id="unlock-why")
                yield Button(t("lobby_unlock_go"), id="unlock-go", variant="warning")
                yield Button(t("lobby_cancel"), id="unlock-cancel")
            with Vertical(id="exit-menu", classes="box"):
                yield Static(t("lobby_exit_title"), classes="title")
                yield Button(t("lobby_exit_quit"), id="exit-quit", variant="error")
                yield Button(t("lobby_exit_back"), id="exit-back", variant="success")

    def on_mount(self) -> None:
        self.query_one("#officer").focus()

    def action_close(self) -> None:
        self.dismiss()

    def action_ignore(self) -> None:
        pass

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "officer":
            self.query_one("#pin").focus()
        else:
            self.run_busy(self.unlock())

    async def unlock(self) -> None:
        name = self.query_one("#officer", Input).value
        pin = self.query_one("#pin", Input)
        secret, pin.value = pin.value, ""  # the PIN never stays on screen
        backoff = backoff_of(self.app)
        wait = backoff.wait_left()
        if wait:  # not even checked: guessing at the public terminal is slowed down
            self.query_one("#unlock-why", Static).update(
                self.app.t("lobby_unlock_wait", seconds=wait))
            pin.focus()
            return
        try:
            # The store thread: a PIN check takes a while on purpose (Argon2). Not a
            # counter login: wrong tries here never lock the officer out of the counter.
            async with self.working("#unlock-why"):
                await self.app.store.call(self.app.officers.check_lobby_exit, name, secret)
        except DeskError as exc:
            backoff.failed()
            wait = backoff.wait_left()
            self.query_one("#unlock-why", Static).update(
                self.app.t("lobby_unlock_wait", seconds=wait) if wait else exc.message(self.app.lang))
            pin.focus()
            return
        backoff.succeeded()
        self.query_one("#unlock", ContentSwitcher).current = "exit-menu"
        self.query_one("#exit-back").focus()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id
        if self.busy:
            return
        if button == "unlock-go":
            self.run_busy(self.unlock())
        elif button in ("unlock-cancel", "exit-back"):
            self.dismiss()
        elif button == "exit-quit":
            self.app.exit()
