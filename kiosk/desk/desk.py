"""The Help Desk rules (rules 1–6 of the service standard) over the store.

Every method returns plain dataclasses (kiosk.desk.records) or raises a typed refusal
(kiosk.desk.errors). Writes run in one short transaction that takes the write lock first:
SQLite ``BEGIN IMMEDIATE`` (the database is opened with that lock type), PostgreSQL a
row lock on the day's counter, taken before any ticket of that day is touched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import lru_cache
from typing import Callable, NamedTuple

import peewee

from data.changes import NOTIFY_CHANNEL, ChangeWatcher
from data.database import engine
from data.models import DayCounter, QuotaOverride, Service, Ticket
from data.queries import HotQueries
from data.office import Office
from kiosk.desk import service_days
from kiosk.desk import states
from kiosk.desk.codes import format_code, new_code, normalize_code
from kiosk.desk.errors import DayNotBookable, InvalidInput, NotFound, Refused
from kiosk.desk.guard import store_errors
from kiosk.desk.identity import check_text, check_visitor
from kiosk.desk.records import DayChoice, DayStatus, TicketDetail, TicketView, VisitorView
from kiosk.texts import say

OUTCOMES = ("resolved", "follow_up")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Desk:
    """The Help Desk queue of one office over one store."""

    def __init__(self, db: peewee.Database, office: Office,
                 clock: Callable[[], dt.datetime] = utc_now):
        self.db, self.office, self.clock = db, office, clock
        self.postgres = engine(db) == "postgresql"
        self.q = HotQueries(db)
        self._expired_through: dt.date | None = None

    # ----- time -------------------------------------------------------------------------

    def now(self) -> dt.datetime:
        return self.clock().astimezone(dt.timezone.utc)

    def local_now(self) -> dt.datetime:
        return service_days.local_now(self.office, self.now())

    def today(self) -> dt.date:
        return self.local_now().date()

    def _stamp(self) -> dt.datetime:
        return self.now().replace(tzinfo=None)  # stored as naive UTC on both engines

    # ----- set-up -----------------------------------------------------------------------

    @store_errors
    def sync_services(self) -> None:
        """Copy the profile's services into the store (tickets refer to them)."""
        stored = {(s.code, s.name, s.name_en) for s in Service.select()}
        if stored >= {(s.code, s.name, s.name_en) for s in self.office.services}:
            return
        with self.db.atomic():
            for s in self.office.services:
                Service.insert(code=s.code, name=s.name, name_en=s.name_en).on_conflict(
                    conflict_target=[Service.code],
                    update={Service.name: s.name, Service.name_en: s.name_en}).execute()

    # ----- days and quota ---------------------------------------------------------------

    def quota_for(self, day: dt.date) -> tuple[int, str | None]:
        """The day's quota, and the supervisor's reason when it is not the default."""
        override = self.q.override(day)
        return (override[0], override[1]) if override else (self.office.daily_quota, None)

    def _taken(self, day: dt.date) -> tuple[int, int]:
        row = self.q.counter_row(day)
        return (row[1], row[0]) if row else (0, 0)

    def _day_refusal(self, day: dt.date) -> tuple[str, dict] | None:
        """Why no number can be booked for ``day`` now, before looking at the quota."""
        today = self.today()
        if day < today:
            return "past_date", {"date": day.isoformat()}
        last = today + dt.timedelta(days=self.office.booking_horizon_days)
        if day > last:
            return "beyond_horizon", {"days": self.office.booking_horizon_days,
                                      "last": last.isoformat()}
        closed = service_days.closed_why(self.office, day)
        if closed:
            key, values = closed
            return "day_closed", {"date": day.isoformat(), "why": say(key, "id", **values),
                                  "why_en": say(key, "en", **values)}
        if day == today and service_days.hours_over(self.office, self.local_now()):
            hours = self.office.opening_hours[day.weekday()]
            return "after_hours", {"hours": hours.label()}
        return None

    @store_errors
    def bookable_days(self, limit: int = 3, start: dt.date | None = None) -> list[DayChoice]:
        """The next days (from ``start``, default today) a number can still be booked for."""
        day = start or self.today()
        last = self.today() + dt.timedelta(days=self.office.booking_horizon_days)
        result: list[DayChoice] = []
        while day <= last and len(result) < limit:
            if self._day_refusal(day) is None:
                left = self.quota_for(day)[0] - self._taken(day)[0]
                if left > 0:
                    result.append(DayChoice(day, left))
            day += dt.timedelta(days=1)
        return result

    def _not_bookable(self, key: str, values: dict, day: dt.date) -> DayNotBookable:
        # A day too far ahead or already past: the nearest bookable day may be today.
        start = self.today() if key in ("beyond_horizon", "past_date") else day + dt.timedelta(days=1)
        later = self.bookable_days(limit=1, start=max(start, self.today()))
        return DayNotBookable(key, later[0].date if later else None,
                              self.office.booking_horizon_days, **values)

    @store_errors
    def set_quota(self, day: dt.date, quota: int, reason: str, actor: str,
                  counter: int | None = None) -> DayStatus:
        """A supervisor's quota for ``day`` (rule 2): kept with its reason in the audit log."""
        if isinstance(quota, bool) or not isinstance(quota, int) or not 0 <= quota <= 999:
            raise InvalidInput("quota", "quota_invalid")
        reason = check_text(reason, "reason", required=True)
        if day < self.today():
            raise Refused("past_date", date=day.isoformat())
        with self.db.atomic():
            self.q.lock_day(day, create=True)  # bookings of that day wait for the new quota
            before, _ = self.quota_for(day)
            QuotaOverride.insert(day=day, quota=quota, reason=reason, set_by=actor,
                                 set_at=self._stamp()).on_conflict(
                conflict_target=[QuotaOverride.day],
                update={QuotaOverride.quota: quota, QuotaOverride.reason: reason,
                        QuotaOverride.set_by: actor, QuotaOverride.set_at: self._stamp()},
            ).execute()
            self._audit("set_quota", actor, counter, day=day, detail=f"{before} -> {quota}",
                        reason=reason)
        return self.status(day)

    # ----- booking ----------------------------------------------------------------------

    @store_errors
    def book(self, service: str, name: str | None, *, status: str | None = "self",
             npwp: str | None = None, nik: str | None = None, passport: str | None = None,
             phone: str | None = None, day: dt.date | None = None,
             actor: str = "lobby") -> TicketView:
        """Take a number: a walk-in for today (waiting at once), or a booking for ``day``."""
        if self.office.service(service) is None:
            raise InvalidInput("service", "unknown_service", service=service,
                               choices=", ".join(s.code for s in self.office.services))
        visitor = check_visitor(name, status=status, npwp=npwp, nik=nik, passport=passport,
                                phone=phone)
        walk_in = day is None
        day = day or self.today()
        self._expire_once_a_day()
        refusal = self._day_refusal(day)
        if refusal:
            raise self._not_bookable(*refusal, day=day)
        stamp = self._stamp()
        state = states.WAITING if walk_in else states.BOOKED
        try:
            with self.db.atomic():
                last_number, taken = self.q.lock_day(day, create=True)
                if taken >= self.quota_for(day)[0]:
                    raise _QuotaFull()
                number = last_number + 1
                self.q.bump(day, number, taken + 1)
                code = self._new_code()
                self.q.insert_ticket(
                    day=day, number=number, code=code, service=service, state=state,
                    walk_in=walk_in, visitor_name=visitor.name, visitor_status=visitor.status,
                    id_kind=visitor.id_kind, id_number=visitor.id_number, phone=visitor.phone,
                    booked_at=stamp, arrived_at=stamp if walk_in else None)
                self._audit("book", actor, None, day=day, code=code, number=number,
                            detail=f"{service} {'walk-in' if walk_in else 'booking'}")
        except _QuotaFull:
            raise self._not_bookable("quota_reached", {"date": day.isoformat()}, day) from None
        at = stamp.replace(tzinfo=dt.timezone.utc)
        return TicketView(number=number, code=code, date=day, service=service, state=state,
                          walk_in=walk_in, counter=None, officer="", call_count=0, booked_at=at,
                          arrived_at=at if walk_in else None)

    def _new_code(self) -> str:
        while True:
            code = new_code()
            if not self.q.code_used(code):
                return code

    # ----- moves ------------------------------------------------------------------------

    @store_errors
    def check_in(self, code: str, actor: str = "lobby") -> TicketView:
        """A booked taxpayer arrives on the day: the ticket joins today's waiting list."""
        ticket = self._find(code)
        if ticket.state == states.BOOKED and ticket.day != self.today():
            raise Refused("ticket_other_day", code=format_code(ticket.code),
                          date=ticket.day.isoformat())
        if ticket.state in (states.WAITING, states.CALLED, states.SERVING):
            raise Refused("already_checked_in", number=ticket.number)
        closed = service_days.closed_why(self.office, ticket.day)
        if ticket.state == states.BOOKED and closed:  # the office closed that day after booking
            key, values = closed
            raise Refused("day_closed", date=ticket.day.isoformat(),
                          why=say(key, "id", **values), why_en=say(key, "en", **values))
        return self._move(ticket, "check_in", actor, None, arrived_at=self._stamp())

    @store_errors
    def call_next(self, counter: int, officer: str) -> TicketView:
        """Rule 5: the lowest number waiting today, never picked by hand."""
        self._check_counter(counter)
        self._expire_once_a_day()
        today = self.today()
        with self.db.atomic():
            if self.q.lock_day(today) is None:
                raise Refused("nobody_waiting")
            busy = self.q.counter_busy(today, counter)
            if busy is not None:
                raise Refused("counter_busy", counter=counter, number=busy)
            row = self.q.lowest_waiting(today)
            if row is None:
                raise Refused("nobody_waiting")
            now = self._stamp()
            self.q.call(row[0], now, counter, officer)
            ticket = _row_view(row)
            self._audit("call", officer, counter, day=today, code=ticket.code,
                        number=ticket.number)
        return replace(ticket, state=states.CALLED, called_at=now.replace(tzinfo=dt.timezone.utc),
                       counter=counter, officer=officer, call_count=1)

    @store_errors
    def recall(self, code: str, counter: int | None, officer: str) -> TicketView:
        ticket = self._find(code)
        return self._move(ticket, "recall", officer, self._own_counter(ticket, counter),
                          call_count=ticket.call_count + 1)

    @store_errors
    def start(self, code: str, counter: int | None, officer: str) -> TicketView:
        ticket = self._find(code)
        return self._move(ticket, "start", officer, self._own_counter(ticket, counter),
                          started_at=self._stamp(), officer=officer)

    @store_errors
    def finish(self, code: str, counter: int | None, officer: str, topic: str,
               note: str = "", outcome: str = "resolved") -> TicketView:
        topic = check_text(topic, "topic", required=True, max_len=200)
        note = check_text(note, "note", max_len=2000)
        if outcome not in OUTCOMES:
            raise InvalidInput("outcome", "visitor_invalid", choices=", ".join(OUTCOMES))
        ticket = self._find(code)
        return self._move(ticket, "finish", officer, self._own_counter(ticket, counter),
                          finished_at=self._stamp(), topic=topic, note=note, outcome=outcome)

    @store_errors
    def no_show(self, code: str, counter: int | None, officer: str) -> TicketView:
        ticket = self._find(code)
        return self._move(ticket, "no_show", officer, self._own_counter(ticket, counter),
                          ended_at=self._stamp())

    @store_errors
    def return_to_queue(self, code: str, actor: str, counter: int | None = None) -> TicketView:
        """A no-show who came back the same day waits again, keeping the number."""
        ticket = self._find(code)
        if ticket.day != self.today():
            raise Refused("ticket_other_day", code=format_code(ticket.code),
                          date=ticket.day.isoformat())
        return self._move(ticket, "return", actor, counter, counter=None, ended_at=None,
                          arrived_at=self._stamp())

    @store_errors
    def cancel(self, code: str, actor: str, reason: str = "", counter: int | None = None) -> TicketView:
        reason = check_text(reason, "reason")
        ticket = self._find(code)
        return self._move(ticket, "cancel", actor, counter, reason=reason, ended_at=self._stamp())

    @store_errors
    def transfer(self, code: str, service: str, counter: int | None, officer: str) -> TicketView:
        """The taxpayer came for the other service: same number, other service."""
        if self.office.service(service) is None:
            raise InvalidInput("service", "unknown_service", service=service,
                               choices=", ".join(s.code for s in self.office.services))
        ticket = self._find(code)
        return self._move(ticket, "transfer", officer, counter, service=service,
                          detail=f"{ticket.service_id} -> {service}")

    def _own_counter(self, ticket: Ticket, counter: int | None) -> int | None:
        if counter is None:
            return ticket.counter
        self._check_counter(counter)
        return counter

    def _check_counter(self, counter: int) -> None:
        if isinstance(counter, bool) or not isinstance(counter, int) or not 1 <= counter <= self.office.counters:
            raise InvalidInput("counter", "counter_invalid", counters=self.office.counters)

    def _find(self, code: str) -> Ticket:
        wanted = normalize_code(code)
        ticket = Ticket.get_or_none(Ticket.code == wanted) if wanted else None
        if ticket is None:
            raise NotFound("ticket_not_found", code=(code or "").strip()[:32] or "-")
        return ticket

    def _move(self, ticket: Ticket, move: str, actor: str, at_counter: int | None,
              reason: str = "", detail: str = "", **changes) -> TicketView:
        with self.db.atomic():
            self.q.lock_day(ticket.day)
            query = Ticket.select().where(Ticket.id == ticket.id)
            fresh = (query.for_update() if self.postgres else query).get()
            return self._apply(fresh, move, actor, at_counter, reason=reason, detail=detail,
                               **changes)

    def _apply(self, ticket: Ticket, move: str, actor: str, at_counter: int | None,
               reason: str = "", detail: str = "", **changes) -> TicketView:
        """Inside the day's lock: check the move against the states, write it, log it."""
        if not states.allowed(move, ticket.state):
            raise Refused("move_refused", number=ticket.number,
                          state=say(f"state_{ticket.state}", "id"),
                          state_en=say(f"state_{ticket.state}", "en"),
                          move=say(f"move_{move}", "id"), move_en=say(f"move_{move}", "en"))
        new_state = states.target(move, ticket.state)
        changes["state"] = new_state
        for name, value in changes.items():
            setattr(ticket, name, value)
        Ticket.update(**{name: value for name, value in changes.items()}).where(
            Ticket.id == ticket.id).execute()
        if new_state == states.CANCELLED:
            DayCounter.update(taken=DayCounter.taken - 1).where(DayCounter.day == ticket.day).execute()
        self._audit(move, actor, at_counter if at_counter is not None else ticket.counter,
                    day=ticket.day, code=ticket.code, number=ticket.number, detail=detail,
                    reason=reason)
        return self._view(ticket)

    # ----- end of day -------------------------------------------------------------------

    def _expire_once_a_day(self) -> None:
        today = self.today()
        if self._expired_through != today:
            self.expire_past_days()
            self._expired_through = today

    @store_errors
    def expire_past_days(self) -> int:
        """Rule 4: anything unfinished at the end of its day becomes expired."""
        today = self.today()
        unfinished = Ticket.select().where(Ticket.state.in_(states.UNFINISHED), Ticket.day < today)
        if not unfinished.exists():
            return 0  # most starts: nothing to sweep, no write lock taken
        with self.db.atomic():
            stale = list(Ticket.select(Ticket.day, Ticket.code, Ticket.number)
                         .where(Ticket.state.in_(states.UNFINISHED), Ticket.day < today).tuples())
            if not stale:
                return 0
            # The same condition, not a list of ids: a long-idle store may have very many.
            (Ticket.update(state=states.EXPIRED, ended_at=self._stamp())
             .where(Ticket.state.in_(states.UNFINISHED), Ticket.day < today).execute())
            for t in map(lambda row: _Stale(*row), stale):
                self._audit("expire", "system", None, day=t.day, code=t.code, number=t.number)
        return len(stale)

    # ----- reading ----------------------------------------------------------------------

    @store_errors
    def status(self, day: dt.date | None = None) -> DayStatus:
        today = self.today()
        day = day or today
        quota, override_reason = self.quota_for(day)
        taken, last_number = self._taken(day)
        tickets = tuple(_row_view(row) for row in self.q.day_tickets(day))
        if day < today:
            tickets = tuple(_expired_view(t) for t in tickets)
        closed = service_days.closed_why(self.office, day)
        return DayStatus(
            date=day,
            open=closed is None,
            closed_why=say(closed[0], "id", **closed[1]) if closed else None,
            closed_why_en=say(closed[0], "en", **closed[1]) if closed else None,
            open_now=day == today and service_days.is_open_now(self.office, self.local_now()),
            bookable=self._day_refusal(day) is None and taken < quota,
            quota=quota,
            quota_overridden=override_reason is not None,
            quota_reason=override_reason or "",
            issued=taken,
            last_number=last_number,
            tickets=tickets,
        )

    @store_errors
    def ticket(self, code: str) -> TicketView:
        return self._view(self._find(code))

    @store_errors
    def detail(self, code: str) -> TicketDetail:
        """The ticket with who comes: for the logged-in officer only."""
        row = self._find(code)
        return TicketDetail(
            ticket=self._view(row),
            visitor=VisitorView(row.visitor_name, row.visitor_status, row.id_kind,
                                row.id_number, row.phone),
            topic=row.topic, note=row.note, outcome=row.outcome)

    @store_errors
    def ahead_of(self, code: str) -> int:
        """How many waiting numbers are before this one today."""
        row = self._find(code)
        return (Ticket.select().where(Ticket.day == row.day, Ticket.state == states.WAITING,
                                      Ticket.number < row.number).count())

    def watch(self) -> ChangeWatcher:
        """A cheap check of whether any terminal has changed the store since last asked."""
        return ChangeWatcher(self.db)

    # ----- helpers ----------------------------------------------------------------------

    def _audit(self, action: str, actor: str, counter: int | None, *, day: dt.date | None = None,
               code: str = "", number: int | None = None, detail: str = "",
               reason: str = "") -> None:
        self.q.insert_audit(at=self._stamp(), actor=actor[:120], counter=counter, action=action,
                            day=_as_date(day) if day else None, ticket_code=code,
                            ticket_number=number, detail=detail, reason=reason)
        if self.postgres:
            # Sent at commit; a board LISTENing elsewhere reads the day again.
            self.db.execute_sql(f"NOTIFY {NOTIFY_CHANNEL}")

    @staticmethod
    def _view(row: Ticket) -> TicketView:
        def aware(moment):
            return moment.replace(tzinfo=dt.timezone.utc) if moment else None

        return TicketView(
            number=row.number, code=row.code, date=_as_date(row.day), service=row.service_id,
            state=row.state, walk_in=row.walk_in, counter=row.counter, officer=row.officer,
            call_count=row.call_count, booked_at=aware(row.booked_at),
            arrived_at=aware(row.arrived_at), called_at=aware(row.called_at),
            started_at=aware(row.started_at), finished_at=aware(row.finished_at),
            ended_at=aware(row.ended_at))


