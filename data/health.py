"""What `kiosk doctor` reads of the store: the facts, no judgement (kiosk.desk.health judges).

The store is opened without bringing its schema up to date and without the desk (no sweep of
past days, nothing written): a health check must not change what it looks at.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import peewee

from data.audit_chain import verify_chain
from data.database import StoreMissing, describe, engine, open_database, sqlite_path
from data.errors import StoreError, first_line
from data.migrations import LATEST, current_version


@dataclass(frozen=True)
class StoreFacts:
    url: str  # password hidden
    engine: str
    file: Path | None  # the SQLite file
    integrity: str  # "ok", or the first problem SQLite names
    schema: int
    latest: int  # the schema this program knows
    audit_entries: int
    audit_broken_id: int | None
    audit_broken_why: str | None
    newest_stamp: dt.datetime | None  # naive UTC: the last entry written
    server_now: dt.datetime | None  # PostgreSQL: the server's clock (aware)
    first_day: dt.date | None
    tickets: int


class NoStore(Exception):
    """There is no store at the URL (``missing``) or it cannot be opened."""

    def __init__(self, text: str, missing: bool):
        super().__init__(text)
        self.missing = missing


def store_facts(url: str) -> StoreFacts:
    try:
        db = open_database(url)
        db.connect(reuse_if_open=True)
    except StoreMissing as exc:
        raise NoStore(str(exc), missing=True) from None
    except (StoreError, peewee.DatabaseError, peewee.InterfaceError, OSError) as exc:
        raise NoStore(f"{describe(url)}: {first_line(exc)}", missing=False) from None
    try:
        return _read(db, url)
    except (peewee.DatabaseError, peewee.InterfaceError, sqlite3.DatabaseError,
            UnicodeDecodeError) as exc:  # damaged text in the file decodes badly
        raise NoStore(f"{describe(url)}: {first_line(exc)}", missing=False) from None
    finally:
        db.close()


def _read(db: peewee.Database, url: str) -> StoreFacts:
    kind = engine(db)
    schema = current_version(db)
    if schema == 0:
        raise NoStore(describe(url), missing=True)
    if kind == "sqlite":
        try:
            rows = db.execute_sql("PRAGMA integrity_check").fetchall()
            integrity = "ok" if [r[0] for r in rows] == ["ok"] else str(rows[0][0])
        except (sqlite3.DatabaseError, peewee.DatabaseError, UnicodeDecodeError) as exc:
            integrity = first_line(exc)
        server_now = None
    else:
        integrity = "ok"  # the server keeps its own pages; reading every table is the check
        server_now = db.execute_sql("SELECT clock_timestamp()").fetchone()[0]
    chain = verify_chain(db)
    row = db.execute_sql("SELECT at FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
    newest = _stamp(row[0]) if row else None
    first, tickets = db.execute_sql("SELECT MIN(day), COUNT(*) FROM ticket").fetchone()
    return StoreFacts(
        url=describe(url), engine=kind,
        file=Path(sqlite_path(url)).resolve() if kind == "sqlite" else None,
        integrity=integrity, schema=schema, latest=LATEST,
        audit_entries=chain.entries,
        audit_broken_id=chain.first_broken.id if chain.first_broken else None,
        audit_broken_why=chain.first_broken.why if chain.first_broken else None,
        newest_stamp=newest, server_now=server_now,
        first_day=(first if isinstance(first, dt.date) else dt.date.fromisoformat(str(first)[:10]))
        if first else None,
        tickets=int(tickets))


def _stamp(value: object) -> dt.datetime:
    stamp = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return stamp.replace(tzinfo=None)


@dataclass(frozen=True)
class DiskFacts:
    free: int  # bytes left on the store's disk
    store_size: int  # the store with its -wal


def disk_facts(store: Path) -> DiskFacts:
    free = shutil.disk_usage(store.parent).free
    size = sum(os.path.getsize(f"{store}{s}") for s in ("", "-wal")
               if os.path.exists(f"{store}{s}"))
    return DiskFacts(free, size)
