"""Store calls of a lobby screen, beside it: one at a time, "please wait" when slow."""

from __future__ import annotations

from collections.abc import Coroutine
from contextlib import asynccontextmanager

from textual.widgets import Static

WORKING_NOTE_SECONDS = 0.3  # a store call longer than this says "please wait"


class StoreWork:
    """Mixed into a Screen of the KioskApp (which has ``store`` and ``t``)."""

    busy = False  # a store call of this screen is under way

    def run_busy(self, work: Coroutine) -> None:
        """Run ``work`` (which calls the store) beside the screen, one at a time. Taps made
        meanwhile are ignored, not queued: a queued second tap on "Take a number" would
        book a second number once the first was done."""
        if self.busy:
            work.close()
            return
        self.busy = True

        async def run() -> None:
            try:
                await work
            except Exception as exc:  # a bug, not a refusal: the kiosk stays up and says so
                self.log.error(f"store work failed: {exc!r}")
                self.app.notify(self.app.t("lobby_store_down"), severity="error")
            finally:
                self.busy = False
                touched = getattr(self, "touched", None)
                if touched:  # the wait was the taxpayer's, not idleness
                    touched()

        self.run_worker(run(), group="store")

    @asynccontextmanager
    async def working(self, where: str):
        """Around a store call: when it takes more than a moment, "please wait" is shown in
        the ``where`` line (a held lock can make a booking wait some seconds)."""
        line = self.query_one(where, Static)
        timer = self.set_timer(WORKING_NOTE_SECONDS, lambda: line.update(self.app.t("lobby_working")))
        try:
            yield
        finally:
            timer.stop()
            line.update("")
