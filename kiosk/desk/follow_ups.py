"""The follow-up list: the numbers finished "needs follow-up", until an officer marks the
follow-up handled. The mark is written like a move: inside the day's lock, the ticket read
again (another terminal may have marked it first), stamped, and logged with who and where."""

from __future__ import annotations

import datetime as dt

from data.database import Database
from data.queries import HotQueries
from data.tickets import TicketRows
from kiosk.desk.audit_log import AuditLog
from kiosk.desk.clock import DeskClock
from kiosk.desk.errors import Refused
from kiosk.desk.records import FinishedView
from kiosk.desk.views import find_ticket


class FollowUps:
    def __init__(self, db: Database, clock: DeskClock, queries: HotQueries, rows: TicketRows,
                 audit: AuditLog):
        self.db, self.clock, self.q, self.rows, self.audit = db, clock, queries, rows, audit

    def still_open(self, start: dt.date, end: dt.date) -> list[FinishedView]:
        return [FinishedView(*row) for row in self.rows.open_follow_ups(start, end)]

    def handled(self, code: str, officer: str, counter: int | None) -> FinishedView:
        """The follow-up of ``code`` handled: it leaves the open list; refused when the
        number needs none, or it was marked handled already (here or elsewhere)."""
        ticket = find_ticket(self.rows, code)
        with self.db.atomic():
            self.q.lock_day(ticket.day)
            if not self.rows.follow_up_open(ticket.id):
                raise Refused("follow_up_not_open", number=ticket.number,
                              date=ticket.day.isoformat())
            self.rows.follow_up_handled(ticket.id, self.clock.stamp())
            self.audit.write("follow_up_done", officer, counter, day=ticket.day,
                             code=ticket.code, number=ticket.number)
        return FinishedView(ticket.day, ticket.number, ticket.code, ticket.topic, ticket.note,
                            ticket.outcome)
