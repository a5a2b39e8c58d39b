"""Plain dataclasses the desk returns; screens and the command line only ever see these."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from kiosk.desk.states import CALLED, SERVING, WAITING
from kiosk.texts import Reason

R = TypeVar("R")


def new_record(cls: type[R], **fields: object) -> R:
    """``cls(**fields)`` for a frozen record read many times a second (the day's status),
    without the generated __init__, which sets each field through the frozen class's guard
    (several times the cost). Every field must be given; no __post_init__ runs."""
    assert fields.keys() == cls.__dataclass_fields__.keys(), fields.keys()  # type: ignore[attr-defined]
    record = object.__new__(cls)
    record.__dict__.update(fields)
    return record


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


@dataclass(frozen=True)
class TicketView:
    """A ticket as the board and the ticket slip may show it: no personal data."""

    number: int
    code: str
    date: dt.date
    service: str
    state: str
    walk_in: bool
    counter: int | None
    officer: str
    call_count: int
    booked_at: dt.datetime
    arrived_at: dt.datetime | None = None
    called_at: dt.datetime | None = None
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None

    # Worked out once per view (a report asks each ticket several times); the view is
    # frozen, so the answer cannot go stale. Not fields: equality and repr leave them out.
    @cached_property
    def waited_seconds(self) -> float | None:
        """From arrival to the first call."""
        if self.arrived_at and self.called_at:
            return max(0.0, (self.called_at - self.arrived_at).total_seconds())
        return None

    @cached_property
    def served_seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return max(0.0, (self.finished_at - self.started_at).total_seconds())
        return None

    def to_json(self) -> dict:
        return {
            "number": self.number,
            "code": self.code,
            "date": self.date.isoformat(),
            "service": self.service,
            "state": self.state,
            "walk_in": self.walk_in,
            "counter": self.counter,
            "officer": self.officer or None,
            "call_count": self.call_count,
            "booked_at": _iso(self.booked_at),
            "arrived_at": _iso(self.arrived_at),
            "called_at": _iso(self.called_at),
            "started_at": _iso(self.started_at),
            "finished_at": _iso(self.finished_at),
            "ended_at": _iso(self.ended_at),
            "waited_seconds": self.waited_seconds,
            "served_seconds": self.served_seconds,
        }


@dataclass(frozen=True)
class VisitorView:
    """Who comes, for the officer to check against the ID card; never for the board."""

    name: str
    status: str
    id_kind: str
    id_number: str
    phone: str


@dataclass(frozen=True)
class TicketDetail:
    ticket: TicketView
    visitor: VisitorView
    topic: str
    note: str
    outcome: str


@dataclass(frozen=True)
class DayStatus:
    date: dt.date
    open: bool  # the office serves on that date
    closed_why: Reason | None  # why not, when closed: said in the language shown
    open_now: bool  # within today's service hours (False for other dates)
    bookable: bool  # a number can be taken for that date right now
    quota: int
    quota_overridden: bool
    quota_reason: str
    issued: int  # places counted against the quota (cancelled tickets free theirs)
    last_number: int
    tickets: tuple[TicketView, ...] = field(default_factory=tuple)

    @property
    def remaining(self) -> int:
        return max(0, self.quota - self.issued)

    @property
    def waiting(self) -> tuple[TicketView, ...]:
        return tuple(t for t in self.tickets if t.state == WAITING)

    @property
    def in_service(self) -> tuple[TicketView, ...]:
        """Called or being served, most recent call first."""
        active = [t for t in self.tickets if t.state in (CALLED, SERVING)]
        return tuple(sorted(active, key=lambda t: t.called_at or t.booked_at, reverse=True))

    def count(self, state: str) -> int:
        return sum(1 for t in self.tickets if t.state == state)

    @property
    def average_wait_seconds(self) -> float | None:
        waits = [t.waited_seconds for t in self.tickets if t.waited_seconds is not None]
        return sum(waits) / len(waits) if waits else None

    @property
    def average_service_seconds(self) -> float | None:
        spans = [t.served_seconds for t in self.tickets if t.served_seconds is not None]
        return sum(spans) / len(spans) if spans else None

    def to_json(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "open": self.open,
            "closed_why": self.closed_why.text("id") if self.closed_why else None,
            "open_now": self.open_now,
            "bookable": self.bookable,
            "quota": self.quota,
            "quota_overridden": self.quota_overridden,
            "quota_reason": self.quota_reason or None,
            "issued": self.issued,
            "last_number": self.last_number,
            "remaining": self.remaining,
            "waiting": [t.number for t in self.waiting],
            "in_service": [{"number": t.number, "counter": t.counter, "state": t.state}
                           for t in self.in_service],
            "average_wait_seconds": self.average_wait_seconds,
            "average_service_seconds": self.average_service_seconds,
            "tickets": [t.to_json() for t in self.tickets],
        }


@dataclass(frozen=True)
class FinishedView:
    """What the officer wrote when finishing a number: for the report and the follow-ups."""

    date: dt.date
    number: int
    code: str
    topic: str
    note: str
    outcome: str  # "resolved" or "follow_up"


@dataclass(frozen=True)
class DayChoice:
    """A day a number can be booked for, with how many are left."""

    date: dt.date
    remaining: int


@dataclass(frozen=True)
class OfficerView:
    id: int
    name: str
    role: str
    active: bool

    @property
    def is_supervisor(self) -> bool:
        return self.role == "supervisor"


@dataclass(frozen=True)
class AuditView:
    at: dt.datetime
    actor: str
    counter: int | None
    action: str
    day: dt.date | None
    ticket_code: str
    ticket_number: int | None
    detail: str
    reason: str
