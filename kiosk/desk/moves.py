"""The moves of a ticket (rules 4 and 5): checked in, called, served, finished, a no-show,
back in the queue, cancelled, moved to the other service. Each move locks the day's
counter, reads the ticket again inside that lock, checks the move against the states,
writes it and logs it; any move the states don't allow is refused."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Sequence

from data.database import Database
from data.office import Office
from data.queries import TICKET_COLUMNS, HotQueries
from data.tickets import Moment, TicketRow, TicketRows
from kiosk.desk import service_days, states
from kiosk.desk.audit_log import AuditLog
from kiosk.desk.booking import check_service
from kiosk.desk.clock import DeskClock
from kiosk.desk.codes import format_code
from kiosk.desk.errors import InvalidInput, NotFound, Refused
from kiosk.desk.expiry import Expiry
from kiosk.desk.identity import check_text
from kiosk.desk.records import TicketView
from kiosk.desk.views import find_ticket, row_view, ticket_view
from kiosk.texts import Reason

OUTCOMES = ("resolved", "follow_up")
# The longest finish note: a paragraph, read whole in the follow-up list and the earlier
# visits at 80 columns (about seven lines), and in the report.
NOTE_MAX = 500
STAMPS = ("booked_at", "arrived_at", "called_at", "started_at", "finished_at", "ended_at")


def not_before(stamp: dt.datetime, previous: Sequence[Moment | None]) -> dt.datetime:
    """A move's stamp, never earlier than the ticket's previous stamps: a clock set back
    (within what DeskClock.check lets write) must not store a finish before its start.
    Clamped rather than refused: the move happened, only the terminal's clock is off."""
    latest = max((_moment(m) for m in previous if m is not None), default=stamp)
    return max(stamp, latest)


def _moment(value: Moment) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


