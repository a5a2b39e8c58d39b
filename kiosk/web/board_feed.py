"""One follower of the store for every browser of the web board.

One thread of its own holds the desk's one connection and the one change check (SQLite
``PRAGMA data_version``, PostgreSQL LISTEN): two database connections however many TVs
watch. When something changed it reads the day once and turns it into what the page
shows (numbers and counters only, rule 6) and the calls to announce.

The check runs when the store wakes it, as a terminal's follower does (data.change_wake:
the event loop watches the check's wake-up descriptor, a NOTIFY on the LISTEN connection or
on SQLite a write to the store's files), and otherwise every ``idle_check`` seconds (the
day's roll-over, the PostgreSQL heartbeat, a change no wake-up told of); without a wake-up
(not connected, in trouble, no inotify) every ``check`` seconds, as a poll.
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from data.change_wake import AGAIN_SECONDS, CHECK_SECONDS, IDLE_CHECK_SECONDS, WakeWatch
from data.changes import ChangeWatcher
from kiosk.desk.desk import Desk
from kiosk.desk.errors import DeskError
from kiosk.desk.records import DayStatus
from kiosk.desk.states import CALLED
from kiosk.devices.calls import CallEvent, CallLog, any_call_today, call_key
from kiosk.devices.speech import call_sentence
from kiosk.texts import say

RETRY_SECONDS = 1.0
T = TypeVar("T")


class BoardFeed:
    """``state`` is the page's latest picture (a JSON-able dict, ``version`` counts them);
    ``on_change`` is called with each new state and the call events it brought."""

    def __init__(self, desk: Desk, lang: str = "id", check: float = CHECK_SECONDS,
                 idle_check: float = IDLE_CHECK_SECONDS) -> None:
        self.desk, self.lang, self.check, self.idle_check = desk, lang, check, idle_check
        self.status: DayStatus | None = None
        self.state: dict[str, Any] = {}
        self.version = 0
        self.calls = CallLog()
        self.on_change: Callable[[dict[str, Any], list[CallEvent]], None] = lambda s, e: None
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="board-feed")
        self._watch: ChangeWatcher | None = None
        self._wake_fd: int | None = None  # the check's wake-up descriptor as of its last run
        self._look_again = False  # that run read a write of a commit perhaps still on its way
        self._wake = WakeWatch(self._on_wake)
        self._woken: asyncio.Event | None = None  # made in the loop that follows
        self._trouble = False
        self._task: asyncio.Task | None = None

    async def _in_thread(self, fn: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, functools.partial(fn, *args))

    def _changed(self) -> bool:
        if self._watch is None:
            self._watch = self.desk.watch()
        self._wake_fd = None
        try:
            return self._watch.changed()
        finally:
            self._look_again = self._watch.look_again
            self._wake_fd = self._watch.wake_fd()

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._follow())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._wake.unwatch()
        await self._in_thread(self._close)
        self._pool.shutdown(wait=False)

    def _close(self) -> None:
        if self._watch is not None:
            self._watch.close()
        if not self.desk.db.is_closed():
            self.desk.db.close()

    async def _follow(self) -> None:
        retry_at = 0.0
        woken = asyncio.Event()
        self._woken = woken
        while True:
            self._wake.unwatch()  # no check runs while its descriptor is watched (it may close it)
            was_woken = woken.is_set()
            woken.clear()
            changed: bool | None = None
            try:
                rolled = self.status is not None and self.desk.today() != self.status.date
                if self._trouble and time.monotonic() < retry_at:
                    pass
                else:
                    changed = await self._in_thread(self._changed)
                    if changed or rolled or self._trouble or self.status is None:
                        await self.read()
                        retry_at = time.monotonic() + RETRY_SECONDS
            except asyncio.CancelledError:
                raise
            except Exception:  # a bug in the check: try again at the next tick
                self._trouble = True
            # Woken by the store while not in trouble (the retries have their own pace).
            self._wake.watch(None if self._trouble else self._wake_fd)
            pace = self._wake.pace(self.check, self.idle_check)
            if (was_woken and changed is False) or self._look_again:
                # Woken a moment before the commit shows, or a check read the write of a
                # commit perhaps still on its way (a move's second commit, say): once more
                # shortly, as no other wake-up may come for it.
                pace = min(pace, AGAIN_SECONDS)
            try:
                await asyncio.wait_for(woken.wait(), pace)
            except asyncio.TimeoutError:
                pass

    def _on_wake(self) -> None:
        if self._woken is not None:
            self._woken.set()

    async def read(self) -> None:
        try:
            status = await self._in_thread(self.desk.status)
        except DeskError:
            if not self._trouble:
                self._trouble = True
                self._publish([])
            return
        self._trouble = False
        events = self.calls.note(status)
        self.status = status
        self._publish(events)

    def _publish(self, events: list[CallEvent]) -> None:
        self.version += 1
        self.state = self.picture()
        self.on_change(self.state, events)

    def announcement(self, event: CallEvent) -> dict[str, Any]:
        board = self.desk.office.board
        return {"key": event.key, "number": event.number, "counter": event.counter,
                "sentence": call_sentence(event.number, event.counter,
                                          self.desk.office.helpdesk_name),
                "chime": board.chime, "lang": "id-ID", "voice": board.voice,
                "rate": round(board.rate / 175, 2)}  # espeak-ng's 175 wpm is the browser's 1.0

    def picture(self) -> dict[str, Any]:
        """What the page draws: texts already in the board's language, numbers, counters."""
        office, lang = self.desk.office, self.lang

        def t(key: str, **values: object) -> str:
            return say(key, lang, **values)

        state: dict[str, Any] = {
            "version": self.version, "office": office.name, "desk": office.helpdesk_name,
            "store_down": self._trouble, "texts": {
                "now": t("board_now_serving"), "last": t("board_last_calls"),
                "next": t("board_next"), "counter": t("board_to_counter"),
                "none": t("board_nobody_called"), "nobody_waiting": t("board_nobody_waiting"),
                "store_down": t("board_store_down"), "closed": t("board_closed_title"),
                "called": t("board_called"), "serving": t("board_serving")}}
        status = self.status
        if status is None:
            state.update(open=True, recent=[], waiting=[], calling=[], no_call_yet=False,
                         left="", wait="", closed_why="")
            return state
        recent = self.calls.recent(status)
        wait = status.average_wait_seconds
        minutes = round(wait / 60) if wait is not None else None
        state.update(
            date=status.date.isoformat(), open=status.open,
            closed_why=status.closed_why.text(lang) if status.closed_why else "",
            recent=[{"number": r.number, "counter": r.counter, "key": r.key,
                     "state": r.state} for r in recent],
            calling=[call_key(t) for t in status.tickets if t.state == CALLED],
            waiting=sorted(w.number for w in status.waiting),
            no_call_yet=not any_call_today(status),
            left=(t("board_closed_today", why=status.closed_why or "") if not status.open
                  else t("board_quota_reached", quota=status.quota) if status.remaining == 0
                  else t("board_left", remaining=status.remaining, quota=status.quota)),
            wait=(t("board_no_wait_yet") if minutes is None
                  else t("board_average_wait_short") if minutes < 1
                  else t("board_average_wait", minutes=minutes)))
        return state
