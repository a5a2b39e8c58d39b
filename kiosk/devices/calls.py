"""The calls a board shows and announces, found by comparing one read of the day with the next.

A call event is keyed on the call itself — the ticket, when it was called and its call
count — never on (number, call count) alone: a no-show who came back and is called again
starts a new call (a new ``called_at``) even when the count restarts at 1, and a recall
bumps the count. The terminal board and the web board keep one CallLog each; the web
board has one for all its viewers.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from kiosk.desk.records import DayStatus, TicketView
from kiosk.desk.states import CALLED

RECENT = 6  # how many of the last calls a board lists


def call_key(ticket: TicketView) -> str:
    called = ticket.called_at.isoformat() if ticket.called_at else "-"
    return f"{ticket.code}@{called}#{ticket.call_count}"


@dataclass(frozen=True)
class CallEvent:
    key: str
    code: str
    number: int
    counter: int
    recall: bool
    order: int  # the order the board saw the calls in (a recall comes after what it follows)


@dataclass(frozen=True)
class RecentCall:
    """One line of "last calls": the number, its counter, still being called or not."""

    number: int
    counter: int
    code: str
    key: str
    state: str


class CallLog:
    def __init__(self) -> None:
        self._seen: set[str] | None = None  # None until the first read: nothing is news then
        self._latest: dict[str, CallEvent] = {}  # code -> its latest call event
        self._order = itertools.count(1)
        self._date: dt.date | None = None

    def note(self, status: DayStatus) -> list[CallEvent]:
        """The call events new in ``status``, oldest first."""
        calls = sorted((t for t in status.tickets if t.state == CALLED and t.counter),
                       key=lambda t: (t.called_at or t.booked_at, t.call_count))
        if self._seen is None:
            self._seen, self._date = set(), status.date
            for ticket in sorted((t for t in status.tickets if t.called_at and t.counter),
                                 key=lambda t: t.called_at or t.booked_at):
                self._remember(ticket)
            return []
        if status.date != self._date:  # a new day: yesterday's calls are gone
            self._latest.clear()
            self._date = status.date
        events = []
        for ticket in calls:
            key = call_key(ticket)
            if key in self._seen:
                continue
            known = self._latest.get(ticket.code)
            events.append(self._remember(ticket, recall=known is not None
                                         and known.key.split("#")[0] == key.split("#")[0]))
        # Called and already served (or gone) between two reads: not news to announce, but
        # one of the day's last calls all the same.
        for ticket in sorted((t for t in status.tickets if t.called_at and t.counter
                              and t.code not in self._latest),
                             key=lambda t: t.called_at or t.booked_at):
            self._remember(ticket)
        return events

    def _remember(self, ticket: TicketView, recall: bool = False) -> CallEvent:
        assert self._seen is not None and ticket.counter is not None
        key = call_key(ticket)
        self._seen.add(key)
        event = CallEvent(key, ticket.code, ticket.number, ticket.counter, recall,
                          next(self._order))
        self._latest[ticket.code] = event
        return event

    def recent(self, status: DayStatus, limit: int = RECENT) -> list[RecentCall]:
        """The last calls of the day, the latest (a recall included) first."""
        by_code = {t.code: t for t in status.tickets}
        shown = sorted((e for e in self._latest.values() if e.code in by_code),
                       key=lambda e: e.order, reverse=True)
        return [RecentCall(e.number, by_code[e.code].counter or e.counter, e.code, e.key,
                           by_code[e.code].state) for e in shown[:limit]]

    @staticmethod
    def still_current(key: str, status: DayStatus | None) -> bool:
        """Whether an announcement is still true: its ticket is being called by that call."""
        if status is None:
            return False
        return any(t.state == CALLED and call_key(t) == key for t in status.tickets)


def any_call_today(status: DayStatus) -> bool:
    return any(t.called_at is not None for t in status.tickets)
