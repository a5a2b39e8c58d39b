"""One follower of the store per terminal, owned by the App.

The cheap change check (SQLite ``PRAGMA data_version``, PostgreSQL LISTEN/NOTIFY, a few µs)
runs in the store thread; only when something changed, the office's day rolled over, or the
store is in trouble (retried every ``retry`` seconds) does it read the day, once. What it
finds goes to every screen on the stack as a message (screens.common.messages), so a screen
under a dialog stays current too.

The check runs when the store wakes it — the event loop watches the check's wake-up
descriptor (a NOTIFY on the LISTEN connection; on SQLite a write to the store's files) — and
otherwise every ``idle_check`` seconds (the day's roll-over, the PostgreSQL heartbeat, a
change no wake-up told of). Without a wake-up (not connected yet, in trouble, no inotify,
an event loop without add_reader) it runs every ``check`` seconds, as a poll."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message import Message
from textual.timer import Timer

from data.change_wake import AGAIN_SECONDS, CHECK_SECONDS, IDLE_CHECK_SECONDS, WakeWatch
from data.errors import StoreError
from kiosk.desk.errors import DeskError, StoreUnavailable
from kiosk.desk.records import DayStatus
from screens.common.messages import DayChanged, StoreBack, StoreTrouble

if TYPE_CHECKING:
    from kiosk.app.app import KioskApp

RETRY_SECONDS = 1.0  # while the store is in trouble, read again this often


class StoreFollower:
    def __init__(self, app: KioskApp, check: float = CHECK_SECONDS,
                 retry: float = RETRY_SECONDS, idle_check: float = IDLE_CHECK_SECONDS) -> None:
        self.app, self.check, self.retry, self.idle_check = app, check, retry, idle_check
        self.status: DayStatus | None = None  # the day last read
        self.trouble: DeskError | None = None  # why the store cannot be read, while it can't
        self._timer: Timer | None = None
        self._pace = check  # the timer's interval: check, or idle_check while woken by the store
        self._busy = False
        self._wanted = True  # read at the next tick whatever the change check says
        self._retry_at = 0.0
        self._wake = WakeWatch(self._on_wake)  # watched by the event loop while no check runs
        self._woken = False  # woken while a check ran: check again when it is done
        self._stopped = False
        self._troubles = 0  # how often trouble was seen: a read begun before it proves nothing

    def start(self) -> None:
        if self._timer is None and not self._stopped:
            self._timer = self.app.set_interval(self._pace, self._tick, name="store-follower")

    def stop(self) -> None:
        self._stopped = True
        self._unwatch()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def refresh(self) -> None:
        """Read the day in a moment (after this terminal's own write, for instance)."""
        self._wanted = True
        if self._timer is not None:
            self.app.call_later(self._tick)

    async def read_now(self) -> None:
        """Read the day at once and tell the screens (a screen's first frame, a reset).
        The first call starts the following: a screen that shows no day (the counter's
        login) costs nothing."""
        self.start()
        if self._busy:  # a read is under way: its news comes in a moment
            self._wanted = True
            return
        self._busy = True
        self._unwatch()
        try:
            # The check first: what it reports up to now is covered by this read, and its
            # first call (opening its connection) says "changed" whatever happened. Its
            # wake-up is asked for at the next tick: not before a screen's first frame.
            if await self._check(wake=False) is not None:
                await self._read()
        finally:
            self._busy = False
            self._after_check()

    async def _tick(self, woken: bool = False) -> None:
        if self._busy:
            self._woken = True  # a wake-up or a wish to read: one more check after this one
            return
        if not self.app.is_running or self._stopped:
            return
        if self.trouble is not None and time.monotonic() < self._retry_at:
            return
        self._busy = True
        self._unwatch()  # no check runs while its descriptor is watched (it may close it)
        changed: bool | None = None
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
            # Woken for nothing yet, or a check that read a write of a commit perhaps still
            # on its way (and used up its wake-up): once more shortly.
            self._after_check(again=(woken and changed is False)
                              or getattr(self.app.store, "look_again", False))

    async def _check_again(self) -> None:
        await self._tick()  # not as woken: this "once more" is not followed by another

    # ----- the wake-up ---------------------------------------------------------------------

    def _after_check(self, again: bool = False) -> None:
        """Watch the check's wake-up descriptor (not while in trouble: the retries have
        their own pace) and set the timer's pace by it. A wake-up while the check ran checks
        once more at once; one that found nothing yet (SQLite: woken by the log's write, a
        moment before the commit shows) once more shortly."""
        if self._stopped:
            return
        fd = getattr(self.app.store, "wake_fd", None) if self.trouble is None else None
        self._wake.watch(fd)
        self._set_pace(self._wake.pace(self.check, self.idle_check))
        if self._woken:
            self._woken = False
            self._unwatch()
            self._on_wake()
        elif again:
            self.app.set_timer(AGAIN_SECONDS, self._check_again)

    def _on_wake(self) -> None:
        """The descriptor is readable (no longer watched): check now."""
        self.app.call_later(self._tick, True)

    def _unwatch(self) -> None:
        self._wake.unwatch()

    def _set_pace(self, seconds: float) -> None:
        if seconds != self._pace:
            self._pace = seconds
            if self._timer is not None:
                self._timer.stop()
                self._timer = None
                self.start()

    async def _check(self, wake: bool = True) -> bool | None:
        """The change check; None when the server did not answer its heartbeat (said at
        once: a read would only wait for the longer deadline of a statement)."""
        try:
            return await self.app.store.changed(wake)
        except StoreError as error:
            self._in_trouble(StoreUnavailable(str(error), key="store_not_answering"))
            return None

    async def _read(self) -> None:
        self._wanted = False
        desk = self.app.desk
        troubles = self._troubles
        try:
            status = await self.app.store.call(desk.status)
        except DeskError as error:
            self._in_trouble(error)
            return
        except Exception as error:  # a bug, not the store: logged, shown as trouble, kept running
            self.app.log.error(f"store read failed: {error!r}")
            self._in_trouble(StoreUnavailable(type(error).__name__))
            return
        if self.trouble is not None and troubles == self._troubles:
            self.trouble = None  # a read begun after the last trouble came back: it answers
            self._post(StoreBack)
        new_day = self.status is not None and status.date != self.status.date
        self.status = status
        self._post(lambda: DayChanged(status, new_day=new_day))

    def trouble_seen(self, error: DeskError) -> None:
        """A screen's own store call found the store away: the same as a read that failed
        (one banner, the reads retried until it answers), said before the next tick. The
        following starts here if no screen had started it (the counter's login)."""
        self.start()
        self._in_trouble(error)

    def _in_trouble(self, error: DeskError) -> None:
        self._retry_at = time.monotonic() + self.retry
        self._troubles += 1
        before = self.trouble
        self.trouble = error
        if before is None or (before.key, before.values) != (error.key, error.values):
            self._post(lambda: StoreTrouble(error))

    def _post(self, make: Callable[[], Message]) -> None:
        # A message object of its own for each screen: Textual marks one handled as it goes.
        # The app gets one too: the one banner of a store in trouble is the app's.
        for screen in list(self.app.screen_stack):
            screen.post_message(make())
        self.app.post_message(make())
