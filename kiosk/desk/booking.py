"""Taking a number (rules 1 and 3): a walk-in for today, waiting at once, or a booking for a
later day. One short transaction that locks the day's counter first, so two terminals
booking at the same moment never get the same number, and the quota holds."""

from __future__ import annotations

import datetime as dt

from data.database import Database
from data.office import Office
from data.queries import HotQueries
from kiosk.desk import states
from kiosk.desk.audit_log import AuditLog
from kiosk.desk.clock import DeskClock
from kiosk.desk.codes import new_code
from kiosk.desk.days import Days
from kiosk.desk.days import closed_by_supervisor
from kiosk.desk.errors import InvalidInput, Refused
from kiosk.desk.expiry import Expiry
from kiosk.desk.identity import check_visitor
from kiosk.desk.records import TicketView
from kiosk.texts import Reason


class Unbookable(Exception):
    """No number for ``day``: ``key`` and ``values`` say why (the desk adds the next
    bookable day before the refusal reaches a person)."""

    def __init__(self, key: str, values: dict, day: dt.date):
        super().__init__(key)
        self.key, self.values, self.day = key, values, day


def check_service(office: Office, service: str) -> None:
    if office.service(service) is None:
        raise InvalidInput("service", "unknown_service", service=service,
                           choices=", ".join(s.code for s in office.services))


class Booking:
    def __init__(self, db: Database, office: Office, clock: DeskClock, queries: HotQueries,
                 audit: AuditLog, days: Days, expiry: Expiry):
        self.db, self.office, self.clock, self.q = db, office, clock, queries
        self.audit, self.days, self.expiry = audit, days, expiry

    def book(self, service: str, name: str | None, *, status: str | None = "self",
             npwp: str | None = None, nik: str | None = None, passport: str | None = None,
             phone: str | None = None, day: dt.date | None = None,
             actor: str = "lobby") -> TicketView:
        check_service(self.office, service)
        walk_in = day is None
        # A walk-in today gets a number without typing (the officer completes who came at
        # the counter); a booking holds a place on another day, so it says whose it is.
        visitor = check_visitor(name, status=status, npwp=npwp, nik=nik, passport=passport,
                                phone=phone, name_optional=True)
        if not walk_in and not visitor.name and not visitor.id_number:
            raise InvalidInput("name", "name_or_identity_required")
        day = day or self.clock.today()
        self.expiry.once_a_day()
        refusal = self.days.refusal(day)
        if refusal:
            raise Unbookable(*refusal, day=day)
        stamp = self.clock.stamp()
        state = states.WAITING if walk_in else states.BOOKED
        with self.db.atomic():
            last_number, taken = self.q.lock_day(day, create=True)
            self._full(day, taken)
            self._one_per_identity(day, visitor.id_kind, visitor.id_number)
            number = last_number + 1
            self.q.bump(day, number, taken + 1)
            code = self._new_code()
            self.q.insert_ticket(
                day=day, number=number, code=code, service=service, state=state,
                walk_in=walk_in, visitor_name=visitor.name, visitor_status=visitor.status,
                id_kind=visitor.id_kind, id_number=visitor.id_number, phone=visitor.phone,
                booked_at=stamp, arrived_at=stamp if walk_in else None)
            self.audit.write("book", actor, None, day=day, code=code, number=number,
                             detail=f"{service} {'walk-in' if walk_in else 'booking'}")
        at = stamp.replace(tzinfo=dt.timezone.utc)
        return TicketView(number=number, code=code, date=day, service=service, state=state,
                          walk_in=walk_in, counter=None, officer="", call_count=0, booked_at=at,
                          arrived_at=at if walk_in else None)

    def _full(self, day: dt.date, taken: int) -> None:
        """Inside the day's lock: refuse when no place is left. A day a supervisor set to
        0 is closed, with the reason given, not "all numbers taken" (rule 8)."""
        quota, reason = self.days.quota_for(day)
        if quota == 0 and reason is not None:
            raise Unbookable("day_closed", {"date": day.isoformat(),
                                            "why": closed_by_supervisor(reason)}, day)
        if taken >= quota:
            raise Unbookable("quota_reached", {"date": day.isoformat()}, day)

    def _one_per_identity(self, day: dt.date, kind: str, id_number: str) -> None:
        """Inside the day's lock, so two terminals at once cannot both pass: one identity
        holds one number a day, whatever the service (rule 7)."""
        if not id_number:
            return
        held = self.q.held_by(day, id_number)
        if held is not None:
            raise Refused("identity_has_number", kind=Reason(f"lobby_kind_{kind}"),
                          number=held, date=day.isoformat())

    def _new_code(self) -> str:
        while True:
            code = new_code()
            if not self.q.code_used(code):
                return code
