"""The hot paths' SQL, written once per process instead of built per call.

Building a query through the ORM costs ~100–200 µs of Python; running it ~3–7 µs. Booking,
calling the next number and reading the day run many times a day on a cheap lobby PC and
are measured by benchmarks/run.py, so their statements are plain SQL strings prepared
here for the engine (placeholder style, row locks) and run with fresh parameters.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, overload

import peewee

from data.changes import NOTIFY_SQL

TICKET_COLUMNS = ("id", "day", "number", "code", "service", "state", "walk_in", "counter",
                  "officer", "call_count", "booked_at", "arrived_at", "called_at", "started_at",
                  "finished_at", "ended_at")
_INSERTED = ("day", "number", "code", "service", "state", "walk_in", "visitor_name",
             "visitor_status", "id_kind", "id_number", "phone", "booked_at", "arrived_at",
             "call_count", "officer", "topic", "note", "outcome")
_AUDIT = ("at", "actor", "counter", "action", "day", "ticket_code", "ticket_number", "detail",
          "reason")


def as_date(value: dt.date | str) -> dt.date:
    """A stored date (a string on SQLite) as a date."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


class HotQueries:
    def __init__(self, db: peewee.Database):
        self.db = db
        p = db.param
        postgres = isinstance(db, peewee.PostgresqlDatabase)
        lock = " FOR UPDATE" if postgres else ""  # SQLite: BEGIN IMMEDIATE already holds the lock
        cols = ", ".join(TICKET_COLUMNS)
        self._create_day = (f"INSERT INTO day_counter (day, last_number, taken) VALUES ({p}, 0, 0) "
                            "ON CONFLICT (day) DO NOTHING")
        self._counter_row = f"SELECT last_number, taken FROM day_counter WHERE day = {p}"
        self._lock_day = self._counter_row + lock
        self._override = f"SELECT quota, reason FROM quota_override WHERE day = {p}"
        self._bump = f"UPDATE day_counter SET last_number = {p}, taken = {p} WHERE day = {p}"
        self._code_used = f"SELECT 1 FROM ticket WHERE code = {p}"
        # By the number alone, whatever its kind: a 16-digit NPWP is the holder's NIK.
        self._held_by = (f"SELECT number FROM ticket WHERE day = {p} AND id_number = {p} "
                         "AND state <> 'cancelled' ORDER BY number LIMIT 1")
        self._insert_ticket = (f"INSERT INTO ticket ({', '.join(_INSERTED)}) "
                               f"VALUES ({', '.join([p] * len(_INSERTED))})")
        self._insert_audit = (f"INSERT INTO audit_entry ({', '.join(_AUDIT)}) "
                              f"VALUES ({', '.join([p] * len(_AUDIT))})")
        self._day_tickets = f"SELECT {cols} FROM ticket WHERE day = {p} ORDER BY number"
        self._lowest_waiting = (f"SELECT {cols} FROM ticket WHERE state = 'waiting' AND day = {p} "
                                f"ORDER BY number LIMIT 1{lock}")
        self._counter_busy = (f"SELECT number FROM ticket WHERE state IN ('called', 'serving') "
                              f"AND day = {p} AND counter = {p} LIMIT 1")
        # Every call counts: a returned no-show called again is called a second time (the
        # board announces a call it has not seen, by its count), never a first time again.
        self._call = (f"UPDATE ticket SET state = 'called', called_at = {p}, counter = {p}, "
                      f"officer = {p}, call_count = call_count + 1 WHERE id = {p}")
        self._notify = NOTIFY_SQL

    def _one(self, sql: str, params: tuple):
        return self.db.execute_sql(sql, params).fetchone()

    @overload
    def lock_day(self, day: dt.date, create: Literal[True]) -> tuple[int, int]: ...

    @overload
    def lock_day(self, day: dt.date, create: bool = False) -> tuple[int, int] | None: ...

    def lock_day(self, day: dt.date, create: bool = False) -> tuple[int, int] | None:
        """(last_number, taken) of the day, its row locked until the transaction ends;
        with ``create``, the day's row is made first if it is new (so never None)."""
        key = day.isoformat()
        if create:
            self.db.execute_sql(self._create_day, (key,))
        return self._one(self._lock_day, (key,))

    def override(self, day: dt.date) -> tuple[int, str] | None:
        return self._one(self._override, (day.isoformat(),))

    def counter_row(self, day: dt.date) -> tuple[int, int] | None:
        return self._one(self._counter_row, (day.isoformat(),))

    def bump(self, day: dt.date, last_number: int, taken: int) -> None:
        self.db.execute_sql(self._bump, (last_number, taken, day.isoformat()))

    def code_used(self, code: str) -> bool:
        return self._one(self._code_used, (code,)) is not None

    def held_by(self, day: dt.date, id_number: str) -> int | None:
        """The number of the day already held by this NPWP/NIK/passport, if any."""
        row = self._one(self._held_by, (day.isoformat(), id_number))
        return row[0] if row else None

    def insert_ticket(self, **values) -> None:
        values.setdefault("call_count", 0)
        for name in ("officer", "topic", "note", "outcome"):
            values.setdefault(name, "")
        values["day"] = values["day"].isoformat()
        self.db.execute_sql(self._insert_ticket, tuple(values[c] for c in _INSERTED))

    def insert_audit(self, **values) -> None:
        day = values.get("day")
        values["day"] = day.isoformat() if day else None
        self.db.execute_sql(self._insert_audit, tuple(values.get(c) for c in _AUDIT))

    def day_tickets(self, day: dt.date) -> list[tuple]:
        return self.db.execute_sql(self._day_tickets, (day.isoformat(),)).fetchall()

    def lowest_waiting(self, day: dt.date) -> tuple | None:
        return self._one(self._lowest_waiting, (day.isoformat(),))

    def counter_busy(self, day: dt.date, counter: int) -> int | None:
        row = self._one(self._counter_busy, (day.isoformat(), counter))
        return row[0] if row else None

    def call(self, ticket_id: int, at: dt.datetime, counter: int, officer: str) -> None:
        self.db.execute_sql(self._call, (at, counter, officer, ticket_id))

    def server_now(self) -> dt.datetime:
        """PostgreSQL: the server's clock now (not the transaction's start)."""
        return self._one("SELECT clock_timestamp()", ())[0]

    def announce_change(self) -> None:
        """PostgreSQL: tell every terminal LISTENing (sent at commit, dropped on rollback).
        SQLite needs no word: its data_version moves on every commit by itself."""
        self.db.execute_sql(self._notify)
