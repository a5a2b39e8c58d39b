"""What every screen may use of the app, typed: the desk, the officers, the store thread,
the follower of the store, the language, this terminal's counter and the catalogue.

The App that runs a role (kiosk.app.app.KioskApp) sits above the screens and subclasses
this; a screen or widget says ``app = getters.app(RoleApp)`` and is typed without
importing upward."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar

from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen

from kiosk.desk.desk import Desk
from kiosk.desk.errors import DeskError
from kiosk.desk.officers import Officers
from kiosk.desk.records import DayStatus
from kiosk.texts import say
from screens.common.messages import StoreBack, StoreTrouble
from screens.common.palette import palette, system_commands
from screens.common.store_banner import StoreBannerKeeper

T = TypeVar("T")


class StoreCalls(Protocol):
    """The store thread as the screens use it."""

    async def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T: ...


class DayFollower(Protocol):
    """The app's one follower of the store (kiosk.app.follower): it posts DayChanged,
    StoreTrouble and StoreBack (screens.common.messages) to every screen on the stack."""

    status: DayStatus | None  # the day last read
    trouble: DeskError | None  # why the store cannot be read, while it can't

    def refresh(self) -> None: ...  # read at the next tick

    def trouble_seen(self, error: DeskError) -> None: ...  # a screen's store call found it away

    async def read_now(self) -> None: ...  # read at once and post it; starts the following


class RoleApp(App[int]):
    desk: Desk
    officers: Officers
    store: StoreCalls
    follower: DayFollower
    role: str
    lang: str
    counter: int

    store_banner: StoreBannerKeeper  # the one banner while the store is in trouble

    def t(self, key: str, **values: object) -> str:
        """A text of the catalogue in the current language."""
        return say(key, self.lang, **values)

    # The follower posts these to the app as well as to the screens: the banner is the app's.
    def on_store_trouble(self, message: StoreTrouble) -> None:
        self.store_banner.trouble(message.error)

    def on_store_back(self, message: StoreBack) -> None:
        self.store_banner.recovered()

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """One toast at a time: a newer one replaces the last, so refusals said in a row
        never stack over the ticket in hand (store trouble has the banner, no toast)."""
        self.clear_notifications()
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # The command palette (the counter's only; screens/common/palette.py), in our words.
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        return system_commands(self, screen)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(palette(self))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        self.push_screen(CommandPalette(providers=[ThemeProvider],
                                        placeholder=self.t("palette_themes_placeholder")))
