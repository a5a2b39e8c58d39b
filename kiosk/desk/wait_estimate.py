"""How long a taxpayer may wait: the people ahead, shared by the counters at work, each
taking about as long as today's consultations have (the standard length until there are
a few). Counted from opening time when asked before the office opens, and told when the
wait runs past closing time: a number the Help Desk will likely not reach today must not
be promised "about 130 minutes"."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from data.office import OpeningHours
from kiosk.desk.records import DayStatus

# Today's first consultations weigh as much as this many of the standard length, so one
# quick answer at 08:05 does not promise "1 minute" to everybody behind.
STANDARD_WEIGHT = 3


@dataclass(frozen=True)
class Ahead:
    """Who is before a number today: those waiting, and the lower booked numbers not yet
    arrived, who go before it if they check in (rule 5: called in number order)."""

    waiting: int
    booked: int

    @property
    def least(self) -> int:
        return self.waiting

    @property
    def most(self) -> int:
        return self.waiting + self.booked


@dataclass(frozen=True)
class WaitEstimate:
    """What the ticket may promise about the wait."""

    ahead: Ahead
    minutes: int  # with only those waiting ahead (the range's low end)
    minutes_most: int  # if every lower booking checks in too
    opens: str | None  # "08:00" when asked before opening: counted from then
    around: str | None  # before opening: the time the number is likely called
    closes: str | None  # "16:00" when the wait runs past closing time, else None
    not_today: bool  # even the low end is past closing: likely not served today


def wait_minutes(status: DayStatus, ahead: int, counters: int, default_minutes: int = 10) -> int:
    """Minutes until this number is likely called (at least 1 while anyone is ahead)."""
    if ahead <= 0:
        return 0
    spans = [t.served_seconds / 60 for t in status.tickets if t.served_seconds is not None]
    per_person = ((sum(spans) + default_minutes * STANDARD_WEIGHT)
                  / (len(spans) + STANDARD_WEIGHT))
    # The counters that have called someone today are the ones at work; before the first
    # call, all the office has.
    working = {t.counter for t in status.tickets if t.counter is not None}
    sharing = min(counters, len(working)) if working else counters
    return max(1, math.ceil(ahead * per_person / max(1, sharing)))


def estimate(status: DayStatus, ahead: Ahead, counters: int, default_minutes: int,
             now_local: dt.datetime, hours: OpeningHours | None) -> WaitEstimate:
    """The wait of a number with ``ahead`` before it, asked at ``now_local`` on a day
    with these service ``hours`` (None: no hours that day, nothing to compare with)."""
    least = wait_minutes(status, ahead.least, counters, default_minutes)
    most = wait_minutes(status, ahead.most, counters, default_minutes)
    if hours is None:
        return WaitEstimate(ahead, least, most, None, None, None, False)
    now = now_local.hour * 60 + now_local.minute
    opens = hours.opens.hour * 60 + hours.opens.minute
    start = max(now, opens)  # nobody is called before opening time
    closes = hours.closes_minutes
    # Called at closing time is not served: the call must come before it.
    past = start + most >= closes
    return WaitEstimate(
        ahead, least, most,
        opens=f"{hours.opens:%H:%M}" if now < opens else None,
        around=_clock(start + least) if now < opens else None,
        closes=_clock(closes) if past else None,
        not_today=start + least >= closes)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