class _QuotaFull(Exception):
    pass


class _Stale(NamedTuple):
    day: dt.date
    code: str
    number: int


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _expired_view(ticket: TicketView) -> TicketView:
    """A past day's unfinished ticket reads as expired even before the sweep has run."""
    return replace(ticket, state=states.EXPIRED) if ticket.state in states.UNFINISHED else ticket


def _moment(value) -> dt.datetime | None:
    """A stored naive-UTC time (a string on SQLite) as an aware datetime."""
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.timezone.utc)


@lru_cache(maxsize=4096)
def _row_view(row: tuple) -> TicketView:
    """A TicketView straight from a row of data.queries.TICKET_COLUMNS. Rows are plain
    tuples, so an unchanged ticket read again (the board, a few times a second) costs a
    hash lookup instead of parsing six timestamps."""
    (_, day, number, code, service, state, walk_in, counter, officer, call_count, booked_at,
     arrived_at, called_at, started_at, finished_at, ended_at) = row
    return TicketView(
        number=number, code=code, date=_as_date(day), service=service, state=state,
        walk_in=bool(walk_in), counter=counter, officer=officer, call_count=call_count,
        booked_at=_moment(booked_at), arrived_at=_moment(arrived_at),
        called_at=_moment(called_at), started_at=_moment(started_at),
        finished_at=_moment(finished_at), ended_at=_moment(ended_at))
