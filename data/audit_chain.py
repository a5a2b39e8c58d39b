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
import re
from collections.abc import Callable
from json.encoder import encode_basestring as _quote
from typing import NamedTuple, Sequence

import peewee

GENESIS = "0" * 64  # what the first entry is chained to
FIELDS = ("at", "actor", "counter", "action", "day", "ticket_code", "ticket_number", "detail",
          "reason")
_HEAD_ID = 1
# Made once: json.dumps with options builds a new encoder on every call (~5 µs).
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
# A stamp as SQLite hands back what the desk stored: already in the canonical form.
_STORED_STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{6})?").fullmatch
_sha256 = hashlib.sha256
PROGRESS_EVERY = 100_000  # entries between two calls of a walk's progress
Progress = Callable[[int], None]  # entries walked so far


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


class _NotPlain(Exception):
    """A value the quick encoding does not cover: the row goes through entry_hash."""


def _plain(value: object) -> str:
    """json.dumps of a text, an integer or NULL, byte for byte as ``_encode`` writes it."""
    if type(value) is str:
        return _quote(value)  # the function the JSON encoder itself uses (ensure_ascii off)
    if type(value) is int:
        return int.__repr__(value)  # as the encoder writes an int (a bool is not one here)
    if value is None:
        return "null"
    raise _NotPlain


def stored_entry_hash(prev_hash: str, fields: Sequence[object]) -> str:
    """``entry_hash(prev_hash, fields)``, the very same bytes hashed, without the JSON
    encoder's set-up for every row (a third of the time at millions of entries): for the
    texts, integers and NULLs a store hands back, a stamp already in the canonical form
    (checked to be a real moment, as entry_hash's parse does) taken as it is. Any other value
    goes through entry_hash."""
    at, actor, counter, action, day, code, number, detail, reason = fields
    stamp: str | None
    if type(at) is str and _STORED_STAMP(at):
        dt.datetime.fromisoformat(at)  # a real moment: raises as _stamp's parse would
        stamp = at if len(at) == 26 else at + ".000000"
    else:
        stamp = _stamp(at)
    date: str | None
    if type(day) is str:
        date = day[:10] if day else None  # as _day does
    else:
        date = _day(day)
    try:
        text = ",".join((_plain(prev_hash), _plain(stamp), _plain(actor), _plain(counter),
                         _plain(action), _plain(date), _plain(code or ""), _plain(number),
                         _plain(detail or ""), _plain(reason or "")))
    except _NotPlain:
        return entry_hash(prev_hash, fields)
    return _sha256(f"[{text}]".encode("utf-8")).hexdigest()


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


_WALK = f"SELECT {', '.join(('id', *FIELDS, 'prev_hash', 'entry_hash'))} FROM audit_entry ORDER BY id"


def verify_chain(db: peewee.Database, progress: Progress | None = None) -> ChainReport:
    """Walk the whole log in order; the first entry that does not belong, and why.

    The walk keeps only the last hash: each entry's own hash checked and its link to the one
    before. Only when an entry does not follow is the log walked again keeping every hash
    seen, to say why (edited, removed, slipped in, copied). The verdict is the same: in a
    walk where every entry so far followed, an entry that follows cannot repeat an earlier
    hash without a SHA-256 collision. ``progress`` hears the entries walked now and then."""
    sound = _follows_throughout(db, progress)
    return sound if sound is not None else _walk_seen(db, progress)


def _follows_throughout(db: peewee.Database, progress: Progress | None) -> ChainReport | None:
    """The report of a log whose every entry follows the one before; None at the first that
    does not. Rows are read as the cursor goes (SQLite), nothing kept."""
    last, count = GENESIS, 0
    for row in db.execute_sql(_WALK):
        prev, own = row[-2], row[-1]
        if prev != last or own is None or stored_entry_hash(prev, row[1:-2]) != own:
            return None
        last = own
        count += 1
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count)
    return ChainReport(count, None, last)


def _walk_seen(db: peewee.Database, progress: Progress | None) -> ChainReport:
    cursor = db.execute_sql(_WALK)
    seen: dict[str, int] = {GENESIS: 0}  # hash -> how many entries of the walk lead to it
    order: list[int] = []  # the ids walked so far, all sound
    last = GENESIS
    count, broken = 0, None
    for row in cursor:
        count += 1
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count)
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
