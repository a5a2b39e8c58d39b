"""How long a taxpayer may wait: from today's service times, else a default length."""

from __future__ import annotations

import math

from kiosk.records import DayStatus


def wait_minutes(status: DayStatus, ahead: int, counters: int, default_minutes: int = 10) -> int:
    """Minutes until this number is likely called: the people ahead, shared by the
    counters, each taking today's average service time (or the default before any)."""
    if ahead <= 0:
        return 0
    average = status.average_service_seconds
    per_person = average / 60 if average else default_minutes
    return max(1, math.ceil(ahead * per_person / max(1, counters)))
