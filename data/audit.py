"""Reading the audit log (it is written by data.queries.HotQueries.insert_audit, in the
transaction of the change it records)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from data.models import AuditEntry


class AuditRow(NamedTuple):
    at: dt.datetime  # naive UTC
    actor: str
    counter: int | None
    action: str
    day: dt.date | None
    ticket_code: str
    ticket_number: int | None
    detail: str
    reason: str


def newest_entries(limit: int) -> list[AuditRow]:
    return _rows(_newest(limit))


def entries_about(day: dt.date, start: dt.datetime, end: dt.datetime, limit: int) -> list[AuditRow]:
    """What was decided about ``day`` (its own entries: a quota set the week before), and
    what happened between ``start`` and ``end`` (naive UTC: that day's logins too)."""
    return _rows(_newest(limit).where((AuditEntry.day == day)
                                      | ((AuditEntry.at >= start) & (AuditEntry.at < end))))


def _newest(limit: int):
    return AuditEntry.select().order_by(AuditEntry.id.desc()).limit(limit)


def _rows(query) -> list[AuditRow]:
    return [AuditRow(e.at, e.actor, e.counter, e.action, e.day, e.ticket_code, e.ticket_number,
                     e.detail, e.reason) for e in query]
