"""What every screen may use of the app, typed: the desk, the officers, the store thread,
the follower of the store, the language, this terminal's counter and the catalogue.

The App that runs a role (kiosk.app.app.KioskApp) sits above the screens and subclasses
this; a screen or widget says ``app = getters.app(RoleApp)`` and is typed without
importing upward."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from textual.app import App

from kiosk.desk.desk import Desk
from kiosk.desk.errors import DeskError
from kiosk.desk.officers import Officers
from kiosk.desk.records import DayStatus
from kiosk.texts import say

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

    async def read_now(self) -> None: ...  # read at once and post it; starts the following


class RoleApp(App[int]):
    desk: Desk
    officers: Officers
    store: StoreCalls
    follower: DayFollower
    role: str
    lang: str
    counter: int

    def t(self, key: str, **values: object) -> str:
        """A text of the catalogue in the current language."""
        return say(key, self.lang, **values)
