"""The event loop's watch of the change check's wake-up descriptor (data.changes), shared by
every follower of the store: a terminal's (kiosk.app.follower) and the TV page's feed
(kiosk.web.board_feed).

A follower runs its change check when the store wakes it and otherwise now and then:
``idle_check`` while the descriptor is watched (the day's roll-over, the PostgreSQL
heartbeat, a change no wake-up told of), ``check`` without one (not connected, in trouble,
no inotify, an event loop without add_reader), as a poll. Woken with nothing found yet
(SQLite: the log written, the commit not yet visible), it looks once more ``AGAIN`` later.
The descriptor is not watched while a check runs: the check reads it (and may close it)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

CHECK_SECONDS = 0.2  # the change check without a wake-up, five times a second
IDLE_CHECK_SECONDS = 1.0  # with one: now and then all the same
AGAIN_SECONDS = 0.1  # woken and nothing yet (SQLite: the log written, not yet committed)


class WakeWatch:
    """``watch(fd)`` asks the running loop to call ``on_wake`` once when ``fd`` is readable;
    the watch ends then (the descriptor stays readable until a check reads it, and would wake
    the loop over and over), or at ``unwatch()``."""

    def __init__(self, on_wake: Callable[[], None]) -> None:
        self.on_wake = on_wake
        self.fd: int | None = None

    def watch(self, fd: int | None) -> bool:
        """Watch ``fd`` (None: nothing to watch); False when this loop cannot (then poll)."""
        self.unwatch()
        if fd is None:
            return False
        try:
            asyncio.get_running_loop().add_reader(fd, self._woken)
        except (NotImplementedError, ValueError, OSError, RuntimeError):
            return False
        self.fd = fd
        return True

    def unwatch(self) -> None:
        if self.fd is not None:
            try:
                asyncio.get_running_loop().remove_reader(self.fd)
            except (RuntimeError, ValueError, OSError):
                pass
            self.fd = None

    def pace(self, check: float, idle_check: float) -> float:
        """How long until the next check by the clock: long while the store wakes us."""
        return idle_check if self.fd is not None else check

    def _woken(self) -> None:
        self.unwatch()
        self.on_wake()
