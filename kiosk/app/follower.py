"""One follower of the store per terminal, owned by the App.

One interval runs the cheap change check (SQLite ``PRAGMA data_version``, PostgreSQL
LISTEN/NOTIFY, a few µs) in the store thread; only when something changed, the office's day
rolled over, or the store is in trouble (retried every ``retry`` seconds) does it read the day,
once. What it finds goes to every screen on the stack as a message (screens.common.messages),
so a screen under a dialog stays current too."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message import Message
from textual.timer import Timer

from data.errors import StoreError
from kiosk.desk.errors import DeskError, StoreUnavailable
from kiosk.desk.records import DayStatus
from screens.common.messages import DayChanged, StoreBack, StoreTrouble

if TYPE_CHECKING:
    from kiosk.app.app import KioskApp

CHECK_SECONDS = 0.2  # the change check, five times a second
RETRY_SECONDS = 1.0  # while the store is in trouble, read again this often


class StoreFollower:
    def __init__(self, app: KioskApp, check: float = CHECK_SECONDS,
                 retry: float = RETRY_SECONDS) -> None:
        self.app, self.check, self.retry = app, check, retry
        self.status: DayStatus | None = None  # the day last read
        self.trouble: DeskError | None = None  # why the store cannot be read, while it can't
        self._timer: Timer | None = None
        self._busy = False
        self._wanted = True  # read at the next tick whatever the change check says
        self._retry_at = 0.0

    def start(self) -> None:
        if self._timer is None:
            self._timer = self.app.set_interval(self.check, self._tick, name="store-follower")

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def refresh(self) -> None:
        """Read the day at the next tick (after this terminal's own write, for instance)."""
        self._wanted = True

    async def read_now(self) -> None:
        """Read the day at once and tell the screens (a screen's first frame, a reset).
        The first call starts the following: a screen that shows no day (the counter's
        login) costs nothing."""
        self.start()
        if self._busy:  # a read is under way: its news comes in a moment
            self._wanted = True
            return
        self._busy = True
        try:
            # The check first: what it reports up to now is covered by this read, and its
            # first call (opening its connection) says "changed" whatever happened.
            if await self._check() is not None:
                await self._read()
        finally:
            self._busy = False

    async def _tick(self) -> None:
        if self._busy or not self.app.is_running:
            return
        if self.trouble is not None and time.monotonic() < self._retry_at:
            return
        self._busy = True
        try:
            desk = self.app.desk
            rolled = self.status is not None and desk.today() != self.status.date
            changed = await self._check()
            if changed is None:
                return
            if changed or rolled or self._wanted or self.trouble is not None:
                await self._read()
        except Exception as error:  # the check itself failed: a bug, logged, read next time
            self.app.log.error(f"store follower: {error!r}")
            self._wanted = True
        finally:
            self._busy = False

    async def _check(self) -> bool | None:
        """The change check; None when the server did not answer its heartbeat (said at
        once: a read would only wait for the longer deadline of a statement)."""
        try:
            return await self.app.store.changed()
        except StoreError as error:
            self._in_trouble(StoreUnavailable(str(error), key="store_not_answering"))
            return None

    async def _read(self) -> None:
        self._wanted = False
        desk = self.app.desk
        try:
            status = await self.app.store.call(desk.status)
        except DeskError as error:
            self._in_trouble(error)
            return
        except Exception as error:  # a bug, not the store: logged, shown as trouble, kept running
            self.app.log.error(f"store read failed: {error!r}")
            self._in_trouble(StoreUnavailable(type(error).__name__))
            return
        if self.trouble is not None:
            self.trouble = None
            self._post(StoreBack)
        new_day = self.status is not None and status.date != self.status.date
        self.status = status
        self._post(lambda: DayChanged(status, new_day=new_day))

    def _in_trouble(self, error: DeskError) -> None:
        self._retry_at = time.monotonic() + self.retry
        before = self.trouble
        self.trouble = error
        if before is None or (before.key, before.values) != (error.key, error.values):
            self._post(lambda: StoreTrouble(error))

    def _post(self, make: Callable[[], Message]) -> None:
        # A message object of its own for each screen: Textual marks one handled as it goes.
        for screen in list(self.app.screen_stack):
            screen.post_message(make())
