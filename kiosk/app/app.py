"""The Textual App: one program, started in one role (its default screen) over a desk built outside it."""

from __future__ import annotations

import argparse
import asyncio
import gc
import importlib
import inspect
from pathlib import Path, PurePath

from textual.screen import Screen

from data.in_use import mark_store

from kiosk.desk.desk import Desk
from kiosk.desk.officers import Officers
from kiosk.app.follower import StoreFollower
from kiosk.app.role_log import setup_role_log
from kiosk.app.store_thread import StoreThread
from kiosk.app.terminal_input import driver_for_terminal
from screens.common.palette import translate_palette_key
from screens.common.role_app import RoleApp
from screens.common.store_banner import StoreBannerKeeper

# role -> "module:Screen"; imported only when that role starts, to keep start-up light.
ROLE_SCREENS = {
    "lobby": "screens.lobby.welcome:LobbyScreen",
    "board": "screens.board.board:BoardScreen",
    "counter": "screens.counter.login:CounterScreen",
    "survey": "screens.survey.rest:SurveyScreen",
}


# How long quitting waits for the screens' last work in the store.
QUIT_WAIT_SECONDS = 3.0

APP_CSS = Path(__file__).resolve().parents[2] / "screens" / "common" / "app.tcss"


def _role_screen(role: str) -> type[Screen]:
    module, name = ROLE_SCREENS[role].split(":")
    return getattr(importlib.import_module(module), name)


def _style_sheets(screen: type[Screen]) -> list[Path]:
    """The screen's own CSS_PATH files, as paths Textual would resolve them to."""
    css = screen.CSS_PATH
    paths = [css] if isinstance(css, (str, PurePath)) else list(css or [])
    folder = Path(inspect.getfile(screen)).parent
    return [folder / path for path in paths]


class KioskApp(RoleApp):
    """Holds the desk, the language and the counter; the screens do the rest."""

    TITLE = "Help Desk"
    store: StoreThread
    follower: StoreFollower

    def __init__(self, desk: Desk, role: str = "lobby", *, lang: str = "id", counter: int = 1):
        # The role's screen is the default screen and its style sheets are read with the app's:
        # one parse of the CSS at start, where a mode switch would parse it three times.
        self.role_screen = _role_screen(role)
        # A terminal's input is read by a driver that survives any byte and any paste.
        super().__init__(css_path=[APP_CSS, *_style_sheets(self.role_screen)],
                         driver_class=driver_for_terminal())
        self.desk, self.role, self.lang, self.counter = desk, role, lang, counter
        # Officer PINs are checked here, so screens need not import kiosk.desk.officers (and the store).
        self.officers = Officers(desk)
        # Every database call of the screens goes through this one thread (and connection).
        self.store = StoreThread(desk, thread_name=f"{role}-store")
        # ...so start-up's connection on this thread goes: a second handle in the process
        # would keep a moved or replaced file's WAL index and fail the store thread's
        # reconnection ("disk I/O error") once the file is back.
        desk.db.close()
        # One follower of the store for the whole terminal; the screens get its messages.
        self.follower = StoreFollower(self)
        # ...and one banner while the store is in trouble, on whichever screen is on top.
        self.store_banner = StoreBannerKeeper(self)
        self.title = desk.office.name
        # The public must not reach the command palette on the lobby or the board.
        self.use_command_palette = role == "counter"
        translate_palette_key(self)  # the footer's "^p", in the officer's language

    def get_default_screen(self) -> Screen:
        return self.role_screen()

    def on_unmount(self) -> None:
        self.follower.stop()
        self.store.close()

    async def action_quit(self) -> None:
        # In the lobby (and on the survey's screen) only an officer may leave; the screen asks
        # for a PIN.
        if self.role in ("lobby", "survey") and hasattr(self.screen, "request_exit"):
            self.screen.request_exit()
            return
        await self.before_quit()
        await super().action_quit()

    async def before_quit(self) -> None:
        """What the screens end before the program does (the counter's session: the officer
        may log in at another counter at once); bounded, so a store away or hung never
        keeps the program from quitting (the session then expires by itself)."""
        ends = [hook() for screen in self.screen_stack
                if callable(hook := getattr(screen, "before_quit", None))]
        if ends:
            try:
                await asyncio.wait_for(asyncio.gather(*ends), QUIT_WAIT_SECONDS)
            except Exception:  # a store in trouble says so in its own log; quit anyway
                self.log.warning("the screens' last work before quitting did not finish")


def keep_startup_objects() -> None:
    """What start-up has built (modules, classes, the app) lives as long as the program, so
    leave it out of the garbage collector's full passes: the first of them otherwise walks it
    all, about 15 ms, right at the first paint. Cyclic garbage made later is still collected."""
    gc.freeze()


def run_role(desk: Desk, role: str, args: argparse.Namespace) -> int:
    lang = getattr(args, "lang", None) or "id"
    setup_role_log(role)
    # Held while the role runs: `kiosk restore` will not replace a store a terminal is using.
    in_use = mark_store(desk.db)
    app = KioskApp(desk, role, lang=lang, counter=getattr(args, "counter", None) or 1)
    keep_startup_objects()
    try:
        app.run()
    finally:
        if in_use is not None:
            in_use.close()
    return app.return_code or 0
