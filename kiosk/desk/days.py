"""Days and their quota (rules 2, 3 and 8): which days can be booked now, how many numbers
each has, and a supervisor's quota for a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
from kiosk.texts import Reason

# A text key and its values: why a day cannot be booked.
Refusal = tuple[str, dict]
UNREAD = object()  # the calendar not looked at yet


@dataclass(frozen=True)
class DayOption:
    """A day of the booking horizon as the day step offers it: bookable with ``remaining``
    numbers, or not, and why (closed, with its reason, is never "all numbers taken")."""

    date: dt.date
    remaining: int
    closed: Reason | None  # closed that day: the office's calendar, or a supervisor

    @property
    def bookable(self) -> bool:
        return self.closed is None and self.remaining > 0


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

    def refusal(self, day: dt.date, local_now: dt.datetime | None = None,
                closed: Reason | None | object = UNREAD) -> Refusal | None:
        """Why no number can be booked for ``day`` now (``local_now``: the clock already
        read by the caller; ``closed``: the calendar's answer for ``day``, if already
        read), before looking at the quota."""
        local_now = local_now or self.clock.local_now()
        today = local_now.date()
        if day < today:
            return "past_date", {"date": day.isoformat()}
        last = today + dt.timedelta(days=self.office.booking_horizon_days)
        if day > last:
            return "beyond_horizon", {"days": self.office.booking_horizon_days,
                                      "last": last.isoformat()}
        if closed is UNREAD:
            closed = service_days.closed_why(self.office, day)
        if closed:
            return "day_closed", {"date": day.isoformat(), "why": closed}
        if day == today and service_days.hours_over(self.office, local_now):
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

    def options(self, start: dt.date | None = None) -> list[DayOption]:
        """Every day from ``start`` (default today) to the end of the booking horizon."""
        today = self.clock.today()
        day = max(start or today, today)
        last = today + dt.timedelta(days=self.office.booking_horizon_days)
        result: list[DayOption] = []
        while day <= last:
            result.append(self.option(day))
            day += dt.timedelta(days=1)
        return result

    def option(self, day: dt.date) -> DayOption:
        refusal = self.refusal(day)
        if refusal:
            key, values = refusal
            why = values["why"] if key == "day_closed" else Reason(key, values)
            return DayOption(day, 0, why)
        quota, reason = self.quota_for(day)
        if quota == 0 and reason is not None:
            return DayOption(day, 0, closed_by_supervisor(reason))
        return DayOption(day, max(0, quota - self.taken(day)[0]), None)

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


def closed_by_supervisor(reason: str) -> Reason:
    """A day whose quota a supervisor set to 0 is closed, with the reason given (rule 8)."""
    return Reason("why_closed_by_supervisor", {"reason": reason})
