"""The Help Desk rules (rules 1–6 of the service standard) over the store: the one object
the screens, the command line and the officers' tools hold.

Every method returns plain dataclasses (kiosk.desk.records) or raises a typed refusal
(kiosk.desk.errors); trouble of the store comes out as StoreUnavailable (kiosk.desk.guard).
The work is done in rooms of one job each: the clock, the days and their quota, booking,
the moves, reading the day, the end of the day, and the audit log. Writes run in one short
transaction that takes the write lock first: SQLite ``BEGIN IMMEDIATE`` (the database is
opened with that lock type), PostgreSQL a row lock on the day's counter, taken before any
ticket of that day is touched.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from data.changes import ChangeWatcher
from data.database import Database, engine
from data.office import Office
from data.queries import HotQueries
from data.report_counts import Counted, ReportCounts, Span
from data.services import save_services, stored_services
from data.tickets import TicketRows
from kiosk.desk import states
from kiosk.desk.audit_log import AuditLog
from kiosk.desk.booking import Booking, Unbookable
from kiosk.desk.clock import DeskClock, ServerTime, utc_now
from kiosk.desk.days import DayOption, Days
from kiosk.desk.errors import DayNotBookable
from kiosk.desk.expiry import Expiry
from kiosk.desk.follow_ups import FollowUps
from kiosk.desk.guard import store_errors
from kiosk.desk.moves import Moves
from kiosk.desk.reading import DayReading
from kiosk.desk.visitors import Visitors, VisitView
from kiosk.desk.records import DayChoice, DayStatus, FinishedView, TicketDetail, TicketView
from kiosk.desk.wait_estimate import Ahead, WaitEstimate

class Desk:
    """The Help Desk queue of one office over one store."""

    def __init__(self, db: Database, office: Office,
                 clock: Callable[[], dt.datetime] = utc_now):
        self.db, self.office, self.clock = db, office, clock
        self.postgres = engine(db) == "postgresql"
        queries, rows = HotQueries(db), TicketRows(db)
        if self.postgres and clock is utc_now:
            # Rule 9: on PostgreSQL the server's clock decides, not this terminal's.
            self.time = DeskClock(office, ServerTime(queries.server_now))
        else:
            self.time = DeskClock(office, clock, newest_stamp=rows.newest_stamp)
        self.audit_log = AuditLog(queries, self.time, self.postgres)
        self._days = Days(db, office, self.time, queries, self.audit_log)
        expiry = self._expiry = Expiry(db, self.time, rows, self.audit_log)
        self._booking = Booking(db, office, self.time, queries, self.audit_log, self._days,
                                expiry)
        self._moves = Moves(db, office, self.time, queries, rows, self.audit_log, expiry)
        self._reading = DayReading(office, self.time, queries, rows, self._days)
        self._rows = rows
        self._visitors = Visitors(db, queries, rows, self.audit_log)
        self._follow_ups = FollowUps(db, self.time, queries, rows, self.audit_log)
        self._report_counts = ReportCounts(db, states.UNFINISHED, states.STILL_OPEN)

    # ----- time -------------------------------------------------------------------------

    def now(self) -> dt.datetime:
        return self.time.now()

    def local_now(self) -> dt.datetime:
        return self.time.local_now()

    def today(self) -> dt.date:
        return self.time.today()

    # ----- set-up -----------------------------------------------------------------------

    @store_errors
    def sync_services(self) -> None:
        """Copy the profile's services into the store (tickets refer to them)."""
        wanted = {(s.code, s.name, s.name_en) for s in self.office.services}
        if stored_services() >= wanted:
            return
        with self.db.atomic():
            save_services((s.code, s.name, s.name_en) for s in self.office.services)

    # ----- days and quota ---------------------------------------------------------------

    def quota_for(self, day: dt.date) -> tuple[int, str | None]:
        """The day's quota, and the supervisor's reason when it is not the default."""
        return self._days.quota_for(day)

    @store_errors(read=True)
    def bookable_days(self, limit: int = 3, start: dt.date | None = None) -> list[DayChoice]:
        """The next days (from ``start``, default today) a number can still be booked for."""
        return self._days.bookable_days(limit, start)

    @store_errors(read=True)
    def day_options(self, start: dt.date | None = None) -> list[DayOption]:
        """Every day from ``start`` to the end of the booking horizon: bookable with the
        numbers left, full, or closed with its reason."""
        return self._days.options(start)

    @store_errors
    def set_quota(self, day: dt.date, quota: int, reason: str, actor: str,
                  counter: int | None = None) -> DayStatus:
        """A supervisor's quota for ``day`` (rule 2): kept with its reason in the audit log."""
        self._days.set_quota(day, quota, reason, actor, counter)
        return self.status(day)

    # ----- booking ----------------------------------------------------------------------

    @store_errors
    def book(self, service: str, name: str | None, *, status: str | None = "self",
             npwp: str | None = None, nik: str | None = None, passport: str | None = None,
             phone: str | None = None, day: dt.date | None = None,
             actor: str = "lobby") -> TicketView:
        """Take a number: a walk-in for today (waiting at once), or a booking for ``day``."""
        try:
            return self._booking.book(service, name, status=status, npwp=npwp, nik=nik,
                                      passport=passport, phone=phone, day=day, actor=actor)
        except Unbookable as no:
            # With the nearest day that still has numbers, so the refusal offers a way on.
            later = self.bookable_days(limit=1, start=self._days.search_from(no.key, no.day))
            raise DayNotBookable(no.key, later[0].date if later else None,
                                 self.office.booking_horizon_days, **no.values) from None

    # ----- moves ------------------------------------------------------------------------

    @store_errors
    def check_in(self, code: str, actor: str = "lobby",
                 counter: int | None = None) -> TicketView:
        """A booked taxpayer arrives on the day (at the lobby, or at ``counter``): the
        ticket joins today's waiting list."""
        return self._moves.check_in(code, actor, counter)

    @store_errors
    def record_visitor(self, code: str, counter: int, officer: str, name: str | None, *,
                       status: str | None = "self", npwp: str | None = None,
                       nik: str | None = None, passport: str | None = None,
                       phone: str | None = None) -> TicketDetail:
        """Who came, recorded or completed at the counter holding the number (the lobby's
        checks); which fields changed is kept in the audit log, not their values."""
        return self._visitors.record(code, counter, officer, name, status=status, npwp=npwp,
                                     nik=nik, passport=passport, phone=phone)

    @store_errors
    def call_next(self, counter: int, officer: str) -> TicketView:
        """Rule 5: the lowest number waiting today, never picked by hand."""
        return self._moves.call_next(counter, officer)

    @store_errors
    def recall(self, code: str, counter: int | None, officer: str) -> TicketView:
        return self._moves.recall(code, counter, officer)

    @store_errors
    def start(self, code: str, counter: int | None, officer: str) -> TicketView:
        return self._moves.start(code, counter, officer)

    @store_errors
    def finish(self, code: str, counter: int | None, officer: str, topic: str,
               note: str = "", outcome: str = "resolved") -> TicketView:
        return self._moves.finish(code, counter, officer, topic, note, outcome)

    @store_errors
    def no_show(self, code: str, counter: int | None, officer: str) -> TicketView:
        return self._moves.no_show(code, counter, officer)

    @store_errors
    def return_to_queue(self, code: str, actor: str, counter: int | None = None) -> TicketView:
        """A no-show who came back the same day waits again, keeping the number."""
        return self._moves.return_to_queue(code, actor, counter)

    @store_errors
    def cancel(self, code: str, actor: str, reason: str = "",
               counter: int | None = None) -> TicketView:
        return self._moves.cancel(code, actor, reason, counter)

    @store_errors
    def transfer(self, code: str, service: str, counter: int | None, officer: str) -> TicketView:
        """The taxpayer came for the other service: same number, other service."""
        return self._moves.transfer(code, service, counter, officer)

    @store_errors
    def take_over(self, code: str, counter: int, supervisor: str) -> TicketView:
        """A called or served number moved to ``counter`` (use kiosk.desk.supervision)."""
        return self._moves.take_over(code, counter, supervisor)

    def check_counter(self, counter: int) -> None:
        """A counter number outside the office's profile is refused (InvalidInput)."""
        self._moves.check_counter(counter)

    # ----- end of day -------------------------------------------------------------------

    @store_errors
    def expire_past_days(self) -> int:
        """Rule 4: anything unfinished at the end of its day becomes expired."""
        return self._expiry.expire_past_days()

    # ----- reading ----------------------------------------------------------------------

    @store_errors(read=True)
    def status(self, day: dt.date | None = None) -> DayStatus:
        return self._reading.status(day)

    @store_errors(read=True)
    def ticket(self, code: str) -> TicketView:
        return self._reading.ticket(code)

    @store_errors(read=True)
    def detail(self, code: str) -> TicketDetail:
        """The ticket with who comes: for the logged-in officer only."""
        return self._reading.detail(code)

    @store_errors(read=True)
    def ahead_of(self, code: str) -> int:
        """How many waiting numbers are before this one today."""
        return self._reading.ahead_of(code)

    @store_errors(read=True)
    def ahead(self, code: str) -> Ahead:
        """Waiting before this number, and lower booked numbers not arrived yet."""
        return self._reading.ahead(code)

    @store_errors(read=True)
    def wait(self, code: str) -> WaitEstimate:
        """The wait of this number by the store's clock and the office's hours."""
        return self._reading.wait(code)

    @store_errors(read=True)
    def finished(self, start: dt.date, end: dt.date) -> list[FinishedView]:
        """The numbers served on those days with their topic, note and outcome: for the
        report and the follow-up list (a logged-in officer's, never the board's)."""
        return [FinishedView(*row) for row in self._rows.finished(start, end)]

    @store_errors(read=True)
    def report_counts(self, start: dt.date, end: dt.date, today: dt.date,
                      spans: list[Span]) -> list[Counted]:
        """The report's counts of those days, counted by the store (kiosk.desk.report)."""
        return self._report_counts.counted(start, end, today, spans)

    @store_errors(read=True)
    def earlier_visits(self, code: str) -> list[VisitView]:
        """The visitor's earlier served numbers by NPWP/NIK/passport: for the logged-in
        officer only, from the number in hand."""
        return self._visitors.earlier_visits(code)

    @store_errors(read=True)
    def follow_ups(self, start: dt.date, end: dt.date) -> list[FinishedView]:
        """The numbers finished "needs follow-up" on those days, with their notes, whose
        follow-up is not handled yet."""
        return self._follow_ups.still_open(start, end)

    @store_errors
    def follow_up_done(self, code: str, officer: str,
                       counter: int | None = None) -> FinishedView:
        """The follow-up of ``code`` handled by ``officer``: it leaves the list (logged)."""
        if counter is not None:
            self.check_counter(counter)
        return self._follow_ups.handled(code, officer, counter)

    def watch(self) -> ChangeWatcher:
        """A cheap check of whether any terminal has changed the store since last asked."""
        return ChangeWatcher(self.db)
