"""Days and their quota (rules 2, 3 and 8): which days can be booked now, how many numbers
each has, and a supervisor's quota for a date."""

from __future__ import annotations

import datetime as dt

from data.database import Database
from data.office import Office
from data.queries import HotQueries
from data.quota import save_quota
from kiosk.desk import service_days
from kiosk.desk.audit_log import AuditLog
from kiosk.desk.clock import DeskClock
from kiosk.desk.errors import InvalidInput, Refused
from kiosk.desk.identity import check_text
from kiosk.desk.records import DayChoice

# A text key and its values: why a day cannot be booked.
Refusal = tuple[str, dict]


class Days:
    def __init__(self, db: Database, office: Office, clock: DeskClock, queries: HotQueries,
                 audit: AuditLog):
        self.db, self.office, self.clock, self.q, self.audit = db, office, clock, queries, audit

    def quota_for(self, day: dt.date) -> tuple[int, str | None]:
        """The day's quota, and the supervisor's reason when it is not the default."""
        override = self.q.override(day)
        return (override[0], override[1]) if override else (self.office.daily_quota, None)

    def taken(self, day: dt.date) -> tuple[int, int]:
        """(places counted against the quota, the last number given out) of the day."""
        row = self.q.counter_row(day)
        return (row[1], row[0]) if row else (0, 0)

    def refusal(self, day: dt.date) -> Refusal | None:
        """Why no number can be booked for ``day`` now, before looking at the quota."""
        today = self.clock.today()
        if day < today:
            return "past_date", {"date": day.isoformat()}
        last = today + dt.timedelta(days=self.office.booking_horizon_days)
        if day > last:
            return "beyond_horizon", {"days": self.office.booking_horizon_days,
                                      "last": last.isoformat()}
        closed = service_days.closed_why(self.office, day)
        if closed:
            return "day_closed", {"date": day.isoformat(), "why": closed}
        if day == today and service_days.hours_over(self.office, self.clock.local_now()):
            hours = self.office.opening_hours[day.weekday()]
            return "after_hours", {"hours": hours.label()}
        return None

    def bookable_days(self, limit: int = 3, start: dt.date | None = None) -> list[DayChoice]:
        """The next days (from ``start``, default today) a number can still be booked for."""
        day = start or self.clock.today()
        last = self.clock.today() + dt.timedelta(days=self.office.booking_horizon_days)
        result: list[DayChoice] = []
        while day <= last and len(result) < limit:
            if self.refusal(day) is None:
                left = self.quota_for(day)[0] - self.taken(day)[0]
                if left > 0:
                    result.append(DayChoice(day, left))
            day += dt.timedelta(days=1)
        return result

    def search_from(self, key: str, day: dt.date) -> dt.date:
        """Where to look for the nearest bookable day after ``day`` was refused for ``key``:
        a day too far ahead or already past may still leave today."""
        today = self.clock.today()
        start = today if key in ("beyond_horizon", "past_date") else day + dt.timedelta(days=1)
        return max(start, today)

    def set_quota(self, day: dt.date, quota: int, reason: str, actor: str,
                  counter: int | None = None) -> None:
        """A supervisor's quota for ``day`` (rule 2): kept with its reason in the audit log."""
        if isinstance(quota, bool) or not isinstance(quota, int) or not 0 <= quota <= 999:
            raise InvalidInput("quota", "quota_invalid")
        reason = check_text(reason, "reason", required=True)
        if day < self.clock.today():
            raise Refused("past_date", date=day.isoformat())
        with self.db.atomic():
            self.q.lock_day(day, create=True)  # bookings of that day wait for the new quota
            before, _ = self.quota_for(day)
            save_quota(day, quota, reason, actor, self.clock.stamp())
            self.audit.write("set_quota", actor, counter, day=day, detail=f"{before} -> {quota}",
                             reason=reason)
