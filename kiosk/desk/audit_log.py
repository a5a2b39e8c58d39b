"""The audit log: every change written with who, which counter, when, what and why, in the
transaction of the change itself; on PostgreSQL each entry also tells the other terminals
that something changed (SQLite's terminals notice every commit by themselves)."""

from __future__ import annotations

import datetime as dt

from data.queries import HotQueries
from kiosk.desk.clock import DeskClock


class AuditLog:
    def __init__(self, queries: HotQueries, clock: DeskClock, postgres: bool):
        self.q, self.clock, self.postgres = queries, clock, postgres

    def write(self, action: str, actor: str, counter: int | None, *, day: dt.date | None = None,
              code: str = "", number: int | None = None, detail: str = "",
              reason: str = "") -> None:
        self.q.insert_audit(at=self.clock.stamp(), actor=actor[:120], counter=counter,
                            action=action, day=day, ticket_code=code, ticket_number=number,
                            detail=detail, reason=reason)
        if self.postgres:
            self.q.announce_change()  # sent at commit: a board elsewhere reads the day again