class Moves:
    def __init__(self, db: Database, office: Office, clock: DeskClock, queries: HotQueries,
                 rows: TicketRows, audit: AuditLog, expiry: Expiry):
        self.db, self.office, self.clock, self.q, self.rows = db, office, clock, queries, rows
        self.audit, self.expiry = audit, expiry

    def check_in(self, code: str, actor: str = "lobby",
                 counter: int | None = None) -> TicketView:
        """A booked taxpayer arrives on the day: the ticket joins today's waiting list.
        Checked in at a counter, the log says which (the ticket is held by none yet)."""
        counter = self._valid(counter)
        ticket = find_ticket(self.rows, code)
        if ticket.state == states.BOOKED:
            self._arrival_refused(ticket)
        if ticket.state in (states.WAITING, states.CALLED, states.SERVING):
            raise Refused("already_checked_in", number=ticket.number)
        return self._move(ticket, "check_in", actor, counter, arrived_at=self.clock.stamp())

    def _arrival_refused(self, ticket: TicketRow) -> None:
        """A booking checks in on its own day within its hours: one of a day gone by was
        missed, and after closing time nobody is called any more today (a new number)."""
        today = self.clock.today()
        code, day = format_code(ticket.code), ticket.day.isoformat()
        if ticket.day < today:
            raise Refused("booking_missed", code=code, date=day)
        if ticket.day > today:
            raise Refused("ticket_other_day", code=code, date=day)
        closed = service_days.closed_why(self.office, ticket.day)
        if closed:  # the office closed that day after it was booked
            raise Refused("day_closed", date=day, why=closed)
        if service_days.hours_over(self.office, self.clock.local_now()):
            hours = self.office.opening_hours.get(ticket.day.weekday())
            raise Refused("checkin_after_hours", code=code,
                          hours=hours.label() if hours else "-")

    def call_next(self, counter: int, officer: str) -> TicketView:
        """Rule 5: the lowest number waiting today, never picked by hand."""
        self.check_counter(counter)
        self.expiry.once_a_day()
        today = self.clock.today()
        with self.db.atomic():
            if self.q.lock_day(today) is None:
                raise Refused("nobody_waiting")
            busy = self.q.counter_busy(today, counter)
            if busy is not None:
                raise Refused("counter_busy", counter=counter, number=busy)
            row = self.q.lowest_waiting(today)
            if row is None:
                raise Refused("nobody_waiting")
            now = not_before(self.clock.stamp(),
                             row[TICKET_COLUMNS.index("booked_at"):len(TICKET_COLUMNS)])
            self.q.call(row[0], now, counter, officer)
            ticket = row_view(row)
            self.audit.write("call", officer, counter, day=today, code=ticket.code,
                             number=ticket.number)
        return replace(ticket, state=states.CALLED, called_at=now.replace(tzinfo=dt.timezone.utc),
                       counter=counter, officer=officer, call_count=ticket.call_count + 1)

    def recall(self, code: str, counter: int | None, officer: str) -> TicketView:
        ticket = find_ticket(self.rows, code)
        return self._move(ticket, "recall", officer, self._valid(counter), held=True,
                          call_count=ticket.call_count + 1)

    def start(self, code: str, counter: int | None, officer: str) -> TicketView:
        ticket = find_ticket(self.rows, code)
        return self._move(ticket, "start", officer, self._valid(counter), held=True,
                          started_at=self.clock.stamp(), officer=officer)

    def finish(self, code: str, counter: int | None, officer: str, topic: str,
               note: str = "", outcome: str = "resolved") -> TicketView:
        topic = check_text(topic, "topic", required=True, max_len=200)
        note = check_text(note, "note", max_len=NOTE_MAX)
        if outcome not in OUTCOMES:
            raise InvalidInput("outcome", "visitor_invalid", choices=", ".join(OUTCOMES))
        ticket = find_ticket(self.rows, code)
        return self._move(ticket, "finish", officer, self._valid(counter), held=True,
                          finished_at=self.clock.stamp(), topic=topic, note=note,
                          outcome=outcome)

    def no_show(self, code: str, counter: int | None, officer: str) -> TicketView:
        ticket = find_ticket(self.rows, code)
        return self._move(ticket, "no_show", officer, self._valid(counter), held=True,
                          ended_at=self.clock.stamp())

    def return_to_queue(self, code: str, actor: str, counter: int | None = None) -> TicketView:
        """A no-show who came back the same day waits again, keeping the number and the
        first arrival: the wait is the taxpayer's whole wait, not the time since coming back."""
        counter = self._valid(counter)
        ticket = find_ticket(self.rows, code)
        if ticket.day != self.clock.today():
            raise Refused("ticket_other_day", code=format_code(ticket.code),
                          date=ticket.day.isoformat())
        return self._move(ticket, "return", actor, counter, counter=None, ended_at=None)

    def cancel(self, code: str, actor: str, reason: str = "",
               counter: int | None = None) -> TicketView:
        reason = check_text(reason, "reason")
        counter = self._valid(counter)
        ticket = find_ticket(self.rows, code)
        return self._move(ticket, "cancel", actor, counter, reason=reason,
                          ended_at=self.clock.stamp())

    def transfer(self, code: str, service: str, counter: int | None, officer: str) -> TicketView:
        """The taxpayer came for the other service: same number, other service."""
        check_service(self.office, service)
        counter = self._valid(counter)
        ticket = find_ticket(self.rows, code)
        return self._move(ticket, "transfer", officer, counter, held=True, service=service,
                          detail=f"{ticket.service} -> {service}")

    def take_over(self, code: str, counter: int, supervisor: str) -> TicketView:
        """A supervisor takes a called or served number to ``counter`` (the officer who
        held it left, or a counter closed): logged as a take-over, from which counter."""
        self.check_counter(counter)
        ticket = find_ticket(self.rows, code)
        return self._move(ticket, "take_over", supervisor, counter, counter=counter,
                          officer=supervisor)

    def check_counter(self, counter: int) -> None:
        if (isinstance(counter, bool) or not isinstance(counter, int)
                or not 1 <= counter <= self.office.counters):
            raise InvalidInput("counter", "counter_invalid", counters=self.office.counters)

    def _valid(self, counter: int | None) -> int | None:
        """A counter given must be one of the office's; None is an operator's command
        without --counter, which acts for the counter holding the ticket."""
        if counter is not None:
            self.check_counter(counter)
        return counter

    def _move(self, ticket: TicketRow, move: str, actor: str, at_counter: int | None,
              reason: str = "", detail: str = "", held: bool = False,
              **changes: object) -> TicketView:
        with self.db.atomic():
            self.q.lock_day(ticket.day)
            fresh = self.rows.locked(ticket.id)
            if fresh is None:  # tickets are never deleted; this is only for the type
                raise NotFound("ticket_not_found", code=format_code(ticket.code))
            if move == "take_over":
                detail = f"{fresh.counter} -> {at_counter}"
            return self._apply(fresh, move, actor, at_counter, reason, detail, held, changes)

    def _apply(self, ticket: TicketRow, move: str, actor: str, at_counter: int | None,
               reason: str, detail: str, held: bool, changes: dict[str, object]) -> TicketView:
        """Inside the day's lock: check the move against the states and, for a number in
        hand, against the counter holding it; write it, log it."""
        if not states.allowed(move, ticket.state):
            raise Refused("move_refused", number=ticket.number,
                          state=states.state_now(ticket.state), move=Reason(f"move_{move}"))
        in_hand = ticket.state in (states.CALLED, states.SERVING)
        if held and in_hand and at_counter is not None and at_counter != ticket.counter:
            raise Refused("held_elsewhere", number=ticket.number, counter=ticket.counter)
        if move == "take_over" and at_counter == ticket.counter:
            raise Refused("held_here", number=ticket.number, counter=at_counter)
        new_state = states.target(move, ticket.state)
        previous = [getattr(ticket, name) for name in STAMPS]
        for name in STAMPS:
            stamp = changes.get(name)
            if isinstance(stamp, dt.datetime):
                changes[name] = not_before(stamp, previous)
        changes["state"] = new_state
        self.rows.update(ticket.id, changes)
        if new_state == states.CANCELLED:
            self.rows.free_place(ticket.day)
        moved = TicketRow._make(changes.get(name, value)
                                for name, value in zip(TicketRow._fields, ticket))
        self.audit.write(move, actor, at_counter if at_counter is not None else moved.counter,
                         day=moved.day, code=moved.code, number=moved.number, detail=detail,
                         reason=reason)
        return ticket_view(moved)
