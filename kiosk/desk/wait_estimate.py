"""How long a taxpayer may wait: the people ahead, shared by the counters at work, each
taking about as long as today's consultations have (the standard length until there are
a few)."""

from __future__ import annotations

import math

from kiosk.desk.records import DayStatus

# Today's first consultations weigh as much as this many of the standard length, so one
# quick answer at 08:05 does not promise "1 minute" to everybody behind.
STANDARD_WEIGHT = 3


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
