"""The audit log as a hash chain: each entry carries the hash of the entry before it and
the SHA-256 of that hash with its own fields, so an entry edited, removed or slipped in
by someone who went round the program (a trigger dropped, the file written) shows.

Writing is serialised so two terminals never chain onto the same entry: on SQLite every
write transaction already holds the file's write lock (BEGIN IMMEDIATE), so the newest
entry is read directly; on PostgreSQL the one row of ``audit_head`` is read FOR UPDATE
and moved on in the same statement as the insert. One extra statement per entry.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import NamedTuple, Sequence

import peewee

GENESIS = "0" * 64  # what the first entry is chained to
FIELDS = ("at", "actor", "counter", "action", "day", "ticket_code", "ticket_number", "detail",
          "reason")
_HEAD_ID = 1
# Made once: json.dumps with options builds a new encoder on every call (~5 µs).
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _stamp(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite hands back what it stored
        value = dt.datetime.fromisoformat(value)
    assert isinstance(value, dt.datetime)
    return value.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _day(value: object) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]


def entry_hash(prev_hash: str, fields: Sequence[object]) -> str:
    """SHA-256 of the previous hash and the entry's fields, in one canonical encoding
    (JSON, fixed order, stamps to the microsecond) whatever the engine hands back."""
    at, actor, counter, action, day, code, number, detail, reason = fields
    canon = [prev_hash, _stamp(at), actor, counter, action, _day(day), code or "", number,
             detail or "", reason or ""]
    text = _encode(canon)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ChainWriter:
    """Appends an entry to the chain, in the caller's transaction."""

    def __init__(self, db: peewee.Database):
        self.db = db
        p = db.param
        self.postgres = isinstance(db, peewee.PostgresqlDatabase)
        cols = ", ".join((*FIELDS, "prev_hash", "entry_hash"))
        values = ", ".join([p] * (len(FIELDS) + 2))
        if self.postgres:
            self._head = f"SELECT last_hash FROM audit_head WHERE id = {_HEAD_ID} FOR UPDATE"
            self._insert = (f"WITH entry AS (INSERT INTO audit_entry ({cols}) VALUES ({values}) "
                            "RETURNING entry_hash) UPDATE audit_head SET last_hash = "
                            f"(SELECT entry_hash FROM entry) WHERE id = {_HEAD_ID}")
        else:
            self._head = "SELECT entry_hash FROM audit_entry ORDER BY id DESC LIMIT 1"
            self._insert = f"INSERT INTO audit_entry ({cols}) VALUES ({values})"

    def append(self, values: Sequence[object]) -> str:
        """``values`` in FIELDS order (day as an ISO string or None); returns the new hash."""
        if not self.db.in_transaction():
            with self.db.atomic():  # the read of the head and the insert must not be split
                return self.append(values)
        row = self.db.execute_sql(self._head).fetchone()
        prev = (row[0] if row else None) or GENESIS
        new = entry_hash(prev, values)
        self.db.execute_sql(self._insert, (*values, prev, new))
        return new


class Broken(NamedTuple):
    id: int
    why: str  # edited | removed_before | inserted | copied


class ChainReport(NamedTuple):
    entries: int
    first_broken: Broken | None
    head: str  # the newest entry's hash: noted outside the store, it shows a cut-off tail


def verify_chain(db: peewee.Database) -> ChainReport:
    """Walk the whole log in order; the first entry that does not belong, and why."""
    cols = ", ".join(("id", *FIELDS, "prev_hash", "entry_hash"))
    cursor = db.execute_sql(f"SELECT {cols} FROM audit_entry ORDER BY id")
    seen: dict[str, int] = {GENESIS: 0}  # hash -> how many entries of the walk lead to it
    order: list[int] = []  # the ids walked so far, all sound
    last = GENESIS
    count, broken = 0, None
    for row in cursor:
        count += 1
        if broken is None:
            broken = _check(row, last, seen, order)
            last = row[-1] or ""
            if broken is None:
                order.append(row[0])
                seen[last] = len(order)
        else:
            last = row[-1] or ""
    return ChainReport(count, broken, last)


def _check(row: Sequence, last: str, seen: dict[str, int], order: list[int]) -> Broken | None:
    entry_id, fields, prev, own = row[0], row[1:-2], row[-2], row[-1]
    if own is None or prev is None or entry_hash(prev, fields) != own:
        return Broken(entry_id, "edited")
    if own in seen:
        return Broken(entry_id, "copied")
    if prev == last:
        return None
    if prev in seen:  # it chains onto an older entry: those after that one were slipped in
        return Broken(order[seen[prev]], "inserted")
    return Broken(entry_id, "removed_before")
