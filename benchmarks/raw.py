"""The baseline: the desk's own statements, run by hand through the bare driver (sqlite3 or
psycopg2) in the same transactions, with the same settings (SQLite's pragmas as
data/database.py sets them: foreign keys on, synchronous full, a checkpoint per commit,
secure delete). The best a program could do on that store; the desk's cost is the ratio."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from data.audit_chain import GENESIS, entry_hash
from data import report_counts
from data.changes import NOTIFY_SQL
from data.queries import TICKET_COLUMNS
from data.report_counts import Span
from kiosk.desk.states import STILL_OPEN, UNFINISHED
from kiosk.desk.codes import new_code

_INSERTED = ("day, number, code, service, state, walk_in, visitor_name, visitor_status, id_kind, "
             "id_number, phone, booked_at, arrived_at, call_count, officer, topic, note, outcome")
_AUDIT = "at, actor, counter, action, day, ticket_code, ticket_number, detail, reason"


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class RawDesk:
    """Book, call next, the day's status and a report's reads, by hand."""

    def __init__(self, url: str):
        self.postgres = url.startswith("postgres")
        p = self.p = "%s" if self.postgres else "?"
        if self.postgres:
            import psycopg2

            self.conn: Any = psycopg2.connect(url)
            self.conn.autocommit = True  # BEGIN and COMMIT sent by hand, as peewee does
            self.begin = "BEGIN"
        else:
            self.conn = sqlite3.connect(url, isolation_level=None, timeout=5)
            for pragma in ("busy_timeout=5000", "foreign_keys=1", "synchronous=full",
                           "wal_autocheckpoint=1", "secure_delete=1"):
                self.conn.execute(f"PRAGMA {pragma}")
            self.begin = "BEGIN IMMEDIATE"
        lock = " FOR UPDATE" if self.postgres else ""
        cols = ", ".join(TICKET_COLUMNS)
        self.lock_day = f"SELECT last_number, taken FROM day_counter WHERE day = {p}{lock}"
        self.counter_row = f"SELECT last_number, taken FROM day_counter WHERE day = {p}"
        self.override = f"SELECT quota, reason FROM quota_override WHERE day = {p}"
        self.day_tickets = f"SELECT {cols} FROM ticket WHERE day = {p} ORDER BY number"
        self.lowest = (f"SELECT {cols} FROM ticket WHERE state = 'waiting' AND day = {p} "
                       f"ORDER BY number LIMIT 1{lock}")
        chained = f"{_AUDIT}, prev_hash, entry_hash"
        values = ", ".join([p] * 11)
        if self.postgres:
            self.head = "SELECT last_hash FROM audit_head WHERE id = 1 FOR UPDATE"
            self.audit = (f"WITH entry AS (INSERT INTO audit_entry ({chained}) VALUES ({values}) "
                          "RETURNING entry_hash) UPDATE audit_head SET last_hash = "
                          "(SELECT entry_hash FROM entry) WHERE id = 1")
        else:
            self.head = "SELECT entry_hash FROM audit_entry ORDER BY id DESC LIMIT 1"
            self.audit = f"INSERT INTO audit_entry ({chained}) VALUES ({values})"

    def run(self, sql: str, params: tuple = ()) -> Any:
        if self.postgres:
            cursor = self.conn.cursor()
            cursor.execute(sql, params)
            return cursor
        return self.conn.execute(sql, params)

    def _write_audit(self, values: tuple) -> None:
        row = self.run(self.head).fetchone()
        prev = (row[0] if row else None) or GENESIS
        self.run(self.audit, (*values, prev, entry_hash(prev, values)))
        if self.postgres:
            self.run(NOTIFY_SQL)

    def book(self, day: dt.date, name: str, id_kind: str, id_number: str, phone: str) -> None:
        """A walk-in for ``day`` with an identity and a telephone (as the desk stores them)."""
        p, key = self.p, day.isoformat()
        self.run(self.begin)
        self.run(f"INSERT INTO day_counter (day, last_number, taken) VALUES ({p}, 0, 0) "
                 "ON CONFLICT (day) DO NOTHING", (key,))
        last, taken = self.run(self.lock_day, (key,)).fetchone()
        self.run(self.override, (key,)).fetchone()
        self.run(f"UPDATE day_counter SET last_number = {p}, taken = {p} WHERE day = {p}",
                 (last + 1, taken + 1, key))
        while True:
            code = new_code()
            if self.run(f"SELECT 1 FROM ticket WHERE code = {p}", (code,)).fetchone() is None:
                break
        stamp = now()
        self.run(f"INSERT INTO ticket ({_INSERTED}) VALUES ({', '.join([p] * 18)})",
                 (key, last + 1, code, "perpajakan", "waiting", True, name, "self", id_kind,
                  id_number, phone, stamp, stamp, 0, "", "", "", ""))
        self._write_audit((stamp, "lobby", None, "book", key, code, last + 1,
                           "perpajakan walk-in", ""))
        self.run("COMMIT")

    def call_next(self, day: dt.date, counter: int) -> str:
        p, key = self.p, day.isoformat()
        self.run(self.begin)
        self.run(self.lock_day, (key,)).fetchone()
        self.run(f"SELECT number FROM ticket WHERE state IN ('called', 'serving') AND day = {p} "
                 f"AND counter = {p} LIMIT 1", (key, counter)).fetchone()
        row = self.run(self.lowest, (key,)).fetchone()
        stamp = now()
        self.run(f"UPDATE ticket SET state = 'called', called_at = {p}, counter = {p}, "
                 f"officer = {p}, call_count = 1 WHERE id = {p}", (stamp, counter, "Raw", row[0]))
        self._write_audit((stamp, "Raw", counter, "call", key, row[3], row[2], "", ""))
        self.run("COMMIT")
        return row[3]

    def release(self, code: str) -> None:
        """Untimed: the called number marked a no-show, so the counter is free again."""
        self.run(f"UPDATE ticket SET state = 'no_show', ended_at = {self.p} WHERE code = {self.p}",
                 (now(), code))

    def status(self, day: dt.date) -> list:
        key = day.isoformat()
        self.run(self.override, (key,)).fetchone()
        self.run(self.counter_row, (key,)).fetchone()
        return self.run(self.day_tickets, (key,)).fetchall()

    def report(self, start: dt.date, end: dt.date, today: dt.date, spans: list[Span]) -> int:
        """The reads of a report: the desk's own statement (data/report_counts.py), its rows
        fetched; the offset spans of the office's zone given (worked out once, untimed)."""
        sql, names = report_counts.statement(self.postgres, len(spans), UNFINISHED, STILL_OPEN)
        params = report_counts.parameters(self.postgres, names, start, end, today, spans)
        return len(self.run(sql, params).fetchall())

    def each(self, statements: list[tuple[str, tuple]]) -> int:
        """Statements caught from the desk (benchmarks/survey_year.py), their rows fetched."""
        return sum(len(self.run(sql, params).fetchall()) for sql, params in statements)

    def close(self) -> None:
        self.conn.close()
