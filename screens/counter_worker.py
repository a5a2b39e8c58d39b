"""One thread of the counter's own for every database call, so the screen never waits on
the store and the thread keeps one connection (peewee connections are per thread)."""

from __future__ import annotations

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor


class StoreThread:
    def __init__(self, desk) -> None:
        self.desk = desk
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="counter-store")
        self._watch = None

    async def call(self, fn, *args, **kwargs):
        """Run ``fn`` in the store thread; its refusal (a DeskError) is raised here."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, functools.partial(fn, *args, **kwargs))

    def _changed(self) -> bool:
        if self._watch is None:
            self._watch = self.desk.watch()
        return self._watch.changed()

    async def changed(self) -> bool:
        """The cheap check (a few µs) whether any terminal wrote since the last call."""
        return await self.call(self._changed)

    def close(self) -> None:
        def closing():
            if self._watch is not None:
                self._watch.close()
            self.desk.db.close()  # this thread's own connection
        self._pool.submit(closing)
        self._pool.shutdown(wait=False)
