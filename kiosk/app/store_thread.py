"""One thread of the terminal's own for every database call, awaited from the screen.

The screen never waits on the store (a held lock can keep a write waiting up to the busy
timeout, a lost server longer), and the thread keeps one connection: peewee's connections
are per thread. The lobby, the board and the counter all follow the day through it."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from data.changes import ChangeWatcher
from kiosk.app.role_log import log_desk_error
from kiosk.desk.desk import Desk
from kiosk.desk.errors import DeskError

T = TypeVar("T")


class StoreThread:
    def __init__(self, desk: Desk, thread_name: str = "store") -> None:
        self.desk = desk
        self._pool = ThreadPoolExecutor(1, thread_name_prefix=thread_name)
        self._watch: ChangeWatcher | None = None
        # The change check's wake-up descriptor as of its last run (data.changes), for
        # the follower to wait on in the event loop; None: check by the clock only.
        self.wake_fd: int | None = None
        # The last check read a write to the store's files, of a commit perhaps still on its
        # way (data.changes): the follower looks once more shortly.
        self.look_again = False

    async def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn`` in the store thread; its refusal (a DeskError) is raised here."""
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._pool, functools.partial(fn, *args, **kwargs))
        except DeskError as exc:  # every refusal and store fault of the role, in its log
            log_desk_error(exc, getattr(fn, "__name__", ""))
            raise

    def _changed(self, wake: bool = True) -> bool:
        if self._watch is None:
            self._watch = self.desk.watch()
        self.wake_fd = None
        try:
            return self._watch.changed()
        finally:
            self.look_again = self._watch.look_again
            self.wake_fd = self._watch.wake_fd() if wake else None

    async def changed(self, wake: bool = True) -> bool:
        """The cheap check (a few µs) whether any terminal wrote since the last call. One
        follower per terminal: a second caller would take the first one's news. With
        ``wake``, ``wake_fd`` is then its wake-up descriptor (made on the first ask)."""
        return await self.call(self._changed, wake)

    def _drop(self) -> None:
        self.wake_fd = None
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        if not self.desk.db.is_closed():
            self.desk.db.close()  # this thread's own connection

    async def reconnect(self) -> None:
        """Let go of the store: the next call opens a fresh connection and change check (as
        after the store was restarted or its file moved)."""
        await self.call(self._drop)

    def close(self) -> None:
        self._pool.submit(self._drop)
        self._pool.shutdown(wait=False)
