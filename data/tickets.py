"""A ticket found by its code, its moves written, and the end-of-day sweep.

Plain SQL prepared once per process, like data.queries: a move reads one ticket, locks it
and updates it, and the ORM would spend more time building those statements than the
database spends running them.
"""

from __future__ import annotations

import datetime as dt
from typing import Mapping, NamedTuple, Sequence

import peewee

from data.queries import TICKET_COLUMNS, as_date

# A stored moment: a naive-UTC datetime, or its text on SQLite.
Moment = dt.datetime | str


class TicketRow(NamedTuple):
    """One ticket as stored, who comes included; its first fields are TICKET_COLUMNS."""

    id: int
    day: dt.date
    number: int
    code: str
    service: str
    state: str
    walk_in: bool
    counter: int | None
    officer: str
    call_count: int
    booked_at: Moment
    arrived_at: Moment | None
    called_at: Moment | None
    started_at: Moment | None
    finished_at: Moment | None
    ended_at: Moment | None
    visitor_name: str
    visitor_status: str
    id_kind: str
    id_number: str
    phone: str
    topic: str
    note: str
    outcome: str


assert TicketRow._fields[:len(TICKET_COLUMNS)] == TICKET_COLUMNS

# What a move may change; anything else is a mistake in the caller, not a column to write.
MOVABLE = frozenset({"state", "service", "arrived_at", "called_at", "started_at", "finished_at",
                     "ended_at", "call_count", "counter", "officer", "topic", "note", "outcome"})


