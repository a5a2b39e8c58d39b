""""Cancel" on a form with something typed asks first: a stray touch must not throw away
what an elderly visitor typed with care. Yes: cancel; No (focused first): go on."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from screens.common.role_app import RoleApp
from screens.lobby.page import CLOSED_KEYS


class AskCancel(ModalScreen[bool]):
    app = getters.app(RoleApp)
    CSS_PATH = "ask_cancel.tcss"
    BINDINGS = [
        Binding("escape", "keep", show=False),
        *CLOSED_KEYS,
        Binding("left,up", "app.focus_previous", show=False),
        Binding("right,down", "app.focus_next", show=False),
    ]

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(id="ask-box"):
            yield Static(t("lobby_cancel_ask"), id="ask-text")
            yield Button(t("lobby_cancel_keep"), id="ask-keep", variant="success")
            yield Button(t("lobby_cancel_yes"), id="ask-yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#ask-keep").focus()

    def action_keep(self) -> None:
        self.dismiss(False)

    def action_ignore(self) -> None:
        """Closed to the public, as on every lobby screen."""

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "ask-yes")
