"""Who came, recorded or completed at the counter while the officer checks the ID card: the
number in hand at this counter only, with the lobby's checks (kiosk.desk.identity) and its
rule of one number a day per identity. The audit log keeps which fields changed, never
their values: like a booking's entry, it names no person."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from data.database import Database
from data.queries import HotQueries
from data.tickets import TicketRows
from kiosk.desk import states
from kiosk.desk.audit_log import AuditLog
from kiosk.desk.codes import format_code
from kiosk.desk.errors import NotFound, Refused
from kiosk.desk.identity import Visitor, check_visitor
from kiosk.desk.records import TicketDetail
from kiosk.desk.views import detail_view, find_ticket
from kiosk.texts import Reason


@dataclass(frozen=True)
class VisitView:
    """One earlier visit of the same identity, as the officer who served it wrote it."""

    date: dt.date
    number: int
    service: str
    topic: str
    outcome: str  # "resolved" or "follow_up"
    note: str


class Visitors:
    def __init__(self, db: Database, queries: HotQueries, rows: TicketRows, audit: AuditLog):
        self.db, self.q, self.rows, self.audit = db, queries, rows, audit

    def record(self, code: str, counter: int, officer: str, name: str | None, *,
               status: str | None = "self", npwp: str | None = None, nik: str | None = None,
               passport: str | None = None, phone: str | None = None) -> TicketDetail:
        visitor = check_visitor(name, status=status, npwp=npwp, nik=nik, passport=passport,
                                phone=phone)
        ticket = find_ticket(self.rows, code)
        with self.db.atomic():
            self.q.lock_day(ticket.day)
            fresh = self.rows.locked(ticket.id)
            if fresh is None:  # tickets are never deleted; this is only for the type
                raise NotFound("ticket_not_found", code=format_code(ticket.code))
            if fresh.state not in (states.CALLED, states.SERVING):
                raise Refused("visitor_not_in_hand", number=fresh.number)
            if fresh.counter != counter:
                raise Refused("held_elsewhere", number=fresh.number, counter=fresh.counter)
            if visitor.id_number:
                held = self.q.held_by(fresh.day, visitor.id_number)
                if held is not None and held != fresh.number:
                    raise Refused("identity_has_number", kind=Reason(f"lobby_kind_{visitor.id_kind}"),
                                  number=held, date=fresh.day.isoformat())
            before = Visitor(fresh.visitor_name, fresh.visitor_status, fresh.id_kind,
                             fresh.id_number, fresh.phone)
            changed = [field for field in ("name", "status", "id_kind", "id_number", "phone")
                       if getattr(before, field) != getattr(visitor, field)]
            if changed:
                self.rows.record_visitor(fresh.id, visitor.name, visitor.status,
                                         visitor.id_kind, visitor.id_number, visitor.phone)
                self.audit.write("visitor", officer, counter, day=fresh.day, code=fresh.code,
                                 number=fresh.number, detail=" ".join(changed))
            moved = self.rows.locked(fresh.id)
        assert moved is not None
        return detail_view(moved)

    def earlier_visits(self, code: str) -> list[VisitView]:
        """The visitor's other served numbers, by the identity recorded on this ticket;
        none without one (a name alone does not say who it is)."""
        ticket = find_ticket(self.rows, code)
        if not ticket.id_number:
            return []
        return [VisitView(*row) for row in self.rows.earlier_visits(ticket.id_number, ticket.id)]
