"""The desk's time: now in UTC, the office's local time and date, and the stamp stored.

Time that decides the queue (today, expiry, the stamps) comes from one clock, handed in
so the tests can move it.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from data.office import Office
from kiosk.desk import service_days


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class DeskClock:
    def __init__(self, office: Office, clock: Callable[[], dt.datetime] = utc_now):
        self.office, self.clock = office, clock

    def now(self) -> dt.datetime:
        return self.clock().astimezone(dt.timezone.utc)

    def local_now(self) -> dt.datetime:
        return service_days.local_now(self.office, self.now())

    def today(self) -> dt.date:
        """The service day: the office's own date now."""
        return self.local_now().date()

    def stamp(self) -> dt.datetime:
        """Now, as stored: naive UTC on both engines."""
        return self.now().replace(tzinfo=None)
