"""Store trouble, translated from the drivers' exceptions in this one place.

Whatever SQLite, PostgreSQL or peewee raise comes out of ``on_store`` as one ``StoreError``
that says whether the store was busy (another terminal holds the lock: try again in a
moment) and whether the connection was dropped (so one more try connects afresh).
"""

from __future__ import annotations

from typing import Callable, TypeVar

import peewee

R = TypeVar("R")

# How SQLite ("database is locked", "busy") and PostgreSQL ("lock timeout") say busy.
BUSY_WORDS = ("locked", "busy", "lock timeout")
# How they say the disk is full (SQLITE_FULL; PostgreSQL's "could not extend file … No space").
FULL_WORDS = ("disk is full", "no space left")
# How data.database says the SQLite file was deleted or moved away under a running terminal.
GONE_WORDS = ("file is gone",)
# How data.pg_wait says a hung server gave no answer within its deadline.
HUNG_WORDS = ("not answering",)
# How psycopg2 says the server is not there to take a connection (stopped or restarting).
REFUSED_WORDS = ("connection refused", "could not connect", "the database system is starting up",
                 "the database system is shutting down")


class StoreError(Exception):
    """The store cannot be opened or used; the message says why in one line."""

    def __init__(self, message: str, *, busy: bool = False, reconnects: bool = False):
        super().__init__(message)
        self.busy = busy  # held by another terminal: the same request may pass soon
        self.full = any(word in message.lower() for word in FULL_WORDS)  # room must be made
        self.reconnects = reconnects  # the connection was dropped: a retry connects afresh
        # The server gave no answer in time (hung): a retry would only wait as long again.
        self.hung = any(word in message for word in HUNG_WORDS)
        # The file is not there: no retry brings it back, a person must (restore the backup).
        self.missing = any(word in message for word in GONE_WORDS)
        # Nobody takes the connection (the server stopped): it comes back by itself, or not.
        self.refused = any(word in message.lower() for word in REFUSED_WORDS)


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def is_busy(text: str) -> bool:
    return any(word in text for word in BUSY_WORDS)


def on_store(db: peewee.Database, action: Callable[..., R], *args, **kwargs) -> R:
    """``action(*args, **kwargs)``, with any trouble of the store raised as StoreError. A
    broken connection is dropped first. A constraint violated is the caller's own mistake,
    not trouble: peewee.IntegrityError passes as it is."""
    try:
        check_file = getattr(db, "check_file", None)
        if check_file is not None:
            check_file()  # the SQLite file still the one we opened (~2 µs)
        return action(*args, **kwargs)
    except peewee.IntegrityError:
        raise
    except (peewee.OperationalError, peewee.InterfaceError) as exc:
        forget_connection(db)
        text = first_line(exc)
        hung = any(word in text for word in HUNG_WORDS)
        raise StoreError(text, busy=is_busy(text), reconnects=not hung) from exc
    except peewee.DatabaseError as exc:
        raise StoreError(first_line(exc)) from exc


def forget_connection(db: peewee.Database) -> None:
    """Drop the connection so the next statement connects afresh (never mid-transaction:
    the transaction's own rollback does that)."""
    if db.in_transaction():
        return
    try:
        db.close()  # forgets the connection even when closing it fails
    except Exception:  # it was already gone
        pass
