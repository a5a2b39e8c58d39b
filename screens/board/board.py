"""The board: the live waiting list on the lobby TV (and in a browser through serve).

It shows every terminal's changes as the app's follower of the store reads them (a cheap
change check five times a second, one read of the day when something changed, the new day
at midnight) and says when the store is in trouble; the screen never waits on the database.
"""

from __future__ import annotations

import time

from textual import getters
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Label

from kiosk.devices import speech
from kiosk.texts.dates import clock_line
from kiosk.desk.records import DayStatus
from kiosk.desk.states import CALLED
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
        self._seen_calls: set[tuple[str, int]] | None = None  # None until the first read
        self._fresh: dict[str, float] = {}  # code -> monotonic time it stops standing out

    def compose(self) -> ComposeResult:
        office = self.app.desk.office
        with Horizontal(id="board-top"):
            yield Label(f"{office.name} · {office.helpdesk_name}", id="board-office")
            yield Label("", id="board-clock")
        with Horizontal(id="board-main"):
            yield NowServing(office.counters, id="board-serving")
            yield NextList(id="board-next")
        with Horizontal(id="board-stats"):
            yield Label("", id="board-left")
            yield Label("", id="board-wait")
        yield Label(self.app.t("board_store_down"), id="board-alert")
        yield Ticker(id="board-ticker")

    async def on_mount(self) -> None:
        desk = self.app.desk
        self.speaker = speech.speaker_for(desk.office)
        self._show_trouble(False)
        self._show_clock()
        self.set_interval(1.0, self._show_clock)
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
        self.query_one(NowServing).show(status.in_service, fresh)
        self.query_one(NextList).show(status.waiting)
        self._show_numbers(status)

    def _note_calls(self, status: DayStatus) -> None:
        """A call or recall not seen before stands out for a while and is spoken."""
        calls = sorted((t for t in status.in_service if t.state == CALLED),
                       key=lambda t: t.called_at or t.booked_at)
        keys = {(t.code, t.call_count) for t in calls}
        if self._seen_calls is None:  # the board just started: nothing is news
            self._seen_calls = keys
            return
        for ticket in calls:
            if (ticket.code, ticket.call_count) in self._seen_calls:
                continue
            self._seen_calls.add((ticket.code, ticket.call_count))
            self._fresh[ticket.code] = time.monotonic() + FRESH_SECONDS
            self.set_timer(FRESH_SECONDS + 0.1, self._unfresh)
            if ticket.counter:
                self.speaker.say(speech.call_sentence(
                    ticket.number, ticket.counter, self.app.desk.office.helpdesk_name))

    def _unfresh(self) -> None:
        now = time.monotonic()
        self._fresh = {code: until for code, until in self._fresh.items() if until > now}
        if self.status is not None:
            self.query_one(NowServing).show(self.status.in_service, set(self._fresh))

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

    def _show_clock(self) -> None:
        self.query_one("#board-clock", Label).update(
            clock_line(self.app.desk.local_now(), self.app.lang))
