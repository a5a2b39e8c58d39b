"""Who is using an SQLite store: the terminals say so, and SQLite is asked as well.

Every full-screen role (and each browser's board process) holds a shared lock on a small
file beside the store, ``kiosk.db.in-use``, for as long as it runs; the kernel lets it go
when the process ends, however it ends, so a crashed terminal never leaves a stale mark.
``kiosk restore`` takes that lock exclusively: it cannot while any terminal holds it. It then
asks SQLite too, for any other connection at all (a script, a one-shot command): leaving WAL
mode needs the database to itself.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import IO, Iterator

try:
    import fcntl
except ImportError:  # Windows: no marks (the office box runs Linux)
    fcntl = None  # type: ignore[assignment]

SUFFIX = ".in-use"


class InUse(Exception):
    """The store is being used by a terminal or another connection."""


def mark_path(store: str | Path) -> Path:
    return Path(f"{os.path.abspath(store)}{SUFFIX}")


def mark_in_use(store: str | Path) -> IO[bytes] | None:
    """Hold the shared mark for as long as the returned file stays open (the process's
    life). None when it cannot be made (a read-only folder): the role runs all the same."""
    if fcntl is None:
        return None
    try:
        handle = open(mark_path(store), "ab")
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        # An exclusive holder is a restore under way: the role's own store check will say so.
        with contextlib.suppress(UnboundLocalError, OSError):
            handle.close()
        return None
    return handle


def mark_store(db: object) -> IO[bytes] | None:
    """mark_in_use() for the process's database handle, when it is an SQLite file."""
    path = getattr(db, "database", None) if type(db).__name__ == "KioskSqlite" else None
    return mark_in_use(path) if isinstance(path, str) else None


@contextlib.contextmanager
def alone(store: str | Path) -> Iterator[None]:
    """The store to ourselves for the block: no terminal's mark, no other connection.
    Raises InUse otherwise. The store is left out of WAL mode (the next open turns it on)."""
    handle = None
    if fcntl is not None:
        handle = open(mark_path(store), "ab")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise InUse("terminal") from None
    try:
        if os.path.exists(store):
            _no_other_connection(str(store))
        yield
    finally:
        if handle is not None:
            handle.close()


def _no_other_connection(store: str) -> None:
    conn = sqlite3.connect(f"file:{store}?mode=rw", uri=True, timeout=1.0, isolation_level=None)
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError:  # "database is locked": another connection has it open
        raise InUse("connection") from None
    finally:
        conn.close()
    if str(mode).lower() == "wal":  # SQLite kept WAL mode: someone else is connected
        raise InUse("connection")
