"""What only a supervisor may do at the counter; the desk itself does not know roles."""

from __future__ import annotations

import datetime as dt

from kiosk.desk.desk import Desk
from kiosk.desk.errors import NotAllowed
from kiosk.desk.records import DayStatus, OfficerView, TicketView


def require_supervisor(officer: OfficerView | None) -> OfficerView:
    if officer is None or not officer.is_supervisor or not officer.active:
        raise NotAllowed("supervisor_only")
    return officer


def set_quota(desk: Desk, officer: OfficerView | None, day: dt.date, quota: int, reason: str,
              counter: int | None = None) -> DayStatus:
    supervisor = require_supervisor(officer)
    return desk.set_quota(day, quota, reason, supervisor.name, counter)


def close_date(desk: Desk, officer: OfficerView | None, day: dt.date, reason: str,
               counter: int | None = None) -> DayStatus:
    """Closing a date is a quota of 0 with its reason: numbers already taken stay valid."""
    return set_quota(desk, officer, day, 0, reason, counter)


def take_over(desk: Desk, officer: OfficerView | None, code: str, counter: int) -> TicketView:
    """A supervisor takes a called or served number to their own counter: the ticket then
    says that counter, and the audit log says a take-over, from which counter to which."""
    supervisor = require_supervisor(officer)
    return desk.take_over(code, counter, supervisor.name)
