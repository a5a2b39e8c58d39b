"""The audit log: every change written with who, which counter, when, what and why, in the
transaction of the change itself, chained by hash to the entry before (data/audit_chain.py); on PostgreSQL each entry also tells the other terminals
that something changed (SQLite's terminals notice every commit by themselves)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from data.audit_chain import ChainWriter, verify_chain
from data.queries import HotQueries
from kiosk.desk.clock import DeskClock


@dataclass(frozen=True)
class AuditCheck:
    """The whole chain checked: intact, or the first entry that does not belong and why
    (edited | removed_before | inserted | copied)."""

    ok: bool
    entries: int
    broken_id: int | None
    why: str
    head: str  # the newest entry's hash; written down elsewhere, it shows a cut-off tail

    def to_json(self) -> dict:
        broken = None if self.ok else {"id": self.broken_id, "why": self.why}
        return {"ok": self.ok, "entries": self.entries, "first_broken": broken, "head": self.head}


class AuditLog:
    def __init__(self, queries: HotQueries, clock: DeskClock, postgres: bool):
        self.q, self.clock, self.postgres = queries, clock, postgres
        self.chain = ChainWriter(queries.db)

    def write(self, action: str, actor: str, counter: int | None, *, day: dt.date | None = None,
              code: str = "", number: int | None = None, detail: str = "",
              reason: str = "") -> None:
        # Each entry chained to the one before, in this same transaction (tamper-evident).
        self.chain.append((self.clock.stamp(), actor[:120], counter, action,
                           day.isoformat() if day else None, code, number, detail, reason))
        if self.postgres:
            self.q.announce_change()  # sent at commit: a board elsewhere reads the day again

    def verify(self) -> AuditCheck:
        report = verify_chain(self.q.db)
        broken = report.first_broken
        if broken is None:
            return AuditCheck(True, report.entries, None, "", report.head)
        return AuditCheck(False, report.entries, broken.id, broken.why, report.head)