class TicketRows:
    def __init__(self, db: peewee.Database):
        self.db = db
        self._p = p = db.param
        lock = " FOR UPDATE" if isinstance(db, peewee.PostgresqlDatabase) else ""
        cols = ", ".join(TicketRow._fields)
        self._by_code = f"SELECT {cols} FROM ticket WHERE code = {p}"
        self._locked = f"SELECT {cols} FROM ticket WHERE id = {p}{lock}"
        self._free_place = f"UPDATE day_counter SET taken = taken - 1 WHERE day = {p}"
        self._waiting_before = (f"SELECT COUNT(*) FROM ticket WHERE day = {p} "
                                f"AND state = 'waiting' AND number < {p}")
        self._before = (f"SELECT state, COUNT(*) FROM ticket WHERE day = {p} "
                        f"AND state IN ('waiting', 'booked') AND number < {p} GROUP BY state")
        self._updates: dict[tuple[str, ...], str] = {}
        self._lock = lock
        # The newest entry by its id (the primary key): one index step, on every write.
        self._newest_stamp = "SELECT at FROM audit_entry ORDER BY id DESC LIMIT 1"

    def _row(self, sql: str, param: object) -> TicketRow | None:
        row = self.db.execute_sql(sql, (param,)).fetchone()
        return TicketRow(row[0], as_date(row[1]), *row[2:]) if row else None

    def by_code(self, code: str) -> TicketRow | None:
        return self._row(self._by_code, code)

    def locked(self, ticket_id: int) -> TicketRow | None:
        """The ticket read again inside the transaction (on PostgreSQL, its row locked)."""
        return self._row(self._locked, ticket_id)

    def update(self, ticket_id: int, changes: Mapping[str, object]) -> None:
        names = tuple(changes)
        sql = self._updates.get(names)
        if sql is None:
            unknown = set(names) - MOVABLE
            if unknown:
                raise ValueError(f"not a column a move changes: {sorted(unknown)}")
            sets = ", ".join(f"{name} = {self._p}" for name in names)
            sql = self._updates[names] = f"UPDATE ticket SET {sets} WHERE id = {self._p}"
        self.db.execute_sql(sql, (*changes.values(), ticket_id))

    def record_visitor(self, ticket_id: int, name: str, status: str, id_kind: str,
                       id_number: str, phone: str) -> None:
        """Who came, as the officer recorded it at the counter (never a move's column)."""
        sql = (f"UPDATE ticket SET visitor_name = {self._p}, visitor_status = {self._p}, "
               f"id_kind = {self._p}, id_number = {self._p}, phone = {self._p} WHERE id = {self._p}")
        self.db.execute_sql(sql, (name, status, id_kind, id_number, phone, ticket_id))

    def free_place(self, day: dt.date) -> None:
        """A cancelled number no longer counts against the day's quota."""
        self.db.execute_sql(self._free_place, (day.isoformat(),))

    def finished(self, start: dt.date, end: dt.date) -> list[tuple[dt.date, int, str, str, str, str]]:
        """(day, number, code, topic, note, outcome) of each number served on those days."""
        return self._served(start, end, "")

    def open_follow_ups(self, start: dt.date,
                        end: dt.date) -> list[tuple[dt.date, int, str, str, str, str]]:
        """As ``finished``, only the numbers finished "needs follow-up" not handled yet."""
        return self._served(start, end, "AND outcome = 'follow_up' AND followed_up_at IS NULL ")

    def _served(self, start: dt.date, end: dt.date,
                only: str) -> list[tuple[dt.date, int, str, str, str, str]]:
        sql = (f"SELECT day, number, code, topic, note, outcome FROM ticket WHERE day >= {self._p} "
               f"AND day <= {self._p} AND state = 'done' {only}ORDER BY day, number")
        rows = self.db.execute_sql(sql, (start.isoformat(), end.isoformat())).fetchall()
        return [(as_date(day), *rest) for day, *rest in rows]

    def follow_up_open(self, ticket_id: int) -> bool:
        """Whether the ticket is a follow-up not handled yet (read inside the day's lock)."""
        sql = (f"SELECT 1 FROM ticket WHERE id = {self._p} AND state = 'done' "
               f"AND outcome = 'follow_up' AND followed_up_at IS NULL")
        return self.db.execute_sql(sql, (ticket_id,)).fetchone() is not None

    def follow_up_handled(self, ticket_id: int, stamp: dt.datetime) -> None:
        sql = f"UPDATE ticket SET followed_up_at = {self._p} WHERE id = {self._p}"
        self.db.execute_sql(sql, (stamp, ticket_id))

    def earlier_visits(self, id_number: str, ticket_id: int,
                       limit: int = 50) -> list[tuple[dt.date, int, str, str, str, str]]:
        """(day, number, service, topic, outcome, note) of each other number served to this
        NPWP/NIK/passport, the newest first."""
        sql = (f"SELECT day, number, service, topic, outcome, note FROM ticket "
               f"WHERE id_number = {self._p} AND id <> {self._p} AND state = 'done' "
               f"ORDER BY day DESC, number DESC LIMIT {int(limit)}")
        rows = self.db.execute_sql(sql, (id_number, ticket_id)).fetchall()
        return [(as_date(day), *rest) for day, *rest in rows]

    def waiting_before(self, day: dt.date, number: int) -> int:
        return self.db.execute_sql(self._waiting_before, (day.isoformat(), number)).fetchone()[0]

    def before(self, day: dt.date, number: int) -> dict[str, int]:
        """How many lower numbers of the day are waiting, and booked (not arrived yet)."""
        rows = self.db.execute_sql(self._before, (day.isoformat(), number)).fetchall()
        return {state: count for state, count in rows}

    def newest_stamp(self) -> dt.datetime | None:
        """The store's newest stamp (naive UTC): when the last entry was written."""
        row = self.db.execute_sql(self._newest_stamp).fetchone()
        if row is None:
            return None
        at = row[0]
        return at if isinstance(at, dt.datetime) else dt.datetime.fromisoformat(str(at))

    # ----- the end-of-day sweep ------------------------------------------------------------

    def _left_over(self, states: Sequence[str]) -> str:
        return (f"state IN ({', '.join([self._p] * len(states))}) AND day < {self._p}")

    def any_left_over(self, states: Sequence[str], before: dt.date) -> bool:
        """Any ticket in one of ``states`` on a day before ``before``."""
        sql = f"SELECT 1 FROM ticket WHERE {self._left_over(states)} LIMIT 1"
        return self.db.execute_sql(sql, (*states, before.isoformat())).fetchone() is not None

    def lock_left_over_days(self, states: Sequence[str], before: dt.date) -> None:
        """PostgreSQL: lock the counters of the days the sweep will end, in date order (as a
        move locks its day first), so two sweeps at once run one after the other. SQLite's
        BEGIN IMMEDIATE already holds the whole store."""
        if self._lock:
            sql = (f"SELECT day FROM day_counter WHERE day IN (SELECT day FROM ticket WHERE "
                   f"{self._left_over(states)}) ORDER BY day{self._lock}")
            self.db.execute_sql(sql, (*states, before.isoformat())).fetchall()

    def left_over(self, states: Sequence[str], before: dt.date) -> list[tuple[dt.date, str, int]]:
        """(day, code, number) of each such ticket."""
        sql = f"SELECT day, code, number FROM ticket WHERE {self._left_over(states)}"
        rows = self.db.execute_sql(sql, (*states, before.isoformat())).fetchall()
        return [(as_date(day), code, number) for day, code, number in rows]

    def end_left_over(self, states: Sequence[str], before: dt.date, state: str,
                      at: dt.datetime) -> None:
        """Every such ticket to ``state``, ended ``at``: the same condition, not a list of
        ids, since a long-idle store may have very many."""
        sql = f"UPDATE ticket SET state = {self._p}, ended_at = {self._p} WHERE {self._left_over(states)}"
        self.db.execute_sql(sql, (state, at, *states, before.isoformat()))
