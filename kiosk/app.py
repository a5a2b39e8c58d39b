"""The Textual App: one program, started in one role (a MODE) over a desk built outside it."""

from __future__ import annotations

import argparse
import importlib

from textual.app import App
from textual.screen import Screen

from kiosk.desk import Desk
from kiosk.officers import Officers
from kiosk.texts import say

# role -> "module:Screen"; imported only when that role starts, to keep start-up light.
ROLE_SCREENS = {
    "lobby": "screens.lobby:LobbyScreen",
    "board": "screens.board:BoardScreen",
    "counter": "screens.counter:CounterScreen",
}


def _screen_factory(target: str):
    def build() -> Screen:
        module, name = target.split(":")
        return getattr(importlib.import_module(module), name)()

    return build


class KioskApp(App):
    """Holds the desk, the language and the counter; the screens do the rest."""

    CSS_PATH = "../screens/app.tcss"
    TITLE = "Help Desk"

    def __init__(self, desk: Desk, role: str = "lobby", *, lang: str = "id", counter: int = 1):
        self.MODES = {role: _screen_factory(ROLE_SCREENS[role])}
        super().__init__()
        self.desk, self.role, self.lang, self.counter = desk, role, lang, counter
        # Officer PINs are checked here, so screens need not import kiosk.officers (and the store).
        self.officers = Officers(desk)
        self.title = desk.office.name
        # The public must not reach the command palette on the lobby or the board.
        self.use_command_palette = role == "counter"

    def t(self, key: str, **values) -> str:
        """A text of the catalogue in the current language."""
        return say(key, self.lang, **values)

    def on_mount(self) -> None:
        self.switch_mode(self.role)

    async def action_quit(self) -> None:
        # In the lobby only an officer may leave; the lobby screen asks for a PIN.
        if self.role == "lobby" and hasattr(self.screen, "request_exit"):
            self.screen.request_exit()
            return
        await super().action_quit()


def run_role(desk: Desk, role: str, args: argparse.Namespace) -> int:
    lang = getattr(args, "lang", None) or "id"
    app = KioskApp(desk, role, lang=lang, counter=getattr(args, "counter", None) or 1)
    app.run()
    return app.return_code or 0
