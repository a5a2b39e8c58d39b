"""The board: the live waiting list on the lobby TV (and in a browser through serve).

It shows every terminal's changes as the app's follower of the store reads them (a cheap
change check woken by the store's own notice of a write, one read of the day when something
changed, the new day at midnight) and says when the store is in trouble; the screen never waits on the database.
"""

from __future__ import annotations

import functools
import time

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Label

from kiosk.devices import speech
from kiosk.devices.calls import CallLog, any_call_today
from kiosk.desk.records import DayStatus
from screens.board.big_digits import BigDigits
from screens.board.clock import BoardClock
from screens.board.next_list import NextList
from screens.common.messages import DayChanged, StoreBack, StoreTrouble
from screens.common.role_app import RoleApp
from screens.board.serving import NowServing
from screens.board.ticker import Ticker

FRESH_SECONDS = 8.0  # how long a new call stands out
TICKER_SECONDS = 6.0


class BoardScreen(Screen):
    app = getters.app(RoleApp)
    CSS_PATH = ["board.tcss", "serving.tcss", "next_list.tcss", "ticker.tcss"]

    def __init__(self) -> None:
        super().__init__()
        self.status: DayStatus | None = None  # the day shown
        self.calls = CallLog()  # every call event: call, recall, call after a return
        self._fresh: dict[str, float] = {}  # code -> monotonic time it stops standing out

    def compose(self) -> ComposeResult:
        office = self.app.desk.office
        with Horizontal(id="board-top"):
            yield Label(f"{office.name} · {office.helpdesk_name}", id="board-office")
            yield BoardClock("", id="board-clock", markup=False)
        with Horizontal(id="board-main"):
            yield NowServing(office.counters, id="board-serving")
            with Vertical(id="board-closed"):
                yield BigDigits("", id="board-closed-title")
                yield Label("", id="board-closed-why")
            yield NextList(id="board-next")
        with Horizontal(id="board-stats"):
            yield Label("", id="board-left")
            yield Label("", id="board-wait")
        yield Label(self.app.t("board_store_down"), id="board-alert")
        yield Ticker(id="board-ticker")

    async def on_mount(self) -> None:
        desk = self.app.desk
        self.speaker = speech.board_speaker(desk.office)
        self._show_trouble(False)
        self.set_interval(TICKER_SECONDS, self.query_one(Ticker).advance)
        follower = self.app.follower
        await follower.read_now()  # the first frame already shows the day
        self._show_trouble(follower.trouble is not None)
        if follower.status is not None:
            self.show(follower.status)

    def on_unmount(self) -> None:
        self.speaker.close()

    # ----- what the follower of the store says --------------------------------------------

    def on_day_changed(self, message: DayChanged) -> None:
        self.show(message.status)

    def on_store_trouble(self, message: StoreTrouble) -> None:
        # A file that is gone does not come back by itself: the board says who must act.
        gone = message.error.key == "store_gone"
        self.query_one("#board-alert", Label).update(
            self.app.t("board_store_gone" if gone else "board_store_down"))
        self._show_trouble(True)  # the last known list stays up

    def on_store_back(self, message: StoreBack) -> None:
        self._show_trouble(False)

    def _show_trouble(self, trouble: bool) -> None:
        self.query_one("#board-alert").display = trouble
        self.set_class(trouble, "-store-down")

    # ----- showing -----------------------------------------------------------------------

    def show(self, status: DayStatus) -> None:
        self.status = status
        self._note_calls(status)
        now = time.monotonic()
        fresh = {code for code, until in self._fresh.items() if until > now}
        self._show_serving(status, fresh)
        self.query_one(NextList).show(status.waiting)
        self._show_numbers(status)
        self._show_closed(status)

    def _show_serving(self, status: DayStatus, fresh: set[str]) -> None:
        # The latest call event first: a recall moves its number back to the top.
        order = {call.code: index for index, call in enumerate(self.calls.recent(status, 99))}
        serving = tuple(sorted(status.in_service, key=lambda t: order.get(t.code, 99)))
        self.query_one(NowServing).show(serving, fresh, recent=tuple(self.calls.recent(status)),
                                        no_call_yet=not any_call_today(status))

    def _show_closed(self, status: DayStatus) -> None:
        """A closed day is shown as closed, with its reason, where the numbers would be."""
        self.query_one(NowServing).display = status.open
        closed = self.query_one("#board-closed")
        closed.display = not status.open
        if not status.open:
            self.query_one("#board-closed-title", BigDigits).update(self.app.t("board_closed_title"))
            self.query_one("#board-closed-why", Label).update(
                status.closed_why.text(self.app.lang) if status.closed_why else "")

    def _note_calls(self, status: DayStatus) -> None:
        """A call event not seen before stands out for a while and is spoken, unless its
        ticket has moved on by the time its turn to be spoken comes."""
        for event in self.calls.note(status):
            self._fresh[event.code] = time.monotonic() + FRESH_SECONDS
            self.set_timer(FRESH_SECONDS + 0.1, self._unfresh)
            self.speaker.say(speech.call_sentence(
                event.number, event.counter, self.app.desk.office.helpdesk_name),
                still=functools.partial(self._still_called, event.key))

    def _still_called(self, key: str) -> bool:
        """Asked by the speaker when the call's turn comes (from its own thread)."""
        return self.calls.still_current(key, self.status)

    def _unfresh(self) -> None:
        now = time.monotonic()
        self._fresh = {code: until for code, until in self._fresh.items() if until > now}
        if self.status is not None:
            self._show_serving(self.status, set(self._fresh))

    def _show_numbers(self, status: DayStatus) -> None:
        t = self.app.t
        left = self.query_one("#board-left", Label)
        if not status.open:
            left.update(t("board_closed_today", why=status.closed_why or ""))
        elif status.remaining == 0:
            left.update(t("board_quota_reached", quota=status.quota))
        else:
            left.update(t("board_left", remaining=status.remaining, quota=status.quota))
        left.set_class(status.open and status.remaining == 0, "-quota-reached")
        wait = status.average_wait_seconds
        minutes = round(wait / 60) if wait is not None else None
        self.query_one("#board-wait", Label).update(
            t("board_no_wait_yet") if minutes is None
            else t("board_average_wait_short") if minutes < 1
            else t("board_average_wait", minutes=minutes))
