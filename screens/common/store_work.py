"""Store calls of a screen, beside it, the same way in every role: one at a time, "please
wait" when slow, a refusal said on the screen, and a bug logged and said calmly, never fatal.

A worker's exception would end the whole program (Textual's default); a kiosk at the
counter or in the lobby must stay up and say that this one step did not get done."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual import getters
from textual.widgets import Static
from textual.worker import WorkType

from kiosk.desk.errors import DeskError, StoreUnavailable
from screens.common.role_app import RoleApp

if TYPE_CHECKING:  # a mixin of screens: typed as one, a plain class at run time
    from textual.screen import Screen

    _Screen = Screen[Any]
else:
    _Screen = object

WORKING_NOTE_SECONDS = 0.3  # a store call longer than this says "please wait"
# The store refused this one step (held by another terminal, a full disk): the step says so.
# Any other trouble is the whole terminal's: the app's one banner says it (store_banner).
STEP_KEYS = ("store_busy", "store_full")


def store_away(error: Exception) -> bool:
    """Whether ``error`` is the store away (the banner's), not a refusal of one step."""
    return isinstance(error, StoreUnavailable) and error.key not in STEP_KEYS


class StoreWork(_Screen):
    """Mixed into a Screen of a RoleApp, before the Screen class."""

    app = getters.app(RoleApp)
    busy = False  # a store call of this screen is under way
    WORKING_TEXT: ClassVar[str] = "lobby_working"  # "please wait", in the role's words
    FAILED_TEXT: ClassVar[str] = "lobby_store_down"  # a bug stopped the step

    def run_busy(self, work: Coroutine[Any, Any, object]) -> None:
        """Run ``work`` (which calls the store) beside the screen, one at a time. Taps made
        meanwhile are ignored, not queued: a queued second tap on "Take a number" would
        book a second number once the first was done."""
        if self.busy:
            work.close()
            return
        self.busy = True
        self._not_begun("store", work)

        async def run() -> None:
            try:
                await self._guarded(work)
            finally:
                self.busy = False
                touched = getattr(self, "touched", None)
                if touched:  # the wait was the person's, not idleness
                    touched()

        begins: WorkType[None] = run  # the coroutine made only when the worker begins
        self.run_worker(begins, group="store")

    def run_latest(self, work: Coroutine[Any, Any, object], group: str) -> None:
        """Run ``work`` beside the screen; a newer one of the same ``group`` replaces it
        (a read that follows typing or the store: only the latest counts). It does not
        hold up the taps."""
        self._not_begun(group, work)
        begins: WorkType[None] = partial(self._guarded, work)
        self.run_worker(begins, group=group, exclusive=True)

    def _not_begun(self, group: str, work: Coroutine[Any, Any, object] | None) -> None:
        """Keep ``work`` until it begins; close the one it replaces if that never began (a
        worker cancelled before it started leaves its coroutine unawaited: a warning)."""
        waiting = self.__dict__.setdefault("_works_not_begun", {})
        earlier = waiting.pop(group, None)
        if earlier is not None and inspect.getcoroutinestate(earlier) == inspect.CORO_CREATED:
            earlier.close()
        if work is not None:
            waiting[group] = work

    def on_unmount(self) -> None:
        for group in list(self.__dict__.get("_works_not_begun", ())):
            self._not_begun(group, None)

    async def _guarded(self, work: Coroutine[Any, Any, object]) -> None:
        try:
            await work
        except DeskError as error:  # a refusal the work left to us
            if self.said_by_banner(error):
                return
            if self.still_up:
                self.work_refused(error)
        except Exception as error:  # a bug, not a refusal: the screen stays up and says so
            self.log.error(f"store work failed: {error!r}")
            if self.still_up:
                self.work_failed(error)

    @property
    def still_up(self) -> bool:
        """Whether this screen is still on the app's stack: one popped meanwhile (the day
        locked by a read while a move was in the store) is being taken down, its widgets
        first, and has nobody to say a refusal to."""
        return self.is_attached and self in self.app.screen_stack

    def said_by_banner(self, error: Exception) -> bool:
        """The store away: the follower hears of it (one banner, retried until it answers)
        instead of a toast or a line of this screen; False for anything else."""
        if not store_away(error):
            return False
        assert isinstance(error, DeskError)
        self.app.follower.trouble_seen(error)
        return True

    def work_refused(self, error: DeskError) -> None:
        """A refusal (or the store away) that the work did not say itself."""
        self.work_failed(error)

    def work_failed(self, error: Exception) -> None:
        """Say that the step did not get done; the screen decides where."""
        self.app.notify(self.app.t(self.FAILED_TEXT), severity="error")

    @asynccontextmanager
    async def working(self, where: str) -> AsyncIterator[None]:
        """Around a store call: when it takes more than a moment, "please wait" is shown in
        the ``where`` line (a held lock can make a write wait some seconds)."""
        line = self.query_one(where, Static)
        timer = self.set_timer(WORKING_NOTE_SECONDS,
                               lambda: line.update(self.app.t(self.WORKING_TEXT)))
        try:
            yield
        finally:
            timer.stop()
            line.update("")
