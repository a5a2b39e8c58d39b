"""The desk's time: now in UTC, the office's local time and date, and the stamp stored.

Time that decides the queue (today, expiry, the stamps) comes from one clock (rule 9: a
terminal is not the clock of the office). On PostgreSQL, a terminal running on its own
clock takes the server's instead: read once, then carried on with the local monotonic
clock and read again every ``RESYNC`` seconds, so a hot path costs no round trip. A clock
handed in (the tests' settable clock) is used as it is. On a terminal's own clock the desk
checks it against the store's newest stamp before it writes (``check``) and refuses to act
when they disagree.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Callable

from data.office import Office
from kiosk.desk import service_days
from kiosk.desk.errors import DeskError, StoreUnavailable

RESYNC = 30.0  # seconds between two readings of the server's clock
# How far the store's newest stamp may lie in this terminal's future before it refuses to
# write. Not minutes: NTP setting a clock back by an hour (or summer time in a profile) must
# not stop an office; a clock days or years behind, or on another zone's time, is stopped.
# Within it a move's stamp is never earlier than the ticket's previous one (moves.py).
BEHIND = dt.timedelta(hours=2)
# The sweep cannot be undone. Before it, a clock whole days ahead is looked for: the newest
# stamp is of a day about to be expired, and lies whole days back by this clock, to within a
# few minutes before and an hour after: the queue moved moments ago by the right time.
TOLERANCE = dt.timedelta(minutes=5)
SWEEP_WINDOW = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class ClockDisagrees(StoreUnavailable):
    """This terminal's clock disagrees with the store's: it may not decide the queue."""

    def __init__(self, key: str, **values):
        DeskError.__init__(self, key, **values)  # its own sentence, not "cannot be used: …"


class ServerTime:
    """The database server's clock, carried on with the monotonic clock between readings."""

    def __init__(self, read: Callable[[], dt.datetime], resync: float = RESYNC):
        self.read, self.resync = read, resync
        self._anchor: tuple[dt.datetime, float] | None = None

    def __call__(self) -> dt.datetime:
        tick = time.monotonic()
        if self._anchor is None or tick - self._anchor[1] >= self.resync:
            try:
                self._anchor = (self.read().astimezone(dt.timezone.utc), time.monotonic())
            except Exception:  # the store is away: carry on the last reading, if any
                if self._anchor is None:
                    return utc_now()
        at, since = self._anchor
        return at + dt.timedelta(seconds=tick - since)


class DeskClock:
    def __init__(self, office: Office, clock: Callable[[], dt.datetime] = utc_now,
                 newest_stamp: Callable[[], dt.datetime | None] | None = None):
        """``newest_stamp`` gives the store's newest stamp (naive UTC): with it, ``check``
        compares this terminal's clock with the store's; without it (server time), trusted."""
        self.office, self.clock, self.newest_stamp = office, clock, newest_stamp
        self._passed: tuple[dt.datetime, float] | None = None  # the last check that passed

    def now(self) -> dt.datetime:
        return self.clock().astimezone(dt.timezone.utc)

    def local_now(self) -> dt.datetime:
        return service_days.local_now(self.office, self.now())

    def today(self) -> dt.date:
        """The service day: the office's own date now."""
        return self.local_now().date()

    def stamp(self) -> dt.datetime:
        """Now, as stored: naive UTC on both engines. Every write takes its stamp here, so
        this is where a terminal with a wrong clock is stopped before it writes."""
        self.check()
        return self.now().replace(tzinfo=None)

    def check(self) -> None:
        """Refuse (ClockDisagrees) when the store's newest stamp lies in this terminal's
        future by more than BEHIND: its clock is behind, and what it wrote would be stamped
        (or booked) in the past. Nothing to compare with on server time or an empty store."""
        now, tick = self._naive_now(), time.monotonic()
        if self._passed is not None:  # a booking stamps twice: one look at the store will do
            at, since = self._passed
            if tick - since < 1.0 and dt.timedelta(0) <= now - at < dt.timedelta(seconds=1):
                return
        newest = self._newest()
        if newest is not None and newest > now + BEHIND:
            self._passed = None
            raise ClockDisagrees("clock_behind", newest=_minute(newest, self),
                                 now=_minute(now, self))
        self._passed = (now, tick)

    def check_sweep(self, days: set[dt.date]) -> None:
        """Before expiring ``days``: the check above, and refuse when the newest stamp is of
        one of those days and lies whole days back (a clock days ahead; see SWEEP_WINDOW).
        A store idle over a weekend or a holiday is swept on Monday: its newest stamp is of
        Friday afternoon, not of Friday at this hour."""
        self.check()
        newest = self._newest()
        if newest is None:
            return
        now = self._naive_now()
        gap = now - newest
        stamped = service_days.local_now(self.office, newest.replace(tzinfo=dt.timezone.utc))
        if (stamped.date() in days and gap >= DAY - TOLERANCE
                and (gap + TOLERANCE) % DAY < TOLERANCE + SWEEP_WINDOW):
            raise ClockDisagrees("clock_ahead", newest=_minute(newest, self),
                                 now=_minute(now, self))

    def _newest(self) -> dt.datetime | None:
        return self.newest_stamp() if self.newest_stamp is not None else None

    def _naive_now(self) -> dt.datetime:
        return self.now().replace(tzinfo=None)


def _minute(stamp: dt.datetime, clock: DeskClock) -> str:
    local = service_days.local_now(clock.office, stamp.replace(tzinfo=dt.timezone.utc))
    return local.strftime("%Y-%m-%d %H:%M")
