"""Reading the day and a ticket: what the board shows a few times a second, the lobby after
each number, and the counter's table. Nothing here writes."""

from __future__ import annotations

import datetime as dt

from data.office import Office
from data.queries import HotQueries
from data.tickets import TicketRow, TicketRows
from kiosk.desk import service_days
from kiosk.desk.clock import DeskClock
from kiosk.desk.days import Days
from kiosk.desk.records import DayStatus, TicketDetail, TicketView, new_record
from kiosk.desk.wait_estimate import Ahead, WaitEstimate, estimate
from kiosk.desk.views import detail_view, expired_view, find_ticket, row_view, ticket_view


class DayReading:
    def __init__(self, office: Office, clock: DeskClock, queries: HotQueries, rows: TicketRows,
                 days: Days):
        self.office, self.clock, self.q, self.rows, self.days = office, clock, queries, rows, days

    def status(self, day: dt.date | None = None) -> DayStatus:
        # One reading of the clock for the whole status (the board asks a few times a
        # second; each reading is a conversion to the office's zone).
        local_now = self.clock.local_now()
        today = local_now.date()
        day = day or today
        quota, override_reason = self.days.quota_for(day)
        taken, last_number = self.days.taken(day)
        tickets = tuple(map(row_view, self.q.day_tickets(day)))
        if day < today:
            tickets = tuple(map(expired_view, tickets))
        # The calendar is looked at once for the whole status, not by each check in turn.
        closed = service_days.closed_why(self.office, day)
        return new_record(
            DayStatus,
            date=day,
            open=closed is None,
            closed_why=closed,
            open_now=(day == today and closed is None
                      and service_days.within_hours(self.office, local_now)),
            bookable=(taken < quota
                      and self.days.refusal(day, local_now, closed=closed) is None),
            quota=quota,
            quota_overridden=override_reason is not None,
            quota_reason=override_reason or "",
            issued=taken,
            last_number=last_number,
            tickets=tickets,
        )

    def ticket(self, code: str) -> TicketView:
        return ticket_view(find_ticket(self.rows, code))

    def detail(self, code: str) -> TicketDetail:
        """The ticket with who comes: for the logged-in officer only."""
        return detail_view(find_ticket(self.rows, code))

    def ahead_of(self, code: str) -> int:
        """How many waiting numbers are before this one today."""
        ticket = find_ticket(self.rows, code)
        return self.rows.waiting_before(ticket.day, ticket.number)

    def ahead(self, code: str) -> Ahead:
        """Who is before this number: waiting now, and lower booked numbers not arrived
        yet, who are called first if they check in."""
        return self._ahead(find_ticket(self.rows, code))

    def _ahead(self, ticket: TicketRow) -> Ahead:
        before = self.rows.before(ticket.day, ticket.number)
        return Ahead(waiting=before.get("waiting", 0), booked=before.get("booked", 0))

    def wait(self, code: str) -> WaitEstimate:
        """The wait of a number today by the store's clock and the profile's hours."""
        ticket = find_ticket(self.rows, code)
        ahead = self._ahead(ticket)
        status = self.status(ticket.day)
        now = self.clock.local_now()
        hours = (self.office.opening_hours.get(ticket.day.weekday())
                 if ticket.day == now.date() else None)
        return estimate(status, ahead, self.office.counters, self.office.lobby.service_minutes,
                        now, hours)
