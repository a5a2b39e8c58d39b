"""The end of the day (rule 4): anything unfinished on a day gone by becomes expired.

Done once, by one writer: the sweep locks the counters of the days it ends and reads the
left-overs again under that lock, so terminals sweeping at the same moment write one
expire entry per ticket between them. A terminal whose clock disagrees with the store's
does not sweep (DeskClock.check_sweep): a clock a day ahead would expire today's queue.
"""

from __future__ import annotations

import datetime as dt

from data.database import Database
from data.tickets import TicketRows
from kiosk.desk import states
from kiosk.desk.audit_log import AuditLog
from kiosk.desk.clock import DeskClock


class Expiry:
    def __init__(self, db: Database, clock: DeskClock, rows: TicketRows, audit: AuditLog):
        self.db, self.clock, self.rows, self.audit = db, clock, rows, audit
        self._expired_through: dt.date | None = None

    def once_a_day(self) -> None:
        """The sweep, the first time this desk books or calls on a new day."""
        today = self.clock.today()
        if self._expired_through != today:
            self.expire_past_days()
            self._expired_through = today

    def expire_past_days(self) -> int:
        today = self.clock.today()
        if not self.rows.any_left_over(states.UNFINISHED, today):
            return 0  # most starts: nothing to sweep, no write lock taken
        with self.db.atomic():
            self.rows.lock_left_over_days(states.UNFINISHED, today)
            stale = self.rows.left_over(states.UNFINISHED, today)  # again, under the lock
            if not stale:
                return 0  # another terminal swept them while this one waited
            self.clock.check_sweep({day for day, _, _ in stale})
            self.rows.end_left_over(states.UNFINISHED, today, states.EXPIRED, self.clock.stamp())
            for day, code, number in stale:
                self.audit.write("expire", "system", None, day=day, code=code, number=number)
        return len(stale)
